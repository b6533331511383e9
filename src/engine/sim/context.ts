// What every piece of the runtime works on while one event is processed: the live world and the
// trace it appends to. Helpers here are the only way to write the trace or the queue, so ids,
// sequence numbers and steps stay consistent.

import type { SimMs, TraceId } from '../model/ids';
import type { TraceEntry } from '../model/trace';
import type { EngineEvent, World } from '../model/world';
import { pushEvent } from '../queue';

export interface RunContext {
  world: World;
  trace: TraceEntry[];
  /** While an actor's effects run: its state before and after the transition (for "why?"). */
  transition?: { before: string; after: string };
}

export type NewTraceEntry = Omit<TraceEntry, 'id' | 't' | 'step'>;

/** Appends an entry at the current virtual time and returns its id. */
export function record(ctx: RunContext, entry: NewTraceEntry): TraceId {
  const id = ctx.world.traceLength as TraceId;
  ctx.world.traceLength += 1;
  const full: TraceEntry = { id, t: ctx.world.time, step: ctx.world.step, ...entry };
  ctx.trace[id] = full;
  return id;
}

type Unqueued<E> = E extends unknown ? Omit<E, 'seq'> : never;

/** Puts an event on the queue; events at the same time run in the order they were scheduled. */
export function schedule(ctx: RunContext, event: Unqueued<EngineEvent>): void {
  const seq = ctx.world.seq;
  ctx.world.seq += 1;
  pushEvent(ctx.world.queue, { ...event, seq } as EngineEvent);
}

export function at(ctx: RunContext, delayMs: number): SimMs {
  return (ctx.world.time + delayMs) as SimMs;
}
