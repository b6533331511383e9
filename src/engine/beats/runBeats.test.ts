import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/createSimulation';
import { testScenario } from '../testing/scenarios';
import { runStory, runToBeat } from './runBeats';
import type { Beat } from './types';

const scenario = testScenario(['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi', pathsPerNode: 2, faults: [{ at: 10_000, fault: 'heartbeat-partition', groups: [['A'], ['B']] }] });

describe('beats', () => {
  it('reaches event, status and time beats in order and checks their expectations', () => {
    const beats: Beat[] = [
      { id: 'intro', title: 'Intro', narration: 'Two nodes.', expect: [{ path: 'nodes.length', equals: 2 }] },
      { id: 'registered', title: 'Keys', when: { at: 2000 }, narration: 'Both keys.', expect: [{ path: 'luns.0.registrations.length', equals: 4 }] },
      { id: 'lost', title: 'Lost', when: { event: 'membership-lost', node: 'A' }, narration: 'A loses B.' },
      { id: 'preempted', title: 'Preempted', when: { event: 'key-preempted' }, narration: 'A key is gone.', expect: [{ path: 'luns.0.registrations.length', equals: 2 }] },
    ];
    const sim = createSimulation({ scenario });
    const results = runStory(sim, beats);
    expect(results.map((r) => r.outcome.reached)).toEqual([true, true, true, true]);
    expect(results.flatMap((r) => (r.outcome.reached ? r.outcome.failed : []))).toEqual([]);
    const lost = results[2]!.outcome;
    expect(lost.reached && lost.at.time).toBeGreaterThan(10_000);
  });

  it('reports an expectation that does not hold, with what was found', () => {
    const sim = createSimulation({ scenario });
    const r = runToBeat(sim, { id: 'x', title: 'x', when: { at: 2000 }, narration: '', expect: [{ path: 'luns.0.registrations.length', equals: 3 }] }, { step: 0, time: 0, traceLength: 0 }, true);
    expect(r).toMatchObject({ reached: true, failed: ['luns.0.registrations.length: expected 3, found 4'] });
  });

  it('says when the scenario ends before a beat is reached', () => {
    const sim = createSimulation({ scenario: { ...scenario, duration: 20_000 as never } });
    const r = runToBeat(sim, { id: 'never', title: 'never', when: { event: 'corruption' }, narration: '' }, { step: 0, time: 0, traceLength: 0 }, true);
    expect(r).toEqual({ reached: false, reason: 'the scenario ended at 20000 ms before "never" was reached' });
  });

  it('counts a fault the learner injected after the previous beat, before the check starts', () => {
    const sim = createSimulation({ scenario: testScenario(['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi' }) });
    sim.runUntil(1000);
    const from = { step: sim.stepCount(), time: sim.time(), traceLength: sim.trace().length };
    sim.input({ type: 'fault', fault: 'node-crash', target: { node: 'B' } });
    const r = runToBeat(sim, { id: 'crash', title: 'Crash B', when: { fault: 'node-crash' }, narration: '' }, from, false);
    expect(r.reached).toBe(true);
  });

  it('plays a learner beat through its demo console command', () => {
    const sim = createSimulation({ scenario: testScenario(['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi' }) });
    sim.runUntil(1000);
    const r = runToBeat(
      sim,
      { id: 'keys', title: 'Read keys', when: { console: { node: 'A', matches: 'sg_persist .*(-k|--read-keys)', exit: 0 } }, narration: '', demo: [{ type: 'console', node: 'A', line: 'sg_persist -k /dev/sdb' }] },
      { step: sim.stepCount(), time: sim.time(), traceLength: sim.trace().length },
      true,
    );
    expect(r.reached).toBe(true);
  });
});
