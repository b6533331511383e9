// Finding entries in the store's trace mirror. Entry ids are positions in the engine's trace, and
// the mirror is a contiguous tail of it (it may have dropped the oldest entries), so an id maps
// to an index by subtracting the first id held.

import type { TraceEntry } from '../../engine';

/** The entry with this id, or undefined when the mirror does not hold it (dropped or not yet sent). */
export function entryById(trace: readonly TraceEntry[], id: number): TraceEntry | undefined {
  if (trace.length === 0) return undefined;
  const guess = trace[id - trace[0]!.id];
  if (guess?.id === id) return guess;
  // Not contiguous after all (never expected): fall back to a binary search on the sorted ids.
  let lo = 0;
  let hi = trace.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = trace[mid]!;
    if (e.id === id) return e;
    if (e.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export interface CausalChain {
  /** Root cause first, the entry itself last. */
  links: TraceEntry[];
  /** True when a parent was no longer in the mirror, so the real root lies further back. */
  cutShort: boolean;
}

/** Follows `parent` links from an entry back to its root cause (a fault, a scheduled event). */
export function causalChain(trace: readonly TraceEntry[], entry: TraceEntry, maxLinks = 64): CausalChain {
  const links: TraceEntry[] = [entry];
  const seen = new Set<number>([entry.id]);
  let cur = entry;
  let cutShort = false;
  while (cur.parent !== null && links.length < maxLinks) {
    const parent = entryById(trace, cur.parent);
    if (!parent || seen.has(parent.id)) {
      cutShort = true;
      break;
    }
    seen.add(parent.id);
    links.push(parent);
    cur = parent;
  }
  if (links.length >= maxLinks && cur.parent !== null) cutShort = true;
  return { links: links.reverse(), cutShort };
}
