import { describe, expect, it } from 'vitest';
import { hearPeer, initialMembership, membersOf, tickMembership } from './membership';
import type { NodeId } from '../model/ids';

const B = 'B' as NodeId;

describe('membership bookkeeping', () => {
  it('keeps a peer that was heard during the interval', () => {
    const m = hearPeer(initialMembership([B], true), B).next;
    const { next, lost } = tickMembership(m, 5);
    expect(lost).toEqual([]);
    expect(next.B).toEqual({ member: true, missed: 0, heard: false });
  });

  it('removes a peer on the Nth consecutive silent interval, not before', () => {
    let m = initialMembership([B], true);
    for (let i = 1; i < 5; i++) {
      const r = tickMembership(m, 5);
      expect(r.lost).toEqual([]);
      m = r.next;
    }
    const r = tickMembership(m, 5);
    expect(r.lost).toEqual(['B']);
    expect(membersOf('A' as NodeId, r.next)).toEqual(['A']);
  });

  it('adds a lost peer back on its first heartbeat', () => {
    const m = initialMembership([B], false);
    const { next, joined } = hearPeer(m, B);
    expect(joined).toBe(true);
    expect(membersOf('A' as NodeId, next)).toEqual(['A', 'B']);
  });
});
