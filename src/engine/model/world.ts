// The world: the complete state of a run at one instant, as plain data plus immutable xstate
// snapshots. Checkpoints are copies of it (see sim/checkpoint.ts); nothing outside the engine
// ever sees it — the UI gets a SimView projection.

import type { AnyMachineSnapshot } from 'xstate';
import type { NexusId, NodeId, PrKey, SimMs, TraceId } from './ids';
import type { LunState, ScsiResult } from '../lun';
import type { ConsoleState } from '../nodeConsole/nodeConsole';
import type { ScheduledFault, Scenario } from './scenario';
import type { Queued } from '../queue';
import type { RngState } from '../rng';

/** Events on the engine's queue. `cause` is the trace entry that scheduled them. */
export type EngineEvent = Queued & { cause: TraceId | null } & (
    | { kind: 'timer'; actor: string; name: string; token: number }
    | { kind: 'heartbeat.deliver'; msg: number; from: NodeId; to: NodeId; link: string }
    | { kind: 'fault'; fault: ScheduledFault; index: number }
    /** A SCSI command (or task management request) reaches the array. */
    | { kind: 'scsi.arrive'; tag: number }
    /** The LUN executes the oldest task in its task set. */
    | { kind: 'lun.service'; lun: number }
    /** A SCSI answer reaches the initiator. */
    | { kind: 'scsi.respond'; tag: number }
    /** The initiator gives up on a command that was lost. */
    | { kind: 'scsi.timeout'; tag: number }
    /** The application on a node writes its next block. */
    | { kind: 'app.write'; node: NodeId; token: number }
    /** multipathd checks a node's paths. */
    | { kind: 'mpath.check'; node: NodeId }
    /** A node's fence agent sends its power-off command to the fence device (after any fence delay). */
    | { kind: 'fence.issue'; fencer: NodeId; victim: NodeId; incarnation: number }
    /** A power fence device acts. */
    | { kind: 'fence.complete'; fencer: NodeId; victim: NodeId; incarnation: number }
    /** The fence device's answer reaches the fencer's agent (held while the fencer is paused). */
    | { kind: 'fence.result'; fencer: NodeId; victim: NodeId; incarnation: number }
    /** A rebooted node comes back up. */
    | { kind: 'node.boot'; node: NodeId; incarnation: number }
    /** A cluster message (over the heartbeat network) reaches a node. */
    | { kind: 'cluster.deliver'; from: NodeId; to: NodeId; message: ClusterMessage }
  );

/** Messages between cluster nodes' software (Pacemaker CIB updates, MSCS regroup, ...). */
export type ClusterMessage = { type: 'OWNER'; owner: NodeId } | { type: 'TAKE_OVER'; from: NodeId };

export type NodePower = 'up' | 'crashed' | 'frozen';

export interface NodeState {
  id: NodeId;
  power: NodePower;
  /** Trace entry of the last power change (crash, freeze, restart), for causal chains. */
  powerBy: TraceId | null;
  /** Counts boots; events of an older incarnation are dropped. */
  incarnation: number;
  /** Powered off by a fence device (until it boots again). */
  fenced: boolean;
  /** A host outside the cluster (a standalone server the LUN was presented to). */
  standalone: boolean;
}

/** One path: a node's HBA port (initiator port) to one array target port: an I_T nexus. */
export interface PathState {
  nexus: NexusId;
  node: NodeId;
  /** 1-based path number on the node; also the array target port it is zoned to. */
  path: number;
  /** The HBA link is up (cable in). */
  up: boolean;
  downBy: TraceId | null;
}

export interface TargetPortState {
  port: number;
  up: boolean;
  downBy: TraceId | null;
}

/** A LUN of the array. LUN 0 is the cluster's shared disk; others share its bus. */
export interface LunSlot {
  id: number;
  state: LunState;
  /** A `lun.service` event is pending. */
  busy: boolean;
}

