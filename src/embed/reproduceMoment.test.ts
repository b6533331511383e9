// A deep link reproduces a moment: the learner's inputs recovered from the trace, written into the
// link, read back and replayed on a fresh engine host give the same view and trace.

import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario, type SimView, type TraceEntry } from '../engine';
import { createInProcessPort } from '../worker/inProcessHost';
import type { EngineCommand, EngineUpdate } from '../worker/protocol';
import { applyUrlState, type StartupIntents } from './applyUrlState';
import { inputsFromTrace } from './inputsFromTrace';
import { loadFullCatalog } from './scenarioCatalog';
import { buildDeepLink, parseDeepLink } from './urlState';

const SCENARIO_CATALOG = await loadFullCatalog();

const stillClock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined };

/** An in-process engine host, as the app's fallback runs it, with the last view and the whole trace. */
function host() {
  const port = createInProcessPort(stillClock);
  let view: SimView | null = null;
  let trace: TraceEntry[] = [];
  const errors: string[] = [];
  port.subscribe((u: EngineUpdate) => {
    if (u.type === 'view') view = u.view;
    if (u.type === 'trace') trace = trace.slice(0, u.from).concat(u.entries);
    if (u.type === 'error') errors.push(u.message);
  });
  const send = (c: EngineCommand) => port.send(c);
  return { send, view: () => view!, trace: () => trace, errors };
}

function intentsFor(h: ReturnType<typeof host>, exact: boolean): StartupIntents {
  const send = h.send;
  return {
    ...(exact
      ? {
          seekStepTime: (step: number) => {
            send({ type: 'seekStep', step });
            return Promise.resolve(h.view().time);
          },
        }
      : {}),
    load: (scenario, seed) => send({ type: 'load', scenario, seed }),
    seekStep: (step) => send({ type: 'seekStep', step }),
    seek: (time) => send({ type: 'seek', time }),
    input: (action) => send({ type: 'input', action }),
    setSpeed: (speed) => send({ type: 'setSpeed', speed }),
    play: () => undefined,
    showPanel: () => undefined,
  };
}

/** A learner's session: pauses mid-play, steps, injects faults, types on a console. */
function learnerSession(scenario: Scenario, seed?: number) {
  const h = host();
  h.send({ type: 'load', scenario, seed });
  h.send({ type: 'seek', time: 3000.5 }); // paused between two events
  h.send({ type: 'input', action: { type: 'fault', fault: 'link-cut', target: { between: ['A', 'B'], network: 1 } } });
  for (let i = 0; i < 7; i++) h.send({ type: 'step' }); // paused right after an event
  h.send({ type: 'input', action: { type: 'fault', fault: 'node-freeze', target: { node: 'B' } } });
  h.send({ type: 'seek', time: 4500 });
  h.send({ type: 'input', action: { type: 'fault', fault: 'node-resume', target: { node: 'B' } } });
  h.send({ type: 'seek', time: 7_000 }); // before the two nodes fence each other (link cut, no fence delay)
  h.send({ type: 'input', action: { type: 'console', node: 'A', line: 'sg_turs /dev/sdb' } });
  h.send({ type: 'seek', time: 31_234 });
  expect(h.errors).toEqual([]);
  return h;
}

/** Step 41 of two-node-heartbeat is followed by an event at the same virtual time. */
const TIED_STEP = 41;

/** A learner who steps to an event that shares its time with the next one, and injects a fault there. */
function tiedSession(scenario: Scenario) {
  const h = host();
  h.send({ type: 'load', scenario });
  h.send({ type: 'seekStep', step: TIED_STEP });
  expect(h.view().nextEventAt).toBe(h.view().time);
  h.send({ type: 'input', action: { type: 'fault', fault: 'node-crash', target: { node: 'A' } } });
  h.send({ type: 'seek', time: 20_000 });
  expect(h.errors).toEqual([]);
  return h;
}

function linkFor(h: ReturnType<typeof host>, scenarioId: string, seed: number | null) {
  return buildDeepLink({ scenarioId, seed, t: h.view().time, inputs: inputsFromTrace(h.trace(), h.view().time) });
}

describe('a deep link to a moment', () => {
  const scenario = SCENARIO_CATALOG.find('two-node-heartbeat')!;

  it('recovers exactly the inputs the engine recorded', () => {
    const h = learnerSession(scenario, 9);
    const sim = createSimulation({ scenario, seed: 9 });
    const inputs = inputsFromTrace(h.trace());
    expect(inputs).toHaveLength(4);
    // The engine's own history of the same session.
    const replayed = createSimulation({ scenario, seed: 9, inputs });
    replayed.seek(31_234);
    expect(replayed.history().inputs).toEqual(inputs);
    expect(sim.seed).toBe(9);
  });

  it('replays to the same view and trace through a fresh host (load with inputs placed)', () => {
    const h = learnerSession(scenario, 9);
    const link = buildDeepLink({ scenarioId: scenario.id, seed: 9, t: h.view().time, inputs: inputsFromTrace(h.trace(), h.view().time) });
    const parsed = parseDeepLink(link, SCENARIO_CATALOG);
    expect(parsed.notices).toEqual([]);

    const sim = createSimulation({ scenario, seed: parsed.state.seed!, inputs: parsed.state.inputs });
    sim.seek(parsed.state.t!);
    expect(sim.view()).toEqual(h.view());
    expect(sim.trace()).toEqual(h.trace());
  });

  it.each([
    ['paused mid-play and after Step', () => learnerSession(SCENARIO_CATALOG.find('two-node-heartbeat')!, 9), 9],
    ['right after an event that shares its time with the next', () => tiedSession(SCENARIO_CATALOG.find('two-node-heartbeat')!), null],
  ] as const)('replays exactly through today\'s engine commands (seekStep, seek, input) when inputs were made %s', async (_name, session, seed) => {
    const h = session();
    const parsed = parseDeepLink(linkFor(h, scenario.id, seed), SCENARIO_CATALOG);
    const fresh = host();
    await applyUrlState(parsed.state, SCENARIO_CATALOG.find(parsed.state.scenarioId)!, intentsFor(fresh, true));
    expect(fresh.errors).toEqual([]);
    expect(fresh.view()).toEqual(h.view());
    expect(fresh.trace()).toEqual(h.trace());
  });

  it("without the engine's answer to seekStep, still replays inputs made mid-play exactly", async () => {
    const h = learnerSession(scenario, 9);
    const parsed = parseDeepLink(linkFor(h, scenario.id, 9), SCENARIO_CATALOG);
    const fresh = host();
    await applyUrlState(parsed.state, scenario, intentsFor(fresh, false));
    expect(fresh.view()).toEqual(h.view());
  });

  it('places the inputs exactly when the engine gets them with the load (tied events too)', () => {
    const h = tiedSession(scenario);
    const parsed = parseDeepLink(linkFor(h, scenario.id, null), SCENARIO_CATALOG);
    const sim = createSimulation({ scenario, inputs: parsed.state.inputs });
    sim.seek(parsed.state.t!);
    expect(sim.view()).toEqual(h.view());
    expect(sim.trace()).toEqual(h.trace());
  });
});
