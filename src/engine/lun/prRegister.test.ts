// REGISTER and REGISTER AND IGNORE EXISTING KEY (spc4r17 §5.7.7 table 47, §5.7.11.3; reference
// §4.2), and the common PR OUT checks of reference §4.0.

import { describe, expect, it } from 'vitest';
import { buildPrOutCdb, buildPrOutParams } from './cdb';
import { describeLun } from './describe';
import { A1, A2, B1, B2, C1, KEY_A, KEY_B, KEY_C, freshLun, illegal, prIn, prOut, registerKey, registeredLab, reserveAs, run, ua, drainUnitAttentions } from './testKit';
import { decodeReadKeys, decodeReadReservation } from './decode';

const regs = (s: Parameters<typeof describeLun>[0]) => describeLun(s).registrations.map((r) => [r.nexus, r.key, r.holder]);

describe('REGISTER (spc4r17 §5.7.7 table 47)', () => {
  it('registers an unregistered nexus that sends RESERVATION KEY 0 and a non-zero SERVICE ACTION RESERVATION KEY; PRgeneration +1', () => {
    const s = freshLun();
    const r = prOut(s, A1, 'REGISTER', { key: '0x0', saKey: KEY_A });
    expect(r.result).toMatchObject({ status: 'GOOD', sense: null });
    expect(regs(r.state)).toEqual([[A1, KEY_A, false]]);
    expect(r.state.pr.generation).toBe(1);
    expect(r.result.rule).toMatch(/§5\.7\.7 table 47/);
  });

  it('gives an unregistered nexus that sends a non-zero RESERVATION KEY RESERVATION CONFLICT and changes nothing', () => {
    const s = freshLun();
    const r = prOut(s, A1, 'REGISTER', { key: KEY_B, saKey: KEY_A });
    expect(r.result).toMatchObject({ status: 'RESERVATION_CONFLICT', sense: null });
    expect(r.state).toEqual(s);
  });

  it('answers GOOD to an unregistered nexus registering key 0, registers nothing and still bumps PRgeneration (disputed: SCST/COMSTAR/STGT bump, LIO/CTL/SPDK do not; reference §4.1)', () => {
    const s = freshLun();
    const r = prOut(s, C1, 'REGISTER', { key: '0x0', saKey: '0x0', aptpl: true });
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.registrations).toEqual([]);
    expect(r.state.pr.generation).toBe(1);
    expect(r.state.pr.aptpl).toBe(false);
  });

  it('replaces a registered nexus\'s key when RESERVATION KEY matches; the holder stays holder and READ RESERVATION shows the new key', () => {
    let s = registerKey(freshLun(), A1, KEY_A);
    s = reserveAs(s, A1, KEY_A, 'WE');
    const r = prOut(s, A1, 'REGISTER', { key: KEY_A, saKey: '0x1234' });
    expect(r.result.status).toBe('GOOD');
    expect(regs(r.state)).toEqual([[A1, '0x1234', true]]);
    expect(r.state.pr.generation).toBe(2);
    const rr = decodeReadReservation(prIn(r.state, A1, 'READ_RESERVATION').result.dataIn);
    expect(rr.reservation).toMatchObject({ key: '0x1234', typeName: 'WE' });
  });

  it('re-registers the same key (K == R) with GOOD and PRgeneration +1', () => {
    const s = registerKey(freshLun(), A1, KEY_A);
    const r = prOut(s, A1, 'REGISTER', { key: KEY_A, saKey: KEY_A });
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.generation).toBe(2);
    expect(regs(r.state)).toEqual([[A1, KEY_A, false]]);
  });

  it('gives a registered nexus that sends the wrong RESERVATION KEY RESERVATION CONFLICT (libiscsi prout_reregister_key_fails)', () => {
    const s = registerKey(freshLun(), A1, KEY_A);
    const r = prOut(s, A1, 'REGISTER', { key: KEY_B, saKey: KEY_C });
    expect(r.result.status).toBe('RESERVATION_CONFLICT');
    expect(r.state).toEqual(s);
  });

  it('lets several nexuses register the same key: all paths of host A appear in READ KEYS once per nexus (reference §2)', () => {
    const s = registeredLab();
    expect(decodeReadKeys(prIn(s, C1, 'READ_KEYS').result.dataIn)).toEqual({ generation: 4, additionalLength: 32, keys: [KEY_A, KEY_A, KEY_B, KEY_B], truncated: false });
  });
});

