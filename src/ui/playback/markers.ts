// Scrubber markers: faults and integrity violations from the trace, merged where they would sit
// on top of each other, so each marker is one target on the track.

import type { TraceEntry } from '../../engine';

export interface Marker {
  kind: 'fault' | 'integrity';
  /** The first entry it stands for: where a click jumps to. */
  first: TraceEntry;
  count: number;
  /** Position on the track, 0..1. */
  at: number;
}

/**
 * Markers closer than this fraction of the track merge. A split brain writes every second, so
 * integrity violations merge wider: the first one matters, the rest say "it went on".
 */
const MERGE: Record<Marker['kind'], number> = { fault: 0.015, integrity: 0.05 };

export function markersOf(trace: readonly TraceEntry[], duration: number): Marker[] {
  const out: Marker[] = [];
  const lastOf: Partial<Record<Marker['kind'], Marker>> = {};
  for (const e of trace) {
    if (e.category !== 'fault' && e.category !== 'integrity') continue;
    const kind = e.category;
    const at = Math.min(1, Math.max(0, e.t / Math.max(1, duration)));
    const last = lastOf[kind];
    if (last && at - last.at < MERGE[kind]) {
      last.count += 1;
      continue;
    }
    const m: Marker = { kind, first: e, count: 1, at };
    lastOf[kind] = m;
    out.push(m);
  }
  return out.sort((a, b) => a.at - b.at || (a.kind === 'fault' ? -1 : 1));
}
