// The task set (SAM-5): FIFO execution, PREEMPT AND ABORT removing the victims' queued tasks
// (spc4r17 §5.7.11.5; reference §4.6 step d), and resets aborting everything.

import { describe, expect, it } from 'vitest';
import type { NexusId } from '../model/ids';
import type { ScsiCommand } from './api';
import { buildPrOutCdb, buildPrOutParams, buildReadCdb, buildTestUnitReadyCdb, buildWriteCdb } from './cdb';
import { describeLun } from './describe';
import { applyReset, nexusLoss, powerCycle } from './resets';
import type { LunState } from './state';
import { enqueueTask, executeNextTask } from './taskSet';
import { A1, A2, B1, B2, C1, KEY_A, KEY_B, freshLun, registeredLab, reserveAs } from './testKit';

const writeTask = (nexus: NexusId, tag: number, lba = tag): ScsiCommand => ({ nexus, tag, cdb: buildWriteCdb(lba), dataOut: new Array<number>(512).fill(tag) });

function queue(s: LunState, cmds: ScsiCommand[]): LunState {
  return cmds.reduce(enqueueTask, s);
}

function runAll(s: LunState): { state: LunState; ran: [number | undefined, string][] } {
  const ran: [number | undefined, string][] = [];
  let state = s;
  for (let step = executeNextTask(state); step !== null; step = executeNextTask(state)) {
    ran.push([step.cmd.tag, step.result.status]);
    state = step.state;
  }
  return { state, ran };
}

describe('task set (SAM-5)', () => {
  it('runs queued tasks oldest first and returns null when empty', () => {
    const s = queue(freshLun(), [writeTask(B1, 1), { nexus: A1, tag: 2, cdb: buildReadCdb(1) }, writeTask(C1, 3)]);
    expect(describeLun(s).queuedTasks).toEqual([
      { nexus: B1, tag: 1, opcode: 0x2a },
      { nexus: A1, tag: 2, opcode: 0x28 },
      { nexus: C1, tag: 3, opcode: 0x2a },
    ]);
    const { state, ran } = runAll(s);
    expect(ran).toEqual([[1, 'GOOD'], [2, 'GOOD'], [3, 'GOOD']]);
    expect(state.tasks).toEqual([]);
    expect(describeLun(state).blocks.map((b) => [b.lba, b.seq])).toEqual([[1, 1], [3, 2]]);
    expect(executeNextTask(state)).toBeNull();
  });

  it('judges a queued task by the state when it runs, not when it was queued', () => {
    let s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    s = queue(s, [writeTask(A1, 1)]);
    s = enqueueTask(s, { nexus: B1, tag: 2, cdb: buildPrOutCdb('PREEMPT', { type: 'WE' }), dataOut: buildPrOutParams({ key: KEY_B, saKey: KEY_A }) });
    s = queue(s, [writeTask(A1, 3)]);
    const { ran } = runAll(s);
    // PREEMPT (no abort) leaves A.1's task 3 queued: it runs after the fence and takes its unit attention.
    expect(ran).toEqual([[1, 'GOOD'], [2, 'GOOD'], [3, 'CHECK_CONDITION']]);
  });

  it('copies the command it queues: later changes to the caller\'s arrays do not reach the LUN', () => {
    const cdb = buildWriteCdb(5);
    const s = enqueueTask(freshLun(), { nexus: C1, tag: 9, cdb, dataOut: [1, 2, 3] });
    cdb[5] = 99;
    expect(s.tasks[0]).toEqual({ nexus: C1, tag: 9, cdb: buildWriteCdb(5), dataOut: [1, 2, 3] });
  });
});