describe('unregister: REGISTER with SERVICE ACTION RESERVATION KEY 0 (spc4r17 §5.7.11.3)', () => {
  it('removes the registration and bumps PRgeneration (LIO does not bump; CTL, SCST, SPDK, COMSTAR, STGT do)', () => {
    const s = registeredLab();
    const r = prOut(s, B2, 'REGISTER', { key: KEY_B, saKey: '0x0' });
    expect(r.result.status).toBe('GOOD');
    expect(regs(r.state).map((x) => x[0])).toEqual([A1, A2, B1]);
    expect(r.state.pr.generation).toBe(5);
  });

  it.each(['WE', 'EA'] as const)('releases a %s reservation its holder held, without a unit attention to anyone', (type) => {
    const s = reserveAs(registeredLab(), A1, KEY_A, type);
    const r = prOut(s, A1, 'REGISTER', { key: KEY_A, saKey: '0x0' });
    expect(r.state.pr.reservation).toBeNull();
    expect(r.state.unitAttentions).toEqual([]);
  });

  it.each(['WE_RO', 'EA_RO'] as const)('releases a %s reservation its holder held and sends RESERVATIONS RELEASED to every remaining registrant (LIO core_scsi3_check_implicit_release())', (type) => {
    const s = reserveAs(registeredLab(), A1, KEY_A, type);
    const r = prOut(s, A1, 'REGISTER', { key: KEY_A, saKey: '0x0' });
    expect(r.state.pr.reservation).toBeNull();
    expect(describeLun(r.state).pendingUnitAttentions.map((u) => [u.nexus, u.asc, u.ascq])).toEqual([
      [A2, 0x2a, 0x04],
      [B1, 0x2a, 0x04],
      [B2, 0x2a, 0x04],
    ]);
  });

  it.each(['WE_AR', 'EA_AR'] as const)('keeps a %s reservation while any registrant remains, and ends it silently with the last one (libiscsi test_prout_reserve_ownership)', (type) => {
    let s = reserveAs(registeredLab(), A1, KEY_A, type);
    for (const [n, k] of [[A1, KEY_A], [A2, KEY_A], [B1, KEY_B]] as const) {
      s = prOut(s, n, 'REGISTER', { key: k, saKey: '0x0' }).state;
      expect(s.pr.reservation?.type).toBe(type === 'WE_AR' ? 7 : 8);
    }
    const last = prOut(s, B2, 'REGISTER', { key: KEY_B, saKey: '0x0' });
    expect(last.result.status).toBe('GOOD');
    expect(last.state.pr.reservation).toBeNull();
    expect(last.state.unitAttentions).toEqual([]);
  });

  it('leaves a WE reservation alone when a non-holder unregisters', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    const r = prOut(s, B1, 'REGISTER', { key: KEY_B, saKey: '0x0' });
    expect(r.state.pr.reservation).toEqual({ type: 1, scope: 0, holder: A1 });
  });
});

describe('REGISTER AND IGNORE EXISTING KEY (spc4r17 §5.7.7 table 47)', () => {
  it('registers an unregistered nexus whatever the RESERVATION KEY field holds', () => {
    const r = prOut(freshLun(), C1, 'REGISTER_AND_IGNORE_EXISTING_KEY', { key: '0xdead', saKey: KEY_C });
    expect(r.result.status).toBe('GOOD');
    expect(regs(r.state)).toEqual([[C1, KEY_C, false]]);
    expect(r.state.pr.generation).toBe(1);
  });

  it('replaces a registered nexus\'s key even when RESERVATION KEY is wrong', () => {
    const s = registerKey(freshLun(), A1, KEY_A);
    const r = prOut(s, A1, 'REGISTER_AND_IGNORE_EXISTING_KEY', { key: '0xdead', saKey: '0x99' });
    expect(regs(r.state)).toEqual([[A1, '0x99', false]]);
    expect(r.state.pr.generation).toBe(2);
  });

  it('unregisters with SERVICE ACTION RESERVATION KEY 0', () => {
    const s = registerKey(freshLun(), A1, KEY_A);
    const r = prOut(s, A1, 'REGISTER_AND_IGNORE_EXISTING_KEY', { key: '0xdead', saKey: '0x0' });
    expect(r.state.pr.registrations).toEqual([]);
    expect(r.state.pr.generation).toBe(2);
  });

  it('is GOOD and registers nothing for an unregistered nexus with SERVICE ACTION RESERVATION KEY 0', () => {
    const r = prOut(freshLun(), C1, 'REGISTER_AND_IGNORE_EXISTING_KEY', { saKey: '0x0' });
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.registrations).toEqual([]);
  });
});

