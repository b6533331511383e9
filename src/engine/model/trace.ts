// The trace: an append-only list of typed events with virtual timestamps and a causal parent.
// It is what the event log, the ladder and "why?" read, and what determinism tests compare.

import type { NodeId, SimMs, TraceId } from './ids';

/** Filter groups of the event log. */
export type TraceCategory = 'heartbeat' | 'scsi' | 'cluster' | 'fault' | 'integrity' | 'input';

export interface TraceEntry {
  id: TraceId;
  /** Virtual time of the event. */
  t: SimMs;
  /** Number of engine events processed when this entry was written (its position in the run). */
  step: number;
  /** Dotted kind in the protocol's vocabulary, e.g. "HEARTBEAT.LOST", "FAULT.LINK_CUT". */
  kind: string;
  category: TraceCategory;
  /** The node the entry is about (where it happened), if any. */
  node?: NodeId;
  /** One line for the event log. */
  summary: string;
  /** The rule that fired: the transition's description, or the standard's clause. */
  rule?: string;
  /** The entry that led to this one (a fault, a command, a timer), or null for a root cause. */
  parent: TraceId | null;
  /** Kind-specific plain data (peer, link, status, ...). */
  data?: Record<string, string | number | boolean | null | readonly string[]>;
  /** True for entries a learner should stop at with Next/Previous notable event. */
  notable?: boolean;
}
