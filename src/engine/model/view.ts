// SimView: the plain, structured-clonable projection of the world that leaves the engine.
// Panels style from `tags` and read facts from here; they never see xstate snapshots.

import type { NodeId, SimMs } from './ids';
import type { ScenarioParams } from './scenario';
import type { TraceEntry } from './trace';
import type { InFlight, NodePower } from './world';
import type { LunSummary } from '../lun/api';
import type { FaultTarget, FaultTargetKind } from '../faults/types';
import type { Mode, Personality } from './scenario';

/** A LUN: its device server's state plus where it is in the array's power lifecycle. */
export interface LunView extends LunSummary {
  /** ready; off (the array is dark: no answer at all); becoming-ready (NOT READY 04h/01h). */
  power: 'ready' | 'off' | 'becoming-ready';
}

export interface PeerInView {
  id: NodeId;
  member: boolean;
  missed: number;
}

export interface NodeView {
  id: NodeId;
  power: NodePower;
  /** Tags of the node's machines (e.g. "up", "crashed"); styling keys off these. */
  tags: string[];
  /** This node's membership view, itself included; empty while crashed. */
  members: NodeId[];
  peers: PeerInView[];
  /** Last time this node received a heartbeat from each peer. */
  heard: Record<string, SimMs>;
  /** A host outside the cluster (presented the LUN later). */
  standalone: boolean;
  /** Powered off by a fence device. */
  fenced: boolean;
  /** The cluster service's state in words, from the machine's tags ("owner", "standby", ...). */
  serviceState: string;
  /** The node's mount of the shared file system, if any. */
  mount: { epoch: number; at: SimMs } | null;
  /** Its persistent reservation key (SCSI-3 personalities). */
  key: string | null;
  /** The node's console: the commands typed there and what they printed. */
  console: { busy: boolean; history: { id: number; line: string; at: SimMs; done: boolean; exit: number | null; output: string }[] };
}

export interface PathView {
  nexus: string;
  node: NodeId;
  path: number;
  /** HBA link up. */
  up: boolean;
  /** Array target port up. */
  portUp: boolean;
  /** What the node's multipath layer thinks of it. */
  mpath: 'active' | 'failed';
  /** The path multipath sends I/O down now. */
  current: boolean;
}

/** A SCSI command on its way, for the travelling dots (position from sentAt/arriveAt). */
export interface CommandView {
  tag: number;
  node: NodeId;
  nexus: string;
  path: number;
  lun: number;
  label: string;
  purpose: string;
  phase: 'to-lun' | 'at-lun' | 'to-node' | 'lost';
  sentAt: SimMs;
  arriveAt: SimMs | null;
  /** The answer, once the LUN has given one. */
  status: string | null;
}

export interface IntegrityView {
  ok: boolean;
  latestEpoch: number;
  violations: { at: SimMs; node: NodeId; lba: number; epoch: number; trace: number }[];
}

export interface LinkView {
  id: string;
  network: number;
  a: NodeId;
  b: NodeId;
  up: boolean;
  /** Last time each end sent a heartbeat on this link (keyed by sender). */
  lastHeartbeat: Record<string, SimMs>;
}

/** A fault that applies right now, with its targets (so menus need no engine code). */
export interface FaultOption {
  id: string;
  label: string;
  description: string;
  target: FaultTargetKind;
  targets: { target: FaultTargetView; label: string }[];
}

/** Where a fault applies (the same shape as the fault registry's FaultTarget). */
export type FaultTargetView = FaultTarget;

export interface SimView {
  scenarioId: string;
  title: string;
  mode: Mode;
  personality: Personality;
  pathsPerNode: number;
  seed: number;
  time: SimMs;
  step: number;
  duration: SimMs;
  params: ScenarioParams;
  nodes: NodeView[];
  links: LinkView[];
  partition: NodeId[][] | null;
  inflight: InFlight[];
  paths: PathView[];
  targetPorts: { port: number; up: boolean }[];
  /** LUN 0 (the cluster's shared disk) first, then LUNs sharing its bus. */
  luns: LunView[];
  commands: CommandView[];
  integrity: IntegrityView;
  /** Notable trace entries of the last few seconds: one-shot cues for the UI. */
  cues: TraceEntry[];
  /** Every registered fault with the targets it applies to now (empty list: not applicable). */
  faults: FaultOption[];
  /** Time of the next queued engine event, or null when nothing is pending. */
  nextEventAt: SimMs | null;
}
