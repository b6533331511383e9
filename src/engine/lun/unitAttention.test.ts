// Unit attentions (reference §6, §8, §9.9; SAM-4 §5.14 via LIO target_core_ua.c): who gets which,
// reported once, before reservation conflicts, never by INQUIRY / REPORT LUNS, handed out and
// cleared by REQUEST SENSE.

import { describe, expect, it } from 'vitest';
import type { NexusId } from '../model/ids';
import type { Sense } from './api';
import { buildInquiryCdb, buildReportLunsCdb, buildRequestSenseCdb, buildWriteCdb } from './cdb';
import { decodeFixedSense } from './decode';
import { applyReset, nexusLoss, powerCycle } from './resets';
import type { LunState } from './state';
import { A1, A2, B1, B2, C1, KEY_A, KEY_B, KEY_C, drainUnitAttentions, freshLun, prOut, registerKey, registeredLab, reserveAs, run, tur, ua, write } from './testKit';

const ALL: NexusId[] = [A1, A2, B1, B2, C1];

/** What each nexus's TEST UNIT READYs report, in order, until GOOD. */
function reports(s: LunState): Record<string, Sense[]> {
  return Object.fromEntries(ALL.map((n) => [n, drainUnitAttentions(s, n).reported]));
}

const REG_PREEMPTED = ua(0x2a, 0x05);
const RES_PREEMPTED = ua(0x2a, 0x03);
const RES_RELEASED = ua(0x2a, 0x04);

describe('who gets which unit attention (reference §6)', () => {
  const held = () => reserveAs(registerKey(registeredLab(), C1, KEY_C), A1, KEY_A, 'WE_RO');

  it('PREEMPT of host A\'s key: REGISTRATIONS PREEMPTED (2Ah/05h) to A.1 and A.2, nothing to anyone else', () => {
    const s = prOut(held(), B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'WE_RO' }).state;
    expect(reports(s)).toEqual({ [A1]: [REG_PREEMPTED], [A2]: [REG_PREEMPTED], [B1]: [], [B2]: [], [C1]: [] });
  });

  it('PREEMPT AND ABORT with a TYPE change: REGISTRATIONS PREEMPTED to the victims, RESERVATIONS RELEASED (2Ah/04h) to B.2 and C.1', () => {
    const s = prOut(held(), B1, 'PREEMPT_AND_ABORT', { key: KEY_B, saKey: KEY_A, type: 'EA_RO' }).state;
    expect(reports(s)).toEqual({ [A1]: [REG_PREEMPTED], [A2]: [REG_PREEMPTED], [B1]: [], [B2]: [RES_RELEASED], [C1]: [RES_RELEASED] });
  });

  it('RELEASE of WE_RO: RESERVATIONS RELEASED to every other registrant', () => {
    const s = prOut(held(), A1, 'RELEASE', { key: KEY_A, type: 'WE_RO' }).state;
    expect(reports(s)).toEqual({ [A1]: [], [A2]: [RES_RELEASED], [B1]: [RES_RELEASED], [B2]: [RES_RELEASED], [C1]: [RES_RELEASED] });
  });

  it('RELEASE of WE_AR by B.2: RESERVATIONS RELEASED to every other registrant', () => {
    const s0 = reserveAs(registeredLab(), A1, KEY_A, 'WE_AR');
    const s = prOut(s0, B2, 'RELEASE', { key: KEY_B, type: 'WE_AR' }).state;
    expect(reports(s)).toEqual({ [A1]: [RES_RELEASED], [A2]: [RES_RELEASED], [B1]: [RES_RELEASED], [B2]: [], [C1]: [] });
  });

  it('RELEASE of WE: no unit attention at all', () => {
    const s0 = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    const s = prOut(s0, A1, 'RELEASE', { key: KEY_A, type: 'WE' }).state;
    expect(s.unitAttentions).toEqual([]);
  });

  it('CLEAR by C.1: RESERVATIONS PREEMPTED (2Ah/03h) to every other registrant (CTL uses 2Ah/05h)', () => {
    const s = prOut(held(), C1, 'CLEAR', { key: KEY_C }).state;
    expect(reports(s)).toEqual({ [A1]: [RES_PREEMPTED], [A2]: [RES_PREEMPTED], [B1]: [RES_PREEMPTED], [B2]: [RES_PREEMPTED], [C1]: [] });
  });

  it.each([
    ['lun', '29h/03h BUS DEVICE RESET FUNCTION OCCURRED (LIO target_tmr_work())', ua(0x29, 0x03)],
    ['target', '29h/00h POWER ON, RESET, OR BUS DEVICE RESET OCCURRED (hard reset)', ua(0x29, 0x00)],
    ['bus', '29h/02h SCSI BUS RESET OCCURRED', ua(0x29, 0x02)],
  ] as const)('a %s reset queues to every nexus %s', (kind, _label, sense) => {
    const s = applyReset(freshLun(), kind).state;
    expect(reports(s)).toEqual(Object.fromEntries(ALL.map((n) => [n, [sense]])));
  });

  it('a power cycle queues POWER ON, RESET, OR BUS DEVICE RESET OCCURRED (29h/00h) to every nexus and drops older conditions', () => {
    const s0 = prOut(held(), B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'WE_RO' }).state;
    const s = powerCycle(s0);
    expect(reports(s)).toEqual(Object.fromEntries(ALL.map((n) => [n, [ua(0x29, 0x00)]])));
  });

  it('I_T nexus loss queues I_T NEXUS LOSS OCCURRED (29h/07h) to that nexus only (SAM-4)', () => {
    const s = nexusLoss(freshLun(), B2);
    expect(reports(s)).toEqual({ [A1]: [], [A2]: [], [B1]: [], [B2]: [ua(0x29, 0x07)], [C1]: [] });
  });
});

