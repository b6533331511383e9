// Built-in scenarios. Scenarios are data (JSON files beside this one); this module only lists
// them and fills in defaults. Issue 4 adds the schema and its field-naming errors.

import { DEFAULT_PARAMS, type Scenario } from '../engine/model/scenario';
import type { NodeId, SimMs } from '../engine/model/ids';
import twoNode from './builtin/two-node-heartbeat.json';
import threeNode from './builtin/three-node-heartbeat.json';

type ScenarioFile = Omit<Partial<Scenario>, 'nodes' | 'duration'> & { id: string; title: string; nodes: string[]; duration?: number };

export function fromFile(file: ScenarioFile): Scenario {
  return {
    id: file.id,
    title: file.title,
    summary: file.summary,
    nodes: file.nodes as NodeId[],
    seed: file.seed ?? 1,
    params: { ...DEFAULT_PARAMS, ...file.params },
    faults: file.faults ?? [],
    duration: (file.duration ?? 120_000) as SimMs,
  };
}

export const BUILTIN_SCENARIOS: readonly Scenario[] = [fromFile(twoNode as ScenarioFile), fromFile(threeNode as ScenarioFile)];

export const DEFAULT_SCENARIO_ID = 'two-node-heartbeat';

export function builtinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}
