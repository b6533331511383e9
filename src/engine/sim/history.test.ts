import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, type Simulation } from './createSimulation';
import { testScenario } from '../testing/scenarios';
import type { LearnerAction } from '../model/input';

const scenario = testScenario(['A', 'B', 'C'], {
  params: { heartbeatIntervalMs: 1000, heartbeatMisses: 5, heartbeatNetworks: 2, heartbeatLatencyMs: 1 },
  faults: [
    { at: 4000, fault: 'link-cut', between: ['A', 'B'] },
    { at: 9000, fault: 'node-crash', node: 'C' },
    { at: 25_000, fault: 'link-restore', between: ['A', 'B'] },
  ],
});

const json = (x: unknown) => JSON.stringify(x);

describe('determinism', () => {
  it('gives a byte-identical trace for the same scenario, seed and inputs', () => {
    const run = () => {
      const sim = createSimulation({ scenario, seed: 42 });
      sim.runUntil(12_000);
      sim.input({ type: 'fault', fault: 'heartbeat-partition', target: { groups: [['A'], ['B', 'C']] } });
      sim.runUntil(40_000);
      return json(sim.trace());
    };
    const first = run();
    expect(run()).toBe(first);
    expect(first.length).toBeGreaterThan(10_000);
  });

  it('gives a different run for a different seed (the phase of each node differs)', () => {
    const a = createSimulation({ scenario, seed: 1 });
    const b = createSimulation({ scenario, seed: 2 });
    a.runUntil(5000);
    b.runUntil(5000);
    expect(json(a.trace())).not.toBe(json(b.trace()));
  });

  it('replays a recorded history exactly', () => {
    const sim = createSimulation({ scenario, seed: 3 });
    sim.runUntil(7_500);
    sim.input({ type: 'fault', fault: 'node-crash', target: { node: 'A' } });
    sim.runUntil(20_000);
    sim.input({ type: 'fault', fault: 'node-restart', target: { node: 'A' } });
    sim.runUntil(30_000);
    const { inputs } = sim.history();
    const again = createSimulation({ scenario, seed: 3, inputs });
    again.runUntil(30_000);
    expect(json(again.trace())).toBe(json(sim.trace()));
    expect(json(again.view())).toBe(json(sim.view()));
  });
});

describe('step back and seek', () => {
  it('restores exactly the state before the last event', () => {
    const sim = createSimulation({ scenario, seed: 5 });
    sim.runUntil(13_000);
    sim.step();
    const before = json(sim.view());
    const traceBefore = sim.trace().length;
    sim.step();
    sim.stepBack();
    expect(json(sim.view())).toBe(before);
    expect(sim.trace().length).toBe(traceBefore);
  });

  it('seeks backwards and forwards across checkpoints to the same states', () => {
    const sim = createSimulation({ scenario, seed: 5 });
    sim.runUntil(60_000);
    const at20 = createSimulation({ scenario, seed: 5 });
    at20.runUntil(20_000);
    sim.seek(20_000);
    expect(json(sim.view())).toBe(json(at20.view()));
    sim.seek(55_000);
    at20.runUntil(55_000);
    expect(json(sim.view())).toBe(json(at20.view()));
  });
});

describe('seek regressions', () => {
  // Found by the history property below: a forward jump to a checkpoint after a jump back to 0
  // left holes in the trace.
  it('seeks far, back to 0, far again and steps with a complete trace', () => {
    const sim = createSimulation({ scenario, seed: 1 });
    sim.seek(22_900);
    const far = json(sim.trace());
    sim.seek(0);
    sim.seek(22_900);
    expect(json(sim.trace())).toBe(far);
    sim.step();
    expect(sim.trace().every((e, i) => e !== undefined && e.id === i)).toBe(true);
  });
});

