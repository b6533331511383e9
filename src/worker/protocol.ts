// The typed boundary between the engine host (in a Web Worker, or in-process) and the main
// thread. Commands in, updates out, plain structured-clonable data only (never xstate
// snapshots). Bump PROTOCOL_VERSION on any incompatible change; the client refuses a host that
// speaks another version.

import type { BranchInfo, LearnerAction, Scenario, SimView, TraceEntry } from '../engine';
import type { StoryInfo } from './story';

export const PROTOCOL_VERSION = 1;

/** Playback speeds offered (multiples of real time). 1 is real time. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 20] as const;

export type EngineCommand =
  | { type: 'hello' }
  | { type: 'load'; scenario: Scenario; seed?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'stepBack' }
  | { type: 'seek'; time: number }
  /** Jump to just after engine event `step` (e.g. the event a log entry belongs to). */
  | { type: 'seekStep'; step: number }
  /** Run forward to the next notable event (a fault, a membership change, a conflict, ...). */
  | { type: 'nextNotable' }
  /** Go back to the previous notable event. */
  | { type: 'prevNotable' }
  /** Guided scenarios: run to the next beat, jump back to the previous one, or go to beat `index` (0-based). */
  | { type: 'nextBeat' }
  | { type: 'prevBeat' }
  | { type: 'gotoBeat'; index: number }
  | { type: 'setSpeed'; speed: number }
  | { type: 'input'; action: LearnerAction }
  | { type: 'switchBranch'; branch: number };

export interface PlaybackState {
  playing: boolean;
  speed: number;
  /** Virtual time now (ms). */
  time: number;
  step: number;
  duration: number;
  /** True when the run reached the scenario's duration or nothing is left to happen. */
  ended: boolean;
  branch: number;
  branches: Omit<BranchInfo, 'inputs'>[];
  /** Where the guided story stands (count 0 in free play). */
  story: StoryInfo;
}

export type EngineUpdate =
  | { type: 'ready'; protocolVersion: number }
  | { type: 'view'; view: SimView; playback: PlaybackState }
  /** Trace entries from index `from` on replace whatever the receiver held from there. */
  | { type: 'trace'; from: number; entries: TraceEntry[] }
  /** Notable entries that just happened (while moving forward): one-shot effects and announcements. */
  | { type: 'cue'; cues: TraceEntry[] }
  | { type: 'error'; message: string; command?: EngineCommand['type'] };

/** Checks a message really is a command before the host acts on it. */
export function isEngineCommand(msg: unknown): msg is EngineCommand {
  if (typeof msg !== 'object' || msg === null) return false;
  const type = (msg as { type?: unknown }).type;
  return ['hello', 'load', 'play', 'pause', 'step', 'stepBack', 'seek', 'seekStep', 'nextNotable', 'prevNotable', 'nextBeat', 'prevBeat', 'gotoBeat', 'setSpeed', 'input', 'switchBranch'].includes(type as string);
}
