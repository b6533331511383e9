// The world: the complete state of a run at one instant, as plain data plus immutable xstate
// snapshots. Checkpoints are copies of it (see sim/checkpoint.ts); nothing outside the engine
// ever sees it — the UI gets a SimView projection.

import type { AnyMachineSnapshot } from 'xstate';
import type { NodeId, SimMs, TraceId } from './ids';
import type { ScheduledFault, Scenario } from './scenario';
import type { Queued } from '../queue';
import type { RngState } from '../rng';

/** Events on the engine's queue. `cause` is the trace entry that scheduled them. */
export type EngineEvent = Queued & { cause: TraceId | null } & (
    | { kind: 'timer'; actor: string; name: string; token: number }
    | { kind: 'heartbeat.deliver'; msg: number; from: NodeId; to: NodeId; link: string }
    | { kind: 'fault'; fault: ScheduledFault; index: number }
  );

export type NodePower = 'up' | 'crashed';

export interface NodeState {
  id: NodeId;
  power: NodePower;
  /** Trace entry of the last power change (crash or restart), for causal chains. */
  powerBy: TraceId | null;
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
}
