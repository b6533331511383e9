// Where the name tags of commands go so they don't cover each other or the diagram's ports: a
// greedy pass tries a few spots around each marker, most important markers first.

import type { Point, Rect } from './geometry';

export interface LabelRequest {
  at: Point;
  w: number;
  h: number;
  /** The marker sits on a vertical stretch of cable (label beside it) or a horizontal one (above). */
  vertical: boolean;
}

const overlaps = (a: Rect, b: Rect, pad = 2) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;

function candidates({ at, w, h, vertical }: LabelRequest): Rect[] {
  const out: Rect[] = [];
  const step = h + 4;
  if (vertical) {
    for (const k of [0, 1, -1, 2, -2, 3]) {
      out.push({ x: at.x + 12, y: at.y - h / 2 + k * step, w, h });
      out.push({ x: at.x - 12 - w, y: at.y - h / 2 + k * step, w, h });
    }
  } else {
    for (const k of [0, 1, 2]) {
      out.push({ x: at.x - w / 2, y: at.y - h - 10 - k * step, w, h });
      out.push({ x: at.x - w / 2, y: at.y + 10 + k * step, w, h });
    }
  }
  return out;
}

/**
 * Places labels in the order given (put the important ones first). Each takes the first
 * candidate spot inside the canvas that is free of earlier labels and of `obstacles`, else the
 * first spot inside the canvas.
 */
export function placeLabels(requests: readonly LabelRequest[], width: number, obstacles: readonly Rect[] = []): Rect[] {
  const placed: Rect[] = [];
  return requests.map((r) => {
    const inside = (c: Rect): Rect => ({ ...c, x: Math.min(Math.max(c.x, 4), width - c.w - 4) });
    const spots = candidates(r).map(inside);
    const free = spots.find((c) => !placed.some((p) => overlaps(c, p)) && !obstacles.some((o) => overlaps(c, o, 0)));
    const chosen = free ?? spots.find((c) => !placed.some((p) => overlaps(c, p))) ?? spots[0]!;
    placed.push(chosen);
    return chosen;
  });
}