describe('reporting (SAM-4 §5.14)', () => {
  const preempted = () => prOut(reserveAs(registeredLab(), A1, KEY_A, 'EA'), B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'EA' }).state;

  it('reports a condition once: the next TEST UNIT READY gets CHECK CONDITION, UNIT ATTENTION, the one after that GOOD', () => {
    const first = tur(preempted(), A1);
    expect(first.result).toMatchObject({ status: 'CHECK_CONDITION', sense: REG_PREEMPTED, dataIn: [] });
    expect(first.result.rule).toMatch(/SAM-4 §5\.14.*REGISTRATIONS PREEMPTED/);
    expect(tur(first.state, A1).result.status).toBe('GOOD');
  });

  it('reports the unit attention before the reservation conflict, and the command does not run (reference §9.9)', () => {
    const s = preempted();
    const first = write(s, A1, 3);
    expect(first.result).toMatchObject({ status: 'CHECK_CONDITION', sense: REG_PREEMPTED });
    expect(first.state.blocks).toEqual([]);
    const second = write(first.state, A1, 3);
    expect(second.result.status).toBe('RESERVATION_CONFLICT');
  });

  it('neither reports nor clears a condition on INQUIRY or REPORT LUNS', () => {
    const s = preempted();
    const inq = run(s, A1, buildInquiryCdb());
    const luns = run(inq.state, A1, buildReportLunsCdb());
    expect(inq.result.status).toBe('GOOD');
    expect(luns.result.status).toBe('GOOD');
    expect(luns.state).toEqual(s);
  });

  it('hands the condition out as fixed-format sense data with GOOD on REQUEST SENSE and clears it', () => {
    const r = run(preempted(), A1, buildRequestSenseCdb());
    expect(r.result.status).toBe('GOOD');
    expect(r.result.dataIn).toEqual([0x70, 0, 0x06, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x2a, 0x05, 0, 0, 0, 0]);
    expect(decodeFixedSense(r.result.dataIn)).toEqual(REG_PREEMPTED);
    expect(tur(r.state, A1).result.status).toBe('GOOD');
    expect(write(r.state, A1).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('puts reset conditions ahead of earlier PR conditions and keeps the rest in order (SAM-4 §5.14 priority, LIO core_scsi3_ua_allocate())', () => {
    let s = reserveAs(registerKey(registeredLab(), C1, KEY_C), A1, KEY_A, 'WE_RO');
    s = prOut(s, C1, 'PREEMPT', { key: KEY_C, saKey: KEY_A, type: 'EA_RO' }).state; // A.1, A.2: 2A/05; B.1, B.2: 2A/04
    s = nexusLoss(s, B1); // 29/07
    s = applyReset(s, 'lun').state; // 29/03
    expect(drainUnitAttentions(s, B1).reported).toEqual([ua(0x29, 0x03), ua(0x29, 0x07), RES_RELEASED]);
    expect(drainUnitAttentions(s, A1).reported).toEqual([ua(0x29, 0x03), REG_PREEMPTED]);
  });

  it('does not queue the same condition twice', () => {
    let s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    s = prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'WE_RO' }).state;
    s = reserveAs(s, A1, KEY_A, 'WE_RO');
    s = prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'WE_RO' }).state;
    expect(drainUnitAttentions(s, B1).reported).toEqual([RES_RELEASED]);
  });

  it('reports a unit attention even on an unsupported operation code, then INVALID COMMAND OPERATION CODE', () => {
    const s = applyReset(freshLun(), 'lun').state;
    const first = run(s, C1, [0x1a, 0, 0x3f, 0, 0xff, 0]);
    expect(first.result.sense).toEqual(ua(0x29, 0x03));
    expect(run(first.state, C1, [0x1a, 0, 0x3f, 0, 0xff, 0]).result.sense).toEqual({ key: 5, asc: 0x20, ascq: 0x00 });
  });

  it('lets a nexus with a pending condition still see it on a WRITE it is allowed to do, then write', () => {
    const s = applyReset(freshLun(), 'bus').state;
    const r1 = run(s, C1, buildWriteCdb(0), new Array<number>(512).fill(9));
    expect(r1.result.sense).toEqual(ua(0x29, 0x02));
    expect(run(r1.state, C1, buildWriteCdb(0), new Array<number>(512).fill(9)).result.status).toBe('GOOD');
  });
});
