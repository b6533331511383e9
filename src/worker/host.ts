// The engine host: owns one Simulation, obeys EngineCommands, paces virtual time against wall
// time while playing, and posts EngineUpdates. It runs inside the Web Worker
// (engine.worker.ts) and, unchanged, in-process for unit tests and as the fallback where
// workers are blocked (inProcessHost.ts). It knows nothing of the DOM or of Worker APIs: wall
// time and timers are handed in.

import { createSimulation, type Beat, type Simulation, type TraceEntry } from '../engine';
import { createStory, type Story } from './story';
import { isEngineCommand, PROTOCOL_VERSION, type EngineCommand, type EngineUpdate, type PlaybackState } from './protocol';

export interface WallClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Wall-clock milliseconds between playback frames (about 30 frames a second). */
export const FRAME_MS = 33;
/** A frame stops processing events after this much wall time, so the host stays responsive. */
export const FRAME_BUDGET_MS = 12;
/** Wall-clock gaps longer than this (a hidden tab, a debugger) are not caught up. */
const MAX_FRAME_GAP_MS = 250;

export interface Host {
  handle(command: unknown): void;
  dispose(): void;
}

export function createHost(post: (update: EngineUpdate) => void, clock: WallClock): Host {
  let sim: Simulation | null = null;
  let playing = false;
  let speed = 1;
  let frame: unknown = null;
  let lastWall = 0;
  let sentTrace = 0;
  let story: Story | null = null;

  const ended = (s: Simulation) => s.time() >= s.scenario.duration;

  function playback(s: Simulation): PlaybackState {
    return {
      playing,
      speed,
      time: s.time(),
      step: s.stepCount(),
      duration: s.scenario.duration,
      ended: ended(s),
      branch: s.currentBranch(),
      branches: s.branches().map(({ inputs: _i, ...b }) => b),
      story: story ? story.info() : { count: 0, current: -1, waitingForLearner: false },
    };
  }

  /** After moving forward: a beat whose condition now holds is reached, and playback pauses there. */
  function afterForward(s: Simulation): void {
    if (story?.check(s) && playing) {
      playing = false;
      stopFrames();
    }
  }

  function afterBackward(s: Simulation): void {
    story?.rewind(s);
  }

  /** Posts the view, the changed tail of the trace and, when moving forward, the new cues. */
  function publish(forward: boolean): void {
    if (!sim) return;
    const trace = sim.trace();
    const from = Math.min(sentTrace, sim.takeTraceLowWater(), trace.length);
    if (from < trace.length || from < sentTrace) {
      const entries = trace.slice(from) as TraceEntry[];
      post({ type: 'trace', from, entries });
      if (forward && from === sentTrace) {
        const cues = entries.filter((e) => e.notable);
        if (cues.length > 0) post({ type: 'cue', cues });
      }
    }
    sentTrace = trace.length;
    post({ type: 'view', view: sim.view(), playback: playback(sim) });
  }

  function stopFrames(): void {
    if (frame !== null) clock.clearTimeout(frame);
    frame = null;
  }

  function tick(): void {
    frame = null;
    if (!sim || !playing) return;
    const now = clock.now();
    const gap = Math.min(now - lastWall, MAX_FRAME_GAP_MS);
    lastWall = now;
    const stop = story?.timeStop() ?? null;
    const target = Math.min(sim.time() + gap * speed, sim.scenario.duration, stop !== null && stop >= sim.time() ? stop : Infinity);
    const started = clock.now();
    // Run towards the target, but give up the rest of the frame when the budget is spent: virtual
    // time then lags behind instead of the worker freezing.
    const overBudget = () => clock.now() - started > FRAME_BUDGET_MS;
    const atBeat = (s: Simulation) => story?.pending(s) ?? false;
    sim.runUntil((s) => {
      const next = s.nextEventTime();
      return atBeat(s) || next === null || next > target || overBudget();
    });
    if (!overBudget() && !atBeat(sim)) sim.runUntil(target);
    afterForward(sim);
    if (ended(sim)) playing = false;
    publish(true);
    if (playing) frame = clock.setTimeout(tick, FRAME_MS);
  }

  function runUntilConsoleExit(s: Simulation, node: string, from: number): void {
    let cursor = from;
    const done = (x: Simulation): boolean => {
      const t = x.trace();
      for (; cursor < t.length; cursor++) if (t[cursor]!.kind === 'CONSOLE.EXIT' && t[cursor]!.node === node) return true;
      return false;
    };
    s.runUntil((x) => done(x) || x.time() >= x.scenario.duration, 200_000);
  }

  function fail(message: string, command?: EngineCommand['type']): void {
    post({ type: 'error', message, command });
  }

  function run(command: EngineCommand): void {
    if (command.type === 'hello') {
      post({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
      return;
    }
    if (command.type === 'load') {
      stopFrames();
      playing = false;
      sim = createSimulation({ scenario: command.scenario, seed: command.seed });
      story = createStory((command.scenario.beats ?? []) as Beat[], sim);
      sentTrace = 0;
      post({ type: 'trace', from: 0, entries: [] });
      publish(false);
      return;
    }
    if (!sim) {
      fail(`"${command.type}" needs a scenario: send "load" first`, command.type);
      return;
    }
    switch (command.type) {
      case 'play':
        if (ended(sim)) {
          fail('the run has reached the end of the scenario; step back, seek or reset to play again', 'play');
          return;
        }
        if (!playing) {
          playing = true;
          lastWall = clock.now();
          stopFrames();
          frame = clock.setTimeout(tick, FRAME_MS);
        }
        publish(false);
        return;
      case 'pause':
        playing = false;
        stopFrames();
        publish(false);
        return;
      case 'step': {
        playing = false;
        stopFrames();
        // The run ends at the scenario's duration: a step whose event lies beyond it only moves the
        // clock to the end (as playing and Next event do), so every moment has a time a link can name.
        const next = sim.nextEventTime();
        if (next === null || next > sim.scenario.duration) sim.runUntil(sim.scenario.duration);
        else sim.step();
        afterForward(sim);
        publish(true);
        return;
      }
      case 'stepBack':
        playing = false;
        stopFrames();
        sim.stepBack();
        afterBackward(sim);
        publish(false);
        return;
      case 'seek': {
        if (!Number.isFinite(command.time)) {
          fail(`seek needs a time in milliseconds, got ${String(command.time)}`, 'seek');
          return;
        }
        const forward = command.time >= sim.time();
        sim.seek(Math.min(command.time, sim.scenario.duration));
        if (forward) afterForward(sim);
        else afterBackward(sim);
        publish(forward);
        return;
      }
      case 'seekStep': {
        if (!Number.isInteger(command.step) || command.step < 0) {
          fail(`seekStep needs a whole event number ≥ 0, got ${String(command.step)}`, 'seekStep');
          return;
        }
        playing = false;
        stopFrames();
        const forward = command.step >= sim.stepCount();
        sim.seekStep(command.step);
        if (forward) afterForward(sim);
        else afterBackward(sim);
        publish(forward);
        return;
      }
      case 'nextNotable': {
        playing = false;
        stopFrames();
        const from = sim.trace().length;
        // Stop at the first step that writes a notable entry, or at the end of the scenario.
        sim.runUntil((s) => {
          const t = s.trace();
          for (let i = from; i < t.length; i++) if (t[i]!.notable) return true;
          const next = s.nextEventTime();
          return next === null || next > s.scenario.duration;
        });
        if (sim.trace().length === from) sim.runUntil(sim.scenario.duration);
        afterForward(sim);
        publish(true);
        return;
      }
      case 'prevNotable': {
        playing = false;
        stopFrames();
        const t = sim.trace();
        const here = sim.stepCount();
        let target = 0;
        for (let i = t.length - 1; i >= 0; i--) {
          const e = t[i]!;
          if (e.notable && e.step < here) {
            target = e.step;
            break;
          }
        }
        sim.seekStep(target);
        afterBackward(sim);
        publish(false);
        return;
      }
      case 'nextBeat':
      case 'prevBeat':
      case 'gotoBeat': {
        playing = false;
        stopFrames();
        if (!story || story.info().count === 0) {
          fail('this scenario has no beats: it is free play', command.type);
          return;
        }
        if (command.type === 'prevBeat') {
          story.previous(sim);
          publish(false);
          return;
        }
        const before = sim.stepCount();
        const problem = command.type === 'nextBeat' ? story.next(sim) : story.goto(sim, command.index);
        if (problem) fail(problem, command.type);
        publish(sim.stepCount() >= before);
        return;
      }
      case 'setSpeed':
        if (!Number.isFinite(command.speed) || command.speed <= 0 || command.speed > 1000) {
          fail(`speed must be a number of times real time between 0.1 and 1000, got ${String(command.speed)}`, 'setSpeed');
          return;
        }
        speed = command.speed;
        publish(false);
        return;
      case 'input': {
        const mark = sim.trace().length;
        const result = sim.input(command.action);
        if (!result.ok) fail(result.error, 'input');
        else if (result.forked) afterBackward(sim);
        // A console answers like a terminal: run until the command has printed its output, even
        // while paused (a lost command ends with its timeout).
        if (result.ok && command.action.type === 'console') runUntilConsoleExit(sim, command.action.node, mark);
        afterForward(sim);
        publish(true);
        return;
      }
      case 'switchBranch':
        if (!sim.branches().some((b) => b.id === command.branch)) {
          fail(`there is no branch ${command.branch}`, 'switchBranch');
          return;
        }
        sim.switchBranch(command.branch);
        afterBackward(sim);
        publish(false);
        return;
    }
  }

  return {
    handle(command) {
      if (!isEngineCommand(command)) {
        fail(`not an engine command: ${JSON.stringify(command)?.slice(0, 120)}`);
        return;
      }
      try {
        run(command);
      } catch (err) {
        // A bug in the engine must not take the host down: report it and keep the last state.
        playing = false;
        stopFrames();
        fail(`engine error while handling "${command.type}": ${err instanceof Error ? err.message : String(err)}`, command.type);
      }
    },
    dispose() {
      stopFrames();
      playing = false;
    },
  };
}
