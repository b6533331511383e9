// Learner inputs. A run is (scenario, seed, list of timed inputs); replaying the list gives the
// same run. An input is placed by position — after `step` engine events, at virtual time `at`
// (≥ the time of event `step`) — so replay needs no wall clock and no tie-breaking.

import type { SimMs } from './ids';
import type { FaultTarget } from '../faults/types';

/** A fault to inject, or a command line typed on a node's console. */
export type LearnerAction = { type: 'fault'; fault: string; target: FaultTarget } | { type: 'console'; node: string; line: string };

export interface TimedInput {
  step: number;
  at: SimMs;
  action: LearnerAction;
}
