// Panels that redraw a lot for each update (the ladder, the event log, the LUN tables, the node
// inspector) need not follow playback at the frame rate: while playing they take the store's
// newest value at most every LAG_MS, all in the same render, so the animation frames between keep
// their time for the diagram. When playback is paused — stepping, seeking, a test reading a
// panel — they follow at once.

import { useSyncExternalStore } from 'react';
import { useSimStore, type SimStore } from './useSimStore';

/** How stale a lagging panel may be while playing (8 redraws a second). */
export const LAG_MS = 125;

const listeners = new Set<() => void>();
let last = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let unsubscribeStore: (() => void) | null = null;

function notifyAll(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  last = performance.now();
  for (const listener of [...listeners]) listener();
}

function onStore(s: SimStore): void {
  if (!s.playback?.playing) return notifyAll();
  if (timer !== null) return;
  const wait = last + LAG_MS - performance.now();
  if (wait <= 0) notifyAll();
  else timer = setTimeout(notifyAll, wait);
}

/** Calls `listener` when lagging panels should take the store's newest value. */
export function subscribeLagged(listener: () => void): () => void {
  listeners.add(listener);
  unsubscribeStore ??= useSimStore.subscribe(onStore);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      unsubscribeStore?.();
      unsubscribeStore = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    }
  };
}

/**
 * The store's value through the lagging clock. `selector` must return a value the store keeps (a
 * field such as `s.view` or `s.trace`, or a primitive), never a new object: React compares
 * snapshots with Object.is.
 */
export function useLagged<T>(selector: (s: SimStore) => T): T {
  return useSyncExternalStore(subscribeLagged, () => selector(useSimStore.getState()));
}
