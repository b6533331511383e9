// SPC-2 RESERVE(6) / RELEASE(6) (reference §7.1) and their interplay with persistent reservations
// (spc2r20 §5.5.1 and the CRH = 1 exceptions of spc4r17 §5.7.3; reference §7.2, §7.3).

import { describe, expect, it } from 'vitest';
import type { NexusId } from '../model/ids';
import {
  buildInquiryCdb,
  buildPrInCdb,
  buildPrOutCdb,
  buildPrOutParams,
  buildReadCapacity10Cdb,
  buildReadCdb,
  buildRelease6Cdb,
  buildReportLunsCdb,
  buildRequestSenseCdb,
  buildReserve6Cdb,
  buildTestUnitReadyCdb,
  buildWriteCdb,
} from './cdb';
import { applyReset, nexusLoss, powerCycle } from './resets';
import type { LunState } from './state';
import { A1, A2, B1, B2, C1, KEY_A, KEY_B, KEY_C, freshLun, illegal, ok, prOut, registerKey, registeredLab, reserveAs, run } from './testKit';

const reserve6 = (s: LunState, n: NexusId) => run(s, n, buildReserve6Cdb());
const release6 = (s: LunState, n: NexusId) => run(s, n, buildRelease6Cdb());
const reservedByA1 = (): LunState => ok(reserve6(freshLun(), A1));

describe('RESERVE(6) / RELEASE(6) (reference §7.1; libiscsi test_reserve6_*)', () => {
  it('reserves the LU for the I_T nexus that sent RESERVE(6)', () => {
    const r = reserve6(freshLun(), A1);
    expect(r.result).toMatchObject({ status: 'GOOD', sense: null });
    expect(r.state.scsi2Holder).toBe(A1);
  });

  it('lets the holder reserve again (libiscsi test_reserve6_simple)', () => {
    const s = reservedByA1();
    const r = reserve6(s, A1);
    expect(r.result.status).toBe('GOOD');
    expect(r.state).toEqual(s);
  });

  it.each([
    ['A.2, the holder host\'s other path', A2],
    ['B.1, another host', B1],
  ])('gives %s RESERVATION CONFLICT on RESERVE(6): the reservation is per I_T nexus', (_who, n) => {
    const s = reservedByA1();
    const r = reserve6(s, n as NexusId);
    expect(r.result).toMatchObject({ status: 'RESERVATION_CONFLICT', sense: null });
    expect(r.state).toEqual(s);
  });

  it('answers RELEASE(6) from a non-holder with GOOD and no effect (libiscsi test_reserve6_2initiators)', () => {
    const s = reservedByA1();
    const r = release6(s, B1);
    expect(r.result.status).toBe('GOOD');
    expect(r.state.scsi2Holder).toBe(A1);
  });

  it('answers RELEASE(6) with nothing reserved with GOOD', () => {
    expect(release6(freshLun(), B1).result.status).toBe('GOOD');
  });

  it('frees the LU on RELEASE(6) from the holder, after which another nexus may reserve', () => {
    const s = ok(release6(reservedByA1(), A1));
    expect(s.scsi2Holder).toBeNull();
    expect(reserve6(s, B2).result.status).toBe('GOOD');
  });

  it('rejects the obsolete third-party bit with CHECK CONDITION, INVALID FIELD IN CDB (LIO, SPDK)', () => {
    const r = run(freshLun(), A1, [0x16, 0x10, 0, 0, 0, 0]);
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x24, 0x00) });
    expect(r.state.scsi2Holder).toBeNull();
  });
});

