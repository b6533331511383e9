// Intents: how the UI asks the engine to do something. The engine host answers with updates
// that flow back through applyEngineUpdate.

import type { FaultTarget, LearnerAction, Scenario } from '../engine';
import type { EngineClient } from '../worker/engineClient';
import type { EngineCommand } from '../worker/protocol';
import { applyEngineUpdate } from './applyEngineUpdate';
import { batchUpdates } from './batchUpdates';
import { useSimStore } from './useSimStore';

let client: EngineClient | null = null;
const pending: EngineCommand[] = [];

export function connectEngine(c: EngineClient): () => void {
  client = c;
  useSimStore.setState({ engineMode: c.mode });
  const updates = batchUpdates(applyEngineUpdate);
  const unsubscribe = c.subscribe(updates.push);
  for (const command of pending.splice(0)) c.send(command);
  return () => {
    updates.flush();
    unsubscribe();
    client = null;
  };
}

function send(command: EngineCommand): void {
  if (client) client.send(command);
  else pending.push(command);
}

/** Sends a learner action, remembering where it came from so a refusal shows up there. */
function input(action: LearnerAction, source: string | null = null): void {
  useSimStore.setState({ inputSource: source, inputError: null });
  send({ type: 'input', action });
}

export const engine = {
  load(scenario: Scenario, seed?: number) {
    useSimStore.setState((s) => ({ scenarios: { ...s.scenarios, [scenario.id]: { scenario, seed } }, requested: scenario }));
    send({ type: 'load', scenario, seed });
  },
  /** Loads the running scenario again: back to its start, forks dropped. */
  reset() {
    const { view, scenarios } = useSimStore.getState();
    const running = view ? scenarios[view.scenarioId] : undefined;
    if (running) engine.load(running.scenario, running.seed);
  },
  play: () => send({ type: 'play' }),
  pause: () => send({ type: 'pause' }),
  step: () => send({ type: 'step' }),
  stepBack: () => send({ type: 'stepBack' }),
  seek: (time: number) => send({ type: 'seek', time }),
  seekStep: (step: number) => send({ type: 'seekStep', step }),
  nextNotable: () => send({ type: 'nextNotable' }),
  prevNotable: () => send({ type: 'prevNotable' }),
  nextBeat: () => send({ type: 'nextBeat' }),
  prevBeat: () => send({ type: 'prevBeat' }),
  gotoBeat: (index: number) => send({ type: 'gotoBeat', index }),
  setSpeed: (speed: number) => send({ type: 'setSpeed', speed }),
  input: (action: LearnerAction) => input(action),
  /** A fault from the palette (or any other place that names itself as `source`). */
  injectFault: (fault: string, target: FaultTarget, source = 'palette') => input({ type: 'fault', fault, target }, source),
  /** A command line typed on a node's console. */
  console(node: string, line: string) {
    useSimStore.setState((s) => {
      const typed = s.consoleRecall[node] ?? [];
      const recall = typed.at(-1) === line ? typed : [...typed, line].slice(-50);
      return { consoleRecall: { ...s.consoleRecall, [node]: recall } };
    });
    input({ type: 'console', node, line }, `console:${node}`);
  },
  switchBranch: (branch: number) => send({ type: 'switchBranch', branch }),
};
