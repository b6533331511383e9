// HA-LVM (no reservations): the research brief's S1, S4 and S10 (cluster-arbitration.md §8).

import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/createSimulation';
import { testScenario } from '../testing/scenarios';
import { randomSchedule } from '../testing/fuzz';
import type { ScheduledFault } from '../model/scenario';
import type { TraceEntry } from '../model/trace';

const run = (faults: ScheduledFault[], fencing: boolean, until = 80_000, seed = 1, pcmkDelayMaxMs = 0) => {
  const sim = createSimulation({ scenario: testScenario(['A', 'B'], { mode: 'none', params: { fencing, pcmkDelayMaxMs }, faults, seed }) });
  sim.runUntil(until);
  return sim;
};

const kinds = (trace: readonly TraceEntry[], kind: string) => trace.filter((e) => e.kind === kind);

/** Follows parent links from an entry back to its root cause. */
function chain(trace: readonly TraceEntry[], id: number): TraceEntry[] {
  const out: TraceEntry[] = [];
  let cur: TraceEntry | undefined = trace[id];
  while (cur) {
    out.push(cur);
    cur = cur.parent === null ? undefined : trace[cur.parent];
  }
  return out;
}

describe('S1 clean failover, HA-LVM', () => {
  it('planned move: A unmounts before B rewrites the system ID and mounts; one writer throughout', () => {
    const sim = run([{ at: 10_000, fault: 'move-service', to: 'B' }], true, 30_000);
    const t = sim.trace();
    const unmountA = kinds(t, 'APP.UNMOUNT').find((e) => e.node === 'A')!;
    const mountB = kinds(t, 'APP.MOUNT').find((e) => e.node === 'B')!;
    expect(unmountA.t).toBeLessThan(mountB.t);
    expect(kinds(t, 'HA_LVM.ACTIVATE').map((e) => e.node)).toEqual(['A', 'B']);
    expect(sim.view().integrity.ok).toBe(true);
    expect(sim.view().nodes.filter((n) => n.mount).map((n) => n.id)).toEqual(['B']);
  });

  it('owner crash with fencing: B waits for the fence to confirm A is off, then takes over', () => {
    const sim = run([{ at: 10_000, fault: 'node-crash', node: 'A' }], true, 40_000);
    const t = sim.trace();
    const fenced = kinds(t, 'FENCE.POWER_OFF').find((e) => e.node === 'A')!;
    const mountB = kinds(t, 'APP.MOUNT').find((e) => e.node === 'B')!;
    expect(fenced.t).toBeLessThan(mountB.t);
    // token 3 s + consensus 3.6 s + fence device 2 s after the crash
    expect(mountB.t).toBeGreaterThan(10_000 + 3000 + 3600);
    expect(sim.view().integrity.ok).toBe(true);
  });
});

describe('S4 heartbeat partition, HA-LVM', () => {
  const partition: ScheduledFault[] = [{ at: 10_000, fault: 'heartbeat-partition', groups: [['A'], ['B']] }];

  it('without fencing both nodes mount and the first corrupting write is named, with its cause', () => {
    const sim = run(partition, false, 30_000);
    const view = sim.view();
    expect(view.nodes.filter((n) => n.mount).map((n) => n.id)).toEqual(['A', 'B']);
    expect(view.integrity.ok).toBe(false);
    const first = view.integrity.violations[0]!;
    expect(first.node).toBe('A');
    expect(first.lba).toBeGreaterThanOrEqual(64);
    const entry = sim.trace()[first.trace]!;
    expect(entry.kind).toBe('INTEGRITY.CORRUPTING_WRITE');
    expect(entry.summary).toMatch(/^First corrupting write: A \(mount epoch 1\) wrote LBA \d+/);
    // The chain runs through B's mount back to the partition.
    const roots = chain(sim.trace(), first.trace).map((e) => e.kind);
    expect(roots).toContain('APP.MOUNT');
    expect(roots.at(-1)).toBe('FAULT.HEARTBEAT_PARTITION');
  });

  it('with fencing and no fence delay (the default) both nodes send their request within the device time and fence each other; nothing is corrupted', () => {
    // pacemaker-fenced(7): pcmk_delay_base/max exist to avoid exactly this in two-node clusters.
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = run(partition, true, 30_000, seed);
      const view = sim.view();
      expect(view.integrity.ok).toBe(true);
      expect(kinds(sim.trace(), 'FENCE.POWER_OFF').map((e) => e.node).sort()).toEqual(['A', 'B']);
      expect(kinds(sim.trace(), 'FENCE.POWER_OFF').at(-1)!.summary).toMatch(/sent the request before it was itself fenced \(mutual fencing\)/);
      expect(view.nodes.filter((n) => n.mount)).toHaveLength(0);
    }
  });

  it('with pcmk_delay_max 15 s the shorter random delay wins: one survivor writes, the loser\'s request dies with it; never two writers', () => {
    const survivors = new Set<string>();
    let clean = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const sim = run(partition, true, 40_000, seed, 15_000);
      const view = sim.view();
      expect(view.integrity.ok).toBe(true);
      expect(view.nodes.filter((n) => n.mount).length).toBeLessThanOrEqual(1);
      const offs = kinds(sim.trace(), 'FENCE.POWER_OFF');
      if (offs.length === 1) {
        clean++;
        const survivor = offs[0]!.node === 'A' ? 'B' : 'A';
        survivors.add(survivor);
        expect(view.nodes.find((n) => n.id === survivor)!.mount).not.toBeNull();
        expect(kinds(sim.trace(), 'FENCE.ABANDONED').map((e) => e.node)).toEqual([offs[0]!.node]);
      }
    }
    // Random delays within the device time (2 s) of each other still end in mutual fencing: for
    // uniform delays over 15 s about a quarter of races; most end with one survivor.
    expect(clean).toBeGreaterThanOrEqual(24);
    expect([...survivors].sort()).toEqual(['A', 'B']);
  });
});

