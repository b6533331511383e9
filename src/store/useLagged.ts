// Panels that redraw a lot for each update (the ladder, the event log, the LUN tables, the node
// inspector) need not follow playback at the frame rate: while playing they take the store's
// newest value at most every lagMs (slower at high speeds, where nobody reads a scrolling log
// anyway), so the animation frames between keep their time for the diagram. The panels come in
// three groups redrawn a third of a period apart, so no single frame pays for all of them. When playback
// is paused — stepping, seeking, a test reading a panel — every panel follows at once.

import { useSyncExternalStore } from 'react';
import { useSimStore, type SimStore } from './useSimStore';

/** How stale a lagging panel may be while playing at `speed`. */
export function lagMs(speed: number): number {
  return speed <= 1 ? 125 : speed <= 4 ? 250 : 500;
}
/** The shortest period, at real time and below (8 redraws a second). */
export const LAG_MS = lagMs(1);

export type LagGroup = 0 | 1 | 2;
const GROUPS = 3;

const listeners = Array.from({ length: GROUPS }, () => new Set<() => void>());
let last = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let later: ReturnType<typeof setTimeout>[] = [];
let unsubscribeStore: (() => void) | null = null;

function notify(group: number): void {
  for (const listener of [...listeners[group]!]) listener();
}

function clearTimers(): void {
  if (timer !== null) clearTimeout(timer);
  for (const t of later) clearTimeout(t);
  timer = null;
  later = [];
}

/** Group 0 now, the others spread over the period (a third of it apart). */
function tick(period: number): void {
  timer = null;
  last = performance.now();
  notify(0);
  if (later.length > 0) return; // the previous period's later groups are still due
  for (let g = 1; g < GROUPS; g++) {
    const t = setTimeout(() => {
      later = later.filter((x) => x !== t);
      notify(g);
    }, Math.floor((period * g) / GROUPS));
    later.push(t);
  }
}

function onStore(s: SimStore): void {
  if (!s.playback?.playing) {
    clearTimers();
    last = performance.now();
    for (let g = 0; g < GROUPS; g++) notify(g);
    return;
  }
  if (timer !== null) return;
  const period = lagMs(s.playback.speed);
  const wait = last + period - performance.now();
  if (wait <= 0) tick(period);
  else timer = setTimeout(() => tick(period), wait);
}

/** Calls `listener` when the lagging panels of `group` should take the store's newest value. */
export function subscribeLagged(listener: () => void, group: LagGroup = 0): () => void {
  listeners[group]!.add(listener);
  unsubscribeStore ??= useSimStore.subscribe(onStore);
  return () => {
    listeners[group]!.delete(listener);
    if (listeners.every((l) => l.size === 0)) {
      unsubscribeStore?.();
      unsubscribeStore = null;
      clearTimers();
    }
  };
}

const subscribers = listeners.map((_, g) => (l: () => void) => subscribeLagged(l, g as LagGroup));

/**
 * The store's value through the lagging clock. `selector` must return a value the store keeps (a
 * field such as `s.view` or `s.trace`, or a primitive), never a new object: React compares
 * snapshots with Object.is.
 */
export function useLagged<T>(selector: (s: SimStore) => T, group: LagGroup = 0): T {
  return useSyncExternalStore(subscribers[group]!, () => selector(useSimStore.getState()));
}
