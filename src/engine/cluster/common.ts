// Shared pieces of the cluster personalities: their input, events, keys, quorum, and builders for
// the effects they emit. Pure functions only; the machines stay declarative.

import { buildPrInCdb, buildPrOutCdb, buildPrOutParams, decodeReadKeys, decodeReadReservation, PR_TYPE } from '../lun';
import type { NodeId, PrKey } from '../model/ids';
import type { Personality, ScenarioParams } from '../model/scenario';
import type { ClusterMessage } from '../model/world';
import type { ScsiResultEvent } from '../storage/transport';

export interface ClusterInput {
  self: NodeId;
  nodes: NodeId[];
  personality: Personality;
  pathsPerNode: number;
  params: ScenarioParams;
  /** Each node's persistent reservation key (SCSI-3 personalities). */
  keys: Record<string, PrKey>;
}

export type MembershipChanged = { type: 'MEMBERSHIP.CHANGED'; members: NodeId[]; lost: NodeId[]; joined: NodeId[] };

export type ClusterEvent =
  | MembershipChanged
  | ScsiResultEvent
  | { type: 'NODE.CRASH' }
  | { type: 'NODE.BOOT' }
  | { type: 'APP.IO_ERROR'; status: string }
  | { type: 'FENCE.RESULT'; victim: NodeId; ok: boolean }
  | { type: 'CLUSTER.MESSAGE'; from: NodeId; message: ClusterMessage }
  | { type: 'ADMIN.MOVE'; to: NodeId }
  | { type: `TIMER.${string}` };

/** Effects every personality may emit (see cluster/effects.ts, storage/app.ts, sim/actors.ts). */
export type ClusterEffect =
  | { type: 'scsi.send'; via: number | 'mpath'; cdb: number[]; dataOut?: number[]; tmf?: 'lun' | 'target' | 'bus'; purpose: string; label?: string }
  | { type: 'timer.set'; name: string; delayMs: number; jitterMaxMs?: number; periodic?: boolean }
  | { type: 'timer.cancel'; name: string }
  | { type: 'app.mount' }
  | { type: 'app.unmount'; why: string }
  /** Power-fence `victim` after pcmk_delay_base (`delayMs`) plus a random part up to pcmk_delay_max. */
  | { type: 'fence.power'; victim: NodeId; delayMs?: number; jitterMaxMs?: number }
  | { type: 'cluster.send'; to: NodeId | 'all'; message: ClusterMessage }
  | { type: 'node.reboot'; why: string; rule: string }
  | { type: 'cluster.note'; kind: string; summary: string; rule?: string; notable?: boolean; data?: Record<string, string | number | boolean | null> };

/** fence_scsi key_value=id: 4 hex digits of the cluster name's MD5, then the node's index (PR #289). */
export function fenceScsiKey(prefix: string, index: number): PrKey {
  return `0x${(prefix + String(index).padStart(4, '0')).replace(/^0+/, '') || '0'}`.toLowerCase() as PrKey;
}

/** A generic 8-byte key derived from the node id (Windows' real layout is undocumented: research §2.2). */
export function windowsKey(index: number): PrKey {
  return `0x${(0x5753464300000000n + BigInt(index + 1)).toString(16)}` as PrKey;
}

export function keysFor(personality: Personality, nodes: readonly NodeId[], prefix: string): Record<string, PrKey> {
  const keys: Record<string, PrKey> = {};
  nodes.forEach((n, i) => {
    keys[n] = personality === 'wsfc-2008' ? windowsKey(i) : fenceScsiKey(prefix, i);
  });
  return keys;
}

/** Majority of the configured nodes, or votequorum two_node for a two-node cluster. */
export function isQuorate(members: readonly NodeId[], nodes: readonly NodeId[], twoNode: boolean): boolean {
  if (twoNode && nodes.length === 2) return members.length >= 1;
  return members.length * 2 > nodes.length;
}

/** The designated coordinator of a partition: its lowest node id (it fences and places resources). */
export const coordinatorOf = (members: readonly NodeId[]): NodeId => [...members].sort()[0]!;

// ---- SCSI command builders (the effect objects machines emit) ----------------------------------

export function prOut(
  sa: 'REGISTER' | 'REGISTER_AND_IGNORE_EXISTING_KEY' | 'RESERVE' | 'RELEASE' | 'CLEAR' | 'PREEMPT' | 'PREEMPT_AND_ABORT',
  opts: { key?: string; saKey?: string; type?: ScenarioParams['prType']; aptpl?: boolean; via: number | 'mpath'; purpose: string },
): ClusterEffect {
  return {
    type: 'scsi.send',
    via: opts.via,
    cdb: buildPrOutCdb(sa, { type: opts.type ? PR_TYPE[opts.type] : 0 }),
    dataOut: buildPrOutParams({ key: opts.key, saKey: opts.saKey, aptpl: opts.aptpl }),
    purpose: opts.purpose,
  };
}

export function prIn(sa: 'READ_KEYS' | 'READ_RESERVATION', via: number | 'mpath', purpose: string): ClusterEffect {
  return { type: 'scsi.send', via, cdb: buildPrInCdb(sa), purpose };
}

export function note(kind: string, summary: string, rule?: string, notable = true, data?: Record<string, string | number | boolean | null>): ClusterEffect {
  return data ? { type: 'cluster.note', kind, summary, rule, notable, data } : { type: 'cluster.note', kind, summary, rule, notable };
}

/** Keys listed by a READ KEYS answer (empty when the command failed). */
export function keysIn(result: ScsiResultEvent): string[] {
  if (result.status !== 'GOOD') return [];
  return decodeReadKeys(result.dataIn).keys;
}

/** The reservation in a READ RESERVATION answer, or null. */
export function reservationIn(result: ScsiResultEvent): { key: string; type: number } | null {
  if (result.status !== 'GOOD') return null;
  const r = decodeReadReservation(result.dataIn).reservation;
  return r ? { key: r.key, type: r.type } : null;
}

export const isResult = (e: { type: string }, purpose: string): e is ScsiResultEvent => e.type === 'SCSI.RESULT' && (e as ScsiResultEvent).purpose === purpose;
