// The access matrix of persistent reservations (SPC-4 5.7.1, spc4r17 tables 45/46; reference
// §3.2/§3.3), exactly as libiscsi test_prout_reserve_access asserts it, and the SPC-2 RESERVE(6)
// access rules (reference §7.1).

import { describe, expect, it } from 'vitest';
import type { NexusId } from '../model/ids';
import type { PrTypeName } from './api';
import { buildInquiryCdb, buildPrInCdb, buildPrOutCdb, buildReadCdb, buildRegisterAndMoveParams, buildTestUnitReadyCdb, buildWriteCdb } from './cdb';
import type { PrOutActionName } from './cdb';
import type { LunState } from './state';
import { A1, A2, B1, C1, KEY_A, KEY_B, KEY_C, freshLun, port, prOut, registerKey, reserveAs, run } from './testKit';
import type { Run } from './testKit';

type Verdict = 'OK' | 'RC';
type Role = 'holder' | 'registrant' | 'non-registrant';
type Command = 'READ' | 'WRITE' | 'PR IN' | 'TEST UNIT READY' | 'INQUIRY';

/** [READ, WRITE] per role; PR IN, TEST UNIT READY and INQUIRY are allowed for everybody (§3.3). */
const MEDIUM: Record<PrTypeName, Record<Role, [Verdict, Verdict]>> = {
  WE: { holder: ['OK', 'OK'], registrant: ['OK', 'RC'], 'non-registrant': ['OK', 'RC'] },
  EA: { holder: ['OK', 'OK'], registrant: ['RC', 'RC'], 'non-registrant': ['RC', 'RC'] },
  WE_RO: { holder: ['OK', 'OK'], registrant: ['OK', 'OK'], 'non-registrant': ['OK', 'RC'] },
  EA_RO: { holder: ['OK', 'OK'], registrant: ['OK', 'OK'], 'non-registrant': ['RC', 'RC'] },
  // All-registrants: the registrant is a holder too (reference §3.1).
  WE_AR: { holder: ['OK', 'OK'], registrant: ['OK', 'OK'], 'non-registrant': ['OK', 'RC'] },
  EA_AR: { holder: ['OK', 'OK'], registrant: ['OK', 'OK'], 'non-registrant': ['RC', 'RC'] },
};

const ROLE_NEXUS: Record<Role, NexusId> = { holder: A1, registrant: B1, 'non-registrant': C1 };

const CDB: Record<Command, number[]> = {
  READ: buildReadCdb(7, 1),
  WRITE: buildWriteCdb(7, 1),
  'PR IN': buildPrInCdb('READ_KEYS'),
  'TEST UNIT READY': buildTestUnitReadyCdb(),
  INQUIRY: buildInquiryCdb(),
};

function reservedBy(type: PrTypeName): LunState {
  let s = freshLun();
  s = registerKey(s, A1, KEY_A);
  s = registerKey(s, B1, KEY_B);
  return reserveAs(s, A1, KEY_A, type);
}

const rows: [PrTypeName, Role, Command, Verdict][] = [];
for (const type of Object.keys(MEDIUM) as PrTypeName[]) {
  for (const role of ['holder', 'registrant', 'non-registrant'] as Role[]) {
    const [r, w] = MEDIUM[type][role];
    rows.push([type, role, 'READ', r], [type, role, 'WRITE', w], [type, role, 'PR IN', 'OK'], [type, role, 'TEST UNIT READY', 'OK'], [type, role, 'INQUIRY', 'OK']);
  }
}

describe('persistent reservation access matrix (SPC-4 5.7.1, spc4r17 tables 45/46; libiscsi test_prout_reserve_access)', () => {
  it.each(rows)('%s held by A.1: the %s gets %s -> %s', (type, role, command, verdict) => {
    const s = reservedBy(type);
    const nexus = ROLE_NEXUS[role];
    const dataOut = command === 'WRITE' ? new Array<number>(512).fill(0x11) : undefined;
    const r = run(s, nexus, CDB[command], dataOut);
    if (verdict === 'RC') {
      expect(r.result).toMatchObject({ status: 'RESERVATION_CONFLICT', sense: null, dataIn: [] });
      expect(r.result.rule).toMatch(/SPC-4 5\.7\.1/);
      expect(r.state).toEqual(s);
    } else {
      expect(r.result.status).toBe('GOOD');
      expect(r.result.sense).toBeNull();
      if (command === 'WRITE') expect(r.state.blocks).toEqual([{ lba: 7, data: '11'.repeat(512), writer: nexus.split('.')[0], nexus, seq: 1 }]);
      if (command === 'READ') expect(r.result.dataIn).toHaveLength(512);
    }
  });

  it('gives every nexus full access once the reservation is gone, registrations alone restrict nothing (reference §3.2)', () => {
    let s = freshLun();
    s = registerKey(s, A1, KEY_A);
    for (const n of [A1, B1, C1]) {
      expect(run(s, n, buildWriteCdb(1), new Array<number>(512).fill(1)).result.status).toBe('GOOD');
      expect(run(s, n, buildReadCdb(1)).result.status).toBe('GOOD');
    }
  });

  it('explains an allowed WRITE by the holder with the access rule (the UI\'s "why?")', () => {
    const s = reservedBy('WE');
    const r = run(s, A1, buildWriteCdb(0), new Array<number>(512).fill(1));
    expect(r.result.rule).toMatch(/^SBC-3 WRITE\(10\).*; SPC-4 5\.7\.1 .*A\.1 is the holder of the Write Exclusive \(WE\) reservation/);
  });
});

