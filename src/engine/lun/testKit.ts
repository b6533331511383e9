// Shared set-up for this folder's tests (no test framework inside: set-up steps throw with the
// device server's own "why?" when they do not end in GOOD, so a broken step names its rule).
//
// The lab topology: hosts A and B have two paths each (A.1/B.1 through target port 1, A.2/B.2
// through target port 2), host C one path (C.1). Keys: A's paths 0xa0a0, B's 0xb0b0, C's 0xc0c0.

import type { NexusId, PrKey } from '../model/ids';
import { nexusId } from '../model/ids';
import type { LunEffects, NexusDescriptor, PrTypeName, ScsiCommand, ScsiResult, Sense } from './api';
import type { PrInActionName, PrOutActionName } from './cdb';
import { buildPrInCdb, buildPrOutCdb, buildPrOutParams, buildReadCdb, buildTestUnitReadyCdb, buildWriteCdb } from './cdb';
import { executeCommand } from './deviceServer';
import type { LunState } from './state';
import { createLun } from './state';

export const A1 = nexusId('A', 1);
export const A2 = nexusId('A', 2);
export const B1 = nexusId('B', 1);
export const B2 = nexusId('B', 2);
export const C1 = nexusId('C', 1);

export const KEY_A = '0xa0a0' as PrKey;
export const KEY_B = '0xb0b0' as PrKey;
export const KEY_C = '0xc0c0' as PrKey;

export const port = (host: string, path: number): string => `iqn.2026-11.lab:node-${host.toLowerCase()},i,0x${path.toString(16).padStart(12, '0')}`;

const descriptor = (host: string, path: number): NexusDescriptor => ({
  id: nexusId(host, path),
  initiatorPort: port(host, path),
  host,
  relativeTargetPort: path,
});

export const LAB_NEXUSES: NexusDescriptor[] = [descriptor('A', 1), descriptor('A', 2), descriptor('B', 1), descriptor('B', 2), descriptor('C', 1)];

export const freshLun = (): LunState =>
  createLun({ lun: 0, serial: 'RESLAB0001', blocks: 2048, nexuses: LAB_NEXUSES.map((d) => ({ ...d })), bus: 'bus0' });

export interface Run {
  state: LunState;
  result: ScsiResult;
  effects: LunEffects;
}

export const run = (state: LunState, nexus: NexusId, cdb: number[], dataOut?: number[], extra: Partial<ScsiCommand> = {}): Run =>
  executeCommand(state, { nexus, cdb, ...(dataOut ? { dataOut } : {}), ...extra });

export interface PrOutArgs {
  key?: PrKey | string;
  saKey?: PrKey | string;
  type?: PrTypeName | number;
  scope?: number;
  aptpl?: boolean;
  allTgPt?: boolean;
  specIPt?: boolean;
}

export function prOut(state: LunState, nexus: NexusId, sa: PrOutActionName | number, a: PrOutArgs = {}): Run {
  const params = buildPrOutParams({ key: a.key, saKey: a.saKey, aptpl: a.aptpl, allTgPt: a.allTgPt, specIPt: a.specIPt });
  return run(state, nexus, buildPrOutCdb(sa, { type: a.type, scope: a.scope }), params);
}

export const prIn = (state: LunState, nexus: NexusId, sa: PrInActionName, allocationLength?: number): Run =>
  run(state, nexus, buildPrInCdb(sa, allocationLength));

export const tur = (state: LunState, nexus: NexusId): Run => run(state, nexus, buildTestUnitReadyCdb());
export const read = (state: LunState, nexus: NexusId, lba = 0, blocks = 1): Run => run(state, nexus, buildReadCdb(lba, blocks));
export const write = (state: LunState, nexus: NexusId, lba = 0, fill = 0x5a, blocks = 1): Run =>
  run(state, nexus, buildWriteCdb(lba, blocks), new Array<number>(512 * blocks).fill(fill));

/** Requires GOOD, else throws with the rule (a set-up step that fails says why). */
export function ok(r: Run, what = 'set-up step'): LunState {
  if (r.result.status !== 'GOOD') throw new Error(`${what} ended in ${r.result.status}: ${r.result.rule}`);
  return r.state;
}

export const registerKey = (state: LunState, nexus: NexusId, key: PrKey | string, aptpl = false): LunState =>
  ok(prOut(state, nexus, 'REGISTER', { saKey: key, aptpl }), `REGISTER ${key} on ${nexus}`);

export const reserveAs = (state: LunState, nexus: NexusId, key: PrKey | string, type: PrTypeName): LunState =>
  ok(prOut(state, nexus, 'RESERVE', { key, type }), `RESERVE ${type} on ${nexus}`);

/** A.1, A.2 registered with KEY_A, B.1, B.2 with KEY_B; C.1 unregistered. */
export function registeredLab(): LunState {
  let s = freshLun();
  s = registerKey(s, A1, KEY_A);
  s = registerKey(s, A2, KEY_A);
  s = registerKey(s, B1, KEY_B);
  s = registerKey(s, B2, KEY_B);
  return s;
}

/** Drains every pending unit attention of the nexus with TEST UNIT READY; returns them in order. */
export function drainUnitAttentions(state: LunState, nexus: NexusId): { state: LunState; reported: Sense[] } {
  const reported: Sense[] = [];
  let s = state;
  for (let i = 0; i < 32; i++) {
    const r = tur(s, nexus);
    if (r.result.status !== 'CHECK_CONDITION' || r.result.sense?.key !== 6) return { state: s, reported };
    reported.push(r.result.sense);
    s = r.state;
  }
  throw new Error(`${nexus} still reports unit attentions after 32 commands`);
}

export const ua = (asc: number, ascq: number): Sense => ({ key: 6, asc, ascq });
export const illegal = (asc: number, ascq: number): Sense => ({ key: 5, asc, ascq });
