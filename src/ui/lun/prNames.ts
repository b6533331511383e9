// Names a learner can read for the codes the LUN summary carries.

import type { LunSummary } from '../../engine';

export type PrTypeName = NonNullable<LunSummary['reservation']>['type'];

/** SPC-4 table 46 (persistent reservation TYPE codes 1, 3, 5, 6, 7, 8). */
const PR_TYPE_NAME: Record<PrTypeName, string> = {
  WE: 'Write Exclusive',
  EA: 'Exclusive Access',
  WE_RO: 'Write Exclusive – Registrants Only',
  EA_RO: 'Exclusive Access – Registrants Only',
  WE_AR: 'Write Exclusive – All Registrants',
  EA_AR: 'Exclusive Access – All Registrants',
};

/** "Write Exclusive – Registrants Only (WE_RO)". */
export function prTypeFullName(type: PrTypeName): string {
  return `${PR_TYPE_NAME[type] ?? type} (${type})`;
}

/** Who may write under the type, in one line (SPC-4 table 47). */
export function prTypeMeaning(type: PrTypeName): string {
  switch (type) {
    case 'WE':
      return 'only the holder may write; anyone may read';
    case 'EA':
      return 'only the holder may read or write';
    case 'WE_RO':
    case 'WE_AR':
      return 'registered initiators may write; anyone may read';
    case 'EA_RO':
    case 'EA_AR':
      return 'only registered initiators may read or write';
  }
}

const OPCODE: Record<number, string> = {
  0x00: 'TEST UNIT READY',
  0x03: 'REQUEST SENSE',
  0x12: 'INQUIRY',
  0x16: 'RESERVE(6)',
  0x17: 'RELEASE(6)',
  0x28: 'READ(10)',
  0x2a: 'WRITE(10)',
  0x5e: 'PERSISTENT RESERVE IN',
  0x5f: 'PERSISTENT RESERVE OUT',
  0xa0: 'REPORT LUNS',
};

export function opcodeName(op: number): string {
  return OPCODE[op] ?? `opcode ${op.toString(16).padStart(2, '0')}h`;
}
