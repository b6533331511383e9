// Which animation frames carry an engine update. While playing, the worker posts about 30 views a
// second and the display draws 60 frames: every other frame applies a view (React, style, layout,
// paint of the diagram), the ones between have time to spare. The lagging panels (useLagged) redraw
// in those spare frames, so no frame pays for both.

let pending = false;
let flushedAt: number | null = null;

/** An engine update was queued: the next frame will apply it. */
export function markEngineQueued(): void {
  pending = true;
}

/** The queued updates were applied, in the animation frame of `frameTime` (null: not in a frame). */
export function markEngineFlushed(frameTime: number | null): void {
  pending = false;
  flushedAt = frameTime;
}

/** True when the frame of `frameTime` applies (or already applied) an engine update. */
export function frameCarriesEngineUpdate(frameTime: number): boolean {
  return pending || flushedAt === frameTime;
}

/** An animation frame where there are frames; a 16 ms timer elsewhere (unit tests, Node). */
export function nextFrame(fn: (frameTime: number) => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(() => fn(performance.now()), 16);
  return () => clearTimeout(id);
}
