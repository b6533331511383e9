// Pacemaker fence_scsi (SCSI-3 PR): the research brief's S3, S6-A, S9, S10, S11 and S12.

import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/createSimulation';
import { testScenario } from '../testing/scenarios';
import { randomSchedule } from '../testing/fuzz';
import type { ScenarioParams, ScheduledFault } from '../model/scenario';
import type { TraceEntry } from '../model/trace';

const run = (faults: ScheduledFault[], o: { until?: number; seed?: number; params?: Partial<ScenarioParams>; nodes?: string[] } = {}) => {
  const sim = createSimulation({
    scenario: testScenario(o.nodes ?? ['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi', pathsPerNode: 2, faults, seed: o.seed ?? 1, params: o.params }),
  });
  sim.runUntil(o.until ?? 60_000);
  return sim;
};

const kinds = (trace: readonly TraceEntry[], kind: string) => trace.filter((e) => e.kind === kind);
const regs = (sim: ReturnType<typeof run>) => sim.view().luns[0]!.registrations.map((r) => `${r.nexus}=${r.key}`);

describe('fence_scsi unfencing', () => {
  it('registers each key on every path (4 registrations) and reserves WE_RO with the first key', () => {
    const sim = run([], { until: 5000 });
    expect(regs(sim)).toEqual(['A.1=0x36830000', 'A.2=0x36830000', 'B.1=0x36830001', 'B.2=0x36830001']);
    expect(sim.view().luns[0]!.reservation).toMatchObject({ key: '0x36830000', type: 'WE_RO' });
    expect(sim.view().nodes.find((n) => n.id === 'A')!.mount).not.toBeNull();
  });
});

describe('S3 planned move under fence_scsi', () => {
  it('moves the service without touching registrations or the reservation', () => {
    const sim = run([{ at: 10_000, fault: 'move-service', to: 'B' }], { until: 20_000 });
    expect(regs(sim)).toHaveLength(4);
    expect(sim.view().luns[0]!.reservation?.key).toBe('0x36830000');
    expect(sim.view().nodes.filter((n) => n.mount).map((n) => n.id)).toEqual(['B']);
    expect(kinds(sim.trace(), 'SCSI.DONE').filter((e) => e.data?.status === 'RESERVATION_CONFLICT' && e.t > 1000)).toEqual([]);
    expect(sim.view().integrity.ok).toBe(true);
  });
});

describe('S6 heartbeat partition under fence_scsi', () => {
  const partition: ScheduledFault[] = [{ at: 10_000, fault: 'heartbeat-partition', groups: [['A'], ['B']] }];

  it('leaves exactly one writer whichever node wins the race, and the loser is fenced from the LUN', () => {
    const winners = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const sim = run(partition, { seed, until: 40_000 });
      const view = sim.view();
      expect(view.integrity.ok).toBe(true);
      const writers = view.nodes.filter((n) => n.mount).map((n) => n.id);
      expect(writers).toHaveLength(1);
      winners.add(writers[0]!);
      const loser = writers[0] === 'A' ? 'B' : 'A';
      // The loser's key is gone from both of its paths.
      expect(view.luns[0]!.registrations.some((r) => r.nexus.startsWith(`${loser}.`))).toBe(false);
      // The winner says whom it fenced, in words and in data (the diagram and beats read data.victim).
      const fenced = kinds(sim.trace(), 'FENCE_SCSI.FENCED');
      expect(fenced.map((e) => [e.node, e.data?.victim])).toContainEqual([writers[0], loser]);
      expect(kinds(sim.trace(), 'FENCE_SCSI.FENCE_FAILED')).toEqual([]);
    }
    expect([...winners].sort()).toEqual(['A', 'B']);
  });

  it("gives the losing owner's writes RESERVATION CONFLICT when B wins the race", () => {
    // A fixed fence delay on every node lets the phase decide; find a seed where B wins.
    for (let seed = 1; seed <= 30; seed++) {
      const sim = run(partition, { seed, until: 40_000 });
      if (!sim.view().nodes.find((n) => n.id === 'B')!.mount) continue;
      const conflicts = kinds(sim.trace(), 'SCSI.DONE').filter((e) => e.node === 'A' && e.data?.purpose === 'app.write' && e.data?.status === 'RESERVATION_CONFLICT');
      expect(conflicts.length).toBeGreaterThan(0);
      return;
    }
    throw new Error('no seed in 1..30 lets B win');
  });
});

describe('S9 owner crash under fence_scsi', () => {
  it('the survivor preempts the dead owner\'s key on all its paths and takes the reservation over, no manual step', () => {
    const sim = run([{ at: 10_000, fault: 'node-crash', node: 'A' }], { until: 30_000 });
    const pa = kinds(sim.trace(), 'SCSI.EXEC').find((e) => /PREEMPT AND ABORT/.test(e.summary))!;
    expect(pa.summary).toMatch(/from B\.\d → GOOD/);
    expect(regs(sim)).toEqual(['B.1=0x36830001', 'B.2=0x36830001']);
    expect(sim.view().luns[0]!.reservation).toMatchObject({ key: '0x36830001', type: 'WE_RO' });
    expect(sim.view().nodes.find((n) => n.id === 'B')!.mount).not.toBeNull();
    expect(sim.view().integrity.ok).toBe(true);
  });
});

