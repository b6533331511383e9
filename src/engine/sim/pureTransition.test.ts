import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { membershipMachine } from '../heartbeat/membershipMachine';
import { pureTransition } from './pureTransition';
import type { NodeId } from '../model/ids';

describe('pureTransition', () => {
  it("gives the same snapshots and actions as xstate's transition()", () => {
    const [s0] = initialTransition(membershipMachine, { self: 'A' as NodeId, peers: ['B' as NodeId], intervalMs: 1000, misses: 2, firstTickMs: 5 });
    const events = [{ type: 'HEARTBEAT.TICK' }, { type: 'HEARTBEAT.TICK' }, { type: 'HEARTBEAT.RECEIVED', from: 'B' }, { type: 'NODE.CRASH' }, { type: 'NODE.RESTART', firstTickMs: 3 }] as const;
    let a = s0;
    let b = s0;
    for (const e of events) {
      const [na, aa] = transition(membershipMachine, a, e as never);
      const [nb, ab] = pureTransition(membershipMachine, b, e);
      expect(nb.value).toEqual(na.value);
      expect(nb.context).toEqual(na.context);
      expect(ab.map((x) => [x.type, x.params])).toEqual(aa.map((x) => [x.type, x.params]));
      a = na;
      b = nb;
    }
  });

  it('returns the same snapshot object when no transition takes the event', () => {
    const [s0] = initialTransition(membershipMachine, { self: 'A' as NodeId, peers: [], intervalMs: 1000, misses: 2, firstTickMs: 5 });
    const [next, actions] = pureTransition(membershipMachine, s0, { type: 'NODE.RESTART' });
    expect(next).toBe(s0);
    expect(actions).toEqual([]);
  });
});
