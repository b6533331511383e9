// Small scenarios for engine tests.

import { DEFAULT_PARAMS, type Scenario, type ScheduledFault } from '../model/scenario';
import type { NodeId, SimMs } from '../model/ids';

export function testScenario(nodes: string[], overrides: Partial<Omit<Scenario, 'nodes'>> & { faults?: ScheduledFault[] } = {}): Scenario {
  return {
    id: 'test',
    title: 'test',
    seed: 1,
    faults: [],
    duration: 600_000 as SimMs,
    ...overrides,
    params: { ...DEFAULT_PARAMS, ...overrides.params },
    nodes: nodes as NodeId[],
  };
}
