// The power lifecycle around one LUN's device server (the LUN itself is the pure module in
// ../lun): ready → (array power lost) off → (power back) becoming ready → ready. It never reads a
// clock: it asks for its timers with `timer.set` effects, which go on the engine's virtual-clock
// queue (so checkpoints and replay re-arm them exactly), and it tells the world what changed with
// `lun.power` effects that lunPower.ts carries out.

import { enqueueActions, setup } from 'xstate';

export const LUN_POWER_RULES = {
  powerLoss:
    'The array loses power: its target ports go dark and answer nothing, so commands sent now are lost and their initiators time out as on a dead path; what the array kept only in memory (SPC-2 reservations, registrations without APTPL, queued tasks, pending unit attentions) is gone (SPC-4 5.7.6).',
  powerOn:
    'Power is back: the device server establishes POWER ON, RESET, OR BUS DEVICE RESET OCCURRED for every I_T nexus (SAM-5 power on) and, until it has loaded its state, answers CHECK CONDITION NOT READY, LOGICAL UNIT IS IN PROCESS OF BECOMING READY (04h/01h) to all but INQUIRY, REPORT LUNS and REQUEST SENSE (SPC-4).',
  ready: 'The device server has finished becoming ready: every command is processed again (persistent reservations restored only if APTPL was set).',
  powerLossWhileBooting: 'The array loses power again before it became ready: it goes dark again and restarts its boot when power returns.',
} as const;

/** The lifecycle as the view shows it. */
export type LunPower = 'ready' | 'off' | 'becoming-ready';

export interface LunPowerInput {
  lun: number;
  /** How long the array stays dark after losing power. */
  offMs: number;
  /** How long the device server takes from power on to ready. */
  becomingReadyMs: number;
}

export type LunPowerEvent = { type: 'POWER.LOSS' } | { type: 'TIMER.ON' } | { type: 'TIMER.READY' };

/** Effects the engine carries out. */
export type LunPowerEffect =
  | { type: 'timer.set'; name: string; delayMs: number }
  | { type: 'timer.cancel'; name: string }
  | { type: 'lun.power'; lun: number; phase: 'off' | 'on' | 'ready'; rule: string };

export const lunPowerMachine = setup({
  types: {
    context: {} as LunPowerInput,
    events: {} as LunPowerEvent,
    input: {} as LunPowerInput,
    emitted: {} as LunPowerEffect,
    tags: {} as LunPower,
  },
}).createMachine({
  id: 'lunPower',
  context: ({ input }) => ({ ...input }),
  initial: 'ready',
  states: {
    ready: {
      tags: ['ready'],
      on: {
        'POWER.LOSS': {
          target: 'off',
          description: LUN_POWER_RULES.powerLoss,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.emit({ type: 'lun.power', lun: context.lun, phase: 'off', rule: LUN_POWER_RULES.powerLoss });
            enqueue.emit({ type: 'timer.set', name: 'on', delayMs: context.offMs });
          }),
        },
      },
    },
    off: {
      tags: ['off'],
      on: {
        'TIMER.ON': {
          target: 'becomingReady',
          description: LUN_POWER_RULES.powerOn,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.emit({ type: 'lun.power', lun: context.lun, phase: 'on', rule: LUN_POWER_RULES.powerOn });
            enqueue.emit({ type: 'timer.set', name: 'ready', delayMs: context.becomingReadyMs });
          }),
        },
        // Losing power while dark changes nothing: the array stays off for offMs from now.
        'POWER.LOSS': {
          target: 'off',
          reenter: true,
          description: LUN_POWER_RULES.powerLoss,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.emit({ type: 'timer.set', name: 'on', delayMs: context.offMs });
          }),
        },
      },
    },
    becomingReady: {
      tags: ['becoming-ready'],
      on: {
        'TIMER.READY': {
          target: 'ready',
          description: LUN_POWER_RULES.ready,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.emit({ type: 'lun.power', lun: context.lun, phase: 'ready', rule: LUN_POWER_RULES.ready });
          }),
        },
        'POWER.LOSS': {
          target: 'off',
          description: LUN_POWER_RULES.powerLossWhileBooting,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.emit({ type: 'timer.cancel', name: 'ready' });
            enqueue.emit({ type: 'lun.power', lun: context.lun, phase: 'off', rule: LUN_POWER_RULES.powerLossWhileBooting });
            enqueue.emit({ type: 'timer.set', name: 'on', delayMs: context.offMs });
          }),
        },
      },
    },
  },
});

/** The view's name for a machine state value. */
export function lunPowerOf(value: unknown): LunPower {
  return value === 'off' ? 'off' : value === 'becomingReady' ? 'becoming-ready' : 'ready';
}
