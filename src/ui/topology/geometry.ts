// Plane geometry for the diagram, in pixels of the topology canvas. Pure functions, no DOM.

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Control point of the quadratic curve for a link; parallel networks and detours bow apart. */
export function controlPoint(p: Point, q: Point, bow: number): Point {
  const mx = (p.x + q.x) / 2;
  const my = (p.y + q.y) / 2;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: mx + (-dy / len) * bow, y: my + (dx / len) * bow };
}

export function pointOnCurve(p: Point, c: Point, q: Point, f: number): Point {
  const a = (1 - f) * (1 - f);
  const b = 2 * (1 - f) * f;
  const d = f * f;
  return { x: a * p.x + b * c.x + d * q.x, y: a * p.y + b * c.y + d * q.y };
}

/** Does the straight segment p→q pass close to point r (another node in the way)? */
export function passesNear(p: Point, q: Point, r: Point, radius: number): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const t = ((r.x - p.x) * dx + (r.y - p.y) * dy) / (dx * dx + dy * dy || 1);
  if (t <= 0.05 || t >= 0.95) return false;
  return Math.hypot(p.x + t * dx - r.x, p.y + t * dy - r.y) < radius;
}

/** Total length of a polyline. */
export function polylineLength(points: readonly Point[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) len += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return len;
}

/** A point on a polyline and the direction of travel there (unit vector), at fraction f of its length. */
export interface PointAlong extends Point {
  dx: number;
  dy: number;
}

export function pointAlong(points: readonly Point[], f: number): PointAlong {
  const first = points[0] ?? { x: 0, y: 0 };
  if (points.length < 2) return { ...first, dx: 1, dy: 0 };
  const total = polylineLength(points);
  let left = Math.min(Math.max(f, 0), 1) * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (seg === 0) continue;
    if (left <= seg || i === points.length - 1) {
      const t = Math.min(left / seg, 1);
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, dx: (b.x - a.x) / seg, dy: (b.y - a.y) / seg };
    }
    left -= seg;
  }
  const last = points[points.length - 1]!;
  return { ...last, dx: 1, dy: 0 };
}

/** Fraction of the polyline's length at which vertex `index` sits. */
export function fractionAtVertex(points: readonly Point[], index: number): number {
  const total = polylineLength(points);
  if (total === 0) return 0;
  return polylineLength(points.slice(0, index + 1)) / total;
}

/** SVG path data of a polyline. */
export function polylinePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${round(p.x)} ${round(p.y)}`).join(' ');
}

/** The part of a polyline between fractions `from` and `to` of its length. */
export function slicePolyline(points: readonly Point[], from: number, to: number): Point[] {
  if (points.length < 2 || to <= from) return [];
  const total = polylineLength(points);
  const a = from * total;
  const b = to * total;
  const out: Point[] = [];
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    const seg = Math.hypot(q.x - p.x, q.y - p.y);
    const s0 = walked;
    const s1 = walked + seg;
    walked = s1;
    if (s1 < a || s0 > b || seg === 0) continue;
    const lerp = (s: number): Point => ({ x: p.x + ((q.x - p.x) * (s - s0)) / seg, y: p.y + ((q.y - p.y) * (s - s0)) / seg });
    if (out.length === 0) out.push(lerp(Math.max(a, s0)));
    out.push(lerp(Math.min(b, s1)));
  }
  return out;
}

export const round = (n: number): number => Math.round(n * 10) / 10;

/** Rough width of a label in px (system sans at `size` px); the diagram sizes pills with it. */
export function textWidth(text: string, size = 12): number {
  let w = 0;
  for (const ch of text) w += /[A-Z0-9_]/.test(ch) ? 0.66 : /[il.,:|' ]/.test(ch) ? 0.3 : 0.56;
  return Math.ceil(w * size);
}
