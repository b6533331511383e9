// PRgeneration (reference §4.1; the PRGENERATION description of READ KEYS, spc4r17 §6.13.2, cited
// by LIO core_scsi3_pr_generation(); libiscsi test_prout_clear_simple "+1 for CLEAR, not for
// RESERVE", test_prout_preempt "+1 for PREEMPT").

import { describe, expect, it } from 'vitest';
import { buildPrOutCdb, buildRegisterAndMoveParams } from './cdb';
import { decodeReadKeys } from './decode';
import { powerCycle } from './resets';
import type { LunState } from './state';
import { A1, B1, C1, KEY_A, KEY_B, port, prIn, prOut, registeredLab, reserveAs, run } from './testKit';
import type { Run } from './testKit';

const base = (): LunState => reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');

const cases: [string, (s: LunState) => Run, number][] = [
  ['REGISTER of a new key', (s) => prOut(s, C1, 'REGISTER', { saKey: '0xc1' }), 1],
  ['REGISTER replacing a key', (s) => prOut(s, B1, 'REGISTER', { key: KEY_B, saKey: '0xb2' }), 1],
  ['REGISTER unregistering (LIO does not count it)', (s) => prOut(s, B1, 'REGISTER', { key: KEY_B, saKey: '0x0' }), 1],
  ['REGISTER of key 0 by an unregistered nexus (disputed)', (s) => prOut(s, C1, 'REGISTER', { saKey: '0x0' }), 1],
  ['REGISTER AND IGNORE EXISTING KEY', (s) => prOut(s, B1, 'REGISTER_AND_IGNORE_EXISTING_KEY', { saKey: '0xb3' }), 1],
  ['RESERVE by the holder again', (s) => prOut(s, A1, 'RESERVE', { key: KEY_A, type: 'WE_RO' }), 0],
  ['RELEASE', (s) => prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'WE_RO' }), 0],
  ['CLEAR (once, however many registrations go)', (s) => prOut(s, B1, 'CLEAR', { key: KEY_B }), 1],
  ['PREEMPT of two paths (once)', (s) => prOut(s, B1, 'PREEMPT', { key: KEY_B, saKey: KEY_A, type: 'WE_RO' }), 1],
  ['PREEMPT AND ABORT of two paths (once)', (s) => prOut(s, B1, 'PREEMPT_AND_ABORT', { key: KEY_B, saKey: KEY_A, type: 'EA' }), 1],
  [
    'REGISTER AND MOVE',
    (s) => {
      const p = buildRegisterAndMoveParams({ key: KEY_A, saKey: '0xc3', relativeTargetPort: 1, initiatorPort: port('C', 1) });
      return run(s, A1, buildPrOutCdb('REGISTER_AND_MOVE', { parameterListLength: p.length }), p);
    },
    1,
  ],
  ['PERSISTENT RESERVE IN', (s) => prIn(s, C1, 'READ_FULL_STATUS'), 0],
  ['a PR OUT ending in RESERVATION CONFLICT', (s) => prOut(s, C1, 'PREEMPT', { saKey: KEY_A, type: 'WE' }), 0],
  ['a PR OUT ending in CHECK CONDITION', (s) => prOut(s, A1, 'RELEASE', { key: KEY_A, type: 'EA' }), 0],
];

describe('PRgeneration (reference §4.1)', () => {
  it.each(cases)('%s adds %i', (_what, act, delta) => {
    const s = base();
    const r = act(s);
    expect(r.state.pr.generation).toBe(s.pr.generation + delta);
    expect(decodeReadKeys(prIn(r.state, C1, 'READ_KEYS').result.dataIn).generation).toBe(s.pr.generation + delta);
  });

  it('is a 32-bit counter that wraps from FFFFFFFFh to 0', () => {
    const s: LunState = { ...base(), pr: { ...base().pr, generation: 0xffffffff } };
    expect(prOut(s, C1, 'REGISTER', { saKey: '0xc1' }).state.pr.generation).toBe(0);
  });

  it('restarts at 0 after a power cycle, with or without APTPL (SPC reading; LIO counts restored registrations)', () => {
    const s = base();
    expect(s.pr.generation).toBe(4);
    expect(powerCycle(s).pr.generation).toBe(0);
    const persistent = prOut(s, A1, 'REGISTER', { key: KEY_A, saKey: KEY_A, aptpl: true }).state;
    expect(powerCycle(persistent).pr.generation).toBe(0);
  });
});
