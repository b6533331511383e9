// Plays a scenario's beats headless, as `lab check --simulate` and the library tests do, and says
// in words what went wrong: a beat never reached (and why it might not be), a demo the engine
// refused, an expectation that does not hold. Pure: no Node, no clock.

import { BEAT_EVENTS, createSimulation, entryMatches, runToBeat, type Beat, type BeatPosition, type BeatWhen, type Scenario, type Simulation } from '../../engine';

export interface StoryProblem {
  /** Index of the beat in `beats`. */
  beat: number;
  /** "beats[3] \"fenced\": never reached — …" */
  message: string;
}

export interface StoryCheck {
  /** Where each beat was reached, in order, up to the first one that was not. */
  positions: BeatPosition[];
  problems: StoryProblem[];
  /** Expectations checked (of reached beats) and how many held. */
  expectations: number;
  held: number;
  /** Virtual time the run stopped at. */
  end: number;
  sim: Simulation;
}

/** The beat's condition in words, for messages: `event "fenced" (a node is fenced…) on node B`. */
export function describeWhen(when: BeatWhen | undefined): string {
  if (!when) return 'nothing (it comes right after the previous beat)';
  const parts: string[] = [];
  if (when.console) parts.push(`the learner's command on ${when.console.node} matching /${when.console.matches}/${when.console.exit === undefined ? '' : ` with exit status ${when.console.exit}`}`);
  else if (when.fault) parts.push(`the learner injecting the fault "${when.fault}"`);
  else if (when.status) parts.push(`a command answered ${when.status}${when.purpose ? ` (purpose "${when.purpose}")` : ''}${when.node ? ` on node ${when.node}` : ''}`);
  else if (when.event) {
    const friendly = BEAT_EVENTS[when.event];
    parts.push(`event "${when.event}"${friendly ? ` (${friendly.description})` : ''}${when.node ? ` on node ${when.node}` : ''}`);
  }
  if (when.at !== undefined) parts.push(`${parts.length > 0 ? 'at or after' : 'time'} ${when.at} ms`);
  if (when.after !== undefined) parts.push(`${when.after} ms after the previous beat`);
  return parts.join(', ');
}

const label = (beats: readonly Beat[], i: number): string => `beats[${i}] ${JSON.stringify(beats[i]?.id ?? '?')}`;

/** Why beat `i` was not reached, with a hint at what to change. */
function notReached(sim: Simulation, beats: readonly Beat[], i: number, from: BeatPosition, reason: string): string {
  const beat = beats[i]!;
  const when = beat.when;
  const end = sim.scenario.duration;
  const head = label(beats, i);
  if (reason.startsWith('demo input')) return `${head}: its demo could not be played: ${reason}; fix the demo's node or command so it can run at this point of the story.`;
  if (reason.includes("after the scenario's end")) return `${head}: never reached — it waits for ${describeWhen(when)}, after the scenario's end (${end} ms); lower the time or raise duration.`;
  const previous = i === 0 ? 'the start' : `the previous beat ${JSON.stringify(beats[i - 1]!.id)} at ${from.time} ms`;
  let hint = 'check the condition and the faults that should cause it, or raise duration';
  if (when && !when.console && !when.fault) {
    const earlier = sim.trace().find((e) => e.step <= from.step && entryMatches(when, e));
    if (earlier) hint = `it did happen at ${earlier.t} ms, before ${previous}: move this beat earlier, or wait for something that happens later`;
  }
  return `${head}: never reached — the scenario ended at ${end} ms; after ${previous} it waits for ${describeWhen(when)}, and that never came. Hint: ${hint}.`;
}

/** Runs `scenario` (with its engine defaults filled) through `beats`, playing learner demos. */
export function checkStory(scenario: Scenario, beats: readonly Beat[]): StoryCheck {
  const sim = createSimulation({ scenario });
  const positions: BeatPosition[] = [];
  const problems: StoryProblem[] = [];
  let expectations = 0;
  let held = 0;
  let at: BeatPosition = { step: sim.stepCount(), time: sim.time(), traceLength: sim.trace().length };
  for (let i = 0; i < beats.length; i++) {
    const beat = beats[i]!;
    const outcome = runToBeat(sim, beat, at, true);
    if (!outcome.reached) {
      problems.push({ beat: i, message: notReached(sim, beats, i, at, outcome.reason) });
      break;
    }
    positions.push(outcome.at);
    expectations += beat.expect?.length ?? 0;
    held += (beat.expect?.length ?? 0) - outcome.failed.length;
    for (const failure of outcome.failed) problems.push({ beat: i, message: `${label(beats, i)}: expectation failed at ${outcome.at.time} ms: ${failure}.` });
    at = outcome.at;
  }
  // Without beats there is no story to stop at: run the scenario to its end.
  if (beats.length === 0) sim.runUntil(scenario.duration);
  return { positions, problems, expectations, held, end: sim.time(), sim };
}
