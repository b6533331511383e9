// The array's power lifecycle in the world: one lunPowerMachine actor per LUN ("array:lun0"),
// spawned the first time the array loses power (until then every LUN is ready), and the
// `lun.power` effects that change the LUN's state and the trace. The transport asks `lunPower`
// whether a LUN answers (off: nothing does) and with which readiness its device server runs.

import { powerLoss, powerOn, type LunReadiness } from '../lun';
import type { NodeId, TraceId } from '../model/ids';
import type { World } from '../model/world';
import { registerEffect, registerLogic, sendToActor, spawnActor } from '../sim/actors';
import { record, type RunContext } from '../sim/context';
import { lunPowerMachine, lunPowerOf, type LunPower, type LunPowerInput } from './lunPowerMachine';
import { loseCommand } from './transport';

registerLogic('lun-power', lunPowerMachine);

/** The actor key of a LUN's power machine (not a node's: ":" never appears in a node id). */
export const lunPowerActor = (lun: number): string => `array:lun${lun}`;

/** Where a LUN is in its power lifecycle. */
export function lunPower(world: World, lun: number): LunPower {
  const snapshot = world.actors[lunPowerActor(lun)]?.snapshot;
  return snapshot ? lunPowerOf(snapshot.value) : 'ready';
}

/** The readiness its device server runs a command with (only meaningful while it is powered). */
export function lunReadiness(world: World, lun: number): LunReadiness {
  return lunPower(world, lun) === 'becoming-ready' ? 'becoming-ready' : 'ready';
}

/** The whole array loses power: every LUN's machine goes off and then through its boot. */
export function powerCycleArray(ctx: RunContext, cause: TraceId): void {
  const { params } = ctx.world.scenario;
  for (const slot of ctx.world.luns) {
    const key = lunPowerActor(slot.id);
    if (!ctx.world.actors[key]) {
      const input: LunPowerInput = { lun: slot.id, offMs: params.lunPowerOffMs, becomingReadyMs: params.lunBecomingReadyMs };
      // An array actor belongs to no node: its events are never held by a frozen node.
      spawnActor(ctx, key, 'lun-power', '' as NodeId, input);
    }
    sendToActor(ctx, key, { type: 'POWER.LOSS' }, cause);
  }
}

registerEffect('lun.power', (ctx, _actor, _node, effect, cause) => {
  const { world } = ctx;
  const lun = effect.lun as number;
  const slot = world.luns.find((l) => l.id === lun);
  if (!slot) return;
  const rule = effect.rule as string;
  const transition: Record<string, string> = ctx.transition ? { before: ctx.transition.before, after: ctx.transition.after } : {};
  switch (effect.phase) {
    case 'off': {
      slot.state = powerLoss(slot.state);
      slot.busy = false;
      const id = record(ctx, {
        kind: 'LUN.POWER_OFF',
        category: 'scsi',
        summary: `LUN ${lun} is dark: the array lost power and answers nothing`,
        rule,
        parent: cause,
        data: { lun, ...transition },
        notable: lun === 0,
      });
      // Commands inside the array are lost with its power: their initiators time out.
      for (const cmd of world.inflightScsi) if (cmd.phase === 'at-lun' && cmd.lun === lun) loseCommand(ctx, cmd, id);
      return;
    }
    case 'on': {
      slot.state = powerOn(slot.state);
      record(ctx, {
        kind: 'LUN.POWER_ON',
        category: 'scsi',
        summary: `The array powers on: LUN ${lun}'s PR state ${slot.state.pr.registrations.length > 0 ? 'restored (APTPL was set)' : 'empty'}; every initiator gets POWER ON unit attention; NOT READY until it has booted`,
        rule: `${rule} SPC-4 5.7.6: with APTPL set, registrations and the persistent reservation survive a power cycle; otherwise all are lost. SPC-2 reservations never survive.`,
        parent: cause,
        data: { lun, ...transition },
        notable: lun === 0,
      });
      return;
    }
    case 'ready':
      record(ctx, {
        kind: 'LUN.READY',
        category: 'scsi',
        summary: `LUN ${lun} is ready: it processes commands again`,
        rule,
        parent: cause,
        data: { lun, ...transition },
        notable: lun === 0,
      });
      return;
  }
});
