import { describe, expect, it } from 'vitest';
import { fractionAtVertex, pointAlong, polylineLength, slicePolyline, textWidth } from './geometry';

const L = [
  { x: 0, y: 0 },
  { x: 0, y: 100 },
  { x: 100, y: 100 },
];

describe('a polyline route', () => {
  it('measures its length along every segment', () => {
    expect(polylineLength(L)).toBe(200);
  });

  it('gives the point and the direction of travel at a fraction of its length', () => {
    expect(pointAlong(L, 0.25)).toEqual({ x: 0, y: 50, dx: 0, dy: 1 });
    expect(pointAlong(L, 0.75)).toEqual({ x: 50, y: 100, dx: 1, dy: 0 });
    expect(pointAlong(L, 1)).toMatchObject({ x: 100, y: 100 });
  });

  it('clamps fractions outside 0…1 to the ends', () => {
    expect(pointAlong(L, -1)).toMatchObject({ x: 0, y: 0 });
    expect(pointAlong(L, 2)).toMatchObject({ x: 100, y: 100 });
  });

  it('skips zero-length segments', () => {
    expect(pointAlong([{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 10, y: 0 }], 0.5)).toEqual({ x: 5, y: 0, dx: 1, dy: 0 });
  });

  it('knows at which fraction each vertex sits', () => {
    expect(fractionAtVertex(L, 0)).toBe(0);
    expect(fractionAtVertex(L, 1)).toBe(0.5);
    expect(fractionAtVertex(L, 2)).toBe(1);
  });

  it('cuts out the stretch between two fractions (a cable with a gap)', () => {
    expect(slicePolyline(L, 0, 0.25)).toEqual([{ x: 0, y: 0 }, { x: 0, y: 50 }]);
    expect(slicePolyline(L, 0.25, 0.75)).toEqual([{ x: 0, y: 50 }, { x: 0, y: 100 }, { x: 50, y: 100 }]);
    expect(slicePolyline(L, 0.5, 0.5)).toEqual([]);
  });
});

describe('text width estimate', () => {
  it('grows with the text and the font size', () => {
    expect(textWidth('WRITE 92', 11)).toBeGreaterThan(textWidth('GOOD', 11));
    expect(Math.abs(textWidth('GOOD', 22) - 2 * textWidth('GOOD', 11))).toBeLessThanOrEqual(1);
  });
});
