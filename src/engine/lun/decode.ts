// Decoders for PERSISTENT RESERVE IN data (spc4r17 §6.13), INQUIRY data and fixed-format sense
// data into plain objects, for the console (sg_persist -i output), the cluster machines and tests.
// Short (truncated) data decodes as far as it goes.

import type { PrKey } from '../model/ids';
import type { PrTypeName, Sense } from './api';
import { readAsciiZ, readBe16, readBe32 } from './bytes';
import { keyFromBytes } from './keys';
import { isPrTypeCode, prTypeName } from './opcodes';
import { decodeTransportId, transportIdPort } from './transportId';

const typeNameOf = (code: number): PrTypeName | null => (isPrTypeCode(code) ? prTypeName(code) : null);

export interface ReadKeysData {
  generation: number;
  /** ADDITIONAL LENGTH as sent: the full size even when the list was truncated. */
  additionalLength: number;
  keys: PrKey[];
  /** True when fewer keys arrived than ADDITIONAL LENGTH announces. */
  truncated: boolean;
}

export function decodeReadKeys(data: readonly number[]): ReadKeysData {
  const additionalLength = readBe32(data, 4);
  const keys: PrKey[] = [];
  for (let off = 8; off + 8 <= Math.min(data.length, 8 + additionalLength); off += 8) keys.push(keyFromBytes(data, off));
  return { generation: readBe32(data, 0), additionalLength, keys, truncated: keys.length * 8 < additionalLength };
}

export interface ReadReservationData {
  generation: number;
  additionalLength: number;
  reservation: { key: PrKey; scope: number; type: number; typeName: PrTypeName | null } | null;
}

export function decodeReadReservation(data: readonly number[]): ReadReservationData {
  const additionalLength = readBe32(data, 4);
  const generation = readBe32(data, 0);
  if (additionalLength < 16 || data.length < 22) return { generation, additionalLength, reservation: null };
  const type = (data[21] ?? 0) & 0x0f;
  return {
    generation,
    additionalLength,
    reservation: { key: keyFromBytes(data, 8), scope: ((data[21] ?? 0) >> 4) & 0x0f, type, typeName: typeNameOf(type) },
  };
}

export interface ReportCapabilitiesData {
  length: number;
  crh: boolean;
  sipC: boolean;
  atpC: boolean;
  ptplC: boolean;
  tmv: boolean;
  allowCommands: number;
  ptplA: boolean;
  /** Types in the PERSISTENT RESERVATION TYPE MASK (when TMV is set), in TYPE code order. */
  types: PrTypeName[];
}

export function decodeReportCapabilities(data: readonly number[]): ReportCapabilitiesData {
  const b2 = data[2] ?? 0;
  const b3 = data[3] ?? 0;
  const b4 = data[4] ?? 0;
  const b5 = data[5] ?? 0;
  const mask: [PrTypeName, boolean][] = [
    ['WE', (b4 & 0x02) !== 0],
    ['EA', (b4 & 0x08) !== 0],
    ['WE_RO', (b4 & 0x20) !== 0],
    ['EA_RO', (b4 & 0x40) !== 0],
    ['WE_AR', (b4 & 0x80) !== 0],
    ['EA_AR', (b5 & 0x01) !== 0],
  ];
  const tmv = (b3 & 0x80) !== 0;
  return {
    length: readBe16(data, 0),
    crh: (b2 & 0x10) !== 0,
    sipC: (b2 & 0x08) !== 0,
    atpC: (b2 & 0x04) !== 0,
    ptplC: (b2 & 0x01) !== 0,
    tmv,
    allowCommands: (b3 >> 4) & 0x07,
    ptplA: (b3 & 0x01) !== 0,
    types: tmv ? mask.filter(([, on]) => on).map(([name]) => name) : [],
  };
}

export interface FullStatusDescriptor {
  key: PrKey;
  allTgPt: boolean;
  /** R_HOLDER: this registration holds the reservation. */
  holder: boolean;
  scope: number;
  type: number;
  typeName: PrTypeName | null;
  relativeTargetPort: number;
  /** The initiator port from the TransportID ("iqn...,i,0x..." for format 01b), null if undecodable. */
  initiatorPort: string | null;
  transportIdFormat: number;
  protocolId: number;
}

export interface ReadFullStatusData {
  generation: number;
  additionalLength: number;
  descriptors: FullStatusDescriptor[];
  truncated: boolean;
}

export function decodeReadFullStatus(data: readonly number[]): ReadFullStatusData {
  const additionalLength = readBe32(data, 4);
  const end = Math.min(data.length, 8 + additionalLength);
  const descriptors: FullStatusDescriptor[] = [];
  let off = 8;
  while (off + 24 <= end) {
    const descLength = readBe32(data, off + 20);
    if (off + 24 + descLength > end) break;
    const decoded = decodeTransportId(data, off + 24, off + 24 + descLength);
    const b13 = data[off + 13] ?? 0;
    descriptors.push({
      key: keyFromBytes(data, off),
      allTgPt: ((data[off + 12] ?? 0) & 0x02) !== 0,
      holder: ((data[off + 12] ?? 0) & 0x01) !== 0,
      scope: (b13 >> 4) & 0x0f,
      type: b13 & 0x0f,
      typeName: typeNameOf(b13 & 0x0f),
      relativeTargetPort: readBe16(data, off + 18),
      initiatorPort: decoded.ok ? transportIdPort(decoded.tid) : null,
      transportIdFormat: ((data[off + 24] ?? 0) >> 6) & 0x03,
      protocolId: (data[off + 24] ?? 0) & 0x0f,
    });
    off += 24 + descLength;
  }
  return { generation: readBe32(data, 0), additionalLength, descriptors, truncated: off < 8 + additionalLength };
}

export interface InquiryData {
  peripheralQualifier: number;
  deviceType: number;
  version: number;
  vendor: string;
  product: string;
  revision: string;
}

export function decodeInquiry(data: readonly number[]): InquiryData {
  const text = (from: number, to: number): string => readAsciiZ(data, from, to).trimEnd();
  return {
    peripheralQualifier: ((data[0] ?? 0) >> 5) & 0x07,
    deviceType: (data[0] ?? 0) & 0x1f,
    version: data[2] ?? 0,
    vendor: text(8, 16),
    product: text(16, 32),
    revision: text(32, 36),
  };
}

/** Fixed-format sense data (response code 70h/71h) as returned by REQUEST SENSE. */
export function decodeFixedSense(data: readonly number[]): Sense {
  return { key: (data[2] ?? 0) & 0x0f, asc: data[12] ?? 0, ascq: data[13] ?? 0 };
}
