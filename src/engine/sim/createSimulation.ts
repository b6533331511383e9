// The public face of the engine. A run is (scenario, seed, timed learner inputs); everything
// else — stepping back, seeking, branching — is rebuilt from that by replay from checkpoints.

import type { SimMs } from '../model/ids';
import type { LearnerAction, TimedInput } from '../model/input';
import type { Scenario } from '../model/scenario';
import type { TraceEntry } from '../model/trace';
import type { SimView } from '../model/view';
import { project } from '../projection';
import { peekEvent } from '../queue';
import { checkpointAtOrBeforeStep, checkpointAtOrBeforeTime, cloneWorld, takeCheckpoint, type Checkpoint } from './checkpoint';
import type { RunContext } from './context';
import { applyInput, createWorld, processNext, validateAction } from './runtime';

/** Events between checkpoints: replay after a seek is at most this many events. */
export const CHECKPOINT_EVERY = 256;

export interface SimulationOptions {
  scenario: Scenario;
  /** Defaults to the scenario's seed. */
  seed?: number;
  /** Inputs of a recorded run, replayed as the run reaches them. */
  inputs?: readonly TimedInput[];
}

/** A line of history: the authored run is branch 0; an input in the past forks a new branch. */
export interface BranchInfo {
  id: number;
  parent: number | null;
  /** Where it left its parent. */
  forkStep: number;
  forkTime: SimMs;
  inputs: TimedInput[];
  /** Furthest point the branch has been run to. */
  frontierStep: number;
  frontierTime: SimMs;
}

interface Branch extends BranchInfo {
  checkpoints: Checkpoint[];
  /**
   * Every trace entry the branch has produced so far, also beyond the current instant after a
   * step back: replay rewrites identical entries, and a forward jump to a later checkpoint needs
   * the entries before it.
   */
  trace: TraceEntry[];
}

export type InputResult = { ok: true; forked: boolean; branch: number } | { ok: false; error: string };

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Processes the next engine event; false when nothing is left to happen. */
  step(): boolean;
  /** Runs to virtual time `t` (every event at or before it), or until `until` returns true. */
  runUntil(limit: number | ((sim: Simulation) => boolean), maxEvents?: number): boolean;
  /** Applies a learner action now; forks a new branch when the current one had a different future. */
  input(action: LearnerAction): InputResult;
  view(): SimView;
  /** The trace up to now. Append-only while running forward. */
  trace(): readonly TraceEntry[];
  /** Jumps to virtual time `t`: every event at or before `t` processed, clock at `t`. */
  seek(t: number): void;
  /** Goes back one engine event; false at the start. */
  stepBack(): boolean;
  /** Jumps to just after engine event `step` (0 = the start), optionally to a later `time` before the next event. */
  seekStep(step: number, time?: number): void;
  time(): SimMs;
  stepCount(): number;
  /** Virtual time of the next pending engine event, or null when nothing is pending. */
  nextEventTime(): SimMs | null;
  branches(): BranchInfo[];
  currentBranch(): number;
  /** Leaves the current branch for another, at the same virtual time where possible. */
  switchBranch(id: number): void;
  /**
   * The lowest trace length the trace has been cut back to since the last call (Infinity when it
   * only grew). Lets a host send just the changed tail of the trace.
   */
  takeTraceLowWater(): number;
  /** The history that reproduces the current state: replay it with createSimulation({ inputs }). */
  history(): { scenario: Scenario; seed: number; inputs: TimedInput[] };
}

