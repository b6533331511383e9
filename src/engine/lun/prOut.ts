// PERSISTENT RESERVE OUT (5Fh): CDB and parameter list decoding and the checks common to every
// service action, in the order of reference §4.0 (the SPC-2 check and the admission of
// non-holders ran before, in access.ts). The service actions live in prRegister.ts,
// prReserve.ts and prPreempt.ts.
//
// Parameter list (spc4r17 §6.14.3): bytes 0-7 RESERVATION KEY, 8-15 SERVICE ACTION RESERVATION
// KEY, 16-19 obsolete, byte 20 bit 3 SPEC_I_PT, bit 2 ALL_TG_PT, bit 0 APTPL. REGISTER AND MOVE
// (spc4r17 §6.14.4): byte 17 bit 1 UNREG, bit 0 APTPL, 18-19 RELATIVE TARGET PORT IDENTIFIER,
// 20-23 TRANSPORTID PARAMETER DATA LENGTH, 24.. the TransportID.
//
// This device server reports SIP_C = 0 and ATP_C = 0 (REPORT CAPABILITIES): it does not
// implement SPEC_I_PT or ALL_TG_PT and rejects them set to one with INVALID FIELD IN PARAMETER
// LIST, like tcm_rbd (which also reports both as zero).

import type { NexusId, PrKey } from '../model/ids';
import type { ScsiCommand } from './api';
import { readBe32 } from './bytes';
import { isZeroKey, keyFromBytes } from './keys';
import { LU_SCOPE, PR_OUT, PR_OUT_NAME, isPrTypeCode } from './opcodes';
import type { PrTypeCode } from './opcodes';
import { preemptOrAbort } from './prPreempt';
import { register, registerAndMove } from './prRegister';
import { clear, releasePersistent, reservePersistent } from './prReserve';
import type { Outcome } from './sense';
import { SENSE, checkCondition, reservationConflict, unchanged } from './sense';
import type { LunState } from './state';
import { registrationOf } from './state';

/** A decoded, validated PR OUT command. */
export interface PrOutRequest {
  nexus: NexusId;
  sa: number;
  name: string;
  /** CDB TYPE, validated only for the service actions that use it. */
  type: PrTypeCode;
  key: PrKey;
  saKey: PrKey;
  aptpl: boolean;
  /** REGISTER AND MOVE only. */
  unreg: boolean;
  /** The parameter list, exactly PARAMETER LIST LENGTH bytes. */
  params: number[];
}

const usesTypeAndScope = (sa: number): boolean =>
  sa === PR_OUT.RESERVE || sa === PR_OUT.RELEASE || sa === PR_OUT.PREEMPT || sa === PR_OUT.PREEMPT_AND_ABORT;

const invalidCdb = (state: LunState, rule: string): Outcome => unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, rule));
const invalidParam = (state: LunState, rule: string): Outcome =>
  unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_PARAMETER_LIST, rule));
const lengthError = (state: LunState, rule: string): Outcome => unchanged(state, checkCondition(SENSE.PARAMETER_LIST_LENGTH_ERROR, rule));