describe('PR OUT from a nexus that does not hold the reservation (reference §3.3; LIO core_scsi3_pr_seq_non_holder())', () => {
  const moveTo = (s: LunState, from: NexusId, key: string): Run => {
    const params = buildRegisterAndMoveParams({ key, saKey: '0x77', relativeTargetPort: 2, initiatorPort: port('A', 2) });
    return run(s, from, buildPrOutCdb('REGISTER_AND_MOVE', { parameterListLength: params.length }), params);
  };
  const attempt = (s: LunState, n: NexusId, sa: PrOutActionName | 'MOVE'): Run => {
    const key = n === C1 ? '0x0' : KEY_B;
    switch (sa) {
      case 'MOVE':
        return moveTo(s, n, key);
      case 'REGISTER':
        return prOut(s, n, sa, { key, saKey: KEY_C });
      case 'REGISTER_AND_IGNORE_EXISTING_KEY':
        return prOut(s, n, sa, { saKey: KEY_C });
      default:
        return prOut(s, n, sa, { key, saKey: KEY_A, type: 'WE' });
    }
  };
  const table: [string, NexusId, PrOutActionName | 'MOVE', 'GOOD' | 'RESERVATION_CONFLICT'][] = [
    ['unregistered C.1', C1, 'REGISTER', 'GOOD'],
    ['unregistered C.1', C1, 'REGISTER_AND_IGNORE_EXISTING_KEY', 'GOOD'],
    ['unregistered C.1', C1, 'RESERVE', 'RESERVATION_CONFLICT'],
    ['unregistered C.1', C1, 'RELEASE', 'RESERVATION_CONFLICT'],
    ['unregistered C.1', C1, 'CLEAR', 'RESERVATION_CONFLICT'],
    ['unregistered C.1', C1, 'PREEMPT', 'RESERVATION_CONFLICT'],
    ['unregistered C.1', C1, 'PREEMPT_AND_ABORT', 'RESERVATION_CONFLICT'],
    ['unregistered C.1', C1, 'MOVE', 'RESERVATION_CONFLICT'],
    ['registered B.1', B1, 'REGISTER', 'GOOD'],
    ['registered B.1', B1, 'REGISTER_AND_IGNORE_EXISTING_KEY', 'GOOD'],
    ['registered B.1', B1, 'RESERVE', 'RESERVATION_CONFLICT'],
    ['registered B.1', B1, 'RELEASE', 'GOOD'],
    ['registered B.1', B1, 'CLEAR', 'GOOD'],
    ['registered B.1', B1, 'PREEMPT', 'GOOD'],
    ['registered B.1', B1, 'PREEMPT_AND_ABORT', 'GOOD'],
    ['registered B.1', B1, 'MOVE', 'RESERVATION_CONFLICT'],
  ];
  it.each(table)('WE held by A.1: %s sending %s gets %s', (_who, nexus, sa, status) => {
    const s = reservedBy('WE');
    const r = attempt(s, nexus, sa);
    expect(r.result.status).toBe(status);
    expect(r.result.sense).toBeNull();
    if (status === 'RESERVATION_CONFLICT') expect(r.state).toEqual(s);
  });

  it('lets the holder\'s other path A.2 (same key, not the holder) PREEMPT but not RESERVE (reference §3.1, §4.6)', () => {
    let s = reservedBy('WE');
    s = registerKey(s, A2, KEY_A);
    expect(prOut(s, A2, 'RESERVE', { key: KEY_A, type: 'WE' }).result.status).toBe('RESERVATION_CONFLICT');
    expect(prOut(s, A2, 'PREEMPT', { key: KEY_A, saKey: KEY_A, type: 'WE' }).result.status).toBe('GOOD');
  });
});
