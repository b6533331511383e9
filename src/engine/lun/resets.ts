// Resets, power loss and I_T nexus loss (reference §8).
//
//   event                SPC-2 reservation   PR registrations / reservation     tasks     unit attention
//   LOGICAL UNIT RESET   released            kept                               aborted   29h/03h BUS DEVICE RESET FUNCTION OCCURRED
//   target reset         released            kept                               aborted   29h/00h POWER ON, RESET, OR BUS DEVICE RESET OCCURRED
//   bus reset            released            kept                               aborted   29h/02h SCSI BUS RESET OCCURRED
//   power cycle          released            kept only if APTPL; PRgeneration 0 dropped    29h/00h POWER ON, RESET, OR BUS DEVICE RESET OCCURRED
//   I_T nexus loss       released if held    kept                               that nexus's   29h/07h I_T NEXUS LOSS OCCURRED (that nexus)
//
// The unit attention codes: SAM-4 §5.14 lists them in priority order (LIO target_core_ua.c);
// LIO establishes 29h/03h after a LOGICAL UNIT RESET (target_tmr_work()); a target reset is a
// hard reset, for which SAM allows the generic 29h/00h; a bus reset reports 29h/02h; power on
// may use 29h/00h or 29h/01h and we use 29h/00h as most devices do. The unit attention goes to
// every I_T nexus the LU is presented on.

import type { NexusId } from '../model/ids';
import type { LunEffects } from './api';
import type { LunState } from './state';
import { removeTasks } from './tasks';
import { UA, allNexusIds, establishUnitAttention } from './unitAttention';

export type ResetKind = 'lun' | 'target' | 'bus';

const RESET_UA = {
  lun: UA.BUS_DEVICE_RESET_FUNCTION,
  target: UA.POWER_ON_RESET,
  bus: UA.SCSI_BUS_RESET,
} as const;

/**
 * A LOGICAL UNIT RESET (from any nexus), a target reset or a bus reset: the SPC-2 reservation is
 * released (LIO core_tmr_lun_reset(); libiscsi test_reserve6_lun_reset, _target_*_reset),
 * persistent reservations stay (SPC-3/4), every queued task is aborted, every nexus gets the
 * reset's unit attention.
 */
export function applyReset(state: LunState, kind: ResetKind): { state: LunState; effects: LunEffects } {
  const { state: drained, abortedTags } = removeTasks(state, 'all');
  const everyone = allNexusIds(state);
  const next = establishUnitAttention({ ...drained, scsi2Holder: null }, everyone, RESET_UA[kind]);
  return { state: next, effects: { abortTasksOf: everyone, abortedTags } };
}

/**
 * Power loss: what the array keeps in non-volatile memory stays. Registrations and the
 * reservation survive only when the APTPL state (set by the most recent REGISTER, REGISTER AND
 * IGNORE EXISTING KEY or REGISTER AND MOVE) is 1; the SPC-2 reservation, the task set and pending
 * unit attentions never survive; PRgeneration restarts at 0 either way (reference §4.1, §8;
 * disputed: LIO counts restored registrations). The medium keeps its blocks.
 */
export function powerLoss(state: LunState): LunState {
  const keep = state.pr.aptpl;
  return {
    ...state,
    pr: {
      generation: 0,
      aptpl: keep,
      registrations: keep ? state.pr.registrations : [],
      reservation: keep ? state.pr.reservation : null,
    },
    scsi2Holder: null,
    unitAttentions: [],
    tasks: [],
  };
}

/** Power on: every nexus gets POWER ON, RESET, OR BUS DEVICE RESET OCCURRED (SAM-5 power on). */
export function powerOn(state: LunState): LunState {
  return establishUnitAttention(state, allNexusIds(state), UA.POWER_ON_RESET);
}

/** Power loss then power on in one instant (the console script's `! power-cycle`). */
export function powerCycle(state: LunState): LunState {
  return powerOn(powerLoss(state));
}

/**
 * The I_T nexus is lost (logout, dropped connection): an SPC-2 reservation it held is released
 * (LIO target_release_res() since 5.5; libiscsi test_reserve6_itnexus_loss), its queued tasks
 * are aborted, and it gets I_T NEXUS LOSS OCCURRED when it comes back (SAM-4). Registrations and
 * the persistent reservation stay: the holder regains access on re-login.
 */
export function nexusLoss(state: LunState, nexus: NexusId): LunState {
  if (!state.nexuses.some((n) => n.id === nexus)) return state;
  const { state: drained } = removeTasks(state, [nexus]);
  const released = drained.scsi2Holder === nexus ? { ...drained, scsi2Holder: null } : drained;
  return establishUnitAttention(released, [nexus], UA.I_T_NEXUS_LOSS);
}
