// REGISTER AND MOVE (spc4r17 §5.7.8 and §6.14.4 as quoted in LIO
// core_scsi3_emulate_pro_register_and_move(); reference §4.7) with iSCSI TransportIDs.

import { describe, expect, it } from 'vitest';
import type { NexusId } from '../model/ids';
import { buildPrOutCdb, buildRegisterAndMoveParams } from './cdb';
import type { RegisterAndMoveParams } from './cdb';
import { describeLun } from './describe';
import type { LunState } from './state';
import { A1, A2, B1, B2, C1, KEY_A, KEY_B, freshLun, illegal, port, registerKey, registeredLab, reserveAs, run } from './testKit';
import type { Run } from './testKit';

/** REGISTER AND MOVE from `from`; `mutate` edits the parameter bytes (PARAMETER LIST LENGTH follows their length). */
function move(s: LunState, from: NexusId, p: Partial<RegisterAndMoveParams>, mutate?: (bytes: number[]) => number[]): Run {
  const bytes = buildRegisterAndMoveParams({ key: KEY_A, saKey: '0x5150', relativeTargetPort: 1, initiatorPort: port('B', 1), ...p });
  const data = mutate ? mutate(bytes) : bytes;
  return run(s, from, buildPrOutCdb('REGISTER_AND_MOVE', { parameterListLength: data.length }), data);
}

const holders = (s: LunState) => describeLun(s).registrations.map((r) => `${r.nexus}=${r.key}${r.holder ? '*' : ''}`);

describe('REGISTER AND MOVE (spc4r17 §5.7.8)', () => {
  it('registers B.1 with the SA key, moves the WE_RO reservation to it with the same TYPE, keeps A.1 registered; PRgeneration +1', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE_RO');
    const r = move(s, A1, {});
    expect(r.result).toMatchObject({ status: 'GOOD', sense: null });
    expect(r.state.pr.reservation).toEqual({ type: 5, scope: 0, holder: B1 });
    expect(holders(r.state)).toEqual([`${A1}=${KEY_A}`, `${B1}=0x5150*`]);
    expect(r.state.pr.generation).toBe(s.pr.generation + 1);
    expect(r.state.unitAttentions).toEqual([]);
  });

  it('overwrites the key of an already registered destination (not an error, spc4r17 §5.7.8 as quoted in LIO)', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'EA');
    const r = move(s, A1, { relativeTargetPort: 2, initiatorPort: port('B', 2) });
    expect(holders(r.state)).toEqual([`${A1}=${KEY_A}`, `${A2}=${KEY_A}`, `${B1}=${KEY_B}`, `${B2}=0x5150*`]);
  });

  it('unregisters the caller when UNREG = 1 and applies the APTPL bit', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    const r = move(s, A1, { unreg: true, aptpl: true });
    expect(holders(r.state)).toEqual([`${B1}=0x5150*`]);
    expect(r.state.pr.aptpl).toBe(true);
  });

  it('accepts a format 00b TransportID (iSCSI name only) when it picks out one I_T nexus on that target port', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    const r = move(s, A1, { initiatorPort: 'iqn.2026-11.lab:node-c', format: 0 });
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.reservation?.holder).toBe(C1);
  });

  it('answers SA key 0 with INVALID FIELD IN PARAMETER LIST (LIO)', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    const r = move(s, A1, { saKey: '0x0' });
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x26, 0x00) });
    expect(r.state).toEqual(s);
  });

  it('answers a TransportID naming the caller\'s own initiator port with INVALID FIELD IN PARAMETER LIST (spc4r17 §5.7.8)', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    expect(move(s, A1, { initiatorPort: port('A', 1) }).result.sense).toEqual(illegal(0x26, 0x00));
    // A format 00b TransportID with the caller's iSCSI name designates the caller's device too.
    expect(move(s, A1, { initiatorPort: 'iqn.2026-11.lab:node-a', relativeTargetPort: 2, format: 0 }).result.sense).toEqual(illegal(0x26, 0x00));
  });

  it('answers a TransportID with no such I_T nexus on that RELATIVE TARGET PORT IDENTIFIER with INVALID FIELD IN PARAMETER LIST', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    expect(move(s, A1, { initiatorPort: port('B', 1), relativeTargetPort: 2 }).result.sense).toEqual(illegal(0x26, 0x00));
    expect(move(s, A1, { initiatorPort: 'iqn.2026-11.lab:node-z,i,0x000000000001' }).result.sense).toEqual(illegal(0x26, 0x00));
  });

  it('answers a TransportID whose PROTOCOL IDENTIFIER is not iSCSI with INVALID FIELD IN PARAMETER LIST', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    const r = move(s, A1, {}, (b) => b.map((x, i) => (i === 24 ? 0x40 | 0x6 : x)));
    expect(r.result.sense).toEqual(illegal(0x26, 0x00));
  });

  it('answers a PARAMETER LIST LENGTH that is not 24 + TRANSPORTID PARAMETER DATA LENGTH with PARAMETER LIST LENGTH ERROR', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    expect(move(s, A1, {}, (b) => [...b, 0, 0, 0, 0]).result.sense).toEqual(illegal(0x1a, 0x00));
    expect(move(s, A1, {}, (b) => b.slice(0, 20)).result.sense).toEqual(illegal(0x1a, 0x00));
  });

  it('answers CHECK CONDITION, INVALID FIELD IN CDB when no reservation exists (LIO, SCST)', () => {
    const s = registerKey(freshLun(), A1, KEY_A);
    const r = move(s, A1, {});
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x24, 0x00) });
    expect(r.state).toEqual(s);
  });

  it.each(['WE_AR', 'EA_AR'] as const)('gives RESERVATION CONFLICT for a %s reservation, which cannot be moved (spc4r17 §5.7.8)', (type) => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, type);
    const r = move(s, A1, {});
    expect(r.result.status).toBe('RESERVATION_CONFLICT');
    expect(r.state).toEqual(s);
  });

  it('gives a registered non-holder RESERVATION CONFLICT', () => {
    const s = reserveAs(registeredLab(), A1, KEY_A, 'WE_RO');
    expect(move(s, B2, { key: KEY_B, initiatorPort: port('C', 1) }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('gives the holder with a wrong RESERVATION KEY, and an unregistered nexus, RESERVATION CONFLICT', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'WE');
    expect(move(s, A1, { key: KEY_B }).result.status).toBe('RESERVATION_CONFLICT');
    expect(move(registerKey(freshLun(), A1, KEY_A), C1, { key: '0x0' }).result.status).toBe('RESERVATION_CONFLICT');
  });

  it('ignores the CDB SCOPE and TYPE (LIO: "Ignore the contents of the (received) SCOPE and TYPE fields")', () => {
    const s = reserveAs(registerKey(freshLun(), A1, KEY_A), A1, KEY_A, 'EA_RO');
    const params = buildRegisterAndMoveParams({ key: KEY_A, saKey: '0x5150', relativeTargetPort: 1, initiatorPort: port('B', 1) });
    const r = run(s, A1, buildPrOutCdb('REGISTER_AND_MOVE', { type: 2, scope: 5, parameterListLength: params.length }), params);
    expect(r.result.status).toBe('GOOD');
    expect(r.state.pr.reservation).toEqual({ type: 6, scope: 0, holder: B1 });
  });
});
