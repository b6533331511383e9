// Windows Server 2003 MSCS (SCSI-2 challenge/defense): the research brief's S2, S5, S7, S8 and
// S10, the start-up, and seeded random fault schedules (cluster-arbitration.md §1, §8).

import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../sim/createSimulation';
import { testScenario } from '../testing/scenarios';
import { createRng, nextInt } from '../rng';
import type { ScenarioParams, ScheduledFault } from '../model/scenario';
import type { TraceEntry } from '../model/trace';

interface RunOptions {
  until?: number;
  seed?: number;
  nodes?: string[];
  paths?: number;
  params?: Partial<ScenarioParams>;
}

const run = (faults: ScheduledFault[], o: RunOptions = {}): Simulation => {
  const sim = createSimulation({ scenario: testScenario(o.nodes ?? ['A', 'B'], { mode: 'scsi2', pathsPerNode: o.paths ?? 2, faults, seed: o.seed ?? 1, params: o.params }) });
  sim.runUntil(o.until ?? 60_000);
  return sim;
};

const kinds = (trace: readonly TraceEntry[], kind: string) => trace.filter((e) => e.kind === kind);
/** Answers the initiators received: SCSI.DONE entries for a node and a command label. */
const done = (trace: readonly TraceEntry[], node: string, label: RegExp) => kinds(trace, 'SCSI.DONE').filter((e) => e.node === node && label.test(String(e.data?.label)));
const node = (sim: Simulation, id: string) => sim.view().nodes.find((n) => n.id === id)!;
const writers = (sim: Simulation) => sim.view().nodes.filter((n) => n.mount).map((n) => n.id);
const lun = (sim: Simulation) => sim.view().luns[0]!;
const firstAt = (trace: readonly TraceEntry[], kind: string, nodeId: string) => kinds(trace, kind).find((e) => e.node === nodeId)?.t;

describe('MSCS start-up and defense', () => {
  it('the owner reserves through multipath, mounts, and re-reserves every 3 s; the other node stays standby', () => {
    const sim = run([], { until: 20_000 });
    const t = sim.trace();
    expect(lun(sim).scsi2Holder).toBe('A.1');
    expect(node(sim, 'A').tags).toContain('owner');
    expect(node(sim, 'B').tags).toContain('standby');
    expect(writers(sim)).toEqual(['A']);
    const reserves = done(t, 'A', /RESERVE\(6\)/).map((e) => e.t);
    expect(reserves.length).toBeGreaterThanOrEqual(6);
    // The start-up RESERVE, then a renewal every 3 s.
    const gaps = reserves.slice(2).map((x, i) => x - reserves[i + 1]!);
    expect(gaps.every((g) => g === 3000)).toBe(true);
    expect(done(t, 'B', /RESERVE\(6\)/)).toEqual([]);
  });
});

