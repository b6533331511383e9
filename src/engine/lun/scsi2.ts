// SPC-2 RESERVE(6) / RELEASE(6) (reference §7): one reservation for the whole LU, held by one
// I_T nexus, so a second path of the same host conflicts too. With persistent reservation
// registrations present the device follows the SPC-3/SPC-4 "exceptions to SPC-2 RESERVE and
// RELEASE behavior" for a device reporting CRH = 1 (spc4r17 §5.7.3, quoted by LIO
// target_check_scsi2_reservation_conflict() and SPDK scsi2_check_reservation_conflict()).

import type { NexusId } from '../model/ids';
import type { ScsiCommand } from './api';
import { isAllRegistrantsType, isRegistrantsOnlyType, prTypeName } from './opcodes';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, noEffects, reservationConflict, unchanged } from './sense';
import type { LunState } from './state';
import { holdsReservation, isRegistered } from './state';

type Which = 'RESERVE(6)' | 'RELEASE(6)';

/**
 * spc4r17 §5.7.3 with CRH = 1: while registrations exist, RESERVE/RELEASE complete with GOOD and
 * do nothing when sent by the persistent reservation holder, or by a registered nexus while a
 * registrants-only or all-registrants reservation exists; otherwise they conflict (spc2r20
 * §5.5.1). We follow the text as SPDK does; LIO only exempts the holder (reference §7.3).
 */
function crhDecision(state: LunState, nexus: NexusId, which: Which): Outcome | null {
  if (state.pr.registrations.length === 0) return null;
  const res = state.pr.reservation;
  if (res !== null && holdsReservation(state, nexus)) {
    return unchanged(state, good(`spc4r17 §5.7.3 (CRH = 1): ${which} from ${nexus}, the persistent reservation holder, completes with GOOD and does nothing`));
  }
  if (res !== null && isRegistered(state, nexus) && (isRegistrantsOnlyType(res.type) || isAllRegistrantsType(res.type))) {
    return unchanged(
      state,
      good(`spc4r17 §5.7.3 (CRH = 1): ${which} from registered ${nexus} while a ${prTypeName(res.type)} reservation exists completes with GOOD and does nothing`),
    );
  }
  return unchanged(
    state,
    reservationConflict(
      `spc2r20 §5.5.1 / spc4r17 §5.7.3: persistent reservation registrations exist and ${nexus} is neither the holder nor a registrant of a registrants-only/all-registrants reservation, so ${which} conflicts`,
    ),
  );
}

/** RESERVE(6) byte 1 holds only obsolete third-party and extent fields; we support neither. */
function obsoleteFieldsSet(cmd: ScsiCommand): boolean {
  return ((cmd.cdb[1] ?? 0) & 0x1f) !== 0;
}

export function reserve6(state: LunState, cmd: ScsiCommand): Outcome {
  if (obsoleteFieldsSet(cmd)) {
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, 'SPC-2 RESERVE(6): third-party and extent reservations (byte 1) are obsolete and not supported (LIO, SPDK answer the same)'));
  }
  const crh = crhDecision(state, cmd.nexus, 'RESERVE(6)');
  if (crh) return crh;
  const holder = state.scsi2Holder;
  if (holder === cmd.nexus) {
    return unchanged(state, good(`SPC-2 RESERVE(6) (libiscsi test_reserve6_simple): ${cmd.nexus} already holds the reservation and may reserve again`));
  }
  if (holder !== null) {
    return unchanged(state, reservationConflict(`SPC-2 RESERVE(6) (reference §7.1): the LU is reserved by ${holder}; a reservation belongs to one I_T nexus, even another path of the same host conflicts`));
  }
  return {
    state: { ...state, scsi2Holder: cmd.nexus },
    result: good(`SPC-2 RESERVE(6) (reference §7.1): the LU is now reserved by I_T nexus ${cmd.nexus}; other nexuses may only run INQUIRY and RELEASE(6)`),
    effects: noEffects(),
  };
}

export function release6(state: LunState, cmd: ScsiCommand): Outcome {
  if (obsoleteFieldsSet(cmd)) {
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, 'SPC-2 RELEASE(6): third-party and extent releases (byte 1) are obsolete and not supported'));
  }
  const crh = crhDecision(state, cmd.nexus, 'RELEASE(6)');
  if (crh) return crh;
  const holder = state.scsi2Holder;
  if (holder !== cmd.nexus) {
    const why = holder === null ? 'nothing is reserved' : `the reservation belongs to ${holder}`;
    return unchanged(state, good(`SPC-2 RELEASE(6) (libiscsi test_reserve6_2initiators): ${why}, so RELEASE(6) from ${cmd.nexus} is GOOD and does nothing`));
  }
  return {
    state: { ...state, scsi2Holder: null },
    result: good(`SPC-2 RELEASE(6) (reference §7.1): ${cmd.nexus} released its reservation; the LU is open to every nexus again`),
    effects: noEffects(),
  };
}
