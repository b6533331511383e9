// The device server: one command in, one answer out. The order of checks is
//   1. the LU must be presented on the nexus (else LOGICAL UNIT NOT SUPPORTED; INQUIRY answers
//      with peripheral qualifier 011b),
//   2. a pending unit attention is reported first, for every command but INQUIRY, REPORT LUNS and
//      REQUEST SENSE (SAM-4 §5.14), so it wins over a reservation conflict (reference §6, §9.9),
//   3. an unsupported operation code is INVALID COMMAND OPERATION CODE,
//   3a. while the LU is becoming ready, NOT READY 04h/01h for all but INQUIRY, REPORT LUNS and
//      REQUEST SENSE (notReady.ts),
//   4. reservation checks (access.ts): SPC-2 reservation, then persistent reservation,
//   5. the command itself.

import type { ScsiCommand } from './api';
import { checkAccess } from './access';
import { read10, readCapacity10, write10 } from './blocks';
import { inquiry } from './inquiry';
import { CDB_LENGTH, OP, OPCODE_NAME } from './opcodes';
import { persistentReserveIn } from './prIn';
import { persistentReserveOut } from './prOut';
import { reportLuns } from './reportLuns';
import { notReadyOutcome, type LunReadiness } from './notReady';
import { requestSense } from './requestSense';
import { release6, reserve6 } from './scsi2';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, hex2, noEffects, reservationConflict, unchanged } from './sense';
import type { LunState } from './state';
import { findNexus } from './state';
import { reportsUnitAttention, takeUnitAttention, unitAttentionLabel, unitAttentionSense } from './unitAttention';

type Handler = (state: LunState, cmd: ScsiCommand) => Outcome;

const testUnitReady: Handler = (state) => unchanged(state, good('SPC-4 TEST UNIT READY: the LU is ready'));

const HANDLERS: Readonly<Record<number, Handler>> = {
  [OP.TEST_UNIT_READY]: testUnitReady,
  [OP.REQUEST_SENSE]: requestSense,
  [OP.INQUIRY]: inquiry,
  [OP.RESERVE_6]: reserve6,
  [OP.RELEASE_6]: release6,
  [OP.READ_CAPACITY_10]: readCapacity10,
  [OP.READ_10]: read10,
  [OP.WRITE_10]: write10,
  [OP.PERSISTENT_RESERVE_IN]: persistentReserveIn,
  [OP.PERSISTENT_RESERVE_OUT]: persistentReserveOut,
  [OP.REPORT_LUNS]: reportLuns,
};

/**
 * Runs one command immediately (outside the task set) and returns the new state and answer.
 * `readiness` comes from the power lifecycle around the LU (ready unless it is booting).
 */
export function executeCommand(state: LunState, cmd: ScsiCommand, readiness: LunReadiness = 'ready'): Outcome {
  const opcode = cmd.cdb[0];
  if (opcode === undefined) {
    return unchanged(state, checkCondition(SENSE.INVALID_COMMAND_OPERATION_CODE, 'SAM-5: an empty CDB carries no operation code'));
  }
  const name = OPCODE_NAME[opcode] ?? `operation code ${hex2(opcode)}h`;
  if (findNexus(state, cmd.nexus) === undefined) {
    if (opcode === OP.INQUIRY) return inquiry(state, cmd);
    return unchanged(
      state,
      checkCondition(SENSE.LOGICAL_UNIT_NOT_SUPPORTED, `SAM-5: LUN ${state.lun} is not presented to I_T nexus ${cmd.nexus} (addNexus presents it), so ${name} gets LOGICAL UNIT NOT SUPPORTED`),
    );
  }
  if (reportsUnitAttention(opcode)) {
    const taken = takeUnitAttention(state, cmd.nexus);
    if (taken !== null) {
      return {
        state: taken.state,
        result: checkCondition(
          unitAttentionSense(taken.ua),
          `SAM-4 §5.14: ${cmd.nexus} had a pending UNIT ATTENTION (${unitAttentionLabel(taken.ua)}); it is reported once, on this ${name}, before any reservation check, and the command did not run`,
        ),
        effects: noEffects(),
      };
    }
  }
  const handler = HANDLERS[opcode];
  if (handler === undefined) {
    return unchanged(state, checkCondition(SENSE.INVALID_COMMAND_OPERATION_CODE, `SPC-4: this LU does not implement ${name}, so INVALID COMMAND OPERATION CODE`));
  }
  const length = CDB_LENGTH[opcode] ?? 6;
  if (cmd.cdb.length < length) {
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, `SAM-5: ${name} has a ${length}-byte CDB but only ${cmd.cdb.length} bytes arrived`));
  }
  if (readiness === 'becoming-ready') {
    const notReady = notReadyOutcome(state, cmd, name);
    if (notReady) return notReady;
  }
  const verdict = checkAccess(state, cmd.nexus, cmd.cdb);
  if (!verdict.allowed) return unchanged(state, reservationConflict(verdict.rule));
  const out = handler(state, cmd);
  if (verdict.rule !== '' && out.result.status === 'GOOD') {
    return { ...out, result: { ...out.result, rule: `${out.result.rule}; ${verdict.rule}` } };
  }
  return out;
}
