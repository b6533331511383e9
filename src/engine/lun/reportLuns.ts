// REPORT LUNS (A0h, SPC-4): the LUN list as this LU's target reports it for the nexus. REPORT
// LUNS neither reports nor clears unit attentions and is allowed under persistent reservations.

import type { ScsiCommand } from './api';
import { be32, readBe32 } from './bytes';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, truncate, unchanged } from './sense';
import type { LunState } from './state';

/** SAM-5 LUN structure: peripheral device addressing below 256, flat space addressing above. */
export function encodeLun(lun: number): number[] {
  const first = lun < 256 ? [0x00, lun] : [0x40 | ((lun >> 8) & 0x3f), lun & 0xff];
  return [...first, 0, 0, 0, 0, 0, 0];
}

export function reportLuns(state: LunState, cmd: ScsiCommand): Outcome {
  const select = cmd.cdb[2] ?? 0;
  const allocation = readBe32(cmd.cdb, 6);
  if (select !== 0x00 && select !== 0x01 && select !== 0x02) {
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, `SPC-4 REPORT LUNS: SELECT REPORT ${select.toString(16)}h is not supported (00h, 01h, 02h are)`));
  }
  // SELECT REPORT 01h asks for well-known logical units only; this target has none.
  const luns = select === 0x01 ? [] : encodeLun(state.lun);
  const data = [...be32(luns.length), 0, 0, 0, 0, ...luns];
  return unchanged(state, good(`SPC-4 REPORT LUNS: ${luns.length / 8} LUN(s)`, truncate(data, allocation)));
}
