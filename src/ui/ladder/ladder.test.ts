import { describe, expect, it } from 'vitest';
import { makeTrace } from '../log/logFixtures';
import { buildLanes, layoutRows } from './ladderLayout';
import { buildLadderRows, ladderWindow, resultText } from './ladderRows';

// A WRITE from A.1 that succeeds, then B.1's WRITE under WE_RO after B was preempted.
const writes = makeTrace([
  { kind: 'SCSI.SEND', t: 1000, data: { tag: 1, nexus: 'A.1', lun: 0, label: 'WRITE(10) LBA 77' } },
  { kind: 'SCSI.EXEC', t: 1002, parent: 0 , data: { tag: 1, nexus: 'A.1', status: 'GOOD', lun: 0, label: 'WRITE(10) LBA 77' } },
  { kind: 'SCSI.DONE', t: 1003, node: 'A' , parent: 0 , data: { tag: 1, status: 'GOOD', path: 1, label: 'WRITE(10) LBA 77' } },
  { kind: 'SCSI.SEND', t: 2000, data: { tag: 2, nexus: 'B.1', lun: 0, label: 'WRITE(10) LBA 90' } },
  { kind: 'SCSI.EXEC', t: 2002, parent: 3 , data: { tag: 2, nexus: 'B.1', status: 'RESERVATION_CONFLICT', lun: 0, label: 'WRITE(10) LBA 90' } },
  { kind: 'SCSI.DONE', t: 2003, node: 'B' , parent: 3 , data: { tag: 2, status: 'RESERVATION_CONFLICT', path: 1, label: 'WRITE(10) LBA 90' } },
]);

describe('ladder rows for WRITEs under WE_RO', () => {
  const rows = buildLadderRows(writes, { heartbeats: false });

  it('draws each command as a request to the LUN and an answer back', () => {
    expect(rows.map((r) => [r.kind, r.from, r.to, r.label, r.status])).toEqual([
      ['request', 'A.1', 'LUN', 'WRITE(10) LBA 77', null],
      ['answer', 'LUN', 'A.1', 'WRITE(10) LBA 77', 'GOOD'],
      ['request', 'B.1', 'LUN', 'WRITE(10) LBA 90', null],
      ['answer', 'LUN', 'B.1', 'WRITE(10) LBA 90', 'RESERVATION CONFLICT'],
    ]);
  });

  it('gives the table twin a result for every row', () => {
    expect(rows.map(resultText)).toEqual(['sent', 'GOOD', 'sent', 'RESERVATION CONFLICT']);
  });
});

describe('answers that do not come back', () => {
  it('marks an answer lost on the way back, and the initiator\'s timeout', () => {
    const trace = makeTrace([
      { kind: 'SCSI.SEND', t: 0, data: { tag: 5, nexus: 'A.2', label: 'WRITE(10) LBA 70' } },
      { kind: 'SCSI.EXEC', t: 2, data: { tag: 5, nexus: 'A.2', status: 'GOOD', label: 'WRITE(10) LBA 70' } },
      { kind: 'SCSI.DONE', t: 30_000, node: 'A' , data: { tag: 5, status: 'TIMEOUT', path: 2, label: 'WRITE(10) LBA 70' } },
    ]);
    const rows = buildLadderRows(trace, { heartbeats: false });
    expect(rows[1]).toMatchObject({ kind: 'answer', lost: true, status: 'GOOD' });
    expect(rows[2]).toMatchObject({ kind: 'timeout', from: 'A.2', to: 'A.2', status: 'TIMEOUT' });
    expect(resultText(rows[1]!)).toBe('GOOD, lost on the way back');
  });

  it('calls a retried CHECK CONDITION a unit attention', () => {
    const trace = makeTrace([
      { kind: 'SCSI.SEND', data: { tag: 7, nexus: 'B.2', label: 'PR IN READ KEYS' } },
      { kind: 'SCSI.EXEC', data: { tag: 7, nexus: 'B.2', status: 'CHECK_CONDITION', label: 'PR IN READ KEYS' } },
      { kind: 'SCSI.UA_RETRY', parent: 0 },
    ]);
    expect(buildLadderRows(trace, { heartbeats: false })[1]!.status).toBe('UNIT ATTENTION');
  });

  it('draws a reset\'s answer (no EXEC) when it arrives, and aborts as notes at the LUN', () => {
    const trace = makeTrace([
      { kind: 'SCSI.SEND', data: { tag: 9, nexus: 'A.1', label: 'LOGICAL UNIT RESET' } },
      { kind: 'SCSI.ABORTED', data: { tag: 3, nexus: 'B.1' } },
      { kind: 'SCSI.DONE', node: 'A' , data: { tag: 9, status: 'GOOD', path: 1, label: 'LOGICAL UNIT RESET' } },
    ]);
    const rows = buildLadderRows(trace, { heartbeats: false });
    expect(rows.map((r) => [r.kind, r.from, r.to, r.status])).toEqual([
      ['request', 'A.1', 'LUN', null],
      ['note', 'LUN', 'LUN', 'ABORTED'],
      ['answer', 'LUN', 'A.1', 'GOOD'],
    ]);
  });
});

