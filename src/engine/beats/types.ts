// Narrated beats of a guided scenario (issue 6). A beat waits for something the model does (an
// event in the trace, a time) or the learner does (a console command, a fault), then the player
// pauses and shows its narration, maybe a predict-then-reveal question, and tests check its
// expectations. Beats are data: these types are the file format.

import type { LearnerAction } from '../model/input';

export interface BeatWhen {
  /** Reached once virtual time gets here (ms). */
  at?: number;
  /** This long after the previous beat was reached (ms). */
  after?: number;
  /** An event: a friendly name (see BEAT_EVENTS) or a trace kind such as "APP.MOUNT". */
  event?: string;
  /** The node the event is about (for "fenced": the victim). */
  node?: string;
  /** A command completed with this status on `node` (GOOD, RESERVATION_CONFLICT, CHECK_CONDITION, TIMEOUT). */
  status?: string;
  /** Only commands with this purpose ("app.write", "renew", ...), with `status`. */
  purpose?: string;
  /** The learner typed a command on a node's console whose line matches this (a regular expression). */
  console?: { node: string; matches: string; exit?: number };
  /** The learner injected this fault (id), e.g. "heartbeat-partition". */
  fault?: string;
}

export interface BeatQuestion {
  prompt: string;
  choices: string[];
  /** Index of the right choice. */
  answer: number;
  /** Shown after the learner answers. */
  explanation: string;
}

/** A check on the model state when the beat is reached: a path into the SimView and a test. */
export interface BeatExpectation {
  /** Dotted path into the view; node ids select nodes: "nodes.B.serviceState", "luns.0.registrations.length", "integrity.ok". */
  path: string;
  equals?: string | number | boolean | null;
  atLeast?: number;
  atMost?: number;
  /** The value (a string, or an array's items joined by ",") contains this text. */
  includes?: string;
}

export interface Beat {
  id: string;
  title: string;
  /** Absent: the beat is reached at once (right after the previous one). */
  when?: BeatWhen;
  /** Narration in the small safe markup (see src/scenarios/narration.ts). */
  narration: string;
  question?: BeatQuestion;
  expect?: BeatExpectation[];
  /**
   * What a learner is expected to do to reach this beat (console command, fault), for beats that
   * wait on the learner: headless checks and tests play it; the player can offer it as a hint.
   */
  demo?: LearnerAction[];
}
