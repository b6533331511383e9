// The LUN's state: plain JSON data (no Map, Set, bigint or class), never mutated in place.

import type { NexusId, PrKey } from '../model/ids';
import type { LunConfig, NexusDescriptor, ScsiCommand } from './api';
import type { PrTypeCode } from './opcodes';
import { isAllRegistrantsType } from './opcodes';

export const BLOCK_SIZE = 512;

/** One registration: an I_T nexus and its 8-byte reservation key (reference §2). */
export interface Registration {
  nexus: NexusId;
  key: PrKey;
}

/** The persistent reservation: at most one per LU, scope LU. */
export interface PersistentReservation {
  type: PrTypeCode;
  /** Only LU_SCOPE (0h) exists. */
  scope: 0;
  /** The holding I_T nexus; null for WE_AR/EA_AR, where every registrant holds it. */
  holder: NexusId | null;
}

export interface PrState {
  /** PRgeneration, a 32-bit wrapping counter (reference §4.1). */
  generation: number;
  /** APTPL state set by the most recent REGISTER-type command (reference §8). */
  aptpl: boolean;
  /** Registrations in registration order (READ KEYS lists them in this order). */
  registrations: Registration[];
  reservation: PersistentReservation | null;
}

/** A unit attention condition waiting on one I_T nexus. */
export interface PendingUnitAttention {
  nexus: NexusId;
  asc: number;
  ascq: number;
}

/** A written logical block: its data and who wrote it last. */
export interface BlockRecord {
  lba: number;
  /** The 512 bytes as hex, trailing zero bytes trimmed (an all-zero block is ""). */
  data: string;
  writer: string;
  nexus: NexusId;
  /** Write sequence number of the WRITE(10) that wrote it (1, 2, ... per LUN). */
  seq: number;
}

export interface LunState {
  lun: number;
  serial: string;
  blockCount: number;
  bus: string | null;
  nexuses: NexusDescriptor[];
  pr: PrState;
  /** The I_T nexus holding an SPC-2 RESERVE(6) reservation. */
  scsi2Holder: NexusId | null;
  /** Per-nexus unit attention queues, flattened; each nexus's entries are in report order. */
  unitAttentions: PendingUnitAttention[];
  /** Written blocks only, in LBA order. */
  blocks: BlockRecord[];
  /** Sequence number of the last accepted WRITE(10). */
  writeSeq: number;
  /** The task set: commands queued with enqueueTask, oldest first. */
  tasks: ScsiCommand[];
}

const plainDescriptor = (d: NexusDescriptor): NexusDescriptor => ({
  id: d.id,
  initiatorPort: d.initiatorPort,
  host: d.host,
  relativeTargetPort: d.relativeTargetPort,
});

/**
 * A LUN that has been running for a while: no registrations, no reservations, nothing written,
 * and no unit attention pending (the initiators are taken to have drained the power-on unit
 * attention already; `powerCycle` shows a fresh one).
 */
export function createLun(config: LunConfig): LunState {
  const ids = new Set<string>();
  for (const d of config.nexuses) {
    if (ids.has(d.id)) throw new Error(`createLun: nexus "${d.id}" is listed twice in config.nexuses; give each I_T nexus one entry`);
    ids.add(d.id);
  }
  if (!Number.isInteger(config.lun) || config.lun < 0 || config.lun > 0x3fff) {
    throw new Error(`createLun: config.lun must be a LUN number from 0 to 16383 (peripheral or flat space addressing), got ${config.lun}`);
  }
  if (!Number.isInteger(config.blocks) || config.blocks < 1 || config.blocks > 0xffffffff) {
    throw new Error(`createLun: config.blocks must be a whole number of 512-byte blocks from 1 to 4294967295, got ${config.blocks}`);
  }
  return {
    lun: config.lun,
    serial: config.serial,
    blockCount: config.blocks,
    bus: config.bus ?? null,
    nexuses: config.nexuses.map(plainDescriptor),
    pr: { generation: 0, aptpl: false, registrations: [], reservation: null },
    scsi2Holder: null,
    unitAttentions: [],
    blocks: [],
    writeSeq: 0,
    tasks: [],
  };
}

/**
 * Presents the LUN on one more I_T nexus (e.g. a standalone host is zoned in). Adding a nexus
 * that is already known returns the state unchanged.
 */
export function addNexus(state: LunState, d: NexusDescriptor): LunState {
  if (state.nexuses.some((n) => n.id === d.id)) return state;
  return { ...state, nexuses: [...state.nexuses, plainDescriptor(d)] };
}

export const findNexus = (state: LunState, id: NexusId): NexusDescriptor | undefined => state.nexuses.find((n) => n.id === id);

export const registrationOf = (state: LunState, nexus: NexusId): Registration | undefined =>
  state.pr.registrations.find((r) => r.nexus === nexus);

export const isRegistered = (state: LunState, nexus: NexusId): boolean => registrationOf(state, nexus) !== undefined;

/**
 * Whether `nexus` holds the persistent reservation: the single holder for WE/EA/WE_RO/EA_RO,
 * any registered nexus for WE_AR/EA_AR (reference §3.1; LIO is_reservation_holder()).
 */
export function holdsReservation(state: LunState, nexus: NexusId): boolean {
  const res = state.pr.reservation;
  if (res === null) return false;
  if (isAllRegistrantsType(res.type)) return isRegistered(state, nexus);
  return res.holder === nexus;
}

/** The key READ RESERVATION reports: the holder's key, 0 for all-registrants types (spc4r17 §5.7.10). */
export function reservationKey(state: LunState): PrKey | null {
  const res = state.pr.reservation;
  if (res === null) return null;
  if (res.holder === null) return '0x0' as PrKey;
  return registrationOf(state, res.holder)?.key ?? ('0x0' as PrKey);
}
