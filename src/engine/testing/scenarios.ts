// Small scenarios for engine tests. By default: HA-LVM without fencing, so heartbeat tests see
// membership alone (nothing gets powered off or rebooted under them).

import { defaultParams, PERSONALITY_OF_MODE, type Mode, type Personality, type Scenario, type ScenarioParams, type ScheduledFault } from '../model/scenario';
import type { NodeId, SimMs } from '../model/ids';

export interface TestScenarioOptions {
  mode?: Mode;
  personality?: Personality;
  pathsPerNode?: number;
  seed?: number;
  duration?: number;
  params?: Partial<ScenarioParams>;
  faults?: ScheduledFault[];
}

export function testScenario(nodes: string[], o: TestScenarioOptions = {}): Scenario {
  const mode = o.mode ?? 'none';
  const personality = o.personality ?? PERSONALITY_OF_MODE[mode];
  const base = defaultParams(personality, nodes);
  return {
    id: 'test',
    title: 'test',
    mode,
    personality,
    nodes: nodes as NodeId[],
    pathsPerNode: o.pathsPerNode ?? 1,
    seed: o.seed ?? 1,
    faults: o.faults ?? [],
    duration: (o.duration ?? 600_000) as SimMs,
    params: { ...base, ...(personality === 'ha-lvm' && !o.personality && !o.mode ? { fencing: false } : {}), ...o.params },
  };
}
