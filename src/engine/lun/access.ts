// Who may run what while a reservation exists: the RESERVATION CONFLICT decisions made before a
// command runs (reference §3.2, §3.3, §7.1, §7.2). RESERVE(6)/RELEASE(6) under persistent
// reservations are decided by their own handler (CRH = 1 rules, scsi2.ts).

import type { NexusId } from '../model/ids';
import { OP, PR_OUT, PR_OUT_NAME, isAllRegistrantsType, isExclusiveAccessType, prTypeLongName, prTypeName } from './opcodes';
import type { PrTypeCode } from './opcodes';
import type { LunState } from './state';
import { holdsReservation, isRegistered } from './state';

export interface AccessVerdict {
  allowed: boolean;
  /** Why, naming the clause; empty when no reservation of any kind is involved. */
  rule: string;
}

const ALLOWED: AccessVerdict = { allowed: true, rule: '' };

export type MediumDirection = 'read' | 'write';

/** The access matrix of reference §3.2 (libiscsi test_prout_reserve_access). */
export function mediumAccess(state: LunState, nexus: NexusId, direction: MediumDirection): AccessVerdict {
  const res = state.pr.reservation;
  if (res === null) return ALLOWED;
  const type = typeLabel(res.type);
  const op = direction === 'read' ? 'READ' : 'WRITE';
  if (holdsReservation(state, nexus)) {
    const who = isAllRegistrantsType(res.type) ? `registered ${nexus} is a holder` : `${nexus} is the holder`;
    return { allowed: true, rule: `SPC-4 5.7.1 (spc4r17 tables 45/46): ${who} of the ${type} reservation, so it may ${direction}` };
  }
  const registered = isRegistered(state, nexus);
  const who = `${registered ? 'registered' : 'unregistered'} ${nexus}`;
  if (direction === 'read' && !isExclusiveAccessType(res.type)) {
    return { allowed: true, rule: `SPC-4 5.7.1 (spc4r17 tables 45/46): a ${type} reservation shares reads, so ${who} may ${direction}` };
  }
  // Registrants-only types admit every registered nexus (all-registrants types made it a holder above).
  if (registered && (res.type === 5 || res.type === 6)) {
    return { allowed: true, rule: `SPC-4 5.7.1 (spc4r17 tables 45/46): a ${type} reservation admits every registered I_T nexus, so ${who} may ${direction}` };
  }
  const admits = res.type === 1 || res.type === 3 ? 'only the holder' : 'only registered I_T nexuses';
  return {
    allowed: false,
    rule: `SPC-4 5.7.1 (spc4r17 tables 45/46): a ${type} reservation lets ${admits} ${direction}, so ${who} gets RESERVATION CONFLICT on ${op}`,
  };
}

const typeLabel = (code: PrTypeCode): string => `${prTypeLongName(code)} (${prTypeName(code)})`;

/**
 * The reservation check of a command before it runs. `null` CDB fields read as zero; unknown
 * opcodes never reach here.
 */
export function checkAccess(state: LunState, nexus: NexusId, cdb: readonly number[]): AccessVerdict {
  const opcode = cdb[0] ?? -1;
  const isPr = opcode === OP.PERSISTENT_RESERVE_IN || opcode === OP.PERSISTENT_RESERVE_OUT;
  const holder2 = state.scsi2Holder;
  if (holder2 !== null) {
    if (isPr) {
      return {
        allowed: false,
        rule: `spc2r20 §5.5.1 (LIO target_scsi3_emulate_pr_in/out): while ${holder2} holds an SPC-2 RESERVE(6) reservation every PERSISTENT RESERVE IN/OUT conflicts, whoever sends it`,
      };
    }
    if (holder2 !== nexus && opcode !== OP.INQUIRY && opcode !== OP.RELEASE_6) {
      return {
        allowed: false,
        rule: `SPC-2 RESERVE(6) (reference §7.1; LIO target_scsi2_reservation_check()): ${holder2} reserved the LU, so ${nexus} may only run INQUIRY and RELEASE(6)`,
      };
    }
    return ALLOWED;
  }
  const res = state.pr.reservation;
  if (res === null) return ALLOWED;
  switch (opcode) {
    case OP.READ_10:
      return mediumAccess(state, nexus, 'read');
    case OP.WRITE_10:
      return mediumAccess(state, nexus, 'write');
    case OP.PERSISTENT_RESERVE_OUT:
      return holdsReservation(state, nexus) ? ALLOWED : prOutAdmission(state, nexus, (cdb[1] ?? 0) & 0x1f, res.type);
    default:
      // INQUIRY, REPORT LUNS, REQUEST SENSE, READ CAPACITY, TEST UNIT READY, PR IN: allowed for
      // every nexus and type (reference §3.3). RESERVE(6)/RELEASE(6): scsi2.ts (CRH = 1).
      return ALLOWED;
  }
}

/** PR OUT from a nexus that does not hold the existing reservation (reference §3.3). */
function prOutAdmission(state: LunState, nexus: NexusId, sa: number, type: PrTypeCode): AccessVerdict {
  const registered = isRegistered(state, nexus);
  const name = PR_OUT_NAME[sa];
  const held = `a ${typeLabel(type)} reservation is held by another I_T nexus`;
  switch (sa) {
    case PR_OUT.REGISTER:
    case PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY:
      return ALLOWED;
    case PR_OUT.RESERVE:
      return { allowed: false, rule: `spc4r17 §5.7.9 (LIO core_scsi3_pr_seq_non_holder()): ${held}, so RESERVE from ${nexus} gets RESERVATION CONFLICT` };
    case PR_OUT.RELEASE:
    case PR_OUT.CLEAR:
    case PR_OUT.PREEMPT:
    case PR_OUT.PREEMPT_AND_ABORT:
      if (registered) return ALLOWED;
      return {
        allowed: false,
        rule: `spc4r17 tables 45/46 (LIO core_scsi3_pr_seq_non_holder()): ${held} and ${nexus} is not registered, so ${name} gets RESERVATION CONFLICT`,
      };
    case PR_OUT.REGISTER_AND_MOVE:
      return {
        allowed: false,
        rule: `spc4r17 §5.7.8: only the reservation holder may REGISTER AND MOVE; ${held}, so ${nexus} gets RESERVATION CONFLICT`,
      };
    default:
      return ALLOWED; // an unknown service action is rejected by the PR OUT handler
  }
}