describe('S10 zombie node under fence_scsi', () => {
  it('the resumed owner\'s queued write gets RESERVATION CONFLICT; nothing stale lands; the watchdog reboots it', () => {
    const sim = run(
      [
        { at: 10_000, fault: 'node-freeze', node: 'A' },
        { at: 50_000, fault: 'node-resume', node: 'A' },
      ],
      { until: 60_000 },
    );
    expect(sim.view().integrity.ok).toBe(true);
    const conflicts = kinds(sim.trace(), 'SCSI.DONE').filter((e) => e.node === 'A' && e.t >= 50_000 && e.data?.status === 'RESERVATION_CONFLICT');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(kinds(sim.trace(), 'NODE.REBOOT').map((e) => e.node)).toEqual(['A']);
  });
});

describe('S11 persistent reservation left behind', () => {
  const bothCrash: ScheduledFault[] = [
    { at: 10_000, fault: 'node-crash', node: 'A' },
    { at: 10_000, fault: 'node-crash', node: 'B' },
  ];

  it('keeps registrations and reservation when both nodes die; the restarted cluster runs again without a manual step', () => {
    const sim = run([...bothCrash, { at: 20_000, fault: 'node-restart', node: 'A' }, { at: 20_000, fault: 'node-restart', node: 'B' }], { until: 40_000 });
    const atCrash = createSimulation({ scenario: testScenario(['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi', pathsPerNode: 2, faults: bothCrash }) });
    atCrash.runUntil(15_000);
    expect(atCrash.view().luns[0]!.registrations).toHaveLength(4);
    expect(atCrash.view().luns[0]!.reservation).not.toBeNull();
    expect(sim.view().nodes.filter((n) => n.mount)).toHaveLength(1);
    expect(sim.view().integrity.ok).toBe(true);
  });

  it('keeps the PR state across an array power cycle only with APTPL', () => {
    const faults: ScheduledFault[] = [...bothCrash, { at: 15_000, fault: 'array-power-cycle' }];
    const without = run(faults, { until: 20_000 });
    expect(without.view().luns[0]!.registrations).toEqual([]);
    expect(without.view().luns[0]!.reservation).toBeNull();
    const withAptpl = run(faults, { until: 20_000, params: { aptpl: true } });
    expect(withAptpl.view().luns[0]!.registrations).toHaveLength(4);
    expect(withAptpl.view().luns[0]!.reservation).toMatchObject({ key: '0x36830000', type: 'WE_RO' });
  });

  it('a standalone host gets RESERVATION CONFLICT until an administrator clears the reservation', () => {
    const sim = run([...bothCrash, { at: 15_000, fault: 'standalone-host', node: 'S' }, { at: 30_000, fault: 'clear-reservations', node: 'S' }], { until: 40_000 });
    const tries = kinds(sim.trace(), 'SCSI.DONE').filter((e) => e.node === 'S' && e.data?.purpose === 'standalone.online');
    expect(tries.filter((e) => e.t < 30_000).every((e) => e.data?.status === 'RESERVATION_CONFLICT')).toBe(true);
    expect(tries.filter((e) => e.t < 30_000).length).toBeGreaterThanOrEqual(2);
    expect(tries.at(-1)!.data?.status).toBe('GOOD');
    expect(sim.view().nodes.find((n) => n.id === 'S')!.mount).not.toBeNull();
    expect(sim.view().luns[0]!.registrations).toEqual([]);
  });
});

describe('S12 multipath with persistent reservations', () => {
  it('losing one of the owner\'s paths causes no conflict; a reinstated path is registered again', () => {
    const sim = run(
      [
        { at: 10_000, fault: 'path-down', node: 'A', path: 1 },
        { at: 30_000, fault: 'path-up', node: 'A', path: 1 },
      ],
      { until: 45_000 },
    );
    const t = sim.trace();
    expect(kinds(t, 'SCSI.DONE').filter((e) => e.data?.status === 'RESERVATION_CONFLICT' && e.t > 1000)).toEqual([]);
    expect(kinds(t, 'MPATH.PATH_FAILED').map((e) => e.node)).toContain('A');
    expect(kinds(t, 'MPATH.PATH_REINSTATED').map((e) => e.node)).toContain('A');
    expect(sim.view().integrity.ok).toBe(true);
  });

  it('one PREEMPT AND ABORT removes the victim\'s registrations on all its paths', () => {
    const sim = run([{ at: 10_000, fault: 'node-crash', node: 'A' }], { until: 30_000 });
    const pa = kinds(sim.trace(), 'SCSI.EXEC').filter((e) => /PREEMPT AND ABORT/.test(e.summary));
    expect(pa).toHaveLength(1);
    expect(regs(sim).filter((r) => r.startsWith('A.'))).toEqual([]);
  });
});

describe('fence_scsi under random fault schedules', () => {
  it('never flags a corrupting write (500 seeded schedules)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const scenario = randomSchedule('fence-scsi', seed, 60_000);
      const sim = createSimulation({ scenario });
      sim.runUntil(60_000);
      expect(sim.view().integrity.violations, `seed ${seed}: ${JSON.stringify(scenario.faults)}`).toEqual([]);
    }
  }, 180_000);
});
