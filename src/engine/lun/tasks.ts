// The task set as data: commands queued on the LUN (SAM-5 task set). Removal helpers used by
// PREEMPT AND ABORT, resets, power loss and I_T nexus loss; enqueueing and running tasks is in
// taskSet.ts.

import type { NexusId } from '../model/ids';
import type { ScsiCommand } from './api';
import type { LunState } from './state';

/** A plain copy of a command (readonly arrays copied, undefined fields left out). */
export function plainCommand(cmd: ScsiCommand): ScsiCommand {
  const out: ScsiCommand = { nexus: cmd.nexus, cdb: [...cmd.cdb] };
  if (cmd.dataOut !== undefined) out.dataOut = [...cmd.dataOut];
  if (cmd.writer !== undefined) out.writer = cmd.writer;
  if (cmd.tag !== undefined) out.tag = cmd.tag;
  return out;
}

/** Removes the queued tasks of `nexuses` (every task when `nexuses` is 'all'). */
export function removeTasks(state: LunState, nexuses: readonly NexusId[] | 'all'): { state: LunState; abortedTags: number[] } {
  const hit = (t: ScsiCommand): boolean => nexuses === 'all' || nexuses.includes(t.nexus);
  const aborted = state.tasks.filter(hit);
  if (aborted.length === 0) return { state, abortedTags: [] };
  const abortedTags = aborted.flatMap((t) => (t.tag === undefined ? [] : [t.tag]));
  return { state: { ...state, tasks: state.tasks.filter((t) => !hit(t)) }, abortedTags };
}
