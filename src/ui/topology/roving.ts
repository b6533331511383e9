// Roving focus over the diagram's elements: one tab stop, arrow keys move. Left/Right walk the
// reading order (row by row, so Right alone visits everything); Up/Down jump to the nearest
// element of the row above or below; Home/End go to the first and last element.

import type { Point } from './geometry';

export const ROVING_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;

export function isRovingKey(key: string): boolean {
  return (ROVING_KEYS as readonly string[]).includes(key);
}

/** The element focus moves to from `current` on `key`, or `current` when it cannot move. */
export function moveFocus(rows: readonly (readonly string[])[], points: Readonly<Record<string, Point>>, current: string, key: string): string {
  const flat = rows.flat();
  if (flat.length === 0) return current;
  const r = rows.findIndex((row) => row.includes(current));
  if (r < 0) return flat[0]!;
  const row = rows[r]!;
  const i = row.indexOf(current);
  switch (key) {
    case 'Home':
      return flat[0]!;
    case 'End':
      return flat[flat.length - 1]!;
    case 'ArrowRight': {
      const k = flat.indexOf(current);
      return flat[Math.min(k + 1, flat.length - 1)]!;
    }
    case 'ArrowLeft': {
      const k = flat.indexOf(current);
      return flat[Math.max(k - 1, 0)]!;
    }
    case 'ArrowDown':
    case 'ArrowUp': {
      const target = rows[key === 'ArrowDown' ? r + 1 : r - 1];
      if (!target || target.length === 0) return current;
      const from = points[current] ?? points[row[i]!];
      if (!from) return target[0]!;
      let best = target[0]!;
      let bestD = Infinity;
      for (const k of target) {
        const p = points[k];
        const d = p ? Math.abs(p.x - from.x) : Infinity;
        if (d < bestD) {
          best = k;
          bestD = d;
        }
      }
      return best;
    }
    default:
      return current;
  }
}
