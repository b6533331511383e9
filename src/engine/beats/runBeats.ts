// Running a story: from one beat to the next on a Simulation. The player and the headless
// checker both use this, so "the beat is reached" means the same thing everywhere.

import type { Simulation } from '../sim/createSimulation';
import { checkExpectation } from './expect';
import { entryMatches, waitsForEntry, waitsForLearner } from './match';
import type { Beat } from './types';

export interface BeatPosition {
  /** Engine step and virtual time where the beat was reached. */
  step: number;
  time: number;
  /**
   * Trace length at that moment: the next beat looks at entries from here on, so a learner's
   * action taken after the previous beat (written into the trace at once) counts.
   */
  traceLength: number;
}

export type BeatOutcome = { reached: true; at: BeatPosition; failed: string[] } | { reached: false; reason: string };

/**
 * Runs `sim` forward until `beat` is reached (its condition holds after `from`), or the scenario
 * ends. Learner-waiting beats are not played here unless `playDemo` is set: then their `demo`
 * actions are input first, as a learner would.
 */
export function runToBeat(sim: Simulation, beat: Beat, from: BeatPosition, playDemo: boolean): BeatOutcome {
  const when = beat.when;
  const end = sim.scenario.duration;
  if (waitsForLearner(when) && playDemo) {
    for (const action of beat.demo ?? []) {
      const r = sim.input(action);
      if (!r.ok) return { reached: false, reason: `demo input ${JSON.stringify(action)} was refused: ${r.error}` };
    }
  }
  const startLen = Math.min(from.traceLength, sim.trace().length);
  const timeTarget = when?.at ?? (when?.after !== undefined ? from.time + when.after : undefined);
  if (when && timeTarget !== undefined && !waitsForEntry(when)) {
    // A pure time condition stops exactly at its time, between events.
    if (timeTarget > end) return { reached: false, reason: `"${beat.id}" waits for ${timeTarget} ms, after the scenario's end (${end} ms)` };
    if (sim.time() < timeTarget) sim.runUntil(timeTarget);
  } else if (when) {
    let cursor = startLen;
    let hit = false;
    const matched = (s: Simulation): boolean => {
      if (!hit) {
        const t = s.trace();
        for (; cursor < t.length && !hit; cursor++) hit = entryMatches(when, t[cursor]!);
      }
      return hit && (timeTarget === undefined || s.time() >= timeTarget);
    };
    const ok = sim.runUntil((s) => {
      if (matched(s)) return true;
      const next = s.nextEventTime();
      return next === null || next > end;
    });
    if (!ok || !matched(sim)) return { reached: false, reason: `the scenario ended at ${end} ms before "${beat.id}" was reached` };
  }
  const view = sim.view();
  const failed = (beat.expect ?? []).map((e) => checkExpectation(view, e)).filter((x): x is string => x !== null);
  return { reached: true, at: { step: sim.stepCount(), time: sim.time(), traceLength: sim.trace().length }, failed };
}

/** Plays every beat in order (learner beats through their demos), as `lab check --simulate` does. */
export function runStory(sim: Simulation, beats: readonly Beat[]): { beat: string; outcome: BeatOutcome }[] {
  const out: { beat: string; outcome: BeatOutcome }[] = [];
  let at: BeatPosition = { step: sim.stepCount(), time: sim.time(), traceLength: sim.trace().length };
  for (const beat of beats) {
    const outcome = runToBeat(sim, beat, at, true);
    out.push({ beat: beat.id, outcome });
    if (!outcome.reached) break;
    at = outcome.at;
  }
  return out;
}
