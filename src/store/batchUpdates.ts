// Engine updates arrive as separate worker messages (trace, view, cue: two or three per playback
// frame), and each would cost React a render. They are queued and applied together once per
// animation frame, keeping only the newest view; trace and cue updates all apply, in order.
// A hidden tab gets no animation frames, so a timer flushes too.

import type { EngineUpdate } from '../worker/protocol';
import { markEngineFlushed, markEngineQueued } from './frameSlots';

/** Latest a queued update waits when no animation frame comes (hidden tab). */
const FALLBACK_MS = 100;

export function batchUpdates(apply: (u: EngineUpdate) => void): { push: (u: EngineUpdate) => void; flush: (frameTime?: number) => void } {
  let queue: EngineUpdate[] = [];
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** `frameTime` is the animation frame's timestamp when called as a frame callback. */
  function flush(frameTime?: number): void {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = timer = null;
    markEngineFlushed(typeof frameTime === 'number' ? frameTime : null);
    const batch = queue;
    queue = [];
    let lastView = -1;
    batch.forEach((u, i) => {
      if (u.type === 'view') lastView = i;
    });
    batch.forEach((u, i) => {
      if (u.type !== 'view' || i === lastView) apply(u);
    });
  }

  return {
    push(u) {
      queue.push(u);
      markEngineQueued();
      // Errors and the handshake need no frame; nor does anything where frames don't exist.
      if (u.type === 'error' || u.type === 'ready' || typeof requestAnimationFrame !== 'function') return flush();
      if (frame === null) frame = requestAnimationFrame(flush);
      if (timer === null) timer = setTimeout(() => flush(), FALLBACK_MS);
    },
    flush,
  };
}
