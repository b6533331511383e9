// Operation codes, service actions and persistent reservation TYPE codes the device server knows.
// Values from SPC-4 (spc4r17 §6.13.1 table 159 and §6.14.2 table 171 for the service actions, as
// LIO's target_core_pr.h lists them), SBC-3 for READ(10)/WRITE(10)/READ CAPACITY(10) and SPC-2
// for RESERVE(6)/RELEASE(6).

import type { PrTypeName } from './api';

export const OP = {
  TEST_UNIT_READY: 0x00,
  REQUEST_SENSE: 0x03,
  INQUIRY: 0x12,
  RESERVE_6: 0x16,
  RELEASE_6: 0x17,
  READ_CAPACITY_10: 0x25,
  READ_10: 0x28,
  WRITE_10: 0x2a,
  PERSISTENT_RESERVE_IN: 0x5e,
  PERSISTENT_RESERVE_OUT: 0x5f,
  REPORT_LUNS: 0xa0,
} as const;

/** CDB length of each supported operation code (group code of the opcode, SAM-5). */
export const CDB_LENGTH: Readonly<Record<number, number>> = {
  [OP.TEST_UNIT_READY]: 6,
  [OP.REQUEST_SENSE]: 6,
  [OP.INQUIRY]: 6,
  [OP.RESERVE_6]: 6,
  [OP.RELEASE_6]: 6,
  [OP.READ_CAPACITY_10]: 10,
  [OP.READ_10]: 10,
  [OP.WRITE_10]: 10,
  [OP.PERSISTENT_RESERVE_IN]: 10,
  [OP.PERSISTENT_RESERVE_OUT]: 10,
  [OP.REPORT_LUNS]: 12,
};

export const OPCODE_NAME: Readonly<Record<number, string>> = {
  [OP.TEST_UNIT_READY]: 'TEST UNIT READY',
  [OP.REQUEST_SENSE]: 'REQUEST SENSE',
  [OP.INQUIRY]: 'INQUIRY',
  [OP.RESERVE_6]: 'RESERVE(6)',
  [OP.RELEASE_6]: 'RELEASE(6)',
  [OP.READ_CAPACITY_10]: 'READ CAPACITY(10)',
  [OP.READ_10]: 'READ(10)',
  [OP.WRITE_10]: 'WRITE(10)',
  [OP.PERSISTENT_RESERVE_IN]: 'PERSISTENT RESERVE IN',
  [OP.PERSISTENT_RESERVE_OUT]: 'PERSISTENT RESERVE OUT',
  [OP.REPORT_LUNS]: 'REPORT LUNS',
};

/** PERSISTENT RESERVE IN service actions (spc4r17 §6.13.1 table 159). */
export const PR_IN = {
  READ_KEYS: 0x00,
  READ_RESERVATION: 0x01,
  REPORT_CAPABILITIES: 0x02,
  READ_FULL_STATUS: 0x03,
} as const;

/** PERSISTENT RESERVE OUT service actions (spc4r17 §6.14.2 table 171). */
export const PR_OUT = {
  REGISTER: 0x00,
  RESERVE: 0x01,
  RELEASE: 0x02,
  CLEAR: 0x03,
  PREEMPT: 0x04,
  PREEMPT_AND_ABORT: 0x05,
  REGISTER_AND_IGNORE_EXISTING_KEY: 0x06,
  REGISTER_AND_MOVE: 0x07,
} as const;

export type PrOutServiceAction = (typeof PR_OUT)[keyof typeof PR_OUT];

export const PR_OUT_NAME: Readonly<Record<number, string>> = {
  [PR_OUT.REGISTER]: 'REGISTER',
  [PR_OUT.RESERVE]: 'RESERVE',
  [PR_OUT.RELEASE]: 'RELEASE',
  [PR_OUT.CLEAR]: 'CLEAR',
  [PR_OUT.PREEMPT]: 'PREEMPT',
  [PR_OUT.PREEMPT_AND_ABORT]: 'PREEMPT AND ABORT',
  [PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY]: 'REGISTER AND IGNORE EXISTING KEY',
  [PR_OUT.REGISTER_AND_MOVE]: 'REGISTER AND MOVE',
};

export const PR_IN_NAME: Readonly<Record<number, string>> = {
  [PR_IN.READ_KEYS]: 'READ KEYS',
  [PR_IN.READ_RESERVATION]: 'READ RESERVATION',
  [PR_IN.REPORT_CAPABILITIES]: 'REPORT CAPABILITIES',
  [PR_IN.READ_FULL_STATUS]: 'READ FULL STATUS',
};

/** The persistent reservation TYPE codes (SCSI codes, not Linux pr.h numbers: reference §9.8). */
export const PR_TYPE = { WE: 1, EA: 3, WE_RO: 5, EA_RO: 6, WE_AR: 7, EA_AR: 8 } as const;
export type PrTypeCode = (typeof PR_TYPE)[PrTypeName];

/** The only SCOPE the standard still defines: LU_SCOPE (0h). */
export const LU_SCOPE = 0;

export function isPrTypeCode(code: number): code is PrTypeCode {
  return code === 1 || code === 3 || code === 5 || code === 6 || code === 7 || code === 8;
}

export function prTypeName(code: PrTypeCode): PrTypeName {
  switch (code) {
    case 1: return 'WE';
    case 3: return 'EA';
    case 5: return 'WE_RO';
    case 6: return 'EA_RO';
    case 7: return 'WE_AR';
    case 8: return 'EA_AR';
  }
}

/** Long names as SPC-4 spells them, for the "why?" texts. */
export function prTypeLongName(code: PrTypeCode): string {
  switch (code) {
    case 1: return 'Write Exclusive';
    case 3: return 'Exclusive Access';
    case 5: return 'Write Exclusive - Registrants Only';
    case 6: return 'Exclusive Access - Registrants Only';
    case 7: return 'Write Exclusive - All Registrants';
    case 8: return 'Exclusive Access - All Registrants';
  }
}

/** WE_AR / EA_AR: every registered I_T nexus is a reservation holder (reference §3.1). */
export const isAllRegistrantsType = (code: PrTypeCode): boolean => code === 7 || code === 8;
/** WE_RO / EA_RO (reference §4.2, §6: their release sends RESERVATIONS RELEASED). */
export const isRegistrantsOnlyType = (code: PrTypeCode): boolean => code === 5 || code === 6;
/** EA, EA_RO, EA_AR: reads are restricted too. */
export const isExclusiveAccessType = (code: PrTypeCode): boolean => code === 3 || code === 6 || code === 8;
