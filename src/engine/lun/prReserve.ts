// RESERVE (01h), RELEASE (02h) and CLEAR (03h). The RESERVATION KEY was verified already, so
// the caller is registered with the key it sent.

import { isAllRegistrantsType, isRegistrantsOnlyType, prTypeLongName, prTypeName } from './opcodes';
import type { PrOutRequest } from './prOut';
import { nextGeneration, registeredNexuses, withPr } from './prTable';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, noEffects, reservationConflict, unchanged } from './sense';
import type { LunState } from './state';
import { holdsReservation } from './state';
import { UA, establishUnitAttention } from './unitAttention';

/** spc4r17 §5.7.9 (reference §4.3). PRgeneration does not change. */
export function reservePersistent(state: LunState, req: PrOutRequest): Outcome {
  const res = state.pr.reservation;
  const type = `${prTypeLongName(req.type)} (${prTypeName(req.type)})`;
  if (res === null) {
    const holder = isAllRegistrantsType(req.type) ? null : req.nexus;
    const who = holder === null ? 'every registered I_T nexus holds it' : `${req.nexus} holds it`;
    return {
      state: withPr(state, { reservation: { type: req.type, scope: 0, holder } }),
      result: good(`spc4r17 §5.7.9: RESERVE created a ${type} reservation; ${who} (PRgeneration unchanged)`),
      effects: noEffects(),
    };
  }
  if (!holdsReservation(state, req.nexus)) {
    return unchanged(state, reservationConflict(`spc4r17 §5.7.9: a ${prTypeName(res.type)} reservation held by another I_T nexus exists, so RESERVE from ${req.nexus} conflicts`));
  }
  if (res.type !== req.type) {
    return unchanged(
      state,
      reservationConflict(
        `spc4r17 §5.7.9: ${req.nexus} holds a ${prTypeName(res.type)} reservation and RESERVE cannot change its type to ${prTypeName(req.type)} (the holder must PREEMPT its own key, reference §9.4)`,
      ),
    );
  }
  return unchanged(state, good(`spc4r17 §5.7.9: ${req.nexus} already holds this ${type} reservation, so RESERVE is GOOD and changes nothing`));
}

/** spc4r17 §5.7.11.2 (reference §4.4). PRgeneration does not change; no registration is removed. */
export function releasePersistent(state: LunState, req: PrOutRequest): Outcome {
  const res = state.pr.reservation;
  if (res === null) return unchanged(state, good('spc4r17 §5.7.11.2: there is no persistent reservation, so RELEASE is GOOD and does nothing'));
  if (!holdsReservation(state, req.nexus)) {
    return unchanged(state, good(`spc4r17 §5.7.11.2: registered ${req.nexus} does not hold the ${prTypeName(res.type)} reservation, so RELEASE is GOOD and changes nothing`));
  }
  if (res.type !== req.type) {
    // Disputed (reference §4.4, §9.5): LIO answers RESERVATION CONFLICT; SPC-4, SCST, CTL,
    // COMSTAR and STGT answer INVALID RELEASE OF PERSISTENT RESERVATION.
    return unchanged(
      state,
      checkCondition(
        SENSE.INVALID_RELEASE_OF_PERSISTENT_RESERVATION,
        `spc4r17 §5.7.11.2: RELEASE names TYPE ${prTypeName(req.type)} but the reservation is ${prTypeName(res.type)}, so INVALID RELEASE OF PERSISTENT RESERVATION and nothing changes`,
      ),
    );
  }
  let next = withPr(state, { reservation: null });
  let uaNote = 'no unit attention for WE/EA';
  if (isRegistrantsOnlyType(res.type) || isAllRegistrantsType(res.type)) {
    next = establishUnitAttention(next, registeredNexuses(next, [req.nexus]), UA.RESERVATIONS_RELEASED);
    uaNote = 'the other registrants get RESERVATIONS RELEASED';
  }
  return {
    state: next,
    result: good(`spc4r17 §5.7.11.2: ${req.nexus} released the ${prTypeName(res.type)} reservation; registrations stay and ${uaNote}`),
    effects: noEffects(),
  };
}

/**
 * spc4r17 §5.7.11.6 (reference §4.5): release any reservation, remove every registration (the
 * caller's too), RESERVATIONS PREEMPTED to the others, PRgeneration +1. Nothing is left to
 * persist, so the APTPL state goes back to 0 (LIO core_scsi3_emulate_pro_clear() rewrites its
 * APTPL file as empty and clears pr_aptpl_active).
 */
export function clear(state: LunState, req: PrOutRequest): Outcome {
  const others = registeredNexuses(state, [req.nexus]);
  const generation = nextGeneration(state.pr.generation);
  let next = withPr(state, { registrations: [], reservation: null, generation, aptpl: false });
  next = establishUnitAttention(next, others, UA.RESERVATIONS_PREEMPTED);
  const released = state.pr.reservation === null ? 'no reservation existed' : `the ${prTypeName(state.pr.reservation.type)} reservation is released`;
  return {
    state: next,
    result: good(
      `spc4r17 §5.7.11.6: CLEAR from ${req.nexus} removed all ${state.pr.registrations.length} registration(s) and ${released}; the others get RESERVATIONS PREEMPTED (PRgeneration ${generation})`,
    ),
    effects: noEffects(),
  };
}
