// Where nodes sit and how links are drawn, in pixels of the topology canvas.

export interface Point {
  x: number;
  y: number;
}

/** Node centres as fractions of the canvas, for n nodes; narrow canvases stack vertically. */
export function nodeSlots(n: number, narrow: boolean): Point[] {
  if (narrow) {
    if (n <= 1) return [{ x: 0.5, y: 0.5 }];
    return Array.from({ length: n }, (_, i) => ({ x: 0.5, y: 0.14 + (0.72 * i) / (n - 1) }));
  }
  switch (n) {
    case 1:
      return [{ x: 0.5, y: 0.5 }];
    case 2:
      return [
        { x: 0.2, y: 0.5 },
        { x: 0.8, y: 0.5 },
      ];
    case 3:
      return [
        { x: 0.5, y: 0.2 },
        { x: 0.18, y: 0.76 },
        { x: 0.82, y: 0.76 },
      ];
    default:
      return Array.from({ length: n }, (_, i) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
        return { x: 0.5 + 0.34 * Math.cos(a), y: 0.5 + 0.36 * Math.sin(a) };
      });
  }
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
