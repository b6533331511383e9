// APTPL and power loss (reference §8): registrations and the reservation survive a power cycle only
// when the most recent REGISTER-type command set APTPL; SPC-2 reservations never survive;
// PRgeneration restarts at 0.

import { describe, expect, it } from 'vitest';
import { buildPrOutCdb, buildRegisterAndMoveParams, buildReserve6Cdb } from './cdb';
import { describeLun } from './describe';
import { powerCycle } from './resets';
import { A1, A2, B1, C1, KEY_A, KEY_B, freshLun, ok, port, prIn, prOut, registerKey, registeredLab, reserveAs, run, write } from './testKit';

describe('power cycle with APTPL (reference §8)', () => {
  it('drops every registration and the reservation when APTPL was 0 (the default)', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    const after = powerCycle(s);
    expect(after.pr).toEqual({ generation: 0, aptpl: false, registrations: [], reservation: null });
  });

  it('restores every registration and the reservation (same holder, same type) when the last REGISTER set APTPL = 1', () => {
    let s = registeredLab();
    s = ok(prOut(s, B1, 'REGISTER', { key: KEY_B, saKey: KEY_B, aptpl: true })); // APTPL = 1: the whole LU becomes persistent
    s = reserveAs(s, A1, KEY_A, 'EA_RO');
    const after = powerCycle(s);
    expect(after.pr).toEqual({ generation: 0, aptpl: true, registrations: s.pr.registrations, reservation: { type: 6, scope: 0, holder: A1 } });
    expect(prIn(after, C1, 'REPORT_CAPABILITIES').result.status).toBe('CHECK_CONDITION'); // power-on unit attention first
  });

  it('follows the most recent REGISTER: APTPL = 1 then a later APTPL = 0 makes everything volatile again (LIO, SCST, COMSTAR)', () => {
    let s = registerKey(freshLun(), A1, KEY_A, true);
    s = registerKey(s, B1, KEY_B, false);
    expect(powerCycle(s).pr.registrations).toEqual([]);
  });

  it('follows the most recent REGISTER: APTPL = 0 then APTPL = 1 from another nexus keeps both registrations', () => {
    let s = registerKey(freshLun(), A1, KEY_A, false);
    s = ok(prOut(s, B1, 'REGISTER_AND_IGNORE_EXISTING_KEY', { saKey: KEY_B, aptpl: true }));
    expect(powerCycle(s).pr.registrations.map((r) => r.nexus)).toEqual([A1, B1]);
  });

  it('ignores the APTPL bit on RESERVE (valid only on REGISTER, REGISTER AND IGNORE EXISTING KEY, REGISTER AND MOVE)', () => {
    const s = registerKey(freshLun(), A1, KEY_A, false);
    const r = prOut(s, A1, 'RESERVE', { key: KEY_A, type: 'WE', aptpl: true });
    expect(r.state.pr.aptpl).toBe(false);
  });

  it('takes the APTPL bit of REGISTER AND MOVE', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    const p = buildRegisterAndMoveParams({ key: KEY_A, saKey: '0x42', relativeTargetPort: 2, initiatorPort: port('A', 2), aptpl: true });
    const moved = ok(run(s, A1, buildPrOutCdb('REGISTER_AND_MOVE', { parameterListLength: p.length }), p));
    expect(powerCycle(moved).pr.reservation).toEqual({ type: 1, scope: 0, holder: A2 });
  });

  it('keeps nothing after CLEAR, even if APTPL had been set', () => {
    const s = ok(prOut(registerKey(freshLun(), A1, KEY_A, true), A1, 'CLEAR', { key: KEY_A }));
    expect(powerCycle(s).pr).toEqual({ generation: 0, aptpl: false, registrations: [], reservation: null });
  });

  it('never keeps an SPC-2 RESERVE(6) reservation', () => {
    const s = ok(run(freshLun(), A1, buildReserve6Cdb()));
    expect(powerCycle(s).scsi2Holder).toBeNull();
  });

  it('keeps the medium: written blocks survive power loss', () => {
    const s = ok(write(freshLun(), C1, 9, 0x33));
    expect(describeLun(powerCycle(s)).blocks).toEqual([{ lba: 9, writer: 'C', nexus: C1, seq: 1 }]);
  });

  it('gives the restored holder its access back once it has taken its power-on unit attention', () => {
    let s = registerKey(freshLun(), A1, KEY_A, true);
    s = reserveAs(s, A1, KEY_A, 'EA');
    const after = powerCycle(s);
    const first = write(after, A1);
    expect(first.result.sense).toEqual({ key: 6, asc: 0x29, ascq: 0x00 });
    expect(write(first.state, A1).result.status).toBe('GOOD');
    const c = write(after, C1);
    expect(write(c.state, C1).result.status).toBe('RESERVATION_CONFLICT');
  });
});
