// The device server's front door: INQUIRY, REPORT LUNS, REQUEST SENSE, TEST UNIT READY,
// unsupported operation codes, LUs not presented, and purity of the state (plain JSON, never
// mutated).

import { describe, expect, it } from 'vitest';
import { nexusId } from '../model/ids';
import { buildInquiryCdb, buildPrOutCdb, buildPrOutParams, buildReportLunsCdb, buildRequestSenseCdb, buildTestUnitReadyCdb, buildWriteCdb } from './cdb';
import { decodeInquiry } from './decode';
import { describeLun } from './describe';
import { executeCommand } from './deviceServer';
import { applyReset, nexusLoss, powerCycle } from './resets';
import { addNexus, createLun } from './state';
import type { LunState } from './state';
import { enqueueTask, executeNextTask } from './taskSet';
import { A1, A2, B1, C1, KEY_A, KEY_B, LAB_NEXUSES, freshLun, illegal, port, prOut, registeredLab, reserveAs, run } from './testKit';

const text = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

describe('INQUIRY (SPC-4)', () => {
  it('returns 36 bytes of standard data: direct access, VERSION 06h (SPC-4), LABARRAY RESLAB-LUN 1.0', () => {
    const r = run(freshLun(), C1, buildInquiryCdb());
    expect(r.result.status).toBe('GOOD');
    expect(r.result.dataIn).toEqual([0x00, 0x00, 0x06, 0x02, 31, 0x00, 0x10, 0x02, ...text('LABARRAY'), ...text('RESLAB-LUN      '), ...text('1.0 ')]);
    expect(decodeInquiry(r.result.dataIn)).toEqual({ peripheralQualifier: 0, deviceType: 0, version: 6, vendor: 'LABARRAY', product: 'RESLAB-LUN', revision: '1.0' });
  });

  it('cuts to ALLOCATION LENGTH', () => {
    expect(run(freshLun(), C1, buildInquiryCdb({ allocationLength: 5 })).result.dataIn).toEqual([0, 0, 6, 2, 31]);
  });

  it('lists VPD pages 00h, 80h, 83h', () => {
    expect(run(freshLun(), C1, buildInquiryCdb({ evpd: true, page: 0 })).result.dataIn).toEqual([0, 0, 0, 3, 0x00, 0x80, 0x83]);
  });

  it('returns the unit serial number on VPD page 80h', () => {
    expect(run(freshLun(), C1, buildInquiryCdb({ evpd: true, page: 0x80 })).result.dataIn).toEqual([0, 0x80, 0, 10, ...text('RESLAB0001')]);
  });

  it('identifies the LU (T10 vendor ID) and this nexus\'s relative target port on VPD page 83h', () => {
    const data = run(freshLun(), A2, buildInquiryCdb({ evpd: true, page: 0x83 })).result.dataIn;
    const t10 = [...text('LABARRAY'), ...text('RESLAB0001')];
    expect(data).toEqual([0, 0x83, 0, 4 + t10.length + 8, 0x02, 0x01, 0, t10.length, ...t10, 0x51, 0x94, 0, 4, 0, 0, 0, 2]);
  });

  it.each([
    ['an unsupported VPD page (B0h)', buildInquiryCdb({ evpd: true, page: 0xb0 })],
    ['a PAGE CODE without EVPD', buildInquiryCdb({ page: 0x80 })],
    ['CMDDT set', [0x12, 0x02, 0, 0, 36, 0]],
  ])('rejects %s with CHECK CONDITION, INVALID FIELD IN CDB', (_what, cdb) => {
    expect(run(freshLun(), C1, cdb).result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x24, 0x00) });
  });
});

