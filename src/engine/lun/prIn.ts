// PERSISTENT RESERVE IN (5Eh): the four service actions' data-in layouts (spc4r17 §6.13), cut
// to the ALLOCATION LENGTH (CDB bytes 7-8). Admission: reference §5 (any nexus while a persistent
// reservation exists; RESERVATION CONFLICT while an SPC-2 reservation exists, see access.ts).

import type { ScsiCommand } from './api';
import { be16, be32, readBe16 } from './bytes';
import { keyToBytes } from './keys';
import { LU_SCOPE, PR_IN, PR_IN_NAME } from './opcodes';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, truncate, unchanged } from './sense';
import type { LunState } from './state';
import { findNexus, holdsReservation, reservationKey } from './state';
import { encodeTransportId } from './transportId';

/** What REPORT CAPABILITIES advertises (reference §5 and the notes in prOut.ts). */
export const CAPABILITIES = {
  /** Compatible reservation handling: SPC-2 RESERVE/RELEASE exceptions of spc4r17 §5.7.3. */
  CRH: true,
  /** SPEC_I_PT not supported. */
  SIP_C: false,
  /** ALL_TG_PT not supported. */
  ATP_C: false,
  /** APTPL supported. */
  PTPL_C: true,
} as const;

export function persistentReserveIn(state: LunState, cmd: ScsiCommand): Outcome {
  const sa = (cmd.cdb[1] ?? 0) & 0x1f;
  const allocation = readBe16(cmd.cdb, 7);
  const name = PR_IN_NAME[sa];
  let data: number[];
  let what: string;
  switch (sa) {
    case PR_IN.READ_KEYS:
      data = readKeysData(state);
      what = `${state.pr.registrations.length} key(s), PRgeneration ${state.pr.generation}`;
      break;
    case PR_IN.READ_RESERVATION:
      data = readReservationData(state);
      what = state.pr.reservation === null ? 'no persistent reservation' : `reservation key ${reservationKey(state)} (0 for all-registrants types, spc4r17 §5.7.10)`;
      break;
    case PR_IN.REPORT_CAPABILITIES:
      data = reportCapabilitiesData(state);
      what = `CRH=1, SIP_C=0, ATP_C=0, PTPL_C=1, PTPL_A=${state.pr.aptpl ? 1 : 0}, all six types`;
      break;
    case PR_IN.READ_FULL_STATUS:
      data = readFullStatusData(state);
      what = `${state.pr.registrations.length} descriptor(s)`;
      break;
    default:
      return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, `spc4r17 §6.13.1: service action ${sa.toString(16)}h is not a PERSISTENT RESERVE IN service action (00h-03h)`));
  }
  const out = truncate(data, allocation);
  const cut = out.length < data.length ? `, cut to ALLOCATION LENGTH ${allocation} of ${data.length} bytes (the length fields still give the full size)` : '';
  return unchanged(state, good(`spc4r17 §6.13: PERSISTENT RESERVE IN ${name} returns ${what}${cut}`, out));
}

/**
 * READ KEYS (spc4r17 §6.13.2): PRGENERATION, ADDITIONAL LENGTH = 8 x registrations, then one key
 * per registered I_T nexus in registration order. Truncation keeps ADDITIONAL LENGTH at the full
 * size (SPC-5 r17 §6.16.2 as quoted by current LIO; libiscsi test_prin_read_keys_truncate).
 */
export function readKeysData(state: LunState): number[] {
  const keys = state.pr.registrations.flatMap((r) => keyToBytes(r.key));
  return [...be32(state.pr.generation), ...be32(keys.length), ...keys];
}

/**
 * READ RESERVATION (spc4r17 §6.13.3): PRGENERATION, ADDITIONAL LENGTH 0 or 16, then RESERVATION
 * KEY (bytes 8-15), obsolete 16-19, reserved 20, SCOPE|TYPE (21), obsolete 22-23.
 */
export function readReservationData(state: LunState): number[] {
  const res = state.pr.reservation;
  if (res === null) return [...be32(state.pr.generation), ...be32(0)];
  const key = keyToBytes(reservationKey(state)!);
  return [...be32(state.pr.generation), ...be32(16), ...key, 0, 0, 0, 0, 0, (LU_SCOPE << 4) | res.type, 0, 0];
}

/**
 * REPORT CAPABILITIES (spc4r17 §6.13.4): LENGTH 8; byte 2 CRH (10h), SIP_C (08h), ATP_C (04h),
 * PTPL_C (01h); byte 3 TMV (80h), ALLOW COMMANDS 001b (10h, as LIO: TEST UNIT READY passes WE/EA
 * reservations), PTPL_A (01h); bytes 4-5 the type mask: WR_EX_AR 80h, EX_AC_RO 40h, WR_EX_RO
 * 20h, EX_AC 08h, WR_EX 02h, then EX_AC_AR 01h in byte 5.
 */
export function reportCapabilitiesData(state: LunState): number[] {
  let b2 = 0;
  if (CAPABILITIES.CRH) b2 |= 0x10;
  if (CAPABILITIES.SIP_C) b2 |= 0x08;
  if (CAPABILITIES.ATP_C) b2 |= 0x04;
  if (CAPABILITIES.PTPL_C) b2 |= 0x01;
  const b3 = 0x80 | 0x10 | (state.pr.aptpl ? 0x01 : 0);
  return [...be16(8), b2, b3, 0x80 | 0x40 | 0x20 | 0x08 | 0x02, 0x01, 0, 0];
}

/**
 * READ FULL STATUS (spc4r17 §6.13.5): PRGENERATION, ADDITIONAL LENGTH, then per registration:
 * RESERVATION KEY (0-7), reserved (8-11), byte 12 ALL_TG_PT (02h) | R_HOLDER (01h), byte 13
 * SCOPE|TYPE when R_HOLDER, reserved (14-17), RELATIVE TARGET PORT IDENTIFIER (18-19),
 * ADDITIONAL DESCRIPTOR LENGTH (20-23), the initiator's iSCSI TransportID. Every registrant of an
 * all-registrants reservation has R_HOLDER set (reference §5).
 */
export function readFullStatusData(state: LunState): number[] {
  const res = state.pr.reservation;
  const descriptors = state.pr.registrations.flatMap((r) => {
    const nexus = findNexus(state, r.nexus);
    const holder = res !== null && holdsReservation(state, r.nexus);
    const tid = encodeTransportId(nexus?.initiatorPort ?? r.nexus);
    return [
      ...keyToBytes(r.key),
      0, 0, 0, 0,
      holder ? 0x01 : 0x00,
      holder ? (LU_SCOPE << 4) | res.type : 0,
      0, 0, 0, 0,
      ...be16(nexus?.relativeTargetPort ?? 0),
      ...be32(tid.length),
      ...tid,
    ];
  });
  return [...be32(state.pr.generation), ...be32(descriptors.length), ...descriptors];
}
