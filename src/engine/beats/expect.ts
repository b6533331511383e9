// Checks of a beat's expectations against the SimView. Paths are dotted; a node id selects the
// node ("nodes.B.serviceState"); numbers index arrays ("luns.0.registrations.length").

import type { SimView } from '../model/view';
import type { BeatExpectation } from './types';

export function resolvePath(view: SimView, path: string): { found: boolean; value: unknown } {
  let cur: unknown = view;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return { found: false, value: undefined };
    if (Array.isArray(cur)) {
      if (part === 'length') {
        cur = cur.length;
        continue;
      }
      const byId = cur.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === part);
      cur = byId ?? (/^\d+$/.test(part) ? cur[Number(part)] : undefined);
      if (cur === undefined) return { found: false, value: undefined };
      continue;
    }
    if (typeof cur !== 'object' || !(part in (cur as object))) return { found: false, value: undefined };
    cur = (cur as Record<string, unknown>)[part];
  }
  return { found: true, value: cur };
}

/** Null when the expectation holds, else what was expected and what was found. */
export function checkExpectation(view: SimView, e: BeatExpectation): string | null {
  const { found, value } = resolvePath(view, e.path);
  if (!found) return `${e.path}: no such value in the model`;
  const shown = JSON.stringify(value);
  if ('equals' in e && value !== e.equals) return `${e.path}: expected ${JSON.stringify(e.equals)}, found ${shown}`;
  if (e.atLeast !== undefined && !(typeof value === 'number' && value >= e.atLeast)) return `${e.path}: expected at least ${e.atLeast}, found ${shown}`;
  if (e.atMost !== undefined && !(typeof value === 'number' && value <= e.atMost)) return `${e.path}: expected at most ${e.atMost}, found ${shown}`;
  if (e.includes !== undefined) {
    const text = Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',') : typeof value === 'string' ? value : JSON.stringify(value);
    if (!text.includes(e.includes)) return `${e.path}: expected to include ${JSON.stringify(e.includes)}, found ${shown}`;
  }
  return null;
}
