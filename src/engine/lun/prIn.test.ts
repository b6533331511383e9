// PERSISTENT RESERVE IN data layouts (spc4r17 §6.13; reference §5), byte for byte, with
// ALLOCATION LENGTH truncation.

import { describe, expect, it } from 'vitest';
import { buildPrInCdb } from './cdb';
import { decodeReadFullStatus, decodeReadKeys, decodeReadReservation, decodeReportCapabilities } from './decode';
import { A1, A2, B1, C1, KEY_A, KEY_B, freshLun, illegal, port, prIn, registerKey, reserveAs, run } from './testKit';

const text = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const twoKeys = () => registerKey(registerKey(freshLun(), A1, KEY_A), B1, KEY_B);

describe('READ KEYS (spc4r17 §6.13.2)', () => {
  it('returns PRGENERATION, ADDITIONAL LENGTH 8 x registrations, then each key in registration order', () => {
    const r = prIn(twoKeys(), C1, 'READ_KEYS');
    expect(r.result.status).toBe('GOOD');
    expect(r.result.dataIn).toEqual([0, 0, 0, 2, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0xa0, 0xa0, 0, 0, 0, 0, 0, 0, 0xb0, 0xb0]);
  });

  it('returns an 8-byte header with ADDITIONAL LENGTH 0 when nothing is registered', () => {
    expect(prIn(freshLun(), C1, 'READ_KEYS').result.dataIn).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it.each([
    [0, []],
    [4, [0, 0, 0, 2]],
    [8, [0, 0, 0, 2, 0, 0, 0, 16]],
    [12, [0, 0, 0, 2, 0, 0, 0, 16, 0, 0, 0, 0]],
    [16, [0, 0, 0, 2, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0xa0, 0xa0]],
  ])('cuts the data to ALLOCATION LENGTH %i but keeps ADDITIONAL LENGTH at the full 16 (SPC-5 r17 §6.16.2 in LIO; libiscsi test_prin_read_keys_truncate)', (alloc, bytes) => {
    expect(prIn(twoKeys(), C1, 'READ_KEYS', alloc).result.dataIn).toEqual(bytes);
  });

  it('decodes a truncated list as truncated', () => {
    expect(decodeReadKeys(prIn(twoKeys(), C1, 'READ_KEYS', 16).result.dataIn)).toEqual({ generation: 2, additionalLength: 16, keys: [KEY_A], truncated: true });
  });

  it('lists a full 8-byte key with its leading bytes', () => {
    const s = registerKey(freshLun(), A1, '0x0123456789abcdef');
    expect(prIn(s, A1, 'READ_KEYS').result.dataIn.slice(8)).toEqual([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
  });
});

describe('READ RESERVATION (spc4r17 §6.13.3)', () => {
  it('returns ADDITIONAL LENGTH 0 and no descriptor without a persistent reservation (libiscsi prin_verify_not_reserved)', () => {
    expect(prIn(twoKeys(), C1, 'READ_RESERVATION').result.dataIn).toEqual([0, 0, 0, 2, 0, 0, 0, 0]);
  });

  it('returns the holder\'s key and SCOPE|TYPE in byte 21 for WE_RO held by A.1', () => {
    const s = reserveAs(twoKeys(), A1, KEY_A, 'WE_RO');
    expect(prIn(s, C1, 'READ_RESERVATION').result.dataIn).toEqual([
      0, 0, 0, 2, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0xa0, 0xa0, 0, 0, 0, 0, 0, 0x05, 0, 0,
    ]);
  });

  it.each([
    ['WE_AR', 7],
    ['EA_AR', 8],
  ] as const)('reports RESERVATION KEY 0 for %s (spc4r17 §5.7.10 quoted in LIO core_scsi3_pri_read_reservation())', (type, code) => {
    const s = reserveAs(twoKeys(), A1, KEY_A, type);
    const data = prIn(s, C1, 'READ_RESERVATION').result.dataIn;
    expect(data.slice(8, 16)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(data[21]).toBe(code);
    expect(decodeReadReservation(data).reservation).toEqual({ key: '0x0', scope: 0, type: code, typeName: type });
  });

  it('cuts to ALLOCATION LENGTH 8 and keeps ADDITIONAL LENGTH 16', () => {
    const s = reserveAs(twoKeys(), A1, KEY_A, 'EA');
    expect(prIn(s, C1, 'READ_RESERVATION', 8).result.dataIn).toEqual([0, 0, 0, 2, 0, 0, 0, 16]);
  });
});

describe('REPORT CAPABILITIES (spc4r17 §6.13.4)', () => {
  it('returns LENGTH 8, CRH=1, SIP_C=0, ATP_C=0, PTPL_C=1, TMV=1, ALLOW COMMANDS 001b, PTPL_A=0 and all six types', () => {
    const data = prIn(freshLun(), C1, 'REPORT_CAPABILITIES').result.dataIn;
    expect(data).toEqual([0x00, 0x08, 0x11, 0x90, 0xea, 0x01, 0x00, 0x00]);
    expect(decodeReportCapabilities(data)).toEqual({
      length: 8, crh: true, sipC: false, atpC: false, ptplC: true, tmv: true, allowCommands: 1, ptplA: false,
      types: ['WE', 'EA', 'WE_RO', 'EA_RO', 'WE_AR', 'EA_AR'],
    });
  });

  it('sets PTPL_A once a REGISTER with APTPL = 1 made the registrations persistent', () => {
    const s = registerKey(freshLun(), A1, KEY_A, true);
    expect(prIn(s, A1, 'REPORT_CAPABILITIES').result.dataIn[3]).toBe(0x91);
  });

  it('cuts to ALLOCATION LENGTH 4', () => {
    expect(prIn(freshLun(), C1, 'REPORT_CAPABILITIES', 4).result.dataIn).toEqual([0x00, 0x08, 0x11, 0x90]);
  });
});

describe('READ FULL STATUS (spc4r17 §6.13.5)', () => {
  // "iqn.2026-11.lab:node-a,i,0x000000000001" is 39 characters; with its NUL, 40 (a multiple of 4).
  const tidA1 = [0x45, 0x00, 0x00, 40, ...text(port('A', 1)), 0];

  it('describes each registration: key, R_HOLDER, SCOPE|TYPE, RELATIVE TARGET PORT IDENTIFIER and an iSCSI format 01b TransportID', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'EA_RO');
    const descriptor = [0, 0, 0, 0, 0, 0, 0xa0, 0xa0, 0, 0, 0, 0, 0x01, 0x06, 0, 0, 0, 0, 0, 1, 0, 0, 0, 44, ...tidA1];
    expect(prIn(s, C1, 'READ_FULL_STATUS').result.dataIn).toEqual([0, 0, 0, 1, 0, 0, 0, 68, ...descriptor]);
  });

  it('clears R_HOLDER and SCOPE|TYPE for a registrant that does not hold a WE reservation, and reports its target port 2', () => {
    let s = registerKey(registerKey(freshLun(), A1, KEY_A), A2, KEY_A);
    s = reserveAs(s, A1, KEY_A, 'WE');
    const d = decodeReadFullStatus(prIn(s, C1, 'READ_FULL_STATUS').result.dataIn);
    expect(d.descriptors.map((x) => [x.initiatorPort, x.key, x.holder, x.type, x.relativeTargetPort, x.transportIdFormat, x.protocolId])).toEqual([
      [port('A', 1), KEY_A, true, 1, 1, 1, 5],
      [port('A', 2), KEY_A, false, 0, 2, 1, 5],
    ]);
  });

  it('sets R_HOLDER for every registrant of an all-registrants reservation (reference §5)', () => {
    const s = reserveAs(twoKeys(), B1, KEY_B, 'EA_AR');
    const d = decodeReadFullStatus(prIn(s, C1, 'READ_FULL_STATUS').result.dataIn);
    expect(d.descriptors.map((x) => [x.holder, x.typeName])).toEqual([[true, 'EA_AR'], [true, 'EA_AR']]);
  });

  it('cuts to ALLOCATION LENGTH but reports the full ADDITIONAL LENGTH', () => {
    const s = twoKeys();
    const full = prIn(s, C1, 'READ_FULL_STATUS').result.dataIn;
    const cut = prIn(s, C1, 'READ_FULL_STATUS', 40).result.dataIn;
    expect(cut).toEqual(full.slice(0, 40));
    expect(decodeReadFullStatus(cut)).toMatchObject({ additionalLength: 136, descriptors: [], truncated: true });
  });
});

describe('PERSISTENT RESERVE IN service actions (spc4r17 §6.13.1)', () => {
  it.each([0x04, 0x1f])('rejects service action %i with CHECK CONDITION, INVALID FIELD IN CDB (24h/00h)', (sa) => {
    const r = run(freshLun(), C1, buildPrInCdb(sa));
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x24, 0x00), dataIn: [] });
  });
});
