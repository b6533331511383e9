// Checkpoints: copies of the world taken every few hundred events. A copy shares what is
// immutable (the scenario, queued events, xstate snapshots) and deep-copies the rest, so the
// live world can move on without touching it.

import { clonePlain } from '../clone';
import type { SimMs } from '../model/ids';
import type { World } from '../model/world';

export interface Checkpoint {
  step: number;
  time: SimMs;
  /** Inputs already applied: those of steps before `step` (inputs at `step` come after). */
  inputsApplied: number;
  world: World;
}

export function cloneWorld(world: World): World {
  const { scenario, queue, actors, ...plain } = world;
  return { ...clonePlain(plain), scenario, queue: queue.slice(), actors: { ...actors } };
}

export function takeCheckpoint(world: World): Checkpoint {
  return { step: world.step, time: world.time, inputsApplied: world.inputsApplied, world: cloneWorld(world) };
}

/** The latest checkpoint at or before `step` (checkpoints are kept sorted by step). */
export function checkpointAtOrBeforeStep(list: readonly Checkpoint[], step: number): Checkpoint {
  let best = list[0]!;
  for (const c of list) {
    if (c.step <= step) best = c;
    else break;
  }
  return best;
}

/** The latest checkpoint at or before virtual time `time`. */
export function checkpointAtOrBeforeTime(list: readonly Checkpoint[], time: number): Checkpoint {
  let best = list[0]!;
  for (const c of list) {
    if (c.time <= time) best = c;
    else break;
  }
  return best;
}
