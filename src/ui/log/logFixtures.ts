// Test fixtures: small traces written the way the engine writes them (ids are positions).

import type { TraceEntry } from '../../engine';

/** Like a TraceEntry, with plain numbers and strings where the engine has branded ids. */
type Partial_ = Partial<Omit<TraceEntry, 'id' | 't' | 'node' | 'parent'>> & Pick<TraceEntry, 'kind'> & { t?: number; node?: string; parent?: number | null };

/** Builds a trace from entries in order; ids are their indexes plus `firstId`. */
export function makeTrace(entries: Partial_[], firstId = 0): TraceEntry[] {
  return entries.map((e, i) => ({
    t: i * 10,
    step: i,
    category: 'scsi',
    summary: e.kind,
    parent: null,
    ...e,
    id: (firstId + i) as TraceEntry['id'],
  })) as TraceEntry[];
}