describe('REPORT LUNS, TEST UNIT READY, REQUEST SENSE (SPC-4)', () => {
  it('REPORT LUNS lists LUN 0 with peripheral device addressing', () => {
    expect(run(freshLun(), C1, buildReportLunsCdb()).result.dataIn).toEqual([0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('REPORT LUNS encodes LUN 5 and LUN 300 (flat space addressing)', () => {
    const lun = (n: number) => createLun({ lun: n, serial: 'S', blocks: 8, nexuses: LAB_NEXUSES });
    expect(run(lun(5), C1, buildReportLunsCdb()).result.dataIn.slice(8)).toEqual([0, 5, 0, 0, 0, 0, 0, 0]);
    expect(run(lun(300), C1, buildReportLunsCdb()).result.dataIn.slice(8)).toEqual([0x41, 0x2c, 0, 0, 0, 0, 0, 0]);
  });

  it('REPORT LUNS rejects SELECT REPORT 03h with INVALID FIELD IN CDB', () => {
    expect(run(freshLun(), C1, buildReportLunsCdb(256, 3)).result.sense).toEqual(illegal(0x24, 0x00));
  });

  it('TEST UNIT READY is GOOD on a ready LU', () => {
    expect(run(freshLun(), C1, buildTestUnitReadyCdb()).result).toMatchObject({ status: 'GOOD', sense: null, dataIn: [] });
  });

  it('REQUEST SENSE returns NO SENSE when nothing is pending', () => {
    expect(run(freshLun(), C1, buildRequestSenseCdb()).result.dataIn).toEqual([0x70, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('REQUEST SENSE rejects DESC = 1 (no descriptor-format sense) with INVALID FIELD IN CDB', () => {
    expect(run(freshLun(), C1, [0x03, 0x01, 0, 0, 252, 0]).result.sense).toEqual(illegal(0x24, 0x00));
  });
});

describe('commands the LU does not implement', () => {
  it.each([
    ['MODE SENSE(6)', 0x1a],
    ['SYNCHRONIZE CACHE(10)', 0x35],
    ['RESERVE(10)', 0x56],
    ['READ(16)', 0x88],
  ])('answers %s with CHECK CONDITION, ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE (20h/00h)', (_name, op) => {
    const r = run(freshLun(), C1, [op, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x20, 0x00), dataIn: [] });
  });

  it('answers a CDB shorter than its operation code needs with INVALID FIELD IN CDB', () => {
    expect(run(freshLun(), C1, [0x28, 0, 0, 0]).result.sense).toEqual(illegal(0x24, 0x00));
  });

  it('answers an empty CDB with INVALID COMMAND OPERATION CODE', () => {
    expect(run(freshLun(), C1, []).result.sense).toEqual(illegal(0x20, 0x00));
  });
});

describe('a nexus the LU is not presented on (SAM-5 incorrect logical unit selection)', () => {
  const D1 = nexusId('D', 1);

  it('gets LOGICAL UNIT NOT SUPPORTED (25h/00h), and INQUIRY data with peripheral qualifier 011b', () => {
    expect(run(freshLun(), D1, buildTestUnitReadyCdb()).result.sense).toEqual(illegal(0x25, 0x00));
    expect(run(freshLun(), D1, buildInquiryCdb()).result.dataIn[0]).toBe(0x7f);
  });

  it('is served once addNexus presents the LU to it; adding it twice changes nothing', () => {
    const d = { id: D1, initiatorPort: port('D', 1), host: 'D', relativeTargetPort: 1 };
    const s = addNexus(freshLun(), d);
    expect(addNexus(s, d)).toBe(s);
    expect(run(s, D1, buildTestUnitReadyCdb()).result.status).toBe('GOOD');
    expect(prOut(s, D1, 'REGISTER', { saKey: '0xd1' }).result.status).toBe('GOOD');
  });
});

describe('createLun', () => {
  it('starts with no registrations, reservations, writes, tasks or unit attentions', () => {
    expect(describeLun(freshLun())).toEqual({
      lun: 0, serial: 'RESLAB0001', bus: 'bus0', scsi2Holder: null, generation: 0, aptpl: false,
      registrations: [], reservation: null, pendingUnitAttentions: [], blocks: [], queuedTasks: [],
    });
  });

  it('refuses a nexus listed twice and a capacity that is not a whole number of blocks, naming the field', () => {
    expect(() => createLun({ lun: 0, serial: 'S', blocks: 8, nexuses: [LAB_NEXUSES[0]!, LAB_NEXUSES[0]!] })).toThrow(/nexus "A\.1" is listed twice/);
    expect(() => createLun({ lun: 0, serial: 'S', blocks: 0, nexuses: [] })).toThrow(/config\.blocks/);
  });
});

describe('describeLun (projection for the UI and CLI)', () => {
  it('shows holder, keys, reservation, pending unit attentions and the block map', () => {
    let s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    s = run(s, A1, buildWriteCdb(4), new Array<number>(512).fill(1)).state;
    s = prOut(s, B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'WE_RO' }).state;
    const d = describeLun(s);
    expect(d.reservation).toEqual({ key: KEY_B, type: 'WE_RO', scope: 'LU', holderNexus: B1 });
    expect(d.registrations).toEqual([
      { nexus: B1, key: KEY_B, holder: true },
      { nexus: 'B.2', key: KEY_B, holder: false },
    ]);
    expect(d.pendingUnitAttentions).toEqual([
      { nexus: A1, asc: 0x2a, ascq: 0x05, label: 'REGISTRATIONS PREEMPTED' },
      { nexus: 'A.2', asc: 0x2a, ascq: 0x05, label: 'REGISTRATIONS PREEMPTED' },
    ]);
    expect(d.blocks).toEqual([{ lba: 4, writer: 'A', nexus: A1, seq: 1 }]);
  });

  it('shows key 0x0 and no holder nexus for an all-registrants reservation', () => {
    const d = describeLun(reserveAs(registeredLab(), B1, KEY_B, 'EA_AR'));
    expect(d.reservation).toEqual({ key: '0x0', type: 'EA_AR', scope: 'LU', holderNexus: null });
    expect(d.registrations.every((r) => r.holder)).toBe(true);
  });
});

describe('purity: plain JSON state, inputs never mutated', () => {
  function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) deepFreeze(v);
      Object.freeze(value);
    }
    return value;
  }

  it('never mutates its input state, across every kind of operation', () => {
    let s = registeredLab();
    s = enqueueTask(s, { nexus: C1, tag: 1, cdb: buildWriteCdb(1), dataOut: [1] });
    const frozen = deepFreeze(reserveAs(s, A1, KEY_A, 'WE_RO'));
    const snapshot = JSON.stringify(frozen);
    const cmds = [
      { nexus: B1, cdb: buildPrOutCdb('PREEMPT_AND_ABORT', { type: 'EA' }), dataOut: buildPrOutParams({ key: KEY_B, saKey: KEY_A }) },
      { nexus: A1, cdb: buildWriteCdb(3), dataOut: [9] },
      { nexus: A1, cdb: buildRequestSenseCdb() },
      { nexus: A1, cdb: buildPrOutCdb('CLEAR'), dataOut: buildPrOutParams({ key: KEY_A }) },
    ];
    for (const c of cmds) executeCommand(frozen, c);
    executeNextTask(frozen);
    enqueueTask(frozen, cmds[0]!);
    applyReset(frozen, 'lun');
    powerCycle(frozen);
    nexusLoss(frozen, A1);
    addNexus(frozen, { id: nexusId('D', 1), initiatorPort: 'x', host: 'D', relativeTargetPort: 1 });
    describeLun(frozen);
    expect(JSON.stringify(frozen)).toBe(snapshot);
  });

  it('keeps state as plain JSON data: a JSON round trip gives a strictly equal state (no Map, Set, bigint, undefined or class)', () => {
    let s: LunState = reserveAs(registeredLab(), A1, KEY_A, 'EA_RO');
    s = run(s, A1, buildWriteCdb(7), [1, 2, 3]).state;
    s = prOut(s, B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'EA' }).state;
    s = enqueueTask(s, { nexus: C1, cdb: buildTestUnitReadyCdb(), tag: 4 });
    expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
  });
});
