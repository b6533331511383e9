import { describe, expect, it } from 'vitest';
import { createSimulation } from './createSimulation';
import { testScenario } from '../testing/scenarios';
import type { ScheduledFault } from '../model/scenario';

const members = (sim: ReturnType<typeof createSimulation>, node: string) => sim.view().nodes.find((n) => n.id === node)!.members;

describe('heartbeat and membership, two nodes on one link', () => {
  it('keeps both nodes in each view while the link is up', () => {
    const sim = createSimulation({ scenario: testScenario(['A', 'B'], { params: { heartbeatMisses: 5 } }) });
    sim.runUntil(60_000);
    expect(members(sim, 'A')).toEqual(['A', 'B']);
    expect(members(sim, 'B')).toEqual(['A', 'B']);
    expect(sim.trace().filter((e) => e.kind === 'HEARTBEAT.LOST')).toEqual([]);
  });

  it('drops the peer after interval × misses (± one interval) when the only link is cut, and says why', () => {
    const cutAt = 10_300;
    const sim = createSimulation({ scenario: testScenario(['A', 'B'], { params: { heartbeatMisses: 5 }, faults: [{ at: cutAt, fault: 'link-cut', between: ['A', 'B'] }] }) });
    sim.runUntil(30_000);
    const lost = sim.trace().filter((e) => e.kind === 'HEARTBEAT.LOST');
    expect(lost.map((e) => e.node).sort()).toEqual(['A', 'B']);
    const cut = sim.trace().find((e) => e.kind === 'FAULT.LINK_CUT')!;
    for (const e of lost) {
      expect(Math.abs(e.t - (cutAt + 1000 * 5))).toBeLessThanOrEqual(1000);
      expect(e.parent).toBe(cut.id);
      expect(e.rule).toMatch(/consecutive missed heartbeat/);
    }
    expect(members(sim, 'A')).toEqual(['A']);
    expect(members(sim, 'B')).toEqual(['B']);
  });

  it('honours the scenario interval and miss count', () => {
    const sim = createSimulation({
      scenario: testScenario(['A', 'B'], { params: { heartbeatIntervalMs: 1200, heartbeatMisses: 6, heartbeatNetworks: 1, heartbeatLatencyMs: 1, consensusMs: 0 }, faults: [{ at: 5000, fault: 'link-cut', between: ['A', 'B'] }] }),
    });
    sim.runUntil(20_000);
    for (const e of sim.trace().filter((x) => x.kind === 'HEARTBEAT.LOST')) {
      expect(Math.abs(e.t - (5000 + 1200 * 6))).toBeLessThanOrEqual(1200);
    }
  });

  it('adds the peer back after the link is restored', () => {
    const sim = createSimulation({
      scenario: testScenario(['A', 'B'], {
        params: { heartbeatMisses: 5 },
        faults: [
          { at: 1000, fault: 'link-cut', between: ['A', 'B'] },
          { at: 20_000, fault: 'link-restore', between: ['A', 'B'] },
        ],
      }),
    });
    sim.runUntil(19_000);
    expect(members(sim, 'A')).toEqual(['A']);
    sim.runUntil(22_001);
    expect(members(sim, 'A')).toEqual(['A', 'B']);
    expect(members(sim, 'B')).toEqual(['A', 'B']);
    expect(sim.trace().filter((e) => e.kind === 'HEARTBEAT.JOINED')).toHaveLength(2);
  });
});

describe('heartbeat with two networks and three nodes', () => {
  const scenario = (faults: ScheduledFault[]) =>
    testScenario(['A', 'B', 'C'], { params: { heartbeatIntervalMs: 1000, heartbeatMisses: 5, heartbeatNetworks: 2, heartbeatLatencyMs: 1 }, faults });

  it('loses nobody when one of two links between a pair is cut', () => {
    const sim = createSimulation({ scenario: scenario([{ at: 1000, fault: 'link-cut', between: ['A', 'B'], network: 1 }]) });
    sim.runUntil(30_000);
    expect(members(sim, 'A')).toEqual(['A', 'B', 'C']);
  });

  it('splits the views along a partition and joins them again on heal', () => {
    const sim = createSimulation({
      scenario: scenario([
        { at: 2000, fault: 'heartbeat-partition', groups: [['A'], ['B', 'C']] },
        { at: 30_000, fault: 'heartbeat-heal' },
      ]),
    });
    sim.runUntil(20_000);
    expect(members(sim, 'A')).toEqual(['A']);
    expect(members(sim, 'B')).toEqual(['B', 'C']);
    expect(members(sim, 'C')).toEqual(['B', 'C']);
    sim.runUntil(32_000);
    expect(members(sim, 'A')).toEqual(['A', 'B', 'C']);
  });
});

describe('node crash and restart', () => {
  it('removes a crashed node from the survivors and blames the crash', () => {
    const sim = createSimulation({ scenario: testScenario(['A', 'B'], { params: { heartbeatMisses: 5 }, faults: [{ at: 3000, fault: 'node-crash', node: 'A' }] }) });
    sim.runUntil(15_000);
    const crash = sim.trace().find((e) => e.kind === 'FAULT.NODE_CRASH')!;
    const lost = sim.trace().filter((e) => e.kind === 'HEARTBEAT.LOST');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.node).toBe('B');
    expect(lost[0]!.parent).toBe(crash.id);
    const a = sim.view().nodes.find((n) => n.id === 'A')!;
    expect(a.power).toBe('crashed');
    expect(a.tags).toContain('crashed');
    expect(a.members).toEqual([]);
  });

  it('brings a restarted node back into both views', () => {
    const sim = createSimulation({
      scenario: testScenario(['A', 'B'], {
        params: { heartbeatMisses: 5 },
        faults: [
          { at: 3000, fault: 'node-crash', node: 'A' },
          { at: 20_000, fault: 'node-restart', node: 'A' },
        ],
      }),
    });
    sim.runUntil(23_000);
    expect(members(sim, 'A')).toEqual(['A', 'B']);
    expect(members(sim, 'B')).toEqual(['A', 'B']);
  });

  it('records a scheduled fault that no longer applies as skipped, with the reason', () => {
    const sim = createSimulation({ scenario: testScenario(['A', 'B'], { params: { heartbeatMisses: 5 }, faults: [{ at: 1000, fault: 'node-restart', node: 'A' }] }) });
    sim.runUntil(2000);
    const skipped = sim.trace().find((e) => e.kind === 'FAULT.SKIPPED')!;
    expect(skipped.summary).toMatch(/node A is already up/);
  });
});
