// Unit attention conditions, queued per I_T nexus (reference §2, §6).
//
// Reporting (SAM-4 §5.14; SPC-4 INQUIRY, REPORT LUNS and REQUEST SENSE; LIO
// core_scsi3_ua_check()): the next command on the nexus other than INQUIRY, REPORT LUNS and
// REQUEST SENSE ends in CHECK CONDITION, UNIT ATTENTION with the oldest condition, which is then
// cleared: each condition is reported once. The check runs before any reservation check, so a
// unit attention wins over RESERVATION CONFLICT (reference §6, §9.9). REQUEST SENSE returns the
// condition as its sense data and clears it.
//
// Queueing (SAM-4 §5.14 priority list, as LIO core_scsi3_ua_allocate() implements it): a
// condition already pending with the same ASC/ASCQ is not queued twice; 29h (power on / reset)
// conditions go ahead of all others, lower ASCQ first; everything else is first in, first out.

import type { NexusId } from '../model/ids';
import type { Sense } from './api';
import { OP } from './opcodes';
import { SENSE_KEY, senseLabel } from './sense';
import type { LunState, PendingUnitAttention } from './state';

export interface UnitAttentionCode {
  asc: number;
  ascq: number;
}

export const UA = {
  /** Power on (and target reset): POWER ON, RESET, OR BUS DEVICE RESET OCCURRED. */
  POWER_ON_RESET: { asc: 0x29, ascq: 0x00 },
  /** Bus reset: SCSI BUS RESET OCCURRED. */
  SCSI_BUS_RESET: { asc: 0x29, ascq: 0x02 },
  /** LOGICAL UNIT RESET: BUS DEVICE RESET FUNCTION OCCURRED (LIO target_tmr_work()). */
  BUS_DEVICE_RESET_FUNCTION: { asc: 0x29, ascq: 0x03 },
  /** I_T nexus loss (SAM-4): I_T NEXUS LOSS OCCURRED. */
  I_T_NEXUS_LOSS: { asc: 0x29, ascq: 0x07 },
  RESERVATIONS_PREEMPTED: { asc: 0x2a, ascq: 0x03 },
  RESERVATIONS_RELEASED: { asc: 0x2a, ascq: 0x04 },
  REGISTRATIONS_PREEMPTED: { asc: 0x2a, ascq: 0x05 },
} as const satisfies Record<string, UnitAttentionCode>;

/** Commands that neither report nor clear a pending unit attention (SAM-4 §5.14, SPC-4). */
export function reportsUnitAttention(opcode: number): boolean {
  return opcode !== OP.INQUIRY && opcode !== OP.REPORT_LUNS && opcode !== OP.REQUEST_SENSE;
}

export const unitAttentionSense = (ua: UnitAttentionCode): Sense => ({ key: SENSE_KEY.UNIT_ATTENTION, asc: ua.asc, ascq: ua.ascq });

export const unitAttentionLabel = (ua: UnitAttentionCode): string => senseLabel(unitAttentionSense(ua));

const rank = (ua: UnitAttentionCode): number => (ua.asc === 0x29 ? ua.ascq : 0x100);

function insert(list: PendingUnitAttention[], nexus: NexusId, ua: UnitAttentionCode): PendingUnitAttention[] {
  if (list.some((p) => p.nexus === nexus && p.asc === ua.asc && p.ascq === ua.ascq)) return list;
  const entry: PendingUnitAttention = { nexus, asc: ua.asc, ascq: ua.ascq };
  const at = list.findIndex((p) => p.nexus === nexus && rank(p) > rank(ua));
  return at < 0 ? [...list, entry] : [...list.slice(0, at), entry, ...list.slice(at)];
}

/** Establishes `ua` for each nexus in `nexuses` (in that order). */
export function establishUnitAttention(state: LunState, nexuses: readonly NexusId[], ua: UnitAttentionCode): LunState {
  if (nexuses.length === 0) return state;
  let list = state.unitAttentions;
  for (const n of nexuses) list = insert(list, n, ua);
  return list === state.unitAttentions ? state : { ...state, unitAttentions: list };
}

/** Every configured nexus, for resets and power on. */
export const allNexusIds = (state: LunState): NexusId[] => state.nexuses.map((n) => n.id);

/** The condition the nexus's next command would report, without clearing it. */
export const nextUnitAttention = (state: LunState, nexus: NexusId): PendingUnitAttention | undefined =>
  state.unitAttentions.find((p) => p.nexus === nexus);

/** Reports (removes and returns) the nexus's next condition. */
export function takeUnitAttention(state: LunState, nexus: NexusId): { state: LunState; ua: PendingUnitAttention } | null {
  const at = state.unitAttentions.findIndex((p) => p.nexus === nexus);
  if (at < 0) return null;
  const ua = state.unitAttentions[at]!;
  return { state: { ...state, unitAttentions: state.unitAttentions.filter((_, i) => i !== at) }, ua };
}
