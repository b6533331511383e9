import { describe, expect, it } from 'vitest';
import { makeTrace } from './logFixtures';
import { causalChain, entryById } from './traceLookup';

describe('entryById', () => {
  it('finds an entry in a mirror that dropped its oldest entries', () => {
    const trace = makeTrace([{ kind: 'A' }, { kind: 'B' }, { kind: 'C' }], 100);
    expect(entryById(trace, 101)?.kind).toBe('B');
  });
  it('returns undefined for ids the mirror no longer (or not yet) holds', () => {
    const trace = makeTrace([{ kind: 'A' }, { kind: 'B' }], 100);
    expect(entryById(trace, 5)).toBeUndefined();
    expect(entryById(trace, 102)).toBeUndefined();
    expect(entryById([], 0)).toBeUndefined();
  });
});

describe('the causal chain of a corrupting write', () => {
  // fault → heartbeat lost → takeover → mount → corrupting write (parent: the mount)
  const trace = makeTrace([
    { kind: 'FAULT.HEARTBEAT_PARTITION', category: 'fault', parent: null },
    { kind: 'HEARTBEAT.SENT', category: 'heartbeat', parent: null },
    { kind: 'HEARTBEAT.LOST', category: 'heartbeat', parent: 0 },
    { kind: 'HA_LVM.TAKEOVER_UNFENCED', category: 'cluster', parent: 2 },
    { kind: 'APP.MOUNT', category: 'cluster', parent: 3 },
    { kind: 'INTEGRITY.CORRUPTING_WRITE', category: 'integrity', parent: 4 },
  ]);

  it('runs from the root fault to the entry itself', () => {
    const chain = causalChain(trace, trace[5]!);
    expect(chain.links.map((e) => e.kind)).toEqual(['FAULT.HEARTBEAT_PARTITION', 'HEARTBEAT.LOST', 'HA_LVM.TAKEOVER_UNFENCED', 'APP.MOUNT', 'INTEGRITY.CORRUPTING_WRITE']);
    expect(chain.cutShort).toBe(false);
  });

  it('is just the entry for a root cause', () => {
    expect(causalChain(trace, trace[0]!).links).toEqual([trace[0]]);
  });

  it('says so when an ancestor was dropped from the mirror', () => {
    const tail = trace.slice(3);
    const chain = causalChain(tail, tail[2]!);
    expect(chain.links.map((e) => e.kind)).toEqual(['HA_LVM.TAKEOVER_UNFENCED', 'APP.MOUNT', 'INTEGRITY.CORRUPTING_WRITE']);
    expect(chain.cutShort).toBe(true);
  });

  it('stops on a cycle instead of looping', () => {
    const loop = makeTrace([{ kind: 'X', parent: 1 }, { kind: 'Y', parent: 0 }]);
    expect(causalChain(loop, loop[1]!).links).toHaveLength(2);
  });
});
