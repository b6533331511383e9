// REGISTER (00h), REGISTER AND IGNORE EXISTING KEY (06h) and REGISTER AND MOVE (07h).

import type { PrKey } from '../model/ids';
import type { NexusDescriptor } from './api';
import { isZeroKey } from './keys';
import { PR_OUT, isAllRegistrantsType, prTypeName } from './opcodes';
import type { PrOutRequest } from './prOut';
import { nextGeneration, unregister, withPr } from './prTable';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, noEffects, reservationConflict, unchanged } from './sense';
import type { LunState, Registration } from './state';
import { findNexus, holdsReservation, registrationOf } from './state';
import { decodeTransportId, parseInitiatorPort } from './transportId';
import type { TransportId } from './transportId';

const aptplWord = (aptpl: boolean): string => (aptpl ? 'APTPL = 1: registrations now survive power loss' : 'APTPL = 0');

/** Sets a nexus's key, keeping its place in the registration order (new ones go last). */
function setKey(registrations: Registration[], nexus: Registration['nexus'], key: PrKey): Registration[] {
  return registrations.some((r) => r.nexus === nexus)
    ? registrations.map((r) => (r.nexus === nexus ? { nexus, key } : r))
    : [...registrations, { nexus, key }];
}

/**
 * spc4r17 §5.7.7 table 47 (reference §4.2). The RESERVATION KEY was verified already.
 * PRgeneration +1 on every success and the APTPL bit becomes the LU's APTPL state (reference
 * §4.1, §8), except the no-op below.
 */
export function register(state: LunState, req: PrOutRequest): Outcome {
  const reg = registrationOf(state, req.nexus);
  const generation = nextGeneration(state.pr.generation);
  const what = req.sa === PR_OUT.REGISTER ? 'REGISTER' : 'REGISTER AND IGNORE EXISTING KEY';
  if (reg === undefined && isZeroKey(req.saKey)) {
    // Disputed (reference §4.1): SCST, COMSTAR and STGT bump PRgeneration here, LIO, CTL and SPDK
    // do not. The SPC-4 PRGENERATION text counts every successful REGISTER, so we bump it; the
    // table's "nothing happens" leaves the APTPL state alone.
    return {
      state: withPr(state, { generation }),
      result: good(`spc4r17 §5.7.7 table 47: ${what} of key 0 from unregistered ${req.nexus} is GOOD and registers nothing (PRgeneration still counts it, reference §4.1)`),
      effects: noEffects(),
    };
  }
  if (!isZeroKey(req.saKey)) {
    const registrations = setKey(state.pr.registrations, req.nexus, req.saKey);
    const verb = reg === undefined ? `registered ${req.nexus} with key ${req.saKey}` : `changed ${req.nexus}'s key from ${reg.key} to ${req.saKey}`;
    const keeps = reg !== undefined && holdsReservation(state, req.nexus) ? '; it keeps the reservation' : '';
    return {
      state: withPr(state, { registrations, generation, aptpl: req.aptpl }),
      result: good(`spc4r17 §5.7.7 table 47: ${what} ${verb}${keeps} (PRgeneration ${generation}, ${aptplWord(req.aptpl)})`),
      effects: noEffects(),
    };
  }
  const { state: after, note } = unregister(state, req.nexus);
  return {
    state: withPr(after, { generation, aptpl: req.aptpl }),
    result: good(`spc4r17 §5.7.11.3: ${what} with SERVICE ACTION RESERVATION KEY 0 unregistered ${req.nexus}${note} (PRgeneration ${generation})`),
    effects: noEffects(),
  };
}

/**
 * REGISTER AND MOVE (spc4r17 §5.7.8 as quoted in LIO core_scsi3_emulate_pro_register_and_move(),
 * reference §4.7): registers the I_T nexus named by the TransportID and RELATIVE TARGET PORT
 * IDENTIFIER with the SERVICE ACTION RESERVATION KEY, moves the reservation (same type and
 * scope; the CDB's are ignored) to it, and unregisters the caller when UNREG = 1.
 */
export function registerAndMove(state: LunState, req: PrOutRequest): Outcome {
  const invalidParam = (rule: string): Outcome => unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_PARAMETER_LIST, rule));
  if (isZeroKey(req.saKey)) return invalidParam('spc4r17 §5.7.8 (LIO): REGISTER AND MOVE needs a non-zero SERVICE ACTION RESERVATION KEY');
  const rtpi = ((req.params[18] ?? 0) << 8) | (req.params[19] ?? 0);
  const decoded = decodeTransportId(req.params, 24, req.params.length);
  if (!decoded.ok) return invalidParam(`spc4r17 §7.6.4.6 (iSCSI TransportID): ${decoded.problem}`);
  const tid = decoded.tid;
  const caller = findNexus(state, req.nexus)!;
  if (designates(tid, caller)) {
    return invalidParam(`spc4r17 §5.7.8 (quoted in LIO): the TransportID names ${req.nexus}'s own initiator port, so REGISTER AND MOVE is rejected`);
  }
  const matches = state.nexuses.filter((n) => n.relativeTargetPort === rtpi && designates(tid, n));
  if (matches.length !== 1) {
    const why = matches.length === 0 ? 'no I_T nexus of this LU has' : 'more than one I_T nexus has';
    return invalidParam(`spc4r17 §5.7.8: ${why} that initiator port on relative target port ${rtpi}, so there is no single destination (LIO answers the same)`);
  }
  const dest = matches[0]!;
  const res = state.pr.reservation;
  if (res === null) {
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, 'reference §4.7 (LIO, SCST): REGISTER AND MOVE needs an existing persistent reservation to move'));
  }
  if (isAllRegistrantsType(res.type)) {
    return unchanged(state, reservationConflict(`spc4r17 §5.7.8 (quoted in LIO): an all-registrants (${prTypeName(res.type)}) reservation cannot be moved`));
  }
  if (!holdsReservation(state, req.nexus)) {
    return unchanged(state, reservationConflict(`spc4r17 §5.7.8 table 50: ${req.nexus} is not the reservation holder, so it cannot move the reservation`));
  }
  const generation = nextGeneration(state.pr.generation);
  let next = withPr(state, {
    registrations: setKey(state.pr.registrations, dest.id, req.saKey),
    reservation: { ...res, holder: dest.id },
  });
  let unregNote = '';
  if (req.unreg) {
    next = unregister(next, req.nexus).state;
    unregNote = ` and unregistered ${req.nexus} (UNREG = 1)`;
  }
  next = withPr(next, { generation, aptpl: req.aptpl });
  return {
    state: next,
    result: good(
      `spc4r17 §5.7.8: REGISTER AND MOVE registered ${dest.id} with key ${req.saKey}, moved the ${prTypeName(res.type)} reservation to it${unregNote} (PRgeneration ${generation})`,
    ),
    effects: noEffects(),
  };
}

/** Whether a TransportID designates the nexus's initiator port (format 00b: by iSCSI name only). */
function designates(tid: TransportId, n: NexusDescriptor): boolean {
  const port = parseInitiatorPort(n.initiatorPort);
  if (port.name.toLowerCase() !== tid.name.toLowerCase()) return false;
  if (tid.isid === null) return true;
  return port.isid !== null && port.isid.toLowerCase() === tid.isid.toLowerCase();
}
