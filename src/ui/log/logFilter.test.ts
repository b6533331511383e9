import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, logPage, newerAnchor, olderAnchor, type LogFilter } from './logFilter';
import { makeTrace } from './logFixtures';
import type { TraceEntry } from '../../engine';

const only = (patch: Partial<LogFilter>): LogFilter => ({ ...DEFAULT_FILTER, ...patch });

function longTrace(n: number): TraceEntry[] {
  return makeTrace(
    Array.from({ length: n }, (_, i) => ({
      kind: i % 2 ? 'HEARTBEAT.SENT' : 'SCSI.SEND',
      category: i % 2 ? ('heartbeat' as const) : ('scsi' as const),
      summary: i % 2 ? 'A sends heartbeats' : `A.1 → LUN 0: WRITE(10) LBA ${64 + (i % 64)}`,
      step: i,
    })),
  );
}

describe('the event log page', () => {
  it('hides heartbeats by default', () => {
    const page = logPage(longTrace(10), 100, DEFAULT_FILTER, 50, null);
    expect(page.rows.every((e) => e.category === 'scsi')).toBe(true);
    expect(page.total).toBe(5);
  });

  it('shows nothing after the current step', () => {
    const page = logPage(longTrace(10), 4, DEFAULT_FILTER, 50, null);
    expect(page.rows.map((e) => e.step)).toEqual([0, 2, 4]);
  });

  it('files learner input problems under faults', () => {
    const trace = makeTrace([{ kind: 'INPUT.REJECTED', category: 'input' }]);
    expect(logPage(trace, 9, DEFAULT_FILTER, 9, null).total).toBe(1);
    expect(logPage(trace, 9, only({ groups: { ...DEFAULT_FILTER.groups, fault: false } }), 9, null).total).toBe(0);
  });

  it('searches summaries and kinds, case-insensitively (the query arrives lower-cased)', () => {
    const trace = longTrace(200);
    expect(logPage(trace, 999, only({ query: 'lba 70' }), 50, null).total).toBe(4);
    expect(logPage(trace, 999, only({ query: 'scsi.send' }), 500, null).total).toBe(100);
  });

  it('keeps only notable entries when asked', () => {
    const trace = makeTrace([{ kind: 'X', notable: true }, { kind: 'Y' }]);
    expect(logPage(trace, 9, only({ notableOnly: true }), 9, null).rows.map((e) => e.kind)).toEqual(['X']);
  });

  it('renders at most `limit` rows of a 50,000-entry trace, newest last, quickly', () => {
    const trace = longTrace(50_000);
    const started = performance.now();
    const page = logPage(trace, 60_000, DEFAULT_FILTER, 200, null);
    expect(performance.now() - started).toBeLessThan(100);
    expect(page.rows).toHaveLength(200);
    expect(page.rows.at(-1)!.id).toBe(49_998);
    expect(page.older).toBe(25_000 - 200);
    expect(page.newer).toBe(0);
  });

  it('pages to older entries and back to now', () => {
    const trace = longTrace(1000);
    const now = logPage(trace, 2000, DEFAULT_FILTER, 100, null);
    const older = logPage(trace, 2000, DEFAULT_FILTER, 100, olderAnchor(now));
    expect(older.rows.at(-1)!.id).toBe(now.rows[0]!.id - 2);
    expect(older.newer).toBe(100);
    const oldest = logPage(trace, 2000, DEFAULT_FILTER, 100, 150);
    expect(oldest.rows.map((e) => e.id).slice(0, 2)).toEqual([0, 2]);
    expect(oldest.older).toBe(0);
    // Newer from the oldest page: the next 100 matches end at id 350; from near the end: back to now.
    expect(newerAnchor(trace, 2000, DEFAULT_FILTER, 100, 150)).toBe(350);
    expect(newerAnchor(trace, 2000, DEFAULT_FILTER, 100, 900)).toBeNull();
  });
});
