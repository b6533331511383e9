// The one source of randomness in the engine: a seeded mulberry32 generator (Tommy Ettinger's
// 32-bit generator, public domain). Its whole state is one 32-bit integer kept in plain data, so
// checkpoints carry it and a restored run draws exactly the same numbers again.

/** Generator state. Plain data: copy it with the rest of the world. */
export interface RngState {
  s: number;
}

export function createRng(seed: number): RngState {
  // Mix the seed once so that seeds 0, 1, 2 ... start far apart.
  let s = (seed ^ 0x9e3779b9) >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
  return { s };
}

/** Next float in [0, 1). Advances `rng`. */
export function nextFloat(rng: RngState): number {
  rng.s = (rng.s + 0x6d2b79f5) >>> 0;
  let t = rng.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Next integer in [lo, hi] (both inclusive). Advances `rng`. */
export function nextInt(rng: RngState, lo: number, hi: number): number {
  return lo + Math.floor(nextFloat(rng) * (hi - lo + 1));
}
