// Runs the xstate actors of the world as pure transitions and carries out what they emit.
// Actors never own timers: `timer.set` puts a timer event on the virtual-clock queue, which is
// part of every checkpoint, so a restored run re-arms exactly the timers that were pending
// (xstate's own `after` delays are not restored from snapshots, statelyai/xstate#5331).

import { initialTransition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { pureTransition } from './pureTransition';
import type { NodeId, TraceId } from '../model/ids';
import { at, schedule, type RunContext } from './context';
import { nextInt } from '../rng';

/** An effect an actor emitted; `type` picks the handler. */
export interface Effect {
  type: string;
  [key: string]: unknown;
}

export type EffectHandler = (ctx: RunContext, actorKey: string, node: NodeId, effect: Effect, cause: TraceId | null) => void;

const logics = new Map<string, AnyStateMachine>();
const handlers = new Map<string, EffectHandler>();

/** Makes a machine available to worlds under `name` (called once per machine module). */
export function registerLogic(name: string, logic: AnyStateMachine): void {
  logics.set(name, logic);
}

/** Declares who carries out an effect type emitted by any actor. */
export function registerEffect(type: string, handler: EffectHandler): void {
  handlers.set(type, handler);
}

function logicOf(name: string): AnyStateMachine {
  const logic = logics.get(name);
  if (!logic) throw new Error(`engine: no machine registered as "${name}"`);
  return logic;
}

export const timerKey = (actorKey: string, name: string): string => `${actorKey}#${name}`;

registerEffect('timer.set', (ctx, actorKey, _node, effect, cause) => {
  const name = effect.name as string;
  const token = ctx.world.nextTimerToken++;
  ctx.world.timers[timerKey(actorKey, name)] = token;
  // A random extra delay (e.g. pcmk_delay_max) comes from the world's seeded generator.
  const jitter = typeof effect.jitterMaxMs === 'number' && effect.jitterMaxMs > 0 ? nextInt(ctx.world.rng, 0, effect.jitterMaxMs) : 0;
  // Periodic timers carry no cause: a heartbeat tick is not "caused" by the previous one.
  schedule(ctx, { kind: 'timer', time: at(ctx, (effect.delayMs as number) + jitter), actor: actorKey, name, token, cause: effect.periodic ? null : cause });
});

registerEffect('timer.cancel', (ctx, actorKey, _node, effect) => {
  delete ctx.world.timers[timerKey(actorKey, effect.name as string)];
});

function runEffects(ctx: RunContext, actorKey: string, node: NodeId, actions: readonly { type: string; params?: unknown }[], cause: TraceId | null): void {
  for (const action of actions) {
    if (action.type !== 'xstate.emit') continue;
    const effect = (action.params as { event: Effect }).event;
    const handler = handlers.get(effect.type);
    if (!handler) throw new Error(`engine: actor ${actorKey} emitted "${effect.type}" and nothing handles it`);
    handler(ctx, actorKey, node, effect, cause);
  }
}

/** Creates an actor in the world and runs its initial transition (entry effects included). */
export function spawnActor(ctx: RunContext, key: string, logic: string, node: NodeId, input: unknown): void {
  const [snapshot, actions] = initialTransition(logicOf(logic), input);
  ctx.world.actors[key] = { logic, node, snapshot };
  runEffects(ctx, key, node, actions, null);
}

/** Sends an event to an actor; returns false when no transition took it (snapshot unchanged). */
export function sendToActor(ctx: RunContext, key: string, event: { type: string }, cause: TraceId | null): boolean {
  const slot = ctx.world.actors[key];
  if (!slot) throw new Error(`engine: no actor "${key}"`);
  const [next, actions] = pureTransition(logicOf(slot.logic), slot.snapshot, event);
  if (next === slot.snapshot && actions.length === 0) return false;
  ctx.world.actors[key] = { ...slot, snapshot: next };
  const outer = ctx.transition;
  ctx.transition = { before: stateText(slot.snapshot.value), after: stateText(next.value) };
  runEffects(ctx, key, slot.node, actions, cause);
  ctx.transition = outer;
  return true;
}

/** Plain receivers of events that are not xstate actors (e.g. "app:A"), by key prefix. */
const receivers = new Map<string, (ctx: RunContext, key: string, event: { type: string }, cause: TraceId | null) => void>();

export function registerReceiver(prefix: string, handler: (ctx: RunContext, key: string, event: { type: string }, cause: TraceId | null) => void): void {
  receivers.set(prefix, handler);
}

/** Delivers an event to an actor or a registered receiver; silently drops it when neither exists. */
export function dispatchTo(ctx: RunContext, key: string, event: { type: string }, cause: TraceId | null): void {
  if (ctx.world.actors[key]) {
    sendToActor(ctx, key, event, cause);
    return;
  }
  const prefix = key.slice(0, key.indexOf(':') + 1);
  receivers.get(prefix)?.(ctx, key, event, cause);
}

/** A machine state value as text, e.g. "online.owner". */
export function stateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (typeof v === 'string' ? `${k}.${v}` : `${k}.(${stateText(v)})`))
      .join(', ');
  }
  return String(value);
}

export function actorSnapshot(ctx: { world: { actors: Record<string, { snapshot: AnyMachineSnapshot }> } }, key: string): AnyMachineSnapshot | undefined {
  return ctx.world.actors[key]?.snapshot;
}
