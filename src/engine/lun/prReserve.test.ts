// RESERVE (spc4r17 §5.7.9), RELEASE (§5.7.11.2) and CLEAR (§5.7.11.6); reference §4.3-§4.5.

import { describe, expect, it } from 'vitest';
import type { PrTypeName } from './api';
import { describeLun } from './describe';
import { A1, A2, B1, B2, C1, KEY_A, KEY_B, KEY_C, freshLun, illegal, prOut, registerKey, registeredLab, reserveAs } from './testKit';

const pending = (s: Parameters<typeof describeLun>[0]) => describeLun(s).pendingUnitAttentions.map((u) => `${u.nexus} ${u.label}`);

describe('RESERVE (spc4r17 §5.7.9)', () => {
  it.each([
    ['WE', 1, A1],
    ['EA', 3, A1],
    ['WE_RO', 5, A1],
    ['EA_RO', 6, A1],
    ['WE_AR', 7, null],
    ['EA_AR', 8, null],
  ] as const)('creates a %s reservation (TYPE %i) held by %s without bumping PRgeneration', (type, code, holder) => {
    const s = registeredLab();
    const r = prOut(s, A1, 'RESERVE', { key: KEY_A, type });
    expect(r.result).toMatchObject({ status: 'GOOD', sense: null });
    expect(r.state.pr.reservation).toEqual({ type: code, scope: 0, holder });
    expect(r.state.pr.generation).toBe(s.pr.generation);
    expect(r.state.unitAttentions).toEqual([]);
  });

  it('gives an unregistered nexus RESERVATION CONFLICT when no reservation exists (spec key rule, CTL/SPDK/COMSTAR/STGT; LIO answers 08h/00h)', () => {
    const s = freshLun();
    const r = prOut(s, C1, 'RESERVE', { key: '0x0', type: 'WE' });
    expect(r.result).toMatchObject({ status: 'RESERVATION_CONFLICT', sense: null });
    expect(r.state).toEqual(s);
  });

  it('gives a registered nexus with the wrong RESERVATION KEY RESERVATION CONFLICT', () => {
    const s = registeredLab();
    expect(prOut(s, A1, 'RESERVE', { key: KEY_B, type: 'WE' }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('answers the holder re-reserving the same TYPE with GOOD and no change', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'EA_RO');
    const r = prOut(s, A1, 'RESERVE', { key: KEY_A, type: 'EA_RO' });
    expect(r.result.status).toBe('GOOD');
    expect(r.state).toEqual(s);
  });

  it('gives the holder RESERVATION CONFLICT when RESERVE names another TYPE (reference §9.4: use PREEMPT of its own key)', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    const r = prOut(s, A1, 'RESERVE', { key: KEY_A, type: 'EA' });
    expect(r.result.status).toBe('RESERVATION_CONFLICT');
    expect(r.state).toEqual(s);
  });

  it('gives a registered non-holder RESERVATION CONFLICT while another nexus holds the reservation', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    expect(prOut(s, B1, 'RESERVE', { key: KEY_B, type: 'WE_RO' }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('treats every registrant as holder of an all-registrants reservation: B.1 re-reserving WE_AR is GOOD, EA_AR conflicts', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE_AR');
    expect(prOut(s, B1, 'RESERVE', { key: KEY_B, type: 'WE_AR' }).result.status).toBe('GOOD');
    expect(prOut(s, B1, 'RESERVE', { key: KEY_B, type: 'EA_AR' }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('keeps the holder per I_T nexus: A.2 shares A.1\'s key but is not the WE holder (reference §3.1, §9.1)', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    expect(describeLun(s).registrations.filter((r) => r.holder).map((r) => r.nexus)).toEqual([A1]);
  });
});

describe('RELEASE (spc4r17 §5.7.11.2)', () => {
  it.each(['WE', 'EA'] as const)('releases the holder\'s %s reservation, keeps every registration and PRgeneration, and sends no unit attention', (type) => {
    const s = reserveAs(registeredLab(), A1, KEY_A, type);
    const r = prOut(s, A1, 'RELEASE', { key: KEY_A, type });
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.reservation).toBeNull();
    expect(r.state.pr.registrations).toEqual(s.pr.registrations);
    expect(r.state.pr.generation).toBe(s.pr.generation);
    expect(r.state.unitAttentions).toEqual([]);
  });

  it.each(['WE_RO', 'EA_RO', 'WE_AR', 'EA_AR'] as const)('releases a %s reservation with RESERVATIONS RELEASED to every other registrant, not the caller nor unregistered C.1', (type) => {
    const s = reserveAs(registeredLab(), A1, KEY_A, type);
    const r = prOut(s, A1, 'RELEASE', { key: KEY_A, type });
    expect(r.state.pr.reservation).toBeNull();
    expect(pending(r.state)).toEqual([`${A2} RESERVATIONS RELEASED`, `${B1} RESERVATIONS RELEASED`, `${B2} RESERVATIONS RELEASED`]);
  });

  it('lets any registrant release an all-registrants reservation (reference §9.2)', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'EA_AR');
    const r = prOut(s, B2, 'RELEASE', { key: KEY_B, type: 'EA_AR' });
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.reservation).toBeNull();
    expect(pending(r.state)).toEqual([`${A1} RESERVATIONS RELEASED`, `${A2} RESERVATIONS RELEASED`, `${B1} RESERVATIONS RELEASED`]);
  });

  it('answers the holder naming the wrong TYPE with CHECK CONDITION, INVALID RELEASE OF PERSISTENT RESERVATION (26h/04h) and changes nothing (SCST, CTL, COMSTAR, STGT; LIO says RESERVATION CONFLICT)', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    const r = prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'WE' });
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x26, 0x04) });
    expect(r.state).toEqual(s);
  });

  it('is GOOD and changes nothing when a registered non-holder releases', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    const r = prOut(s, B1, 'RELEASE', { key: KEY_B, type: 'WE' });
    expect(r.result.status).toBe('GOOD');
    expect(r.state).toEqual(s);
  });

  it('is GOOD and does nothing when no persistent reservation exists', () => {
    const s = registeredLab();
    const r = prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'WE' });
    expect(r.result.status).toBe('GOOD');
    expect(r.state).toEqual(s);
  });

  it('gives an unregistered nexus RESERVATION CONFLICT even with no reservation (spec key rule; LIO 08h/00h, SPDK NOT READY)', () => {
    const s = registeredLab();
    expect(prOut(s, C1, 'RELEASE', { key: '0x0', type: 'WE' }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('gives the holder with a wrong RESERVATION KEY RESERVATION CONFLICT', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    expect(prOut(s, A1, 'RELEASE', { key: KEY_B, type: 'WE' }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('gives a non-holder with a wrong RESERVATION KEY RESERVATION CONFLICT (spec key rule, CTL, SCST, COMSTAR; LIO and STGT answer GOOD)', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    const r = prOut(s, B1, 'RELEASE', { key: KEY_A, type: 'WE' });
    expect(r.result.status).toBe('RESERVATION_CONFLICT');
    expect(r.state).toEqual(s);
  });
});

describe('CLEAR (spc4r17 §5.7.11.6)', () => {
  it.each(['WE', 'EA_RO', 'WE_AR'] as PrTypeName[])('lets registered non-holder B.1 clear a %s reservation: every registration goes, PRgeneration +1 once, RESERVATIONS PREEMPTED to the others', (type) => {
    let s = reserveAs(registeredLab(), A1, KEY_A, type);
    s = registerKey(s, C1, KEY_C);
    const r = prOut(s, B1, 'CLEAR', { key: KEY_B });
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.registrations).toEqual([]);
    expect(r.state.pr.reservation).toBeNull();
    expect(r.state.pr.generation).toBe(s.pr.generation + 1);
    expect(pending(r.state)).toEqual([`${A1} RESERVATIONS PREEMPTED`, `${A2} RESERVATIONS PREEMPTED`, `${B2} RESERVATIONS PREEMPTED`, `${C1} RESERVATIONS PREEMPTED`]);
  });

  it('clears registrations when no reservation exists', () => {
    const r = prOut(registeredLab(), A1, 'CLEAR', { key: KEY_A });
    expect(r.state.pr.registrations).toEqual([]);
    expect(r.state.pr.generation).toBe(5);
  });

  it('resets the APTPL state: nothing is left to persist (LIO core_scsi3_emulate_pro_clear())', () => {
    const s = registerKey(freshLun(), A1, KEY_A, true);
    expect(s.pr.aptpl).toBe(true);
    expect(prOut(s, A1, 'CLEAR', { key: KEY_A }).state.pr.aptpl).toBe(false);
  });

  it('gives an unregistered nexus RESERVATION CONFLICT, with or without a reservation', () => {
    const s = registeredLab();
    expect(prOut(s, C1, 'CLEAR', { key: '0x0' }).result.status).toBe('RESERVATION_CONFLICT');
    expect(prOut(reserveAs(s, A1, KEY_A, 'WE'), C1, 'CLEAR', { key: '0x0' }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('gives a registrant with the wrong RESERVATION KEY RESERVATION CONFLICT', () => {
    const s = registeredLab();
    const r = prOut(s, B1, 'CLEAR', { key: KEY_A });
    expect(r.result.status).toBe('RESERVATION_CONFLICT');
    expect(r.state).toEqual(s);
  });
});
