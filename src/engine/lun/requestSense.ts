// REQUEST SENSE (03h, SPC-4). Sense data of a failed command travels with its CHECK CONDITION
// (autosense, as on every iSCSI and SAS transport), so the only sense ever pending afterwards is a
// unit attention: REQUEST SENSE returns the nexus's next unit attention as fixed-format sense data
// with GOOD status and clears it (SPC-4 REQUEST SENSE; SAM-4 §5.14), or NO SENSE when none is
// pending.

import type { ScsiCommand } from './api';
import type { Outcome } from './sense';
import { SENSE, checkCondition, fixedSenseBytes, good, truncate, unchanged } from './sense';
import type { LunState } from './state';
import { takeUnitAttention, unitAttentionLabel, unitAttentionSense } from './unitAttention';

export function requestSense(state: LunState, cmd: ScsiCommand): Outcome {
  if (((cmd.cdb[1] ?? 0) & 0x01) !== 0) {
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, 'SPC-4 REQUEST SENSE: DESC = 1 asks for descriptor-format sense data, which this LU does not support'));
  }
  const allocation = cmd.cdb[4] ?? 0;
  const taken = takeUnitAttention(state, cmd.nexus);
  if (taken === null) {
    return unchanged(state, good('SPC-4 REQUEST SENSE: nothing is pending for this I_T nexus, so NO SENSE', truncate(fixedSenseBytes(SENSE.NO_SENSE), allocation)));
  }
  const data = truncate(fixedSenseBytes(unitAttentionSense(taken.ua)), allocation);
  return unchanged(
    taken.state,
    good(`SPC-4 REQUEST SENSE (SAM-4 §5.14): returns the pending UNIT ATTENTION ${unitAttentionLabel(taken.ua)} and clears it`, data),
  );
}
