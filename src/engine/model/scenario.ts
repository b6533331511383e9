// The scenario a run starts from. Issue 4 grows this into the full schema-validated format;
// every field here keeps its name there.

import type { NodeId, SimMs } from './ids';

export interface HeartbeatParams {
  /** Time between heartbeats a node sends to each peer, per network (WSFC SameSubnetDelay 1000 ms). */
  heartbeatIntervalMs: number;
  /** Consecutive missed heartbeats before a peer is removed (WSFC 2008-era threshold 5). */
  heartbeatMisses: number;
  /** Number of heartbeat networks; each joins every pair of nodes with its own link. */
  heartbeatNetworks: number;
  /** One-way heartbeat latency on a link. */
  heartbeatLatencyMs: number;
}

export type ScenarioParams = HeartbeatParams;

export const DEFAULT_PARAMS: ScenarioParams = {
  heartbeatIntervalMs: 1000,
  heartbeatMisses: 5,
  heartbeatNetworks: 1,
  heartbeatLatencyMs: 1,
};

/** A fault planned by the scenario author: `{ at, fault, ...target }`. */
export interface ScheduledFault {
  at: number;
  fault: string;
  node?: string;
  path?: number;
  groups?: string[][];
  between?: [string, string];
  to?: string;
  network?: number;
}

export interface Scenario {
  id: string;
  title: string;
  summary?: string;
  nodes: NodeId[];
  seed: number;
  params: ScenarioParams;
  faults: ScheduledFault[];
  /** Where playback stops by itself. */
  duration: SimMs;
}
