// Windows Server 2008+ Failover Clustering (SCSI-3 PR arbitration, research §2.2 simulator
// model): the research brief's S3, S6-B, S9 and S10, the start-up, and seeded random fault
// schedules (cluster-arbitration.md §2, §8).

import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../sim/createSimulation';
import { testScenario } from '../testing/scenarios';
import { createRng, nextInt } from '../rng';
import type { ScenarioParams, ScheduledFault } from '../model/scenario';
import type { TraceEntry } from '../model/trace';
import { windowsKey } from './common';

interface RunOptions {
  until?: number;
  seed?: number;
  nodes?: string[];
  paths?: number;
  params?: Partial<ScenarioParams>;
}

const run = (faults: ScheduledFault[], o: RunOptions = {}): Simulation => {
  const sim = createSimulation({
    scenario: testScenario(o.nodes ?? ['A', 'B'], { mode: 'scsi3', personality: 'wsfc-2008', pathsPerNode: o.paths ?? 2, faults, seed: o.seed ?? 1, params: o.params }),
  });
  sim.runUntil(o.until ?? 60_000);
  return sim;
};

const KEY_A = windowsKey(0);
const KEY_B = windowsKey(1);
const kinds = (trace: readonly TraceEntry[], kind: string) => trace.filter((e) => e.kind === kind);
const done = (trace: readonly TraceEntry[], node: string, label: RegExp) => kinds(trace, 'SCSI.DONE').filter((e) => e.node === node && label.test(String(e.data?.label)));
const node = (sim: Simulation, id: string) => sim.view().nodes.find((n) => n.id === id)!;
const writers = (sim: Simulation) => sim.view().nodes.filter((n) => n.mount).map((n) => n.id);
const lun = (sim: Simulation) => sim.view().luns[0]!;
const regs = (sim: Simulation) => lun(sim).registrations.map((r) => `${r.nexus}=${r.key}`);
const firstAt = (trace: readonly TraceEntry[], kind: string, nodeId: string) => kinds(trace, kind).find((e) => e.node === nodeId)?.t;
const conflicts = (trace: readonly TraceEntry[], after = 0) => kinds(trace, 'SCSI.DONE').filter((e) => e.t > after && e.data?.status === 'RESERVATION_CONFLICT');

describe('WSFC start-up', () => {
  it('every node registers its key on every path; the owner reserves (WE_RO, [U]) and mounts', () => {
    const sim = run([], { until: 8000 });
    expect(regs(sim)).toEqual([`A.1=${KEY_A}`, `A.2=${KEY_A}`, `B.1=${KEY_B}`, `B.2=${KEY_B}`]);
    expect(lun(sim).reservation).toMatchObject({ key: KEY_A, type: 'WE_RO' });
    expect(writers(sim)).toEqual(['A']);
    expect(node(sim, 'A').tags).toContain('owner');
    expect(node(sim, 'B').tags).toContain('standby');
    // The owner reads the keys every DiskArbInterval (3 s).
    expect(done(sim.trace(), 'A', /READ KEYS/).map((e) => e.t)).toEqual([3010, 6010]);
  });
});

