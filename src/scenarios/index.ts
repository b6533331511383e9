// Built-in scenarios. Scenarios are data (JSON files beside this one), checked by the same
// validator as trainers' files; it fills in the real products' defaults.

import type { Beat } from '../engine/beats/types';
import type { Scenario } from '../engine/model/scenario';
import twoNode from './builtin/two-node-heartbeat.json';
import threeNode from './builtin/three-node-heartbeat.json';
import { formatScenarioErrors, validateScenario } from './validate';

export { formatScenarioErrors, validateScenario } from './validate';
export type { ScenarioError, ScenarioSpec } from './validate';

/** A scenario from parsed JSON; a built-in file that does not validate is a bug, so it throws. */
export function fromFile(file: unknown): Scenario {
  const r = validateScenario(file);
  if (!r.ok) throw new Error(`invalid built-in scenario:\n${formatScenarioErrors(r.errors)}`);
  return r.scenario;
}

export const BUILTIN_SCENARIOS: readonly Scenario[] = [fromFile(twoNode), fromFile(threeNode)];

export const DEFAULT_SCENARIO_ID = 'two-node-heartbeat';

/** A built-in scenario by id. The guided lessons are in './library', which the app loads lazily. */
export function builtinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}

/** The beats of a scenario, typed for `runStory` and the player. */
export function beatsOf(scenario: Scenario): Beat[] {
  return (scenario.beats ?? []) as Beat[];
}