describe('checks common to every PR OUT service action (reference §4.0)', () => {
  it('rejects service action 08h with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB (24h/00h)', () => {
    const s = freshLun();
    const r = run(s, A1, buildPrOutCdb(0x08), buildPrOutParams({ saKey: KEY_A }));
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x24, 0x00) });
    expect(r.state).toEqual(s);
  });

  it.each([0, 8, 23, 25, 32])('answers PARAMETER LIST LENGTH %i with CHECK CONDITION, PARAMETER LIST LENGTH ERROR (1Ah/00h) (spc4r17 §6.14 quoted in LIO)', (length) => {
    const s = freshLun();
    const data = [...buildPrOutParams({ saKey: KEY_A }), ...new Array<number>(16).fill(0)].slice(0, length);
    const r = run(s, A1, buildPrOutCdb('REGISTER', { parameterListLength: length }), data);
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x1a, 0x00) });
    expect(r.state).toEqual(s);
  });

  it('answers a data-out buffer shorter than PARAMETER LIST LENGTH with PARAMETER LIST LENGTH ERROR', () => {
    const r = run(freshLun(), A1, buildPrOutCdb('REGISTER'), buildPrOutParams({ saKey: KEY_A }).slice(0, 20));
    expect(r.result.sense).toEqual(illegal(0x1a, 0x00));
  });

  it.each([
    ['RESERVE', 'SPEC_I_PT on a service action other than REGISTER (LIO)'],
    ['REGISTER', 'SPEC_I_PT while SIP_C = 0'],
  ] as const)('rejects SPEC_I_PT = 1 on %s with INVALID FIELD IN PARAMETER LIST (26h/00h): %s', (sa, _why) => {
    const s = registerKey(freshLun(), A1, KEY_A);
    const r = prOut(s, A1, sa, { key: KEY_A, saKey: KEY_B, type: 'WE', specIPt: true });
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x26, 0x00) });
    expect(r.state).toEqual(s);
  });

  it('rejects ALL_TG_PT = 1 on REGISTER (ATP_C = 0) with INVALID FIELD IN PARAMETER LIST, and ignores it on RESERVE (spc4r17 §6.14.3)', () => {
    const s = registerKey(freshLun(), A1, KEY_A);
    expect(prOut(s, B1, 'REGISTER', { saKey: KEY_B, allTgPt: true }).result.sense).toEqual(illegal(0x26, 0x00));
    expect(prOut(s, A1, 'RESERVE', { key: KEY_A, type: 'WE', allTgPt: true }).result.status).toBe('GOOD');
  });

  it.each([
    ['RESERVE', 0x1],
    ['RELEASE', 0x2],
    ['PREEMPT', 0xf],
  ] as const)('rejects %s with SCOPE %ih (not LU_SCOPE) with INVALID FIELD IN CDB (CTL, SCST, COMSTAR)', (sa, scope) => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    const r = prOut(s, A1, sa, { key: KEY_A, saKey: KEY_A, type: 'WE', scope });
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x24, 0x00) });
    expect(r.state).toEqual(s);
  });

  it.each([0, 2, 4, 9, 15])('rejects TYPE %i on RESERVE with INVALID FIELD IN CDB, before the key check', (type) => {
    const s = freshLun();
    const r = prOut(s, C1, 'RESERVE', { key: KEY_C, type });
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x24, 0x00) });
  });

  it('ignores SCOPE and TYPE on REGISTER and CLEAR', () => {
    const s = registerKey(freshLun(), A1, KEY_A);
    expect(prOut(s, A1, 'REGISTER', { key: KEY_A, saKey: KEY_B, type: 2, scope: 3 }).result.status).toBe('GOOD');
    expect(prOut(s, A1, 'CLEAR', { key: KEY_A, type: 0, scope: 3 }).result.status).toBe('GOOD');
  });

  it('never bumps PRgeneration or queues a unit attention when a PR OUT fails', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    const failures = [
      prOut(s, C1, 'CLEAR', { key: KEY_C }),
      prOut(s, B1, 'PREEMPT', { key: KEY_A, saKey: KEY_A, type: 'WE' }),
      prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'EA' }),
      prOut(s, B1, 'PREEMPT', { key: KEY_B, saKey: '0x0', type: 'WE' }),
    ];
    for (const f of failures) {
      expect(f.result.status).not.toBe('GOOD');
      expect(f.state).toEqual(s);
    }
    expect(drainUnitAttentions(s, B1).reported).toEqual([]);
  });
});

describe('unit attention reporting keeps its place in front of PR OUT (reference §6)', () => {
  it('reports RESERVATIONS RELEASED to B.1 before its next PR OUT runs', () => {
    let s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    s = prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'WE_RO' }).state;
    const r = prOut(s, B1, 'RESERVE', { key: KEY_B, type: 'EA' });
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: ua(0x2a, 0x04) });
    expect(r.state.pr.reservation).toBeNull();
    expect(prOut(r.state, B1, 'RESERVE', { key: KEY_B, type: 'EA' }).result.status).toBe('GOOD');
  });
});