describe('S3 planned move under WSFC', () => {
  it('the owner unmounts and releases; the target reserves with its key and mounts; registrations stay', () => {
    const sim = run([{ at: 10_000, fault: 'move-service', to: 'B' }], { until: 20_000 });
    const t = sim.trace();
    const execs = kinds(t, 'SCSI.EXEC').filter((e) => e.t >= 10_000);
    const release = execs.findIndex((e) => /PR OUT RELEASE from A\.\d → GOOD/.test(e.summary));
    const reserve = execs.findIndex((e) => /PR OUT RESERVE from B\.\d → GOOD/.test(e.summary));
    expect(release).toBeGreaterThanOrEqual(0);
    expect(reserve).toBeGreaterThan(release);
    expect(firstAt(t, 'APP.UNMOUNT', 'A')!).toBeLessThanOrEqual(firstAt(t, 'APP.MOUNT', 'B')!);
    expect(lun(sim).reservation).toMatchObject({ key: KEY_B, type: 'WE_RO' });
    expect(regs(sim)).toHaveLength(4);
    expect(kinds(t, 'SCSI.EXEC').filter((e) => /PREEMPT/.test(e.summary))).toEqual([]);
    expect(conflicts(t, 10_000)).toEqual([]);
    expect(writers(sim)).toEqual(['B']);
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('S6-B heartbeat partition under WSFC', () => {
  it('the owner scrubs the challenger\'s key; the challenger finds its key gone and gives up; exactly one writer', () => {
    const sim = run([{ at: 10_000, fault: 'heartbeat-partition', groups: [['A'], ['B']] }], { until: 40_000 });
    const t = sim.trace();
    // B registered again when it started to arbitrate; A's scrub removed that registration before B checked.
    const reRegister = done(t, 'B', /REGISTER/).filter((e) => e.t > 10_000);
    expect(reRegister.length).toBe(2);
    const bCheck = done(t, 'B', /READ KEYS/).find((e) => e.t > 10_000)!;
    const scrubs = kinds(t, 'SCSI.EXEC').filter((e) => /PR OUT PREEMPT from A\.\d → GOOD/.test(e.summary));
    expect(scrubs.some((e) => e.t > reRegister[1]!.t && e.t < bCheck.t)).toBe(true);
    expect(kinds(t, 'WSFC.SCRUB').every((e) => e.node === 'A' && /key 0x5753464300000002/.test(e.summary))).toBe(true);
    expect(kinds(t, 'WSFC.CHALLENGE_LOST').map((e) => e.node)).toEqual(['B']);
    expect(node(sim, 'B').tags).toContain('stopped');
    expect(node(sim, 'A').tags).toContain('owner');
    expect(writers(sim)).toEqual(['A']);
    expect(regs(sim)).toEqual([`A.1=${KEY_A}`, `A.2=${KEY_A}`]);
    expect(lun(sim).reservation?.key).toBe(KEY_A);
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('S9 owner crash under WSFC', () => {
  it('the survivor preempts the dead owner\'s key automatically and holds the reservation ~16 s after the crash', () => {
    const sim = run([{ at: 10_000, fault: 'node-crash', node: 'A' }], { until: 40_000 });
    const t = sim.trace();
    const preempt = kinds(t, 'SCSI.EXEC').find((e) => /PR OUT PREEMPT from B\.\d → GOOD/.test(e.summary))!;
    expect(preempt).toBeDefined();
    expect(regs(sim)).toEqual([`B.1=${KEY_B}`, `B.2=${KEY_B}`]);
    expect(lun(sim).reservation).toMatchObject({ key: KEY_B, type: 'WE_RO' });
    const mount = firstAt(t, 'APP.MOUNT', 'B')!;
    expect(Math.abs(mount - 10_000 - 16_000)).toBeLessThanOrEqual(3000);
    expect(mount).toBeGreaterThanOrEqual(preempt.t);
    // No manual step: nobody CLEARs.
    expect(kinds(t, 'SCSI.EXEC').filter((e) => /CLEAR/.test(e.summary))).toEqual([]);
    expect(writers(sim)).toEqual(['B']);
    expect(sim.view().integrity.violations).toEqual([]);
  });
});

describe('S10 zombie owner under WSFC', () => {
  it('the resumed owner\'s write gets RESERVATION CONFLICT, its key check finds the key gone and it stops; nothing stale lands', () => {
    const sim = run(
      [
        { at: 10_000, fault: 'node-freeze', node: 'A' },
        { at: 50_000, fault: 'node-resume', node: 'A' },
      ],
      { until: 60_000 },
    );
    const t = sim.trace();
    const mountB = firstAt(t, 'APP.MOUNT', 'B')!;
    expect(mountB).toBeLessThan(50_000);
    expect(conflicts(t, 50_000).some((e) => e.node === 'A' && /WRITE/.test(String(e.data?.label)))).toBe(true);
    expect(kinds(t, 'WSFC.PREEMPTED').map((e) => e.node)).toEqual(['A']);
    expect(kinds(t, 'SCSI.EXEC').filter((e) => e.t > mountB && /WRITE\(10\).*from A\.\d → GOOD/.test(e.summary))).toEqual([]);
    expect(node(sim, 'A').tags).toContain('stopped');
    expect(writers(sim)).toEqual(['B']);
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

describe('WSFC under seeded random fault schedules', () => {
  const DURATION = 90_000;
  const runSchedule = (seed: number) => {
    const { nodes, paths, faults } = randomFaults(seed, DURATION);
    const sim = createSimulation({
      scenario: testScenario(nodes, { mode: 'scsi3', personality: 'wsfc-2008', pathsPerNode: paths, faults, seed, duration: DURATION }),
    });
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
