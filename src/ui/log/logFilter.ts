// Which trace entries the event log shows: categories switched on, a search text, entries up to
// the current playback step, and at most `limit` of them (a page ending at an anchor entry, or at
// "now"). The trace can hold tens of thousands of entries; only one page is ever rendered.

import type { TraceCategory, TraceEntry } from '../../engine';

/** The filter toggles. Learner input problems ('input') travel with faults. */
export type LogGroup = 'heartbeat' | 'scsi' | 'cluster' | 'fault' | 'integrity';

export const LOG_GROUPS: readonly { id: LogGroup; label: string }[] = [
  { id: 'heartbeat', label: 'Heartbeat' },
  { id: 'scsi', label: 'SCSI' },
  { id: 'cluster', label: 'Cluster' },
  { id: 'fault', label: 'Faults' },
  { id: 'integrity', label: 'Integrity' },
];

export interface LogFilter {
  groups: Record<LogGroup, boolean>;
  /** Lower-cased search text; empty matches everything. */
  query: string;
  notableOnly: boolean;
}

/** Heartbeats are off by default: two per second per node pair drown everything else. */
export const DEFAULT_FILTER: LogFilter = {
  groups: { heartbeat: false, scsi: true, cluster: true, fault: true, integrity: true },
  query: '',
  notableOnly: false,
};

export function groupOf(category: TraceCategory): LogGroup {
  return category === 'input' ? 'fault' : category;
}

export function matches(e: TraceEntry, f: LogFilter): boolean {
  if (!f.groups[groupOf(e.category)]) return false;
  if (f.notableOnly && !e.notable) return false;
  if (!f.query) return true;
  // The words a learner sees (the summary) and the event's kind, e.g. "fence" or "PREEMPT".
  return e.summary.toLowerCase().includes(f.query) || e.kind.toLowerCase().includes(f.query);
}

export interface LogPage {
  /** Oldest first. */
  rows: TraceEntry[];
  /** All entries up to the current step that match the filter. */
  total: number;
  /** Matching entries older than the page / newer than the page. */
  older: number;
  newer: number;
}

/**
 * The page of matching entries ending at `anchor` (an entry id, inclusive), or at the current
 * step when `anchor` is null. Entries after `step` are never shown.
 */
export function logPage(trace: readonly TraceEntry[], step: number, f: LogFilter, limit: number, anchor: number | null): LogPage {
  const rows: TraceEntry[] = [];
  let total = 0;
  let newer = 0;
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i]!;
    if (e.step > step || !matches(e, f)) continue;
    total++;
    if (anchor !== null && e.id > anchor) newer++;
    else if (rows.length < limit) rows.push(e);
  }
  rows.reverse();
  return { rows, total, older: total - newer - rows.length, newer };
}

/**
 * The anchor of the next newer page: the id of the `limit`-th matching entry after `fromId`, or
 * null when that reaches the current step (the log follows playback again).
 */
export function newerAnchor(trace: readonly TraceEntry[], step: number, f: LogFilter, limit: number, fromId: number): number | null {
  let seen = 0;
  let last: number | null = null;
  let more = false;
  for (const e of trace) {
    if (e.id <= fromId || e.step > step || !matches(e, f)) continue;
    if (seen === limit) {
      more = true;
      break;
    }
    seen++;
    last = e.id;
  }
  return more ? last : null;
}

/** The anchor of the next older page: just before the oldest row shown. */
export function olderAnchor(page: LogPage): number | null {
  const first = page.rows[0];
  return first ? first.id - 1 : null;
}