export function persistentReserveOut(state: LunState, cmd: ScsiCommand): Outcome {
  const cdb = cmd.cdb;
  const sa = (cdb[1] ?? 0) & 0x1f;
  const name = PR_OUT_NAME[sa];
  if (name === undefined) {
    return invalidCdb(state, `spc4r17 §6.14.2: service action ${sa.toString(16)}h is not a PERSISTENT RESERVE OUT service action (00h-07h)`);
  }
  const scope = ((cdb[2] ?? 0) >> 4) & 0x0f;
  const typeCode = (cdb[2] ?? 0) & 0x0f;
  if (usesTypeAndScope(sa)) {
    if (scope !== LU_SCOPE) return invalidCdb(state, `spc4r17 §6.14.3: SCOPE ${scope}h is not LU_SCOPE (0h), the only scope, so ${name} is rejected (CTL, SCST, COMSTAR)`);
    if (!isPrTypeCode(typeCode)) return invalidCdb(state, `spc4r17 §6.14.3: TYPE ${typeCode}h is not one of 1, 3, 5, 6, 7, 8, so ${name} is rejected`);
  }
  const paramLength = readBe32(cdb, 5);
  const data = cmd.dataOut ?? [];
  if (data.length < paramLength) {
    return lengthError(state, `spc4r17 §6.14: PARAMETER LIST LENGTH is ${paramLength} but only ${data.length} data-out bytes arrived`);
  }
  const params = data.slice(0, paramLength).map((b) => b & 0xff);
  if (paramLength < 24) {
    return lengthError(state, `spc4r17 §6.14: the PR OUT parameter list is 24 bytes, PARAMETER LIST LENGTH ${paramLength} is too short (PARAMETER LIST LENGTH ERROR)`);
  }
  let aptpl: boolean;
  let unreg = false;
  if (sa === PR_OUT.REGISTER_AND_MOVE) {
    aptpl = ((params[17] ?? 0) & 0x01) !== 0;
    unreg = ((params[17] ?? 0) & 0x02) !== 0;
    const tidLength = readBe32(params, 20);
    if (24 + tidLength !== paramLength) {
      return lengthError(
        state,
        `spc4r17 §6.14.4: PARAMETER LIST LENGTH ${paramLength} must be 24 plus the TRANSPORTID PARAMETER DATA LENGTH ${tidLength} (LIO rejects the same mismatch)`,
      );
    }
  } else {
    const specIPt = ((params[20] ?? 0) & 0x08) !== 0;
    const allTgPt = ((params[20] ?? 0) & 0x04) !== 0;
    aptpl = ((params[20] ?? 0) & 0x01) !== 0;
    if (specIPt && sa !== PR_OUT.REGISTER) {
      return invalidParam(state, `spc4r17 §6.14.3 (LIO): SPEC_I_PT = 1 is only valid with REGISTER, not ${name}`);
    }
    if (specIPt) return invalidParam(state, 'spc4r17 §6.14.3: this LU reports SIP_C = 0 and does not accept SPEC_I_PT = 1');
    if (paramLength !== 24) {
      return lengthError(state, `spc4r17 §6.14 (quoted by LIO): with SPEC_I_PT = 0 and a service action other than REGISTER AND MOVE the parameter list length must be 24, not ${paramLength}`);
    }
    const registerLike = sa === PR_OUT.REGISTER || sa === PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY;
    if (allTgPt && registerLike) return invalidParam(state, 'spc4r17 §6.14.3: this LU reports ATP_C = 0 and does not accept ALL_TG_PT = 1');
  }
  const req: PrOutRequest = {
    nexus: cmd.nexus,
    sa,
    name,
    // TYPE was validated above for the service actions that use it; the others ignore it.
    type: (isPrTypeCode(typeCode) ? typeCode : 1) as PrTypeCode,
    key: keyFromBytes(params, 0),
    saKey: keyFromBytes(params, 8),
    aptpl,
    unreg,
    params,
  };
  const keyProblem = verifyReservationKey(state, req);
  if (keyProblem) return unchanged(state, reservationConflict(keyProblem));
  switch (sa) {
    case PR_OUT.REGISTER:
    case PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY:
      return register(state, req);
    case PR_OUT.RESERVE:
      return reservePersistent(state, req);
    case PR_OUT.RELEASE:
      return releasePersistent(state, req);
    case PR_OUT.CLEAR:
      return clear(state, req);
    case PR_OUT.PREEMPT:
    case PR_OUT.PREEMPT_AND_ABORT:
      return preemptOrAbort(state, req);
    default:
      return registerAndMove(state, req);
  }
}

/**
 * Reference §4.0 step 4: RESERVATION KEY must be the caller's registered key, except REGISTER AND
 * IGNORE EXISTING KEY (field ignored) and REGISTER from an unregistered nexus (must be 0); any
 * other service action from an unregistered nexus conflicts. We check it for every service
 * action, as the standard's key rule and CTL/SCST/COMSTAR do (LIO and STGT skip it in RELEASE
 * from a non-holder, reference §4.4). Returns the conflict rule, or null when the key is right.
 */
function verifyReservationKey(state: LunState, req: PrOutRequest): string | null {
  if (req.sa === PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY) return null;
  const reg = registrationOf(state, req.nexus);
  if (reg === undefined) {
    if (req.sa === PR_OUT.REGISTER) {
      return isZeroKey(req.key)
        ? null
        : `spc4r17 §5.7.7 table 47: ${req.nexus} is not registered, so REGISTER must carry RESERVATION KEY 0, not ${req.key}`;
    }
    return `spc4r17 §6.14.3 RESERVATION KEY rule (reference §4.0): ${req.nexus} is not registered, so ${req.name} gets RESERVATION CONFLICT`;
  }
  if (reg.key !== req.key) {
    return `spc4r17 §6.14.3 RESERVATION KEY rule (libiscsi prout_reregister_key_fails): RESERVATION KEY ${req.key} is not ${req.nexus}'s registered key ${reg.key}`;
  }
  return null;
}
