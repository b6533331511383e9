// Intents: how the UI asks the engine to do something. The engine host answers with updates
// that flow back through applyEngineUpdate.

import type { LearnerAction, Scenario } from '../engine';
import type { EngineClient } from '../worker/engineClient';
import type { EngineCommand } from '../worker/protocol';
import { applyEngineUpdate } from './applyEngineUpdate';
import { useSimStore } from './useSimStore';

let client: EngineClient | null = null;
const pending: EngineCommand[] = [];

export function connectEngine(c: EngineClient): () => void {
  client = c;
  useSimStore.setState({ engineMode: c.mode });
  const unsubscribe = c.subscribe(applyEngineUpdate);
  for (const command of pending.splice(0)) c.send(command);
  return () => {
    unsubscribe();
    client = null;
  };
}

function send(command: EngineCommand): void {
  if (client) client.send(command);
  else pending.push(command);
}

export const engine = {
  load: (scenario: Scenario, seed?: number) => send({ type: 'load', scenario, seed }),
  play: () => send({ type: 'play' }),
  pause: () => send({ type: 'pause' }),
  step: () => send({ type: 'step' }),
  stepBack: () => send({ type: 'stepBack' }),
  seek: (time: number) => send({ type: 'seek', time }),
  seekStep: (step: number) => send({ type: 'seekStep', step }),
  nextNotable: () => send({ type: 'nextNotable' }),
  prevNotable: () => send({ type: 'prevNotable' }),
  setSpeed: (speed: number) => send({ type: 'setSpeed', speed }),
  input: (action: LearnerAction) => send({ type: 'input', action }),
  switchBranch: (branch: number) => send({ type: 'switchBranch', branch }),
};