describe('S2 planned move under SCSI-2', () => {
  it('the owner unmounts and sends RELEASE; the target sends RESERVE (GOOD) and mounts; no reset; one writer', () => {
    const sim = run([{ at: 10_000, fault: 'move-service', to: 'B' }], { until: 20_000 });
    const t = sim.trace();
    const execs = kinds(t, 'SCSI.EXEC').filter((e) => e.t >= 10_000);
    const release = execs.findIndex((e) => /RELEASE\(6\) from A\.1 → GOOD/.test(e.summary));
    const reserveB = execs.findIndex((e) => /RESERVE\(6\) from B\.\d → GOOD/.test(e.summary));
    expect(release).toBeGreaterThanOrEqual(0);
    expect(reserveB).toBeGreaterThan(release);
    expect(kinds(t, 'SCSI.RESET')).toEqual([]);
    expect(firstAt(t, 'APP.UNMOUNT', 'A')!).toBeLessThanOrEqual(firstAt(t, 'APP.MOUNT', 'B')!);
    expect(writers(sim)).toEqual(['B']);
    expect(lun(sim).scsi2Holder).toMatch(/^B\./);
    expect(node(sim, 'B').tags).toContain('owner');
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('S5 heartbeat partition under SCSI-2', () => {
  it('the challenger resets, its RESERVE 7 s later conflicts, it stops; the defender keeps the disk and keeps writing', () => {
    const sim = run([{ at: 10_000, fault: 'heartbeat-partition', groups: [['A'], ['B']] }], { until: 40_000 });
    const t = sim.trace();
    const reset = kinds(t, 'SCSI.RESET').find((e) => e.data?.nexus === 'B.1')!;
    expect(reset).toBeDefined();
    // B loses A after 6 × 1.2 s of silence, then resets at once.
    expect(reset.t).toBeGreaterThan(10_000 + 6 * 1200 - 1200);
    expect(reset.t).toBeLessThan(10_000 + 7 * 1200 + 100);
    const challenge = done(t, 'B', /RESERVE\(6\)/).filter((e) => e.t > reset.t);
    expect(challenge.map((e) => e.data?.status)).toEqual(['RESERVATION_CONFLICT']);
    expect(challenge[0]!.t - reset.t).toBeGreaterThanOrEqual(7000);
    expect(node(sim, 'B').tags).toContain('stopped');
    expect(node(sim, 'A').tags).toContain('owner');
    expect(writers(sim)).toEqual(['A']);
    const lateWrites = kinds(t, 'SCSI.EXEC').filter((e) => e.t > challenge[0]!.t && /WRITE\(10\).*from A\.\d → GOOD/.test(e.summary));
    expect(lateWrites.length).toBeGreaterThan(10);
    expect(lun(sim).scsi2Holder).toMatch(/^A\./);
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('S7 path loss under SCSI-2: the reservation belongs to a path', () => {
  const pathLoss: ScheduledFault[] = [{ at: 10_000, fault: 'path-down', node: 'A', path: 1 }];

  it('reset-and-rereserve: the owner\'s RESERVE on path 2 conflicts with its own path-1 reservation; the DSM resets the LUN and re-reserves on path 2', () => {
    const sim = run(pathLoss, { until: 40_000, params: { scsi2PathRecovery: 'reset-and-rereserve' } });
    const t = sim.trace();
    const conflict = done(t, 'A', /RESERVE\(6\)/).find((e) => e.data?.status === 'RESERVATION_CONFLICT')!;
    expect(conflict.data?.path).toBe(2);
    const reset = kinds(t, 'SCSI.RESET').find((e) => e.data?.nexus === 'A.2')!;
    expect(reset.t).toBeGreaterThanOrEqual(conflict.t);
    expect(reset.t - conflict.t).toBeLessThan(100);
    expect(lun(sim).scsi2Holder).toBe('A.2');
    expect(node(sim, 'A').tags).toContain('owner');
    expect(sim.view().nodes.find((n) => n.id === 'A')!.mount?.epoch).toBe(1);
    expect(writers(sim)).toEqual(['A']);
    expect(kinds(t, 'SCSI.EXEC').filter((e) => e.t > reset.t + 1000 && /WRITE\(10\).*from A\.2 → GOOD/.test(e.summary)).length).toBeGreaterThan(10);
    expect(sim.view().integrity.violations).toEqual([]);
  });

  it('none: the same conflict stops the service on the owner; the group fails over to B, which has to reset and re-reserve', () => {
    const sim = run(pathLoss, { until: 40_000, params: { scsi2PathRecovery: 'none' } });
    const t = sim.trace();
    const conflict = done(t, 'A', /RESERVE\(6\)/).find((e) => e.data?.status === 'RESERVATION_CONFLICT')!;
    expect(conflict.data?.path).toBe(2);
    expect(kinds(t, 'SCSI.RESET').filter((e) => String(e.data?.nexus).startsWith('A.'))).toEqual([]);
    expect(firstAt(t, 'APP.UNMOUNT', 'A')).toBe(conflict.t);
    expect(node(sim, 'A').tags).toContain('stopped');
    // Failover: B's RESERVE conflicts with A.1's stale reservation, so B must break it.
    expect(kinds(t, 'SCSI.RESET').some((e) => e.data?.nexus === 'B.1')).toBe(true);
    expect(writers(sim)).toEqual(['B']);
    expect(lun(sim).scsi2Holder).toBe('B.1');
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('S8 owner crash under SCSI-2', () => {
  it('the survivor resets the stale reservation, reserves, and mounts about 17 s after the crash', () => {
    const sim = run([{ at: 10_000, fault: 'node-crash', node: 'A' }], { until: 40_000 });
    const t = sim.trace();
    const reset = kinds(t, 'SCSI.RESET').find((e) => String(e.data?.nexus).startsWith('B.'))!;
    expect(reset.t).toBeGreaterThan(16_000);
    const reserveGood = done(t, 'B', /RESERVE\(6\)/).find((e) => e.data?.status === 'GOOD')!;
    expect(reserveGood.t - reset.t).toBeGreaterThanOrEqual(7000);
    const mount = firstAt(t, 'APP.MOUNT', 'B')!;
    expect(Math.abs(mount - 10_000 - 17_000)).toBeLessThanOrEqual(3000);
    expect(lun(sim).scsi2Holder).toMatch(/^B\./);
    expect(writers(sim)).toEqual(['B']);
    expect(sim.view().integrity.violations).toEqual([]);
  });

  it('uses the configured reset scope (bus reset here)', () => {
    const sim = run([{ at: 10_000, fault: 'node-crash', node: 'A' }], { until: 30_000, params: { resetScope: 'bus' } });
    const reset = kinds(sim.trace(), 'SCSI.RESET').find((e) => String(e.data?.nexus).startsWith('B.'))!;
    expect(reset.data?.scope).toBe('bus');
    expect(reset.summary).toMatch(/BUS RESET/);
  });

  it('with three nodes only the lowest survivor challenges', () => {
    const sim = run([{ at: 10_000, fault: 'node-crash', node: 'A' }], { until: 40_000, nodes: ['A', 'B', 'C'] });
    const t = sim.trace();
    expect(kinds(t, 'SCSI.RESET').map((e) => e.data?.nexus)).toEqual(['B.1']);
    expect(writers(sim)).toEqual(['B']);
    expect(node(sim, 'C').tags).toContain('standby');
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('S10 zombie owner under SCSI-2', () => {
  it('the frozen owner loses the disk; at resume its queued write and its renewal conflict, it stops; nothing stale lands', () => {
    const sim = run(
      [
        { at: 10_000, fault: 'node-freeze', node: 'A' },
        { at: 50_000, fault: 'node-resume', node: 'A' },
      ],
      { until: 60_000 },
    );
    const t = sim.trace();
    const mountB = firstAt(t, 'APP.MOUNT', 'B')!;
    expect(mountB).toBeGreaterThan(20_000);
    expect(mountB).toBeLessThan(50_000);
    const afterResume = done(t, 'A', /./).filter((e) => e.t >= 50_000);
    expect(afterResume.some((e) => /WRITE/.test(String(e.data?.label)) && e.data?.status === 'RESERVATION_CONFLICT')).toBe(true);
    expect(afterResume.some((e) => /RESERVE\(6\)/.test(String(e.data?.label)) && e.data?.status === 'RESERVATION_CONFLICT')).toBe(true);
    expect(kinds(t, 'SCSI.EXEC').filter((e) => e.t > mountB && /WRITE\(10\).*from A\.\d → GOOD/.test(e.summary))).toEqual([]);
    expect(node(sim, 'A').tags).toContain('stopped');
    expect(writers(sim)).toEqual(['B']);
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('MSCS renewal failures without a conflict', () => {
  it('a renewal that times out is not a conflict: the owner keeps renewing and keeps the disk', () => {
    const sim = run(
      [
        { at: 10_000, fault: 'path-down', node: 'A', path: 1 },
        { at: 13_000, fault: 'path-up', node: 'A', path: 1 },
      ],
      { until: 30_000, paths: 1 },
    );
    const t = sim.trace();
    // With its only path failed, multipath fails the renewals at once (no path), which is no conflict.
    expect(kinds(t, 'SCSI.NO_PATH').some((e) => e.node === 'A' && /RESERVE\(6\)/.test(e.summary))).toBe(true);
    expect(done(t, 'A', /RESERVE\(6\)/).filter((e) => e.t > 20_000).every((e) => e.data?.status === 'GOOD')).toBe(true);
    expect(kinds(t, 'SCSI.RESET')).toEqual([]);
    expect(node(sim, 'A').tags).toContain('owner');
    expect(node(sim, 'A').mount?.epoch).toBe(1);
    expect(sim.view().integrity.violations).toEqual([]);
  });

  it('[A] an owner that cannot renew within its lease stops and hands the group over; the next node breaks the stale reservation', () => {
    const sim = run([{ at: 10_000, fault: 'path-down', node: 'A', path: 1 }], { until: 45_000, paths: 1 });
    const t = sim.trace();
    const expired = kinds(t, 'MSCS.LEASE_EXPIRED').find((e) => e.node === 'A')!;
    expect(expired.t).toBeGreaterThan(10_000);
    expect(expired.t).toBeLessThanOrEqual(10_000 + 9000 + 10);
    expect(firstAt(t, 'APP.UNMOUNT', 'A')).toBe(expired.t);
    expect(kinds(t, 'SCSI.RESET').map((e) => e.data?.nexus)).toEqual(['B.1']);
    expect(writers(sim)).toEqual(['B']);
    expect(node(sim, 'A').tags).toContain('stopped');
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('MSCS and paused nodes: when a reset would let stale writes through', () => {
  it('[A] with three nodes, a survivor does not reset while another node it cannot see may be a paused owner', () => {
    // A (owner) freezes, B takes over, B crashes; C alone must not break B's reservation: A's
    // queued writes would land when it resumes.
    const sim = run(
      [
        { at: 10_000, fault: 'node-freeze', node: 'A' },
        { at: 35_000, fault: 'node-crash', node: 'B' },
        { at: 50_000, fault: 'node-resume', node: 'A' },
      ],
      { until: 60_000, nodes: ['A', 'B', 'C'] },
    );
    const t = sim.trace();
    expect(firstAt(t, 'APP.MOUNT', 'B')).toBeLessThan(35_000);
    expect(kinds(t, 'SCSI.RESET').filter((e) => String(e.data?.nexus).startsWith('C.'))).toEqual([]);
    expect(kinds(t, 'SCSI.DONE').some((e) => e.node === 'A' && e.t >= 50_000 && e.data?.status === 'RESERVATION_CONFLICT')).toBe(true);
    expect(node(sim, 'A').tags).toContain('stopped');
    expect(sim.view().integrity.violations).toEqual([]);
  });

  it('[A] a rebooted node alone does not reset a reservation it cannot attribute (its own, through a path that died)', () => {
    const sim = run(
      [
        { at: 10_000, fault: 'node-freeze', node: 'A' },
        { at: 30_000, fault: 'node-crash', node: 'B' },
        { at: 31_000, fault: 'path-down', node: 'B', path: 1 },
        { at: 33_000, fault: 'node-restart', node: 'B' },
        { at: 47_000, fault: 'node-resume', node: 'A' },
      ],
      { until: 60_000 },
    );
    const t = sim.trace();
    expect(kinds(t, 'MSCS.NO_BREAK').map((e) => e.node)).toContain('B');
    expect(kinds(t, 'SCSI.RESET').filter((e) => e.t > 30_000)).toEqual([]);
    expect(node(sim, 'A').tags).toContain('stopped');
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

// ---- Random fault schedules ---------------------------------------------------------------

const FAULT_KINDS = [
  'node-crash',
  'node-restart',
  'node-freeze',
  'node-resume',
  'heartbeat-partition',
  'heartbeat-heal',
  'link-cut',
  'link-restore',
  'path-down',
  'path-up',
  'target-port-down',
  'target-port-up',
] as const;

/** 4–8 faults from the list above on 2–3 nodes × 1–2 paths, from the engine's seeded generator. */
function randomFaults(seed: number, durationMs: number): { nodes: string[]; paths: number; faults: ScheduledFault[] } {
  const rng = createRng(seed);
  const nodes = nextInt(rng, 2, 3) === 3 ? ['A', 'B', 'C'] : ['A', 'B'];
  const paths = nextInt(rng, 1, 2);
  const pick = <T>(xs: readonly T[]): T => xs[nextInt(rng, 0, xs.length - 1)]!;
  const faults: ScheduledFault[] = [];
  const count = nextInt(rng, 4, 8);
  for (let i = 0; i < count; i++) {
    const at = nextInt(rng, 1000, durationMs - 10_000);
    const n = pick(nodes);
    const other = pick(nodes.filter((x) => x !== n));
    const kind = pick(FAULT_KINDS);
    switch (kind) {
      case 'node-freeze':
        // Most freezes end: a paused node that comes back is the interesting case.
        faults.push({ at, fault: kind, node: n });
        if (nextInt(rng, 0, 3) > 0) faults.push({ at: at + nextInt(rng, 1000, 45_000), fault: 'node-resume', node: n });
        break;
      case 'node-crash':
      case 'node-restart':
      case 'node-resume':
        faults.push({ at, fault: kind, node: n });
        break;
      case 'heartbeat-partition':
        faults.push({ at, fault: kind, groups: [[n], nodes.filter((x) => x !== n)] });
        break;
      case 'heartbeat-heal':
        faults.push({ at, fault: kind });
        break;
      case 'link-cut':
      case 'link-restore':
        faults.push({ at, fault: kind, between: [n, other] });
        break;
      case 'path-down':
      case 'path-up':
        faults.push({ at, fault: kind, node: n, path: nextInt(rng, 1, paths) });
        break;
      default:
        faults.push({ at, fault: kind, path: nextInt(rng, 1, paths) });
    }
  }
  faults.sort((a, b) => a.at - b.at);
  return { nodes, paths, faults };
}

describe('MSCS under seeded random fault schedules', () => {
  const DURATION = 90_000;
  const runSchedule = (seed: number) => {
    const { nodes, paths, faults } = randomFaults(seed, DURATION);
    const sim = createSimulation({ scenario: testScenario(nodes, { mode: 'scsi2', pathsPerNode: paths, faults, seed, duration: DURATION }) });
    sim.runUntil(DURATION);
    return { sim, faults, nodes, paths };
  };

  it('never flags a corrupting write and never throws (500 schedules)', { timeout: 180_000 }, () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { sim, faults, nodes, paths } = runSchedule(seed);
      expect(sim.view().integrity.violations, `seed ${seed}: ${nodes.length} nodes × ${paths} paths ${JSON.stringify(faults)}`).toEqual([]);
    }
  });

  it('gives the same trace for the same seed', () => {
    for (const seed of [7, 42, 99]) {
      expect(JSON.stringify(runSchedule(seed).sim.trace())).toBe(JSON.stringify(runSchedule(seed).sim.trace()));
    }
  });
});
