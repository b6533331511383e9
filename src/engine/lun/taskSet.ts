// The LUN's task set (SAM-5): commands queued on the LUN and run one at a time, oldest first.
// PREEMPT AND ABORT and resets remove queued tasks (tasks.ts), so a command queued by a node that
// is then fenced never reaches the medium.

import type { LunEffects, ScsiCommand, ScsiResult } from './api';
import { executeCommand } from './deviceServer';
import type { LunReadiness } from './notReady';
import type { LunState } from './state';
import { plainCommand } from './tasks';

/** Queues a command (give it a `tag` to recognise its answer or its abort). */
export function enqueueTask(state: LunState, cmd: ScsiCommand): LunState {
  return { ...state, tasks: [...state.tasks, plainCommand(cmd)] };
}

/** Runs the oldest queued task; null when the task set is empty. */
export function executeNextTask(state: LunState, readiness: LunReadiness = 'ready'): { state: LunState; cmd: ScsiCommand; result: ScsiResult; effects: LunEffects } | null {
  const [cmd, ...rest] = state.tasks;
  if (cmd === undefined) return null;
  const out = executeCommand({ ...state, tasks: rest }, cmd, readiness);
  return { state: out.state, cmd, result: out.result, effects: out.effects };
}