describe('commands from other nexuses while A.1 holds RESERVE(6) (reference §7.1; LIO target_scsi2_reservation_check())', () => {
  const table: [string, number[], 'GOOD' | 'RESERVATION_CONFLICT'][] = [
    ['INQUIRY', buildInquiryCdb(), 'GOOD'],
    ['RELEASE(6)', buildRelease6Cdb(), 'GOOD'],
    ['TEST UNIT READY', buildTestUnitReadyCdb(), 'RESERVATION_CONFLICT'],
    ['READ(10)', buildReadCdb(0), 'RESERVATION_CONFLICT'],
    ['WRITE(10)', buildWriteCdb(0), 'RESERVATION_CONFLICT'],
    ['READ CAPACITY(10)', buildReadCapacity10Cdb(), 'RESERVATION_CONFLICT'],
    ['REQUEST SENSE (disputed: accepted by some SPC-2 devices)', buildRequestSenseCdb(), 'RESERVATION_CONFLICT'],
    ['REPORT LUNS (disputed: accepted by some SPC-2 devices)', buildReportLunsCdb(), 'RESERVATION_CONFLICT'],
    ['RESERVE(6)', buildReserve6Cdb(), 'RESERVATION_CONFLICT'],
  ];
  it.each(table)('gives B.1 %s -> %s', (_name, cdb, status) => {
    const s = reservedByA1();
    const r = run(s, B1, cdb, cdb[0] === 0x2a ? new Array<number>(512).fill(1) : undefined);
    expect(r.result.status).toBe(status);
    if (status === 'RESERVATION_CONFLICT') expect(r.state).toEqual(s);
  });

  it('gives A.2, the holder host\'s other path, RESERVATION CONFLICT on WRITE(10)', () => {
    expect(run(reservedByA1(), A2, buildWriteCdb(0), new Array<number>(512).fill(1)).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('lets the holder read and write', () => {
    const s = reservedByA1();
    expect(run(s, A1, buildWriteCdb(0), new Array<number>(512).fill(1)).result.status).toBe('GOOD');
    expect(run(s, A1, buildReadCdb(0)).result.status).toBe('GOOD');
  });
});

describe('what releases an SPC-2 reservation (reference §7.1, §8)', () => {
  it.each(['lun', 'target', 'bus'] as const)('a %s reset from anywhere (LIO core_tmr_lun_reset(); libiscsi test_reserve6_lun_reset, _target_*_reset)', (kind) => {
    expect(applyReset(reservedByA1(), kind).state.scsi2Holder).toBeNull();
  });

  it('a power cycle', () => {
    expect(powerCycle(reservedByA1()).scsi2Holder).toBeNull();
  });

  it('loss of the holder\'s I_T nexus (LIO target_release_res(); libiscsi test_reserve6_itnexus_loss, test_reserve6_logout)', () => {
    expect(nexusLoss(reservedByA1(), A1).scsi2Holder).toBeNull();
  });

  it('but not loss of another nexus', () => {
    expect(nexusLoss(reservedByA1(), A2).scsi2Holder).toBe(A1);
  });
});

describe('SPC-2 reservation versus persistent reservations (spc2r20 §5.5.1; reference §7.2)', () => {
  const pr: [string, NexusId, number[], number[] | undefined][] = [
    ['PR IN READ KEYS from the SPC-2 holder A.1', A1, buildPrInCdb('READ_KEYS'), undefined],
    ['PR IN READ RESERVATION from B.1', B1, buildPrInCdb('READ_RESERVATION'), undefined],
    ['PR OUT REGISTER from the SPC-2 holder A.1', A1, buildPrOutCdb('REGISTER'), buildPrOutParams({ saKey: KEY_A })],
    ['PR OUT REGISTER AND IGNORE EXISTING KEY from C.1', C1, buildPrOutCdb('REGISTER_AND_IGNORE_EXISTING_KEY'), buildPrOutParams({ saKey: KEY_C })],
  ];
  it.each(pr)('gives %s RESERVATION CONFLICT (LIO target_scsi3_emulate_pr_in/out; SPDK only blocks non-holders)', (_what, n, cdb, data) => {
    const s = reservedByA1();
    const r = run(s, n, cdb, data);
    expect(r.result).toMatchObject({ status: 'RESERVATION_CONFLICT', sense: null });
    expect(r.result.rule).toMatch(/spc2r20 §5\.5\.1/);
    expect(r.state).toEqual(s);
  });
});

describe('RESERVE(6)/RELEASE(6) while registrations exist, CRH = 1 (spc4r17 §5.7.3; reference §7.3)', () => {
  const cases: [string, () => LunState, NexusId, 'RESERVE(6)' | 'RELEASE(6)', 'GOOD' | 'RESERVATION_CONFLICT'][] = [
    ['registrations, no reservation: unregistered C.1', registeredLab, C1, 'RESERVE(6)', 'RESERVATION_CONFLICT'],
    ['registrations, no reservation: registered B.1', registeredLab, B1, 'RESERVE(6)', 'RESERVATION_CONFLICT'],
    ['registrations, no reservation: unregistered C.1', registeredLab, C1, 'RELEASE(6)', 'RESERVATION_CONFLICT'],
    ['WE held by A.1: the holder A.1', () => reserveAs(registeredLab(), A1, KEY_A, 'WE'), A1, 'RESERVE(6)', 'GOOD'],
    ['WE held by A.1: the holder A.1', () => reserveAs(registeredLab(), A1, KEY_A, 'WE'), A1, 'RELEASE(6)', 'GOOD'],
    ['WE held by A.1: registered non-holder B.1', () => reserveAs(registeredLab(), A1, KEY_A, 'WE'), B1, 'RESERVE(6)', 'RESERVATION_CONFLICT'],
    ['WE_RO held by A.1: registered non-holder B.1 (LIO conflicts, SPDK follows the text)', () => reserveAs(registeredLab(), A1, KEY_A, 'WE_RO'), B1, 'RESERVE(6)', 'GOOD'],
    ['EA_RO held by A.1: registered non-holder B.2', () => reserveAs(registeredLab(), A1, KEY_A, 'EA_RO'), B2, 'RELEASE(6)', 'GOOD'],
    ['WE_AR: registrant B.1', () => reserveAs(registeredLab(), A1, KEY_A, 'WE_AR'), B1, 'RESERVE(6)', 'GOOD'],
    ['EA_RO held by A.1: unregistered C.1', () => reserveAs(registeredLab(), A1, KEY_A, 'EA_RO'), C1, 'RESERVE(6)', 'RESERVATION_CONFLICT'],
    ['EA_AR: unregistered C.1', () => reserveAs(registeredLab(), A1, KEY_A, 'EA_AR'), C1, 'RELEASE(6)', 'RESERVATION_CONFLICT'],
  ];
  it.each(cases)('%s: %s -> %s, and it never takes an SPC-2 reservation', (_setup, make, n, which, status) => {
    const s = make();
    const r = which === 'RESERVE(6)' ? reserve6(s, n) : release6(s, n);
    expect(r.result.status).toBe(status);
    expect(r.state).toEqual(s);
  });

  it('lets RESERVE(6) work again after CLEAR removed every registration', () => {
    const s = ok(prOut(reserveAs(registeredLab(), A1, KEY_A, 'WE'), B1, 'CLEAR', { key: KEY_B }));
    expect(reserve6(s, C1).result.status).toBe('GOOD');
  });

  it('lets a cluster move from SPC-2 to PR only after RELEASE(6) (reference §7.2)', () => {
    let s = reservedByA1();
    expect(prOut(s, A1, 'REGISTER', { saKey: KEY_A }).result.status).toBe('RESERVATION_CONFLICT');
    s = ok(release6(s, A1));
    s = registerKey(s, A1, KEY_A);
    expect(reserve6(s, A1).result.status).toBe('RESERVATION_CONFLICT');
  });
});
