// The embed API's wire format, version 1: every message either way is
//   { ns: "reservation-lab", v: 1, type, payload, id?, replyTo? }
// Commands come in from the host page; events go out to it. docs/embedding.md documents each
// one with examples for course authors; this file is the source of truth for the shapes.

import type { FaultTarget } from '../engine';

export const EMBED_NS = 'reservation-lab';
export const EMBED_API_VERSION = 1;

export const COMMAND_TYPES = ['play', 'pause', 'step', 'stepBack', 'seek', 'gotoBeat', 'loadScenario', 'injectFault', 'setSpeed', 'getState'] as const;
export type EmbedCommandType = (typeof COMMAND_TYPES)[number];

export type EmbedCommand =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'stepBack' }
  /** Virtual time in ms. */
  | { type: 'seek'; time: number }
  /** Narrated beat, 1-based. */
  | { type: 'gotoBeat'; beat: number }
  /** A built-in, library or free-play scenario by id, or a whole scenario object (checked like a file). */
  | { type: 'loadScenario'; id: string; seed?: number }
  | { type: 'loadScenario'; scenario: unknown; seed?: number }
  | { type: 'injectFault'; fault: string; target: FaultTarget }
  | { type: 'setSpeed'; speed: number }
  | { type: 'getState' };

/** Score of predict-then-reveal questions: first answers count. */
export interface EmbedScore {
  /** Questions answered right on the first try. */
  raw: number;
  min: 0;
  /** Questions in the scenario. */
  max: number;
  /** Questions answered so far. */
  answered: number;
}

export interface ReadyPayload {
  app: 'reservation-lab';
  v: typeof EMBED_API_VERSION;
  commands: readonly EmbedCommandType[];
  events: readonly EmbedEventType[];
  scenarioId: string | null;
}

export interface BeatChangedPayload {
  scenarioId: string;
  /** 1-based. */
  beat: number;
  beatId: string;
  title: string;
  /** Beats in the scenario. */
  beats: number;
  /** Virtual time (ms) when the beat was reached. */
  time: number;
}

export interface QuestionAnsweredPayload {
  scenarioId: string;
  beat: number;
  beatId: string;
  prompt: string;
  /** Index of the chosen answer. */
  choice: number;
  correct: boolean;
  /** False when this question was answered before (only the first answer scores). */
  firstAnswer: boolean;
  score: EmbedScore;
}

export interface FaultInjectedPayload {
  scenarioId: string;
  fault: string;
  target: FaultTarget;
  /** "learner" (palette, console, host command) or "scenario" (the fault schedule). */
  origin: string;
  time: number;
  step: number;
  summary: string;
}

export interface IntegrityViolationPayload {
  scenarioId: string;
  time: number;
  /** The node whose write corrupted the file system. */
  node: string | null;
  lba: number | null;
  summary: string;
}

export interface ScenarioCompletedPayload {
  scenarioId: string;
  /** "lastBeat": the guided player reached its last beat; "ended": a free-play run reached its end. */
  reason: 'lastBeat' | 'ended';
  time: number;
  score: EmbedScore;
}

export interface ResizePayload {
  /** Content height in CSS px: set the iframe's height to it. */
  height: number;
}

export type ErrorReason =
  | 'wrongOrigin'
  | 'wrongVersion'
  | 'unknownType'
  | 'badPayload'
  | 'unknownScenario'
  | 'invalidScenario'
  | 'unsupported'
  | 'engineRefused';

export interface ErrorPayload {
  reason: ErrorReason;
  message: string;
  /** The command refused, when there was one. */
  command?: string;
}

export interface StatePayload {
  scenarioId: string;
  title: string;
  time: number;
  step: number;
  duration: number;
  playing: boolean;
  speed: number;
  ended: boolean;
  branch: number;
  /** Current beat (1-based) as the guided player last reported it, or null. */
  beat: number | null;
  beats: number;
  score: EmbedScore;
  integrity: { ok: boolean; violations: number };
  engine: 'worker' | 'in-process' | 'starting';
  /** Deep link (hash) reproducing this moment: scenario, seed, the learner's inputs, time. */
  link: string;
}

export interface EmbedEvents {
  ready: ReadyPayload;
  beatChanged: BeatChangedPayload;
  questionAnswered: QuestionAnsweredPayload;
  faultInjected: FaultInjectedPayload;
  integrityViolation: IntegrityViolationPayload;
  scenarioCompleted: ScenarioCompletedPayload;
  resize: ResizePayload;
  error: ErrorPayload;
  /** The answer to getState. */
  state: StatePayload;
}
export type EmbedEventType = keyof EmbedEvents;

export const EVENT_TYPES: readonly EmbedEventType[] = ['ready', 'beatChanged', 'questionAnswered', 'faultInjected', 'integrityViolation', 'scenarioCompleted', 'resize', 'error', 'state'];

/**
 * Events that carry what a learner did or how they did: posted only to a known parent origin,
 * never with targetOrigin "*". ready, resize and error carry no learner data.
 */
export const LEARNER_DATA_EVENTS: ReadonlySet<EmbedEventType> = new Set(['beatChanged', 'questionAnswered', 'faultInjected', 'integrityViolation', 'scenarioCompleted', 'state']);

export interface EmbedEnvelope<T extends string = string, P = unknown> {
  ns: typeof EMBED_NS;
  v: typeof EMBED_API_VERSION;
  type: T;
  payload: P;
  /** On a command: any id the host wants echoed back. */
  id?: string | number;
  /** On a reply (state, error): the id of the command it answers. */
  replyTo?: string | number;
}
