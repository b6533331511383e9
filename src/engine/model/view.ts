// SimView: the plain, structured-clonable projection of the world that leaves the engine.
// Panels style from `tags` and read facts from here; they never see xstate snapshots.

import type { NodeId, SimMs } from './ids';
import type { ScenarioParams } from './scenario';
import type { TraceEntry } from './trace';
import type { InFlight, NodePower } from './world';

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
  target: 'node' | 'link' | 'groups' | 'none';
  targets: { target: FaultTargetView; label: string }[];
}

export interface FaultTargetView {
  node?: string;
  path?: number;
  groups?: string[][];
  between?: [string, string];
  to?: string;
  network?: number;
}

export interface SimView {
  scenarioId: string;
  title: string;
  seed: number;
  time: SimMs;
  step: number;
  duration: SimMs;
  params: ScenarioParams;
  nodes: NodeView[];
  links: LinkView[];
  partition: NodeId[][] | null;
  inflight: InFlight[];
  /** Notable trace entries of the last few seconds: one-shot cues for the UI. */
  cues: TraceEntry[];
  /** Every registered fault with the targets it applies to now (empty list: not applicable). */
  faults: FaultOption[];
  /** Time of the next queued engine event, or null when nothing is pending. */
  nextEventAt: SimMs | null;
}