export function createSimulation(options: SimulationOptions): Simulation {
  const scenario = options.scenario;
  const seed = options.seed ?? scenario.seed;
  let ctx: RunContext = createWorld(scenario, seed);
  const root: Branch = {
    id: 0,
    parent: null,
    forkStep: 0,
    forkTime: 0 as SimMs,
    inputs: [...(options.inputs ?? [])].sort((a, b) => a.step - b.step || a.at - b.at),
    frontierStep: 0,
    frontierTime: 0 as SimMs,
    checkpoints: [takeCheckpoint(ctx.world)],
    trace: ctx.trace,
  };
  const branches: Branch[] = [root];
  let traceLowWater = Infinity;
  let branch = root;

  function restore(c: Checkpoint): void {
    if (c.world.traceLength < ctx.world.traceLength) traceLowWater = Math.min(traceLowWater, c.world.traceLength);
    ctx = { world: cloneWorld(c.world), trace: branch.trace };
  }

  /** Applies the branch's inputs placed at the current step with `at` ≤ limit (and any overdue). */
  function applyDueInputs(limit: number): void {
    const w = ctx.world;
    for (;;) {
      const next = branch.inputs[w.inputsApplied];
      if (!next) return;
      if (next.step > w.step || (next.step === w.step && next.at > limit)) return;
      applyInput(ctx, next.at < w.time ? { ...next, at: w.time } : next);
    }
  }

  function noteFrontier(): void {
    if (ctx.world.step > branch.frontierStep) branch.frontierStep = ctx.world.step;
    if (ctx.world.time > branch.frontierTime) branch.frontierTime = ctx.world.time;
  }

  function advanceOne(): boolean {
    const next = peekEvent(ctx.world.queue);
    applyDueInputs(next ? next.time : Infinity);
    if (!processNext(ctx)) return false;
    const w = ctx.world;
    const last = branch.checkpoints[branch.checkpoints.length - 1]!;
    if (w.step % CHECKPOINT_EVERY === 0 && w.step > last.step) branch.checkpoints.push(takeCheckpoint(w));
    applyDueInputs(w.time);
    noteFrontier();
    return true;
  }

  function runToTime(t: number): void {
    for (;;) {
      applyDueInputs(t);
      const next = peekEvent(ctx.world.queue);
      if (!next || next.time > t) break;
      advanceOne();
    }
    if (t > ctx.world.time) ctx.world.time = t as SimMs;
    noteFrontier();
  }

  /** Goes to just after engine event `step`, with the inputs placed there up to `time` applied. */
  function goToStep(step: number, time?: number): void {
    const best = checkpointAtOrBeforeStep(branch.checkpoints, step);
    // Restore when going back, or when a checkpoint lies ahead of the live world (already explored).
    if (step < ctx.world.step || (step === ctx.world.step && time !== undefined && time < ctx.world.time) || best.step > ctx.world.step) {
      restore(best);
    }
    while (ctx.world.step < step && advanceOne());
    const t = time ?? ctx.world.time;
    applyDueInputs(t);
    if (t > ctx.world.time) ctx.world.time = t as SimMs;
    noteFrontier();
  }

  function goToTime(t: number): void {
    const best = checkpointAtOrBeforeTime(branch.checkpoints, t);
    if (t < ctx.world.time || best.step > ctx.world.step) restore(best);
    runToTime(t);
  }

  const sim: Simulation = {
    scenario,
    seed,
    step: () => advanceOne(),
    runUntil(limit, maxEvents = 5_000_000) {
      if (typeof limit === 'number') {
        runToTime(limit);
        return true;
      }
      for (let i = 0; i < maxEvents; i++) {
        if (limit(sim)) return true;
        if (!advanceOne()) return limit(sim);
      }
      return false;
    },
    input(action) {
      const problem = validateAction(ctx.world, action);
      if (problem) return { ok: false, error: problem };
      const w = ctx.world;
      const timed: TimedInput = { step: w.step, at: w.time, action };
      const hasFuture = branch.frontierStep > w.step || branch.frontierTime > w.time || branch.inputs.length > w.inputsApplied;
      let forked = false;
      if (hasFuture) {
        const child: Branch = {
          id: branches.length,
          parent: branch.id,
          forkStep: w.step,
          forkTime: w.time,
          inputs: [...branch.inputs.slice(0, w.inputsApplied), timed],
          frontierStep: w.step,
          frontierTime: w.time,
          checkpoints: branch.checkpoints.filter((c) => c.step <= w.step),
          trace: branch.trace.slice(0, w.traceLength),
        };
        branches.push(child);
        branch = child;
        ctx = { world: ctx.world, trace: child.trace };
        forked = true;
      } else {
        branch.inputs.push(timed);
      }
      applyInput(ctx, timed);
      return { ok: true, forked, branch: branch.id };
    },
    view: () => project(ctx.world, ctx.trace),
    trace: () => (ctx.trace.length === ctx.world.traceLength ? ctx.trace : ctx.trace.slice(0, ctx.world.traceLength)),
    seek: (t) => goToTime(Math.max(0, t)),
    stepBack() {
      if (ctx.world.step === 0) return false;
      goToStep(ctx.world.step - 1);
      return true;
    },
    seekStep: (step, time) => goToStep(Math.max(0, step), time),
    time: () => ctx.world.time,
    stepCount: () => ctx.world.step,
    nextEventTime: () => peekEvent(ctx.world.queue)?.time ?? null,
    // Field by field: a rest spread of the internal Branch would also hand out its checkpoints and
    // whole trace (a host posting branches with every view sent the full trace 30 times a second).
    branches: () =>
      branches.map((b): BranchInfo => ({
        id: b.id,
        parent: b.parent,
        forkStep: b.forkStep,
        forkTime: b.forkTime,
        inputs: b.inputs.map((i) => ({ ...i })),
        frontierStep: b.frontierStep,
        frontierTime: b.frontierTime,
      })),
    currentBranch: () => branch.id,
    switchBranch(id) {
      const target = branches[id];
      if (!target || target === branch) return;
      const t = ctx.world.time;
      branch = target;
      const targetTime = Math.min(t, Math.max(branch.frontierTime, branch.forkTime));
      // Another branch's trace replaces ours (a rare action: resend it all).
      traceLowWater = 0;
      restore(checkpointAtOrBeforeTime(branch.checkpoints, targetTime));
      runToTime(targetTime);
    },
    takeTraceLowWater() {
      const low = traceLowWater;
      traceLowWater = Infinity;
      return low;
    },
    history: () => ({ scenario, seed, inputs: branch.inputs.slice(0, ctx.world.inputsApplied).map((i) => ({ ...i })) }),
  };
  return sim;
}
