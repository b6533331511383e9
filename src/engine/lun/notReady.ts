// The device server while the logical unit is becoming ready (after power on, before the array
// has loaded its configuration and persistent reservation state). The power lifecycle itself
// (off → becoming ready → ready, with its timings) is an xstate machine outside this pure module
// (storage/lunPowerMachine.ts); it passes the readiness in with each command.
//
// Which commands still answer (checked after the unit attention, which SAM-4 §5.14 reports first
// for every command but INQUIRY, REPORT LUNS and REQUEST SENSE — the order Linux scsi_debug
// follows too):
//   INQUIRY       runs: SPC-4, INQUIRY command: the device server returns standard
//                 INQUIRY data even when it is not ready for other commands;
//   REPORT LUNS   runs: SPC-4, REPORT LUNS command: processed even when the LU is not ready;
//   REQUEST SENSE GOOD, with the not-ready condition as its parameter data: SPC-4, REQUEST SENSE command:
//                 reports the LU's current state, NOT READY 04h/01h while it becomes
//                 ready (a pending unit attention is returned first, as always);
//   anything else CHECK CONDITION, NOT READY, LOGICAL UNIT IS IN PROCESS OF BECOMING READY
//                 (SPC-4 Annex D 04h/01h; SBC-3 medium access while not ready).

import type { ScsiCommand } from './api';
import { OP } from './opcodes';
import type { Outcome } from './sense';
import { SENSE, checkCondition, fixedSenseBytes, good, truncate, unchanged } from './sense';
import type { LunState } from './state';

/** The device server's readiness. A powered-off array answers nothing (the transport drops it). */
export type LunReadiness = 'ready' | 'becoming-ready';

/** Commands a device server answers normally while it is becoming ready. */
export const ALLOWED_WHILE_NOT_READY: readonly number[] = [OP.INQUIRY, OP.REPORT_LUNS, OP.REQUEST_SENSE];

/**
 * The answer of a logical unit that is becoming ready, or null when the command runs as usual.
 * Called after the unit attention check, with an implemented operation code.
 */
export function notReadyOutcome(state: LunState, cmd: ScsiCommand, name: string): Outcome | null {
  const opcode = cmd.cdb[0]!;
  if (opcode === OP.REQUEST_SENSE) {
    if (((cmd.cdb[1] ?? 0) & 0x01) !== 0) return null; // DESC = 1 is rejected as usual
    return unchanged(
      state,
      good(
        'SPC-4 REQUEST SENSE: the LU is in process of becoming ready, so the sense data reports NOT READY, LOGICAL UNIT IS IN PROCESS OF BECOMING READY (04h/01h) with GOOD status',
        truncate(fixedSenseBytes(SENSE.BECOMING_READY), cmd.cdb[4] ?? 0),
      ),
    );
  }
  if (ALLOWED_WHILE_NOT_READY.includes(opcode)) return null;
  return unchanged(
    state,
    checkCondition(
      SENSE.BECOMING_READY,
      `SPC-4: the LU is in process of becoming ready after power on, so ${name} gets CHECK CONDITION, NOT READY, 04h/01h; only INQUIRY, REPORT LUNS and REQUEST SENSE are answered until it is ready`,
    ),
  );
}
