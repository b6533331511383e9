// The `inputs` parameter of a deep link: the learner's timed inputs (faults injected, console
// lines typed) that, replayed on the same scenario and seed, reproduce a moment. Encoded as
// "1." + base64url(UTF-8 JSON of compact tuples), so the link stays URL-safe and short:
//   [step, at, "f", faultId, target?]   a fault    [step, at, "c", node, line]   a console line
// Decoding checks every tuple and names the first bad one; it never throws.

import type { LearnerAction, SimMs, TimedInput } from '../engine';
import { copyFaultTarget, faultTargetProblem } from './faultTargetShape';

const PREFIX = '1.';
/** More than this many characters is not a link a person made; refuse rather than parse. */
export const MAX_INPUTS_PARAM = 16_000;
export const MAX_INPUTS = 500;

type Tuple = [number, number, 'f', string, object?] | [number, number, 'c', string, string];

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The compact, URL-safe form of `inputs` (empty string for none). */
export function encodeInputs(inputs: readonly TimedInput[]): string {
  if (inputs.length === 0) return '';
  const tuples: Tuple[] = inputs.map(({ step, at, action }) => {
    if (action.type === 'console') return [step, at, 'c', action.node, action.line];
    const target = copyFaultTarget(action.target ?? {});
    return Object.keys(target).length > 0 ? [step, at, 'f', action.fault, target] : [step, at, 'f', action.fault];
  });
  return PREFIX + toBase64Url(JSON.stringify(tuples));
}

export type DecodedInputs = { ok: true; inputs: TimedInput[] } | { ok: false; problem: string };

function tupleProblem(t: unknown): string | null {
  if (!Array.isArray(t)) return 'is not a list';
  const [step, at, kind] = t as unknown[];
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) return 'has a step that is not a whole number ≥ 0';
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return 'has a time that is not a number of ms ≥ 0';
  if (kind === 'f') {
    if (t.length !== 4 && t.length !== 5) return 'is a fault but has the wrong number of fields';
    if (typeof t[3] !== 'string' || t[3].length === 0) return 'is a fault without a fault id';
    const problem = t.length === 5 ? faultTargetProblem(t[4]) : null;
    return problem;
  }
  if (kind === 'c') {
    if (t.length !== 5) return 'is a console line but has the wrong number of fields';
    if (typeof t[3] !== 'string' || t[3].length === 0) return 'is a console line without a node';
    if (typeof t[4] !== 'string') return 'is a console line without its text';
    return null;
  }
  return 'is neither a fault ("f") nor a console line ("c")';
}

function toInput(t: Tuple): TimedInput {
  const action: LearnerAction =
    t[2] === 'c' ? { type: 'console', node: t[3], line: t[4] } : { type: 'fault', fault: t[3], target: copyFaultTarget((t[4] ?? {}) as never) };
  return { step: t[0], at: t[1] as SimMs, action };
}

/** Reads an `inputs` parameter back; on any problem, says which entry and why. */
export function decodeInputs(param: string): DecodedInputs {
  if (param === '') return { ok: true, inputs: [] };
  if (param.length > MAX_INPUTS_PARAM) return { ok: false, problem: `it is ${param.length} characters long (at most ${MAX_INPUTS_PARAM})` };
  if (!param.startsWith(PREFIX)) return { ok: false, problem: 'it does not start with "1." (was it cut off or written by hand?)' };
  const json = fromBase64Url(param.slice(PREFIX.length));
  if (json === null) return { ok: false, problem: 'it is not valid base64url text (was it cut off?)' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'its content is not valid JSON (was it cut off?)' };
  }
  if (!Array.isArray(parsed)) return { ok: false, problem: 'its content is not a list of inputs' };
  if (parsed.length > MAX_INPUTS) return { ok: false, problem: `it holds ${parsed.length} inputs (at most ${MAX_INPUTS})` };
  for (let i = 0; i < parsed.length; i++) {
    const problem = tupleProblem(parsed[i]);
    if (problem) return { ok: false, problem: `entry ${i + 1} ${problem}` };
  }
  // Replay applies inputs in (step, at) order, as the engine does.
  const inputs = (parsed as Tuple[]).map(toInput).sort((a, b) => a.step - b.step || a.at - b.at);
  return { ok: true, inputs };
}