/** A SCSI command somewhere between an initiator and the LUN, or a task management request. */
export interface ScsiInFlight {
  tag: number;
  node: NodeId;
  nexus: NexusId;
  path: number;
  lun: number;
  /** CDB bytes; empty for a task management request. */
  cdb: number[];
  dataOut?: number[];
  /** Task management function instead of a CDB. */
  tmf?: 'lun' | 'target' | 'bus';
  /** What it is for, e.g. "app.write", "renew", "fence"; the issuing actor sees it in the result. */
  purpose: string;
  /** Short label for the diagram and the event log, e.g. "WRITE(10) LBA 42". */
  label: string;
  /** Actor to tell the result to ("A/cluster"), or null. */
  actor: string | null;
  /** Mount epoch of the writer, for the integrity checker (application writes only). */
  epoch: number | null;
  phase: 'to-lun' | 'at-lun' | 'to-node' | 'lost';
  sentAt: SimMs;
  /** When it reaches the LUN (to-lun) or the initiator (to-node). */
  arriveAt: SimMs | null;
  result: ScsiResult | null;
  /** Trace entry of the send. */
  sendId: TraceId;
  /** Node incarnation that sent it. */
  incarnation: number;
  /** Routed by multipath (retried on another path when its path fails). */
  viaMpath: boolean;
  /** Automatic resends so far (unit attention, multipath failover). */
  retries: number;
}

/** A node's multipath view of its paths. */
export interface MultipathState {
  node: NodeId;
  /** Path number → checker state as multipathd sees it. */
  paths: Record<number, 'active' | 'failed'>;
}

export interface MountState {
  epoch: number;
  at: SimMs;
  by: TraceId | null;
}

/** A corrupting write: accepted from a node whose mount was superseded. */
export interface Violation {
  at: SimMs;
  node: NodeId;
  lba: number;
  epoch: number;
  latestEpoch: number;
  trace: TraceId;
}

/** One heartbeat link: network `network` between nodes `a` and `b` (a < b). */
export interface LinkState {
  id: string;
  network: number;
  a: NodeId;
  b: NodeId;
  up: boolean;
  /** Trace entry of the fault that cut it, while it is cut. */
  cutBy: TraceId | null;
}

export interface PartitionState {
  groups: NodeId[][];
  by: TraceId;
}

/** A message on its way, for animation: its position is (now - sentAt) / (deliverAt - sentAt). */
export interface InFlight {
  id: number;
  kind: 'heartbeat';
  from: NodeId;
  to: NodeId;
  link: string;
  sentAt: SimMs;
  deliverAt: SimMs;
}

/** An xstate actor of the run: which machine, and its current (immutable) snapshot. */
export interface ActorSlot {
  logic: string;
  node: NodeId;
  snapshot: AnyMachineSnapshot;
}

export interface World {
  scenario: Scenario;
  seed: number;
  time: SimMs;
  /** Engine events processed so far. */
  step: number;
  /** Learner inputs of the branch applied so far. */
  inputsApplied: number;
  /** Next queue sequence number. */
  seq: number;
  /** Length of the trace at this instant (the next trace id). */
  traceLength: number;
  rng: RngState;
  queue: EngineEvent[];
  /** Current token per armed timer ("<actor>#<name>"); a fired timer whose token differs is stale. */
  timers: Record<string, number>;
  nextTimerToken: number;
  nextMessageId: number;
  nodes: Record<string, NodeState>;
  links: LinkState[];
  partition: PartitionState | null;
  inflight: InFlight[];
  /** Last heartbeat put on each link per direction ("<link>|<from>"), for pulses in the UI. */
  lastHeartbeat: Record<string, SimMs>;
  /** Last heartbeat each node received from each peer ("<node>|<peer>"). */
  lastHeard: Record<string, SimMs>;
  actors: Record<string, ActorSlot>;
  paths: PathState[];
  targetPorts: TargetPortState[];
  luns: LunSlot[];
  inflightScsi: ScsiInFlight[];
  nextTag: number;
  multipath: Record<string, MultipathState>;
  /** The file system mount of each node, or null. */
  mounts: Record<string, MountState | null>;
  latestEpoch: number;
  /** Trace entry of the latest mount (the one that supersedes older epochs). */
  latestMountBy: TraceId | null;
  /** Current application write timer token per node. */
  appTokens: Record<string, number>;
  violations: Violation[];
  /** Events addressed to a frozen node, held until it resumes (in order). */
  frozenBacklog: Record<string, EngineEvent[]>;
  /** Each node's persistent reservation key (SCSI-3 personalities; computed for all). */
  keys: Record<string, PrKey>;
  /** Each node's console: typed commands, their output, the one running now. */
  consoles: Record<string, ConsoleState>;
}
