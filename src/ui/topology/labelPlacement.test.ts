import { describe, expect, it } from 'vitest';
import { placeLabels } from './labelPlacement';

describe('label placement', () => {
  it('puts a label beside a marker on a vertical cable, above one on a horizontal cable', () => {
    const [side, above] = placeLabels(
      [
        { at: { x: 100, y: 100 }, w: 60, h: 20, vertical: true },
        { at: { x: 300, y: 100 }, w: 60, h: 20, vertical: false },
      ],
      800,
    );
    expect(side).toEqual({ x: 112, y: 90, w: 60, h: 20 });
    expect(above).toEqual({ x: 270, y: 70, w: 60, h: 20 });
  });

  it('moves a second label off the first', () => {
    const [a, b] = placeLabels(
      [
        { at: { x: 100, y: 100 }, w: 60, h: 20, vertical: true },
        { at: { x: 104, y: 104 }, w: 60, h: 20, vertical: true },
      ],
      800,
    );
    const apart = a!.x + a!.w <= b!.x || b!.x + b!.w <= a!.x || a!.y + a!.h <= b!.y || b!.y + b!.h <= a!.y;
    expect(apart).toBe(true);
  });

  it('keeps labels on the canvas and off obstacles', () => {
    const [l] = placeLabels([{ at: { x: 790, y: 100 }, w: 60, h: 20, vertical: true }], 800, [{ x: 700, y: 80, w: 80, h: 40 }]);
    expect(l!.x + l!.w).toBeLessThanOrEqual(796);
    expect(l!.y + l!.h <= 80 || l!.y >= 120).toBe(true);
  });
});
