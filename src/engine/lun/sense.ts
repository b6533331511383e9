// Sense keys, additional sense codes and the three ways a command ends (GOOD, CHECK CONDITION,
// RESERVATION CONFLICT). Codes from SPC-4 (spc4r17 Annex D, table D.1, the table LIO's
// target_core_ua.h and CTL's ctl_error.c cite).

import type { LunEffects, ScsiResult, Sense } from './api';
import type { LunState } from './state';

export const SENSE_KEY = {
  NO_SENSE: 0x0,
  NOT_READY: 0x2,
  ILLEGAL_REQUEST: 0x5,
  UNIT_ATTENTION: 0x6,
} as const;

const illegal = (asc: number, ascq: number): Sense => ({ key: SENSE_KEY.ILLEGAL_REQUEST, asc, ascq });

/** The conditions the device server reports (ILLEGAL REQUEST ones, and NOT READY while it boots). */
export const SENSE = {
  NO_SENSE: { key: SENSE_KEY.NO_SENSE, asc: 0x00, ascq: 0x00 } as Sense,
  /** NOT READY, LOGICAL UNIT IS IN PROCESS OF BECOMING READY (SPC-4 Annex D: 04h/01h). */
  BECOMING_READY: { key: SENSE_KEY.NOT_READY, asc: 0x04, ascq: 0x01 } as Sense,
  PARAMETER_LIST_LENGTH_ERROR: illegal(0x1a, 0x00),
  INVALID_COMMAND_OPERATION_CODE: illegal(0x20, 0x00),
  LBA_OUT_OF_RANGE: illegal(0x21, 0x00),
  INVALID_FIELD_IN_CDB: illegal(0x24, 0x00),
  LOGICAL_UNIT_NOT_SUPPORTED: illegal(0x25, 0x00),
  INVALID_FIELD_IN_PARAMETER_LIST: illegal(0x26, 0x00),
  INVALID_RELEASE_OF_PERSISTENT_RESERVATION: illegal(0x26, 0x04),
} as const;

/** Names of the sense codes above, for "why?" texts and the console. */
export function senseLabel(sense: Sense): string {
  const code = (sense.asc << 8) | sense.ascq;
  return ASC_LABEL[code] ?? `ASC ${hex2(sense.asc)}h/ASCQ ${hex2(sense.ascq)}h`;
}

const ASC_LABEL: Readonly<Record<number, string>> = {
  0x0000: 'NO ADDITIONAL SENSE INFORMATION',
  0x0401: 'LOGICAL UNIT IS IN PROCESS OF BECOMING READY',
  0x1a00: 'PARAMETER LIST LENGTH ERROR',
  0x2000: 'INVALID COMMAND OPERATION CODE',
  0x2100: 'LOGICAL BLOCK ADDRESS OUT OF RANGE',
  0x2400: 'INVALID FIELD IN CDB',
  0x2500: 'LOGICAL UNIT NOT SUPPORTED',
  0x2600: 'INVALID FIELD IN PARAMETER LIST',
  0x2604: 'INVALID RELEASE OF PERSISTENT RESERVATION',
  0x2900: 'POWER ON, RESET, OR BUS DEVICE RESET OCCURRED',
  0x2901: 'POWER ON OCCURRED',
  0x2902: 'SCSI BUS RESET OCCURRED',
  0x2903: 'BUS DEVICE RESET FUNCTION OCCURRED',
  0x2907: 'I_T NEXUS LOSS OCCURRED',
  0x2a03: 'RESERVATIONS PREEMPTED',
  0x2a04: 'RESERVATIONS RELEASED',
  0x2a05: 'REGISTRATIONS PREEMPTED',
};

export const hex2 = (b: number): string => b.toString(16).padStart(2, '0').toUpperCase();

/**
 * Fixed-format sense data (SPC-4 sense data, response code 70h "current"), 18 bytes: byte 2 the
 * sense key, byte 7 the additional sense length (10), bytes 12/13 ASC/ASCQ.
 */
export function fixedSenseBytes(sense: Sense): number[] {
  const out = new Array<number>(18).fill(0);
  out[0] = 0x70;
  out[2] = sense.key & 0x0f;
  out[7] = 10;
  out[12] = sense.asc;
  out[13] = sense.ascq;
  return out;
}

export const good = (rule: string, dataIn: number[] = []): ScsiResult => ({ status: 'GOOD', sense: null, dataIn, rule });

export const checkCondition = (sense: Sense, rule: string): ScsiResult => ({
  status: 'CHECK_CONDITION',
  sense: { ...sense },
  dataIn: [],
  rule,
});

export const reservationConflict = (rule: string): ScsiResult => ({
  status: 'RESERVATION_CONFLICT',
  sense: null,
  dataIn: [],
  rule,
});

/** What one command did: the new state, the answer, and effects for the engine. */
export interface Outcome {
  state: LunState;
  result: ScsiResult;
  effects: LunEffects;
}

export const noEffects = (): LunEffects => ({ abortTasksOf: [], abortedTags: [] });

/** An answer that leaves the LUN exactly as it was. */
export const unchanged = (state: LunState, result: ScsiResult): Outcome => ({ state, result, effects: noEffects() });

/** SPC-4, ALLOCATION LENGTH field: return at most `allocationLength` bytes; never an error. */
export function truncate(data: number[], allocationLength: number): number[] {
  return data.length > allocationLength ? data.slice(0, allocationLength) : data;
}
