// Small pure operations on the persistent reservation table shared by the PR OUT service actions.

import type { NexusId } from '../model/ids';
import { isAllRegistrantsType, isRegistrantsOnlyType, prTypeName } from './opcodes';
import type { LunState, PrState } from './state';
import { UA, establishUnitAttention } from './unitAttention';

/** PRgeneration is a 32-bit counter that wraps (reference §4.1). */
export const nextGeneration = (generation: number): number => (generation + 1) >>> 0;

export const withPr = (state: LunState, pr: Partial<PrState>): LunState => ({ ...state, pr: { ...state.pr, ...pr } });

/** Registered nexuses in registration order, optionally without some. */
export const registeredNexuses = (state: LunState, except: readonly NexusId[] = []): NexusId[] =>
  state.pr.registrations.map((r) => r.nexus).filter((n) => !except.includes(n));

/**
 * Unregisters `nexus` (spc4r17 §5.7.11.3, reference §4.2): the registration goes; if the nexus
 * held a WE/EA/WE_RO/EA_RO reservation it is released, and for WE_RO/EA_RO every remaining
 * registrant gets RESERVATIONS RELEASED (LIO core_scsi3_check_implicit_release()); an
 * all-registrants reservation lasts until the last registrant leaves, then ends without a unit
 * attention. Returns a note for the "why?" text. PRgeneration is the caller's business.
 */
export function unregister(state: LunState, nexus: NexusId): { state: LunState; note: string } {
  const registrations = state.pr.registrations.filter((r) => r.nexus !== nexus);
  const res = state.pr.reservation;
  let next = withPr(state, { registrations });
  let note = '';
  if (res !== null && isAllRegistrantsType(res.type)) {
    if (registrations.length === 0) {
      next = withPr(next, { reservation: null });
      note = `; it was the last registrant, so the ${prTypeName(res.type)} reservation ends`;
    }
  } else if (res !== null && res.holder === nexus) {
    next = withPr(next, { reservation: null });
    if (isRegistrantsOnlyType(res.type)) {
      next = establishUnitAttention(next, registeredNexuses(next), UA.RESERVATIONS_RELEASED);
      note = `; it held the ${prTypeName(res.type)} reservation, which is released with RESERVATIONS RELEASED to the other registrants`;
    } else {
      note = `; it held the ${prTypeName(res.type)} reservation, which is released (no unit attention for WE/EA)`;
    }
  }
  return { state: next, note };
}
