// INQUIRY (12h, SPC-4): standard data and the vital product data pages 00h (supported pages),
// 80h (unit serial number) and 83h (device identification). INQUIRY never reports or clears a
// unit attention and is allowed under every reservation.

import type { NexusDescriptor, ScsiCommand } from './api';
import { ascii, asciiPadded, be16, readBe16 } from './bytes';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, truncate, unchanged } from './sense';
import type { LunState } from './state';
import { findNexus } from './state';
import { ISCSI_PROTOCOL_ID } from './transportId';

export const INQUIRY_IDENTITY = {
  /** SPC-4 VERSION code. */
  version: 0x06,
  vendor: 'LABARRAY',
  product: 'RESLAB-LUN',
  revision: '1.0',
} as const;

const SUPPORTED_VPD_PAGES = [0x00, 0x80, 0x83] as const;

/**
 * Standard INQUIRY data, 36 bytes: peripheral qualifier 000b / device type 00h (direct access
 * block device; qualifier 011b / type 1Fh when the LU is not presented on this nexus), VERSION
 * 06h (SPC-4), RESPONSE DATA FORMAT 2, ADDITIONAL LENGTH 31, MULTIP (several target ports),
 * CMDQUE (a task set), then T10 vendor, product and revision.
 */
export function standardInquiryData(presented: boolean): number[] {
  return [
    presented ? 0x00 : 0x7f,
    0x00,
    INQUIRY_IDENTITY.version,
    0x02,
    31,
    0x00,
    0x10,
    0x02,
    ...asciiPadded(INQUIRY_IDENTITY.vendor, 8),
    ...asciiPadded(INQUIRY_IDENTITY.product, 16),
    ...asciiPadded(INQUIRY_IDENTITY.revision, 4),
  ];
}

function vpdPage(state: LunState, page: number, nexus: NexusDescriptor): number[] {
  let body: number[];
  if (page === 0x00) {
    body = [...SUPPORTED_VPD_PAGES];
  } else if (page === 0x80) {
    body = ascii(state.serial);
  } else {
    // Designation descriptors: a T10 vendor ID based one for the LU (code set ASCII, association
    // LU, type 1) and the relative target port of this nexus (protocol iSCSI with PIV = 1, code
    // set binary, association target port, type 4).
    const t10 = [...asciiPadded(INQUIRY_IDENTITY.vendor, 8), ...ascii(state.serial)];
    const rtp = [0, 0, ...be16(nexus.relativeTargetPort)];
    body = [0x02, 0x01, 0x00, t10.length, ...t10, (ISCSI_PROTOCOL_ID << 4) | 0x01, 0x80 | 0x10 | 0x04, 0x00, rtp.length, ...rtp];
  }
  return [0x00, page, ...be16(body.length), ...body];
}

export function inquiry(state: LunState, cmd: ScsiCommand): Outcome {
  const evpd = ((cmd.cdb[1] ?? 0) & 0x01) !== 0;
  const cmddt = ((cmd.cdb[1] ?? 0) & 0x02) !== 0;
  const page = cmd.cdb[2] ?? 0;
  const allocation = readBe16(cmd.cdb, 3);
  const nexus = findNexus(state, cmd.nexus);
  if (cmddt) return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, 'SPC-4 INQUIRY: CMDDT is obsolete and must be zero'));
  if (!evpd) {
    if (page !== 0) return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, `SPC-4 INQUIRY: PAGE CODE ${page.toString(16)}h needs EVPD = 1`));
    if (nexus === undefined) {
      return unchanged(state, good(`SPC-4 INQUIRY: LUN ${state.lun} is not presented to ${cmd.nexus}, so peripheral qualifier 011b / type 1Fh`, truncate(standardInquiryData(false), allocation)));
    }
    return unchanged(state, good(`SPC-4 INQUIRY: standard data (${INQUIRY_IDENTITY.vendor} ${INQUIRY_IDENTITY.product}, SPC-4, direct access)`, truncate(standardInquiryData(true), allocation)));
  }
  if (nexus === undefined || !(SUPPORTED_VPD_PAGES as readonly number[]).includes(page)) {
    const why = nexus === undefined ? `LUN ${state.lun} is not presented to ${cmd.nexus}` : `VPD page ${page.toString(16).padStart(2, '0')}h is not supported (pages 00h, 80h, 83h are)`;
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, `SPC-4 INQUIRY: ${why}`));
  }
  return unchanged(state, good(`SPC-4 INQUIRY: VPD page ${page.toString(16).padStart(2, '0')}h`, truncate(vpdPage(state, page, nexus), allocation)));
}
