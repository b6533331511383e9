// PREEMPT (04h) and PREEMPT AND ABORT (05h): spc4r17 §5.7.11.4 table 52 / figure 7 (reference
// §4.6). The RESERVATION KEY was verified already, so the caller is registered.
//
//   reservation        SA key              action
//   none               non-zero            remove registrations
//   none               zero                INVALID FIELD IN PARAMETER LIST (LIO, CTL; disputed)
//   WE/EA/WE_RO/EA_RO  = holder's key      preempt the reservation
//   WE/EA/WE_RO/EA_RO  other non-zero      remove registrations
//   WE/EA/WE_RO/EA_RO  zero                INVALID FIELD IN PARAMETER LIST
//   WE_AR/EA_AR        zero                preempt the reservation (all other registrations go)
//   WE_AR/EA_AR        non-zero            remove registrations
//
// PREEMPT AND ABORT makes the same changes and also aborts the tasks of every I_T nexus that lost
// its registration (spc4r17 §5.7.11.5; LIO runs core_tmr_lun_reset() on that list).

import type { NexusId } from '../model/ids';
import type { LunEffects } from './api';
import { isZeroKey } from './keys';
import { PR_OUT, isAllRegistrantsType, prTypeName } from './opcodes';
import type { PrOutRequest } from './prOut';
import { nextGeneration, registeredNexuses, withPr } from './prTable';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, noEffects, reservationConflict, unchanged } from './sense';
import type { LunState } from './state';
import { reservationKey } from './state';
import { removeTasks } from './tasks';
import { UA, establishUnitAttention } from './unitAttention';

export function preemptOrAbort(state: LunState, req: PrOutRequest): Outcome {
  const res = state.pr.reservation;
  if (res === null) {
    if (isZeroKey(req.saKey)) {
      return unchanged(
        state,
        checkCondition(SENSE.INVALID_FIELD_IN_PARAMETER_LIST, `spc4r17 §5.7.11.4 (LIO, CTL; reference §4.6): ${req.name} with SERVICE ACTION RESERVATION KEY 0 and no reservation is invalid`),
      );
    }
    return removeRegistrations(state, req);
  }
  if (isAllRegistrantsType(res.type)) {
    return isZeroKey(req.saKey) ? preemptReservation(state, req) : removeRegistrations(state, req);
  }
  if (isZeroKey(req.saKey)) {
    return unchanged(
      state,
      checkCondition(
        SENSE.INVALID_FIELD_IN_PARAMETER_LIST,
        `spc4r17 §5.7.11.4: a ${prTypeName(res.type)} reservation has one holder, so ${req.name} with SERVICE ACTION RESERVATION KEY 0 is invalid (LIO, CTL, SCST)`,
      ),
    );
  }
  return req.saKey === reservationKey(state) ? preemptReservation(state, req) : removeRegistrations(state, req);
}

/**
 * spc4r17 §5.7.11.4.4: remove every registration with the SA key (TYPE and SCOPE ignored, the
 * caller's own too when it matches, as the text and LIO/SPDK do; SCST/STGT skip the caller),
 * REGISTRATIONS PREEMPTED to each removed nexus but the caller, PRgeneration +1. No registration
 * with that key: RESERVATION CONFLICT. An all-registrants reservation ends with its last
 * registrant.
 */
function removeRegistrations(state: LunState, req: PrOutRequest): Outcome {
  const victims = state.pr.registrations.filter((r) => r.key === req.saKey).map((r) => r.nexus);
  if (victims.length === 0) {
    return unchanged(state, reservationConflict(`spc4r17 §5.7.11.4.4: no I_T nexus is registered with key ${req.saKey}, so ${req.name} gets RESERVATION CONFLICT`));
  }
  const generation = nextGeneration(state.pr.generation);
  const registrations = state.pr.registrations.filter((r) => r.key !== req.saKey);
  const res = state.pr.reservation;
  const reservation = res !== null && isAllRegistrantsType(res.type) && registrations.length === 0 ? null : res;
  let next = withPr(state, { registrations, reservation, generation });
  next = establishUnitAttention(next, victims.filter((n) => n !== req.nexus), UA.REGISTRATIONS_PREEMPTED);
  const aborted = abortIfRequested(next, req, victims);
  const kept = res === null ? 'no reservation exists' : reservation === null ? `the ${prTypeName(res.type)} reservation ended with its last registrant` : `the ${prTypeName(res.type)} reservation is untouched`;
  return {
    state: aborted.state,
    result: good(
      `spc4r17 §5.7.11.4.4: ${req.name} removed the registration of ${victims.join(', ')} (key ${req.saKey}), which get REGISTRATIONS PREEMPTED; ${kept}${aborted.note} (PRgeneration ${generation})`,
    ),
    effects: aborted.effects,
  };
}

/**
 * spc4r17 §5.7.11.4.3 steps a-f (quoted in LIO core_scsi3_pro_preempt()): release the
 * reservation; remove the registrations with the SA key (for all-registrants with SA key 0: all)
 * except the caller's; create the CDB TYPE's reservation held by the caller; REGISTRATIONS
 * PREEMPTED to the removed nexuses; RESERVATIONS RELEASED to the remaining registrants but the
 * caller when TYPE or SCOPE changed. PRgeneration +1 once.
 */
function preemptReservation(state: LunState, req: PrOutRequest): Outcome {
  const old = state.pr.reservation!;
  const victims = state.pr.registrations
    .filter((r) => r.nexus !== req.nexus && (isAllRegistrantsType(old.type) ? true : r.key === req.saKey))
    .map((r) => r.nexus);
  const generation = nextGeneration(state.pr.generation);
  const holder = isAllRegistrantsType(req.type) ? null : req.nexus;
  let next = withPr(state, {
    registrations: state.pr.registrations.filter((r) => !victims.includes(r.nexus)),
    reservation: { type: req.type, scope: 0, holder },
    generation,
  });
  next = establishUnitAttention(next, victims, UA.REGISTRATIONS_PREEMPTED);
  const typeChanged = old.type !== req.type;
  if (typeChanged) next = establishUnitAttention(next, registeredNexuses(next, [req.nexus]), UA.RESERVATIONS_RELEASED);
  const aborted = abortIfRequested(next, req, victims);
  const removed = victims.length === 0 ? 'no other registration had that key' : `${victims.join(', ')} lost their registrations (REGISTRATIONS PREEMPTED)`;
  const typeNote = typeChanged ? `, and as the type changed from ${prTypeName(old.type)} the other registrants get RESERVATIONS RELEASED` : '';
  return {
    state: aborted.state,
    result: good(
      `spc4r17 §5.7.11.4.3: ${req.name} from ${req.nexus} took the reservation as ${prTypeName(req.type)}; ${removed}${typeNote}${aborted.note} (PRgeneration ${generation})`,
    ),
    effects: aborted.effects,
  };
}

/** PREEMPT AND ABORT: the victims' queued tasks leave the task set (spc4r17 §5.7.11.5). */
function abortIfRequested(state: LunState, req: PrOutRequest, victims: NexusId[]): { state: LunState; effects: LunEffects; note: string } {
  if (req.sa !== PR_OUT.PREEMPT_AND_ABORT) return { state, effects: noEffects(), note: '' };
  const { state: next, abortedTags } = removeTasks(state, victims);
  const note = victims.length === 0 ? '' : `; their tasks are aborted${abortedTags.length > 0 ? ` (tags ${abortedTags.join(', ')})` : ''}`;
  return { state: next, effects: { abortTasksOf: [...victims], abortedTags }, note };
}