describe('branches', () => {
  it('forks when a fault is injected in the past and keeps the authored path reachable', () => {
    const sim = createSimulation({ scenario, seed: 9 });
    sim.runUntil(30_000);
    const authored = json(sim.view());
    sim.seek(10_000);
    const r = sim.input({ type: 'fault', fault: 'node-crash', target: { node: 'A' } });
    expect(r).toEqual({ ok: true, forked: true, branch: 1 });
    sim.runUntil(30_000);
    expect(sim.view().nodes.find((n) => n.id === 'A')!.power).toBe('crashed');
    expect(sim.branches().map((b) => b.parent)).toEqual([null, 0]);
    sim.switchBranch(0);
    expect(sim.currentBranch()).toBe(0);
    expect(json(sim.view())).toBe(authored);
  });

  it('describes branches by their public fields only (no checkpoints, no trace)', () => {
    const sim = createSimulation({ scenario, seed: 9 });
    sim.runUntil(20_000);
    sim.seek(5000);
    sim.input({ type: 'fault', fault: 'node-crash', target: { node: 'A' } });
    for (const b of sim.branches()) {
      expect(Object.keys(b).sort()).toEqual(['forkStep', 'forkTime', 'frontierStep', 'frontierTime', 'id', 'inputs', 'parent']);
    }
  });

  it('does not fork when the input is at the end of the branch', () => {
    const sim = createSimulation({ scenario, seed: 9 });
    sim.runUntil(5000);
    expect(sim.input({ type: 'fault', fault: 'node-crash', target: { node: 'B' } })).toEqual({ ok: true, forked: false, branch: 0 });
  });

  it('rejects an input that does not apply, naming the problem', () => {
    const sim = createSimulation({ scenario, seed: 9 });
    const r = sim.input({ type: 'fault', fault: 'node-restart', target: { node: 'A' } });
    expect(r).toEqual({ ok: false, error: 'node A is already up' });
    expect(sim.input({ type: 'fault', fault: 'no-such-fault', target: {} })).toEqual({ ok: false, error: 'unknown fault "no-such-fault"' });
    expect(sim.input({ type: 'fault', fault: 'node-crash', target: { node: 'Z' } })).toEqual({
      ok: false,
      error: '"node": "Z" is not a node of this cluster; use one of A, B, C',
    });
  });
});

// Property: whatever a learner does with step / stepBack / seek / input, the state reached is the
// state a fresh run of the resulting history reaches.
type Op =
  | { op: 'step'; n: number }
  | { op: 'back'; n: number }
  | { op: 'seek'; t: number }
  | { op: 'input'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('step' as const), n: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('back' as const), n: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('seek' as const), t: fc.integer({ min: 0, max: 40_000 }) }),
  fc.record({ op: fc.constant('input' as const), pick: fc.nat() }),
);

function applyOp(sim: Simulation, op: Op): void {
  switch (op.op) {
    case 'step':
      for (let i = 0; i < op.n; i++) sim.step();
      return;
    case 'back':
      for (let i = 0; i < op.n; i++) sim.stepBack();
      return;
    case 'seek':
      sim.seek(op.t);
      return;
    case 'input': {
      const options = sim.view().faults.flatMap((f) => f.targets.map((t) => ({ type: 'fault', fault: f.id, target: t.target }) as LearnerAction));
      if (options.length > 0) sim.input(options[op.pick % options.length]!);
      return;
    }
  }
}

describe('history property', () => {
  it('any sequence of step / stepBack / seek / input ends where a fresh run of its history ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { minLength: 1, maxLength: 12 }), (seed, ops) => {
        const sim = createSimulation({ scenario, seed });
        for (const op of ops) applyOp(sim, op);
        const { inputs } = sim.history();
        const fresh = createSimulation({ scenario, seed, inputs });
        fresh.seekStep(sim.stepCount(), sim.time());
        expect(json(fresh.view())).toBe(json(sim.view()));
        expect(json(fresh.trace().slice(0, sim.trace().length))).toBe(json(sim.trace()));
        expect(fresh.trace().length).toBe(sim.trace().length);
      }),
      { numRuns: 60 },
    );
  });
});
