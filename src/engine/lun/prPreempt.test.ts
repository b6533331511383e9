// PREEMPT and PREEMPT AND ABORT (spc4r17 §5.7.11.4 table 52, §5.7.11.4.3, §5.7.11.4.4,
// §5.7.11.5; reference §4.6), including multipath fencing.

import { describe, expect, it } from 'vitest';
import { describeLun } from './describe';
import { A1, A2, B1, B2, C1, KEY_A, KEY_B, KEY_C, freshLun, illegal, prOut, registerKey, registeredLab, reserveAs } from './testKit';

const pending = (s: Parameters<typeof describeLun>[0]) => describeLun(s).pendingUnitAttentions.map((u) => `${u.nexus} ${u.label}`);
const registered = (s: Parameters<typeof describeLun>[0]) => describeLun(s).registrations.map((r) => r.nexus);

describe.each(['PREEMPT', 'PREEMPT_AND_ABORT'] as const)('%s (spc4r17 §5.7.11.4)', (sa) => {
  describe('with no persistent reservation', () => {
    it('removes every registration with the SA key (libiscsi test_prout_preempt_rm_reg): REGISTRATIONS PREEMPTED to B.1 and B.2, no reservation created, PRgeneration +1', () => {
      const s = registeredLab();
      const r = prOut(s, A1, sa, { key: KEY_A, saKey: KEY_B, type: 'EA' });
      expect(r.result.status).toBe('GOOD');
      expect(registered(r.state)).toEqual([A1, A2]);
      expect(r.state.pr.reservation).toBeNull();
      expect(r.state.pr.generation).toBe(s.pr.generation + 1);
      expect(pending(r.state)).toEqual([`${B1} REGISTRATIONS PREEMPTED`, `${B2} REGISTRATIONS PREEMPTED`]);
    });

    it('answers SA key 0 with CHECK CONDITION, INVALID FIELD IN PARAMETER LIST (LIO, CTL; disputed, reference §4.6)', () => {
      const s = registeredLab();
      const r = prOut(s, A1, sa, { key: KEY_A, saKey: '0x0', type: 'WE' });
      expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x26, 0x00) });
      expect(r.state).toEqual(s);
    });

    it('gives RESERVATION CONFLICT when no registration has the SA key (spc4r17 §5.7.11.4.4)', () => {
      const s = registeredLab();
      const r = prOut(s, A1, sa, { key: KEY_A, saKey: KEY_C, type: 'WE' });
      expect(r.result.status).toBe('RESERVATION_CONFLICT');
      expect(r.state).toEqual(s);
    });

    it('removes the caller too when the SA key is its own (spec text, LIO, SPDK; SCST/STGT skip it, CTL rejects)', () => {
      const s = registeredLab();
      const r = prOut(s, A1, sa, { key: KEY_A, saKey: KEY_A, type: 'WE' });
      expect(r.result.status).toBe('GOOD');
      expect(registered(r.state)).toEqual([B1, B2]);
      expect(pending(r.state)).toEqual([`${A2} REGISTRATIONS PREEMPTED`]);
      // Every nexus that lost its registration, the caller's included, loses its queued tasks.
      expect(r.effects.abortTasksOf).toEqual(sa === 'PREEMPT_AND_ABORT' ? [A1, A2] : []);
    });
  });

  describe('WE held by A.1 (A.1, A.2 key A; B.1, B.2 key B; C.1 key C)', () => {
    const held = (type: 'WE' | 'EA' | 'WE_RO' = 'WE') => reserveAs(registerKey(registeredLab(), C1, KEY_C), A1, KEY_A, type);

    it('moves the reservation to B.1 when it names the holder\'s key, fencing every path of host A (multipath fencing, reference §4.6)', () => {
      const s = held();
      const r = prOut(s, B1, sa, { key: KEY_B, saKey: KEY_A, type: 'WE' });
      expect(r.result.status).toBe('GOOD');
      expect(r.state.pr.reservation).toEqual({ type: 1, scope: 0, holder: B1 });
      expect(registered(r.state)).toEqual([B1, B2, C1]);
      expect(r.state.pr.generation).toBe(s.pr.generation + 1);
      // Same TYPE and SCOPE: no RESERVATIONS RELEASED for the remaining registrants (step f).
      expect(pending(r.state)).toEqual([`${A1} REGISTRATIONS PREEMPTED`, `${A2} REGISTRATIONS PREEMPTED`]);
    });

    it('sends RESERVATIONS RELEASED to the remaining registrants but the caller when the TYPE changes (step f)', () => {
      const s = held();
      const r = prOut(s, B1, sa, { key: KEY_B, saKey: KEY_A, type: 'EA' });
      expect(r.state.pr.reservation).toEqual({ type: 3, scope: 0, holder: B1 });
      expect(pending(r.state)).toEqual([
        `${A1} REGISTRATIONS PREEMPTED`,
        `${A2} REGISTRATIONS PREEMPTED`,
        `${B2} RESERVATIONS RELEASED`,
        `${C1} RESERVATIONS RELEASED`,
      ]);
    });

    it('only removes registrations when the SA key is another non-holder\'s: the reservation and its TYPE stay (TYPE ignored, reference §9.6)', () => {
      const s = held();
      const r = prOut(s, B1, sa, { key: KEY_B, saKey: KEY_C, type: 'EA_AR' });
      expect(r.state.pr.reservation).toEqual({ type: 1, scope: 0, holder: A1 });
      expect(registered(r.state)).toEqual([A1, A2, B1, B2]);
      expect(pending(r.state)).toEqual([`${C1} REGISTRATIONS PREEMPTED`]);
    });

    it('answers SA key 0 with CHECK CONDITION, INVALID FIELD IN PARAMETER LIST (LIO, CTL, SCST)', () => {
      const s = held();
      const r = prOut(s, B1, sa, { key: KEY_B, saKey: '0x0', type: 'WE' });
      expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x26, 0x00) });
      expect(r.state).toEqual(s);
    });

    it('lets the holder preempt its own key to change the TYPE: A.1 keeps its registration, A.2 is removed (reference §4.6)', () => {
      const s = held('WE');
      const r = prOut(s, A1, sa, { key: KEY_A, saKey: KEY_A, type: 'EA' });
      expect(r.state.pr.reservation).toEqual({ type: 3, scope: 0, holder: A1 });
      expect(registered(r.state)).toEqual([A1, B1, B2, C1]);
      expect(pending(r.state)).toEqual([`${A2} REGISTRATIONS PREEMPTED`, `${B1} RESERVATIONS RELEASED`, `${B2} RESERVATIONS RELEASED`, `${C1} RESERVATIONS RELEASED`]);
    });

    it('lets non-holder path A.2 that shares the holder\'s key preempt holder path A.1', () => {
      const s = held('WE_RO');
      const r = prOut(s, A2, sa, { key: KEY_A, saKey: KEY_A, type: 'WE_RO' });
      expect(r.state.pr.reservation).toEqual({ type: 5, scope: 0, holder: A2 });
      expect(registered(r.state)).toEqual([A2, B1, B2, C1]);
      expect(pending(r.state)).toEqual([`${A1} REGISTRATIONS PREEMPTED`]);
    });

    it('gives a registrant with the wrong RESERVATION KEY RESERVATION CONFLICT and changes nothing', () => {
      const s = held();
      const r = prOut(s, B1, sa, { key: KEY_C, saKey: KEY_A, type: 'WE' });
      expect(r.result.status).toBe('RESERVATION_CONFLICT');
      expect(r.state).toEqual(s);
    });
  });

  describe.each(['WE_AR', 'EA_AR'] as const)('%s created by A.1', (arType) => {
    const held = () => reserveAs(registerKey(registeredLab(), C1, KEY_C), A1, KEY_A, arType);

    it('preempts the reservation with SA key 0: B.1 holds the CDB TYPE alone and every other registration goes (reference §9.2)', () => {
      const s = held();
      const r = prOut(s, B1, sa, { key: KEY_B, saKey: '0x0', type: 'WE_RO' });
      expect(r.result.status).toBe('GOOD');
      expect(r.state.pr.reservation).toEqual({ type: 5, scope: 0, holder: B1 });
      expect(registered(r.state)).toEqual([B1]);
      expect(pending(r.state)).toEqual([
        `${A1} REGISTRATIONS PREEMPTED`,
        `${A2} REGISTRATIONS PREEMPTED`,
        `${B2} REGISTRATIONS PREEMPTED`,
        `${C1} REGISTRATIONS PREEMPTED`,
      ]);
    });

    it('only removes registrations with a non-zero SA key, even the creator\'s: the all-registrants reservation stays (spec, CTL, SCST, SPDK, STGT; LIO differs)', () => {
      const s = held();
      const r = prOut(s, B1, sa, { key: KEY_B, saKey: KEY_A, type: 'WE' });
      expect(r.state.pr.reservation).toEqual({ type: arType === 'WE_AR' ? 7 : 8, scope: 0, holder: null });
      expect(registered(r.state)).toEqual([B1, B2, C1]);
    });

    it('ends the all-registrants reservation when the caller removes the last registrations, its own included', () => {
      let s = reserveAs(registerKey(registerKey(freshLun(), A1, KEY_A), A2, KEY_A), A1, KEY_A, arType);
      s = prOut(s, A1, sa, { key: KEY_A, saKey: KEY_A, type: 'WE' }).state;
      expect(s.pr.registrations).toEqual([]);
      expect(s.pr.reservation).toBeNull();
    });
  });
});

describe('PREEMPT versus PREEMPT AND ABORT effects (spc4r17 §5.7.11.5)', () => {
  it('reports the preempted nexuses in effects.abortTasksOf only for PREEMPT AND ABORT', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE');
    expect(prOut(s, B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'WE' }).effects).toEqual({ abortTasksOf: [], abortedTags: [] });
    expect(prOut(s, B1, 'PREEMPT_AND_ABORT', { key: KEY_B, saKey: KEY_A, type: 'WE' }).effects).toEqual({ abortTasksOf: [A1, A2], abortedTags: [] });
  });

  it('makes identical state changes for both', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'EA_RO');
    const p = prOut(s, B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'EA' }).state;
    const pa = prOut(s, B1, 'PREEMPT_AND_ABORT', { key: KEY_B, saKey: KEY_A, type: 'EA' }).state;
    expect(pa).toEqual(p);
  });

  it('gives an unregistered nexus RESERVATION CONFLICT (every implementation)', () => {
    const s = registeredLab();
    expect(prOut(s, C1, 'PREEMPT_AND_ABORT', { key: '0x0', saKey: KEY_A, type: 'WE' }).result.status).toBe('RESERVATION_CONFLICT');
  });
});
