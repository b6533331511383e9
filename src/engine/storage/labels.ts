// Short names of commands for the diagram and the event log.

import { OP, OPCODE_NAME, PR_IN_NAME, PR_OUT_NAME } from '../lun/opcodes';

export function commandLabel(cdb: readonly number[], tmf?: 'lun' | 'target' | 'bus'): string {
  if (tmf) return tmf === 'lun' ? 'LOGICAL UNIT RESET' : tmf === 'target' ? 'TARGET RESET' : 'BUS RESET';
  const op = cdb[0] ?? -1;
  if (op === OP.PERSISTENT_RESERVE_OUT) return `PR OUT ${PR_OUT_NAME[(cdb[1] ?? 0) & 0x1f] ?? 'service action ?'}`;
  if (op === OP.PERSISTENT_RESERVE_IN) return `PR IN ${PR_IN_NAME[(cdb[1] ?? 0) & 0x1f] ?? 'service action ?'}`;
  if (op === OP.WRITE_10 || op === OP.READ_10) {
    const lba = (((cdb[2] ?? 0) << 24) | ((cdb[3] ?? 0) << 16) | ((cdb[4] ?? 0) << 8) | (cdb[5] ?? 0)) >>> 0;
    return `${OPCODE_NAME[op]} LBA ${lba}`;
  }
  return OPCODE_NAME[op] ?? `opcode 0x${op.toString(16).padStart(2, '0')}`;
}

export const isWrite10 = (cdb: readonly number[]): boolean => cdb[0] === OP.WRITE_10;

export function lbaOf(cdb: readonly number[]): number {
  return (((cdb[2] ?? 0) << 24) | ((cdb[3] ?? 0) << 16) | ((cdb[4] ?? 0) << 8) | (cdb[5] ?? 0)) >>> 0;
}
