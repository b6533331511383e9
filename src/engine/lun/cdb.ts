// CDB and parameter-list builders, used by the tests, the node console and the cluster machines.
// Each returns plain byte arrays in the layouts the device server decodes.

import type { PrKey } from '../model/ids';
import type { PrTypeName } from './api';
import { be16, be32 } from './bytes';
import { keyToBytes } from './keys';
import { OP, PR_IN, PR_OUT, PR_TYPE } from './opcodes';
import { encodeTransportId } from './transportId';

export type PrOutActionName = keyof typeof PR_OUT;
export type PrInActionName = keyof typeof PR_IN;

const prOutCode = (sa: PrOutActionName | number): number => (typeof sa === 'number' ? sa : PR_OUT[sa]);
const prInCode = (sa: PrInActionName | number): number => (typeof sa === 'number' ? sa : PR_IN[sa]);
const typeCode = (type: PrTypeName | number): number => (typeof type === 'number' ? type : PR_TYPE[type]);

export const buildTestUnitReadyCdb = (): number[] => [OP.TEST_UNIT_READY, 0, 0, 0, 0, 0];

/** REQUEST SENSE; 18 bytes is the whole fixed-format sense data. */
export const buildRequestSenseCdb = (allocationLength = 18): number[] => [OP.REQUEST_SENSE, 0, 0, 0, allocationLength & 0xff, 0];

export function buildInquiryCdb(opts: { evpd?: boolean; page?: number; allocationLength?: number } = {}): number[] {
  const alloc = opts.allocationLength ?? (opts.evpd ? 255 : 36);
  return [OP.INQUIRY, opts.evpd ? 1 : 0, opts.page ?? 0, ...be16(alloc), 0];
}

export const buildReportLunsCdb = (allocationLength = 256, selectReport = 0): number[] => [
  OP.REPORT_LUNS, 0, selectReport, 0, 0, 0, ...be32(allocationLength), 0, 0,
];

export const buildReadCapacity10Cdb = (): number[] => [OP.READ_CAPACITY_10, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** READ(10) of `blocks` blocks from `lba`. */
export const buildReadCdb = (lba: number, blocks = 1): number[] => [OP.READ_10, 0, ...be32(lba), 0, ...be16(blocks), 0];

/** WRITE(10) of `blocks` blocks at `lba`; send blocks x 512 data-out bytes with it. */
export const buildWriteCdb = (lba: number, blocks = 1): number[] => [OP.WRITE_10, 0, ...be32(lba), 0, ...be16(blocks), 0];

export const buildReserve6Cdb = (): number[] => [OP.RESERVE_6, 0, 0, 0, 0, 0];
export const buildRelease6Cdb = (): number[] => [OP.RELEASE_6, 0, 0, 0, 0, 0];

/** PERSISTENT RESERVE IN; 8192 is sg_persist's default allocation length. */
export const buildPrInCdb = (sa: PrInActionName | number, allocationLength = 8192): number[] => [
  OP.PERSISTENT_RESERVE_IN, prInCode(sa) & 0x1f, 0, 0, 0, 0, 0, ...be16(allocationLength), 0,
];

/**
 * PERSISTENT RESERVE OUT: SERVICE ACTION (byte 1), SCOPE|TYPE (byte 2), PARAMETER LIST LENGTH
 * (bytes 5-8; 24 unless REGISTER AND MOVE).
 */
export function buildPrOutCdb(
  sa: PrOutActionName | number,
  opts: { type?: PrTypeName | number; scope?: number; parameterListLength?: number } = {},
): number[] {
  const scopeType = (((opts.scope ?? 0) & 0x0f) << 4) | (typeCode(opts.type ?? 0) & 0x0f);
  return [OP.PERSISTENT_RESERVE_OUT, prOutCode(sa) & 0x1f, scopeType, 0, 0, ...be32(opts.parameterListLength ?? 24), 0];
}

export interface PrOutParams {
  /** RESERVATION KEY, e.g. "0x36830000" (default 0). */
  key?: PrKey | string;
  /** SERVICE ACTION RESERVATION KEY (default 0). */
  saKey?: PrKey | string;
  specIPt?: boolean;
  allTgPt?: boolean;
  aptpl?: boolean;
}

/** The 24-byte basic PR OUT parameter list (spc4r17 §6.14.3). */
export function buildPrOutParams(p: PrOutParams = {}): number[] {
  const flags = (p.specIPt ? 0x08 : 0) | (p.allTgPt ? 0x04 : 0) | (p.aptpl ? 0x01 : 0);
  return [...keyToBytes(p.key ?? '0x0'), ...keyToBytes(p.saKey ?? '0x0'), 0, 0, 0, 0, flags, 0, 0, 0];
}

export interface RegisterAndMoveParams {
  key: PrKey | string;
  saKey: PrKey | string;
  /** RELATIVE TARGET PORT IDENTIFIER of the destination I_T nexus. */
  relativeTargetPort: number;
  /** Destination initiator port, "iqn...,i,0x<ISID>" (format 01b) or a bare iSCSI name (00b). */
  initiatorPort: string;
  /** Force a TransportID format; by default 01b when the port name has an ISID. */
  format?: 0 | 1;
  unreg?: boolean;
  aptpl?: boolean;
}

/** The REGISTER AND MOVE parameter list (spc4r17 §6.14.4); pass its length as PARAMETER LIST LENGTH. */
export function buildRegisterAndMoveParams(p: RegisterAndMoveParams): number[] {
  const tid = encodeTransportId(p.initiatorPort, p.format);
  const flags = (p.unreg ? 0x02 : 0) | (p.aptpl ? 0x01 : 0);
  return [...keyToBytes(p.key), ...keyToBytes(p.saKey), 0, flags, ...be16(p.relativeTargetPort), ...be32(tid.length), ...tid];
}
