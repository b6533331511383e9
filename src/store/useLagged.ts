// Panels that redraw a lot for each update (the ladder, the event log, the LUN tables, the node
// inspector) need not follow playback at the frame rate: while playing they take the store's
// newest value at most every lagMs (slower at high speeds, where nobody reads a scrolling log
// anyway). They come in three groups due a third of a period apart, and a group redraws only in an
// animation frame that applies no engine update (frameSlots.ts), one group per frame: the frames
// that move the diagram keep their time. When paused — stepping, seeking, a test reading a panel —
// every panel follows at once.

import { useSyncExternalStore } from 'react';
import { frameCarriesEngineUpdate, nextFrame } from './frameSlots';
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
/** When each group is next due (performance.now() / frame time), while playing. */
let dueAt: number[] | null = null;
let cancelFrame: (() => void) | null = null;
let unsubscribeStore: (() => void) | null = null;

function notify(group: number): void {
  for (const listener of [...listeners[group]!]) listener();
}

function stopFrames(): void {
  cancelFrame?.();
  cancelFrame = null;
  dueAt = null;
}

/**
 * One animation frame while playing: the most overdue group redraws if this frame applies no
 * engine update — or regardless once it is a whole period late (frames that all carry updates,
 * on a machine that can't keep up, must not starve the panels).
 */
function onFrame(frameTime: number): void {
  cancelFrame = null;
  const playback = useSimStore.getState().playback;
  if (!playback?.playing || !dueAt) return stopFrames();
  const period = lagMs(playback.speed);
  let g = -1;
  for (let i = 0; i < GROUPS; i++) if (frameTime >= dueAt[i]! && (g < 0 || dueAt[i]! < dueAt[g]!)) g = i;
  if (g >= 0 && (!frameCarriesEngineUpdate(frameTime) || frameTime - dueAt[g]! >= period)) {
    dueAt[g] = Math.max(dueAt[g]! + period, frameTime + period / 2);
    notify(g);
  }
  cancelFrame = nextFrame(onFrame);
}

function onStore(s: SimStore): void {
  if (!s.playback?.playing) {
    stopFrames();
    for (let g = 0; g < GROUPS; g++) notify(g);
    return;
  }
  if (dueAt) return;
  // Playing starts: group 0 is due now, the others a third and two thirds of a period later.
  const period = lagMs(s.playback.speed);
  const now = performance.now();
  dueAt = Array.from({ length: GROUPS }, (_, g) => now + (period * g) / GROUPS);
  cancelFrame = nextFrame(onFrame);
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
      stopFrames();
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
