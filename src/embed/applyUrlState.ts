// Puts the app where a deep link says: load the scenario (with its seed), replay the learner's
// recorded inputs, go to the beat or the time, set the speed and the first panel, and play only
// when the link asks (autoplay is off by default: WCAG 2.2.2, and course pages expect it).

import type { LearnerAction, Scenario, TimedInput } from '../engine';
import type { UrlState, ViewId } from './urlState';

export interface StartupIntents {
  load(scenario: Scenario, seed?: number): void;
  /**
   * Loads with the inputs already placed in the run (createSimulation({ inputs })): exact replay.
   * Absent until the engine protocol's `load` carries inputs; then inputs are replayed one by one.
   */
  loadWithInputs?(scenario: Scenario, seed: number | undefined, inputs: TimedInput[]): void;
  seekStep(step: number): void;
  /**
   * Goes to just after engine event `step` and resolves with the virtual time there (the time of
   * the view the engine answers with). Makes the one-by-one replay exact; see replayInputs.
   */
  seekStepTime?(step: number): Promise<number>;
  seek(time: number): void;
  input(action: LearnerAction): void;
  setSpeed(speed: number): void;
  play(): void;
  showPanel(view: ViewId): void;
  /** The guided player's "go to beat n" (1-based), once the player exists. */
  gotoBeat?(beat: number): void;
}

/**
 * Replays `inputs` where they were made: after engine event `step`, at time `at`. An input made
 * while paused mid-play has `at` strictly between event `step` and the next one, so seeking to
 * `at` processes nothing; an input made right after Step has `at` equal to event `step`'s time,
 * where the next event may share that time and must not run first. With seekStepTime we know
 * which case it is and seek only in the first; without it we always seek, which can run such a
 * tied event early. loadWithInputs (the engine placing the inputs itself) needs neither.
 */
async function replayInputs(inputs: readonly TimedInput[], intents: StartupIntents): Promise<void> {
  for (const { step, at, action } of inputs) {
    if (intents.seekStepTime) {
      const here = await intents.seekStepTime(step);
      if (at > here) intents.seek(at);
    } else {
      intents.seekStep(step);
      intents.seek(at);
    }
    intents.input(action);
  }
}

/** Resolves when every command is sent (at once, unless inputs are replayed one by one with seekStepTime). */
export async function applyUrlState(state: UrlState, scenario: Scenario, intents: StartupIntents): Promise<void> {
  const seed = state.seed ?? undefined;
  if (state.inputs.length > 0 && intents.loadWithInputs) {
    intents.loadWithInputs(scenario, seed, state.inputs);
  } else {
    intents.load(scenario, seed);
    await replayInputs(state.inputs, intents);
  }
  if (state.beat !== null && intents.gotoBeat) intents.gotoBeat(state.beat);
  else if (state.t !== null) intents.seek(state.t);
  else if (state.inputs.length > 0 && !intents.loadWithInputs) intents.seek(0); // replayed inputs stay ahead, as with loadWithInputs
  if (state.speed !== null) intents.setSpeed(state.speed);
  if (state.view !== null) intents.showPanel(state.view);
  if (state.autoplay) intents.play();
}
