// Built-in scenarios. Scenarios are data (JSON files beside this one); this module lists them and
// fills in defaults (the real products' values for the scenario's personality).

import { defaultParams, PERSONALITY_OF_MODE, type Mode, type Personality, type Scenario, type ScenarioParams, type ScheduledFault } from '../engine/model/scenario';
import type { NodeId, SimMs } from '../engine/model/ids';
import twoNode from './builtin/two-node-heartbeat.json';
import threeNode from './builtin/three-node-heartbeat.json';

interface ScenarioFile {
  id: string;
  title: string;
  summary?: string;
  mode: string;
  personality?: string;
  nodes: string[];
  pathsPerNode?: number;
  seed?: number;
  params?: Partial<ScenarioParams>;
  faults?: ScheduledFault[];
  duration?: number;
}

export function fromFile(file: ScenarioFile): Scenario {
  const mode = file.mode as Mode;
  const personality = (file.personality ?? PERSONALITY_OF_MODE[mode]) as Personality;
  return {
    id: file.id,
    title: file.title,
    summary: file.summary,
    mode,
    personality,
    nodes: file.nodes as NodeId[],
    pathsPerNode: file.pathsPerNode ?? 1,
    seed: file.seed ?? 1,
    params: { ...defaultParams(personality, file.nodes), ...file.params },
    faults: file.faults ?? [],
    duration: (file.duration ?? 120_000) as SimMs,
  };
}

export const BUILTIN_SCENARIOS: readonly Scenario[] = [fromFile(twoNode as ScenarioFile), fromFile(threeNode as ScenarioFile)];

export const DEFAULT_SCENARIO_ID = 'two-node-heartbeat';

export function builtinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}