describe('heartbeats in the ladder', () => {
  const trace = makeTrace([
    { kind: 'HEARTBEAT.SENT', t: 1000, node: 'A' , category: 'heartbeat', data: { to: ['B'] } },
    { kind: 'HEARTBEAT.RECEIVED', t: 1001, node: 'B' , category: 'heartbeat', parent: 0 },
    { kind: 'HEARTBEAT.SENT', t: 2000, node: 'B' , category: 'heartbeat', data: { to: ['A'] } },
    { kind: 'HEARTBEAT.SENT', t: 3000, node: 'A' , category: 'heartbeat', data: { to: ['B'] } },
  ]);

  it('are left out unless asked for', () => {
    expect(buildLadderRows(trace, { heartbeats: false })).toEqual([]);
  });

  it('are received, lost (link cut) or still in flight', () => {
    const rows = buildLadderRows(trace, { heartbeats: true, inflight: [{ id: 1, kind: 'heartbeat', from: 'A', to: 'B', link: 'hb1', sentAt: 3000, deliverAt: 3001 } as never] });
    expect(rows.map((r) => [r.from, r.to, resultText(r)])).toEqual([
      ['node:A', 'node:B', 'received'],
      ['node:B', 'node:A', 'lost'],
      ['node:A', 'node:B', 'in flight'],
    ]);
  });
});

describe('heartbeats across a partition', () => {
  it('are lost when the sender has no link to the peer (the engine lists no recipient)', () => {
    const trace = makeTrace([{ kind: 'HEARTBEAT.SENT', node: 'B', category: 'heartbeat', data: { to: [] } }]);
    const rows = buildLadderRows(trace, { heartbeats: true, peers: { A: ['B'], B: ['A'] } });
    expect(rows.map((r) => [r.from, r.to, resultText(r)])).toEqual([['node:B', 'node:A', 'lost: no link to the peer']]);
  });
});

describe('the ladder window', () => {
  it('keeps the entries of the last seconds up to the current step', () => {
    const trace = makeTrace([{ kind: 'a', t: 0 }, { kind: 'b', t: 5000 }, { kind: 'c', t: 9000 }, { kind: 'd', t: 9500, step: 99 }]);
    expect(ladderWindow(trace, 10, 4000, 10_000).map((e) => e.kind)).toEqual(['b', 'c']);
  });
});

describe('ladder layout', () => {
  it('puts A\'s ports left of the LUN and B\'s right, heartbeat lanes outside', () => {
    const paths = [{ nexus: 'A.1', node: 'A' }, { nexus: 'A.2', node: 'A' }, { nexus: 'B.1', node: 'B' }, { nexus: 'B.2', node: 'B' }];
    expect(buildLanes(paths, ['A', 'B'], false).map((l) => l.id)).toEqual(['A.1', 'A.2', 'LUN', 'B.1', 'B.2']);
    expect(buildLanes(paths, ['A', 'B'], true).map((l) => l.id)).toEqual(['node:A', 'A.1', 'A.2', 'LUN', 'B.1', 'B.2', 'node:B']);
  });

  it('spaces rows by time, at least one line apart, and squeezes long pauses', () => {
    const rows = buildLadderRows(writes, { heartbeats: false });
    // 2 ms apart → one line (20); 998 ms → 60 px wanted, squeezed to 50 with a gap marker.
    const { y, breaks, nowY } = layoutRows(rows, 2502, 10, { pxPerMs: 0.06, minGap: 20, maxGap: 50 });
    expect(y).toEqual([10, 30, 80, 100]);
    expect(breaks).toEqual([{ y: 55, ms: 998 }]);
    expect(nowY).toBeCloseTo(130);
  });
});