describe('PREEMPT AND ABORT removes the preempted nexuses\' queued tasks (spc4r17 §5.7.11.5)', () => {
  const fenced = () => {
    let s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    s = queue(s, [writeTask(A1, 11), writeTask(B2, 12), writeTask(A2, 13), { nexus: A1, tag: 14, cdb: buildTestUnitReadyCdb() }, writeTask(C1, 15)]);
    return s;
  };

  it('aborts every queued task of A.1 and A.2 (all paths registered with the preempted key) and reports them', () => {
    const s = fenced();
    const r = executeNextTaskAfter(s, { nexus: B1, cdb: buildPrOutCdb('PREEMPT_AND_ABORT', { type: 'WE_RO' }), dataOut: buildPrOutParams({ key: KEY_B, saKey: KEY_A }) });
    expect(r.result.status).toBe('GOOD');
    expect(r.effects).toEqual({ abortTasksOf: [A1, A2], abortedTags: [11, 13, 14] });
    expect(r.state.tasks.map((t) => t.tag)).toEqual([12, 15]);
    expect(r.result.rule).toMatch(/tasks are aborted \(tags 11, 13, 14\)/);
    const { ran, state } = runAll(r.state);
    expect(ran).toEqual([[12, 'GOOD'], [15, 'RESERVATION_CONFLICT']]);
    expect(describeLun(state).blocks.map((b) => b.nexus)).toEqual([B2]);
  });

  it('PREEMPT without abort leaves them queued; they then get their unit attention and, after it, RESERVATION CONFLICT', () => {
    const s = fenced();
    const r = executeNextTaskAfter(s, { nexus: B1, cdb: buildPrOutCdb('PREEMPT', { type: 'WE_RO' }), dataOut: buildPrOutParams({ key: KEY_B, saKey: KEY_A }) });
    expect(r.effects).toEqual({ abortTasksOf: [], abortedTags: [] });
    expect(r.state.tasks.map((t) => t.tag)).toEqual([11, 12, 13, 14, 15]);
    expect(runAll(r.state).ran).toEqual([[11, 'CHECK_CONDITION'], [12, 'GOOD'], [13, 'CHECK_CONDITION'], [14, 'GOOD'], [15, 'RESERVATION_CONFLICT']]);
  });

  it('aborts only the victims of a registration-only preempt (no reservation involved)', () => {
    let s = registeredLab();
    s = queue(s, [writeTask(B1, 1), writeTask(A1, 2), writeTask(B2, 3)]);
    const r = executeNextTaskAfter(s, { nexus: A1, cdb: buildPrOutCdb('PREEMPT_AND_ABORT', { type: 'WE' }), dataOut: buildPrOutParams({ key: KEY_A, saKey: KEY_B }) });
    expect(r.effects).toEqual({ abortTasksOf: [B1, B2], abortedTags: [1, 3] });
    expect(r.state.tasks.map((t) => t.tag)).toEqual([2]);
  });
});

/** Runs `cmd` through the task set ahead of what is queued (as a HEAD OF QUEUE task would). */
function executeNextTaskAfter(s: LunState, cmd: ScsiCommand) {
  const step = executeNextTask({ ...s, tasks: [cmd, ...s.tasks] })!;
  return step;
}

describe('resets and losses empty the task set (SAM-5; reference §8)', () => {
  it.each(['lun', 'target', 'bus'] as const)('a %s reset aborts every queued task and names every nexus in effects.abortTasksOf', (kind) => {
    const s = queue(freshLun(), [writeTask(A1, 1), writeTask(B1, 2), { nexus: C1, cdb: buildTestUnitReadyCdb() }]);
    const r = applyReset(s, kind);
    expect(r.state.tasks).toEqual([]);
    expect(r.effects).toEqual({ abortTasksOf: [A1, A2, B1, B2, C1], abortedTags: [1, 2] });
  });

  it('a power cycle drops the task set', () => {
    expect(powerCycle(queue(freshLun(), [writeTask(A1, 1)])).tasks).toEqual([]);
  });

  it('I_T nexus loss aborts that nexus\'s tasks only', () => {
    const s = nexusLoss(queue(freshLun(), [writeTask(A1, 1), writeTask(B1, 2), writeTask(A1, 3)]), A1);
    expect(s.tasks.map((t) => t.tag)).toEqual([2]);
  });
});
