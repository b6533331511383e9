import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../engine';
import { markersOf } from './markers';

const entry = (id: number, t: number, category: TraceEntry['category']) => ({ id, t, step: id, kind: 'X', category, summary: `e${id}`, parent: null }) as unknown as TraceEntry;

describe('markersOf', () => {
  it('marks faults and integrity violations only, at their place on the track', () => {
    const m = markersOf([entry(1, 0, 'scsi'), entry(2, 50_000, 'fault'), entry(3, 60_000, 'integrity'), entry(4, 61_000, 'heartbeat')], 100_000);
    expect(m.map((x) => [x.kind, x.at, x.first.id])).toEqual([
      ['fault', 0.5, 2],
      ['integrity', 0.6, 3],
    ]);
  });

  it('merges markers that would sit on top of each other, counting them and keeping the first', () => {
    const writes = Array.from({ length: 10 }, (_, i) => entry(10 + i, 10_000 + i * 1200, 'integrity'));
    const m = markersOf([entry(1, 10_000, 'fault'), entry(2, 10_500, 'fault'), ...writes], 100_000);
    expect(m.map((x) => [x.kind, x.first.id, x.count])).toEqual([
      ['fault', 1, 2],
      ['integrity', 10, 5],
      ['integrity', 15, 5],
    ]);
  });
});
