// Builders and codecs: CDB layouts (SPC-4, SBC-3, SPC-2), the PR OUT parameter lists (spc4r17
// §6.14.3, §6.14.4), reservation keys and iSCSI TransportIDs (spc4r17 §7.6.4.6).

import { describe, expect, it } from 'vitest';
import {
  buildInquiryCdb,
  buildPrInCdb,
  buildPrOutCdb,
  buildPrOutParams,
  buildReadCapacity10Cdb,
  buildReadCdb,
  buildRegisterAndMoveParams,
  buildRelease6Cdb,
  buildReportLunsCdb,
  buildRequestSenseCdb,
  buildReserve6Cdb,
  buildTestUnitReadyCdb,
  buildWriteCdb,
} from './cdb';
import { keyFromBytes, keyToBytes, parsePrKey, prKey } from './keys';
import { decodeTransportId, encodeTransportId } from './transportId';
import { port } from './testKit';

describe('CDB builders', () => {
  it.each([
    ['TEST UNIT READY', buildTestUnitReadyCdb(), [0x00, 0, 0, 0, 0, 0]],
    ['REQUEST SENSE', buildRequestSenseCdb(), [0x03, 0, 0, 0, 18, 0]],
    ['INQUIRY', buildInquiryCdb(), [0x12, 0, 0, 0, 36, 0]],
    ['INQUIRY VPD 83h', buildInquiryCdb({ evpd: true, page: 0x83, allocationLength: 0x1234 }), [0x12, 1, 0x83, 0x12, 0x34, 0]],
    ['REPORT LUNS', buildReportLunsCdb(0x10000), [0xa0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]],
    ['READ CAPACITY(10)', buildReadCapacity10Cdb(), [0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['READ(10)', buildReadCdb(0x01020304, 0x0506), [0x28, 0, 1, 2, 3, 4, 0, 5, 6, 0]],
    ['WRITE(10)', buildWriteCdb(7), [0x2a, 0, 0, 0, 0, 7, 0, 0, 1, 0]],
    ['RESERVE(6) as sg_raw "16 00 00 00 00 00"', buildReserve6Cdb(), [0x16, 0, 0, 0, 0, 0]],
    ['RELEASE(6)', buildRelease6Cdb(), [0x17, 0, 0, 0, 0, 0]],
    ['PR IN READ FULL STATUS', buildPrInCdb('READ_FULL_STATUS', 0x2000), [0x5e, 3, 0, 0, 0, 0, 0, 0x20, 0x00, 0]],
    ['PR OUT PREEMPT AND ABORT, EA_RO', buildPrOutCdb('PREEMPT_AND_ABORT', { type: 'EA_RO' }), [0x5f, 5, 0x06, 0, 0, 0, 0, 0, 24, 0]],
    ['PR OUT REGISTER AND MOVE, 68 bytes', buildPrOutCdb('REGISTER_AND_MOVE', { parameterListLength: 68 }), [0x5f, 7, 0, 0, 0, 0, 0, 0, 68, 0]],
  ])('builds %s', (_name, cdb, bytes) => {
    expect(cdb).toEqual(bytes);
  });
});

describe('PR OUT parameter lists', () => {
  it('lays out RESERVATION KEY, SERVICE ACTION RESERVATION KEY and the SPEC_I_PT / ALL_TG_PT / APTPL bits of byte 20', () => {
    expect(buildPrOutParams({ key: '0x36830000', saKey: '0x1', specIPt: true, allTgPt: true, aptpl: true })).toEqual([
      0, 0, 0, 0, 0x36, 0x83, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0x0d, 0, 0, 0,
    ]);
  });

  it('lays out the REGISTER AND MOVE list: keys, UNREG|APTPL in byte 17, RELATIVE TARGET PORT IDENTIFIER, TransportID length and TransportID', () => {
    const p = buildRegisterAndMoveParams({ key: '0xa', saKey: '0xb', relativeTargetPort: 2, initiatorPort: port('B', 2), unreg: true, aptpl: true });
    expect(p.slice(0, 24)).toEqual([0, 0, 0, 0, 0, 0, 0, 0xa, 0, 0, 0, 0, 0, 0, 0, 0xb, 0, 0x03, 0, 2, 0, 0, 0, 44]);
    expect(p).toHaveLength(68);
  });
});

describe('reservation keys as JSON-able strings', () => {
  it.each([
    ['0x00000000036830000', null],
    ['0x0036830000', '0x36830000'],
    ['ABCDEF', '0xabcdef'],
    ['0x0', '0x0'],
    ['0', '0x0'],
    ['0xffffffffffffffff', '0xffffffffffffffff'],
    ['0x', null],
    ['0xg1', null],
  ])('parses %s as %s', (text, key) => {
    expect(parsePrKey(text)).toBe(key);
  });

  it('round-trips 8 big-endian bytes', () => {
    const bytes = [0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10];
    expect(keyFromBytes(bytes, 0)).toBe('0xfedcba9876543210');
    expect(keyToBytes('0xfedcba9876543210')).toEqual(bytes);
    expect(keyToBytes('0x1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('refuses a malformed key with a message naming it', () => {
    expect(() => prKey('zz')).toThrow(/"zz" is not a reservation key/);
  });
});

describe('iSCSI TransportIDs (spc4r17 §7.6.4.6)', () => {
  it('encodes an initiator port as format 01b (45h), NUL-terminated and padded to a multiple of 4', () => {
    const tid = encodeTransportId('iqn.x:y,i,0x000000000001');
    expect(tid.slice(0, 4)).toEqual([0x45, 0, 0, 28]);
    expect(tid).toHaveLength(32);
    expect(tid.slice(4, 28).map((c) => String.fromCharCode(c)).join('')).toBe('iqn.x:y,i,0x000000000001');
    expect(tid.slice(28)).toEqual([0, 0, 0, 0]);
  });

  it('encodes a bare iSCSI name as format 00b (05h) with ADDITIONAL LENGTH at least 20', () => {
    const tid = encodeTransportId('iqn.x:y');
    expect(tid.slice(0, 4)).toEqual([0x05, 0, 0, 20]);
    expect(tid).toHaveLength(24);
  });

  it('decodes what it encodes', () => {
    const tid = encodeTransportId(port('C', 1));
    expect(decodeTransportId(tid, 0, tid.length)).toEqual({ ok: true, tid: { format: 1, name: 'iqn.2026-11.lab:node-c', isid: '000000000001' }, length: 44 });
  });

  it.each([
    ['a Fibre Channel protocol identifier', [0x00, 0, 0, 20, ...new Array<number>(20).fill(0x41)], /not iSCSI/],
    ['format 01b without a separator', [0x45, 0, 0, 20, ...Array.from('iqn.x:y', (c) => c.charCodeAt(0)), ...new Array<number>(13).fill(0)], /separator/],
    ['an ADDITIONAL LENGTH running past the data', [0x45, 0, 0, 40, 0x41], /runs past/],
  ])('refuses %s', (_what, bytes, problem) => {
    const r = decodeTransportId(bytes, 0, bytes.length);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});
