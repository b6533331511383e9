// The guided story inside the host: which beats have been reached and where, so Next beat runs
// the simulation to the next beat's condition, Previous beat jumps back exactly (event-sourced:
// seek to the recorded step and time), and playing pauses when a beat is reached.

import { entryMatches, runToBeat, waitsForEntry, waitsForLearner, type Beat, type BeatPosition, type Simulation } from '../engine';

export interface StoryInfo {
  /** Number of beats; 0 for free play. */
  count: number;
  /** Index of the beat shown now (the last one reached), or -1 before the first. */
  current: number;
  /** The next beat waits for the learner (a console command or a fault), not for the model. */
  waitingForLearner: boolean;
}

export interface Story {
  info(): StoryInfo;
  /** After the simulation moved forward: reach the next beat if its condition now holds. */
  check(sim: Simulation): boolean;
  /** A cheap test for runUntil: has the next beat's condition just become true? */
  pending(sim: Simulation): boolean;
  /** When the next beat waits for a time only: that time (playback stops exactly there). */
  timeStop(): number | null;
  /** After the simulation moved back: forget beats reached later than now. */
  rewind(sim: Simulation): void;
  /** Runs to the next beat; returns an error message when it can't. */
  next(sim: Simulation): string | null;
  /** Jumps back to the beat before the current one; false at the first. */
  previous(sim: Simulation): boolean;
  /** Goes to beat `index` (back by seeking, forward by running). */
  goto(sim: Simulation, index: number): string | null;
}

const here = (sim: Simulation): BeatPosition => ({ step: sim.stepCount(), time: sim.time(), traceLength: sim.trace().length });

export function createStory(beats: readonly Beat[], sim: Simulation): Story {
  const reached: BeatPosition[] = [];
  let cursor = 0;

  const start = (): BeatPosition => reached.at(-1) ?? { step: 0, time: 0, traceLength: 0 };
  const target = (): Beat | undefined => beats[reached.length];

  function conditionHolds(s: Simulation): boolean {
    const beat = target();
    if (!beat?.when) return false;
    const when = beat.when;
    const from = start();
    const timeTarget = when.at ?? (when.after !== undefined ? from.time + when.after : undefined);
    if (!waitsForEntry(when)) return timeTarget !== undefined && s.time() >= timeTarget;
    if (timeTarget !== undefined && s.time() < timeTarget) return false;
    const t = s.trace();
    if (cursor < from.traceLength) cursor = from.traceLength;
    for (; cursor < t.length; cursor++) if (entryMatches(when, t[cursor]!)) return true;
    return false;
  }

  // The opening beat usually has no condition: it is shown at once.
  if (beats[0] && !beats[0].when) reached.push(here(sim));

  return {
    info: () => ({ count: beats.length, current: reached.length - 1, waitingForLearner: waitsForLearner(target()?.when) }),
    check(s) {
      if (!conditionHolds(s)) return false;
      reached.push(here(s));
      cursor = s.trace().length;
      return true;
    },
    pending: (s) => conditionHolds(s),
    timeStop() {
      const when = target()?.when;
      if (!when || waitsForEntry(when)) return null;
      return when.at ?? (when.after !== undefined ? start().time + when.after : null);
    },
    rewind(s) {
      while (reached.length > 0 && reached.at(-1)!.traceLength > s.trace().length) reached.pop();
      while (reached.length > 0 && reached.at(-1)!.step > s.stepCount()) reached.pop();
      cursor = Math.min(cursor, s.trace().length);
    },
    next(s) {
      const beat = target();
      if (!beat) return 'this is the last beat';
      if (waitsForLearner(beat.when)) return `beat "${beat.title}" waits for you: ${beat.when?.console ? 'type the command in the console' : 'inject the fault'}`;
      const outcome = runToBeat(s, beat, start(), false);
      if (!outcome.reached) return outcome.reason;
      reached.push(outcome.at);
      cursor = outcome.at.traceLength;
      return null;
    },
    previous(s) {
      if (reached.length < 2) return false;
      reached.pop();
      const p = reached.at(-1)!;
      s.seekStep(p.step, p.time);
      cursor = p.traceLength;
      return true;
    },
    goto(s, index) {
      if (!Number.isInteger(index) || index < 0 || index >= beats.length) return `there is no beat ${index + 1}; this scenario has ${beats.length}`;
      if (index < reached.length) {
        reached.length = index + 1;
        const p = reached[index]!;
        s.seekStep(p.step, p.time);
        cursor = p.traceLength;
        return null;
      }
      while (reached.length <= index) {
        const problem = this.next(s);
        if (problem) return problem;
      }
      return null;
    },
  };
}