describe('fencing with a paused fencer', () => {
  it('the device still acts; the paused fencer hears the answer when it resumes and takes over', () => {
    const sim = createSimulation({
      scenario: testScenario(['A', 'B', 'C'], {
        mode: 'none',
        params: { fencing: true },
        faults: [
          { at: 10_000, fault: 'heartbeat-partition', groups: [['A'], ['B', 'C']] },
          { at: 17_000, fault: 'node-freeze', node: 'B' }, // just after B sent its request for A
          { at: 30_000, fault: 'node-resume', node: 'B' },
        ],
        seed: 1,
      }),
    });
    sim.runUntil(40_000);
    const off = kinds(sim.trace(), 'FENCE.POWER_OFF');
    expect(off.map((e) => [e.node, e.t < 30_000])).toEqual([['A', true]]);
    expect(off[0]!.summary).toMatch(/requested by B, paused since/);
    const mountB = kinds(sim.trace(), 'APP.MOUNT').find((e) => e.node === 'B');
    expect(mountB?.t).toBeGreaterThanOrEqual(30_000);
    expect(sim.view().integrity.ok).toBe(true);
  });
});

describe('S10 zombie node, HA-LVM', () => {
  const zombie: ScheduledFault[] = [
    { at: 10_000, fault: 'node-freeze', node: 'A' },
    { at: 50_000, fault: 'node-resume', node: 'A' },
  ];

  it('without fencing the resumed owner writes over the new owner: corruption', () => {
    const sim = run(zombie, false, 60_000);
    const v = sim.view().integrity.violations;
    expect(v.length).toBeGreaterThan(0);
    expect(v[0]!.node).toBe('A');
    expect(v[0]!.at).toBeGreaterThanOrEqual(50_000);
  });

  it('with fencing the frozen owner is powered off and never writes again', () => {
    const sim = run(zombie, true, 60_000);
    expect(sim.view().integrity.ok).toBe(true);
    expect(kinds(sim.trace(), 'FENCE.POWER_OFF').map((e) => e.node)).toEqual(['A']);
  });
});

describe('HA-LVM with fencing under random fault schedules', () => {
  it('never flags a corrupting write (500 seeded schedules)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const scenario = randomSchedule('ha-lvm', seed, 60_000);
      const sim = createSimulation({ scenario });
      sim.runUntil(60_000);
      const v = sim.view().integrity.violations;
      expect(v, `seed ${seed}: ${JSON.stringify(scenario.faults)}`).toEqual([]);
    }
  }, 180_000);

  it('gives the same trace for the same seed', () => {
    for (const seed of [7, 77]) {
      const a = createSimulation({ scenario: randomSchedule('ha-lvm', seed, 60_000) });
      const b = createSimulation({ scenario: randomSchedule('ha-lvm', seed, 60_000) });
      a.runUntil(60_000);
      b.runUntil(60_000);
      expect(JSON.stringify(a.trace())).toBe(JSON.stringify(b.trace()));
    }
  });
});
