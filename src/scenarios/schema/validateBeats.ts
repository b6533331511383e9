// Checks the narrated beats of a guided scenario (the engine's `Beat`, src/engine/beats/types.ts):
// every field, the combinations of a beat's condition, the node ids it names, its narration
// markup and glossary terms, its question and the syntax of its expectation paths. Whether a
// beat is ever *reached* needs a run: `lab check --simulate` does that.

import { BEAT_EVENTS } from '../../engine/beats/match';
import type { NodeView, SimView } from '../../engine/model/view';
import type { LunSummary } from '../../engine/lun/api';
import { GLOSSARY_TERMS } from '../glossary';
import { parseNarration } from '../narration';
import { checkValue, isObject, own, readField, rejectUnknownFields, type Field } from './checkValue';
import { describeValue, joinPath, list, quote, quotedList, type ErrorList } from './errors';
import { MAX_DURATION_MS, NODE_ID_PATTERN, SCENARIO_ID_PATTERN, type ValueRule } from './rules';
import { SCENARIO_FAULT_IDS } from './spec';
import { closestMatch, didYouMean } from './suggest';

// ---- The format as tables (public/scenario.schema.json states the same; validateSchema.test.ts compares) ----

export const BEAT_FIELDS = ['id', 'title', 'when', 'narration', 'question', 'expect', 'demo'] as const;
export const REQUIRED_BEAT_FIELDS = ['id', 'title', 'narration'] as const;
export const WHEN_FIELDS = ['at', 'after', 'event', 'node', 'status', 'purpose', 'console', 'fault'] as const;
export const CONSOLE_FIELDS = ['node', 'matches', 'exit'] as const;
export const QUESTION_FIELDS = ['prompt', 'choices', 'answer', 'explanation'] as const;
export const EXPECT_FIELDS = ['path', 'equals', 'atLeast', 'atMost', 'includes'] as const;
export const CONSOLE_DEMO_FIELDS = ['type', 'node', 'line'] as const;
export const FAULT_DEMO_FIELDS = ['type', 'fault', 'target'] as const;
export const DEMO_TARGET_FIELDS = ['node', 'path', 'groups', 'between', 'to', 'network'] as const;

/** SCSI.DONE statuses a beat can wait for (`when.status`). */
export const BEAT_STATUSES = ['GOOD', 'RESERVATION_CONFLICT', 'CHECK_CONDITION', 'TIMEOUT'] as const;
export const DEMO_TYPES = ['console', 'fault'] as const;

/** Friendly event names (src/engine/beats/match.ts BEAT_EVENTS). */
export const BEAT_EVENT_NAMES: readonly string[] = Object.keys(BEAT_EVENTS);

/**
 * Every trace kind the engine records, so a beat can wait on any of them by name. The CLI test
 * (src/cli/checkCommand.test.ts) reads the engine's sources and fails when one is missing here.
 */
export const TRACE_KINDS: readonly string[] = [
  'ADMIN.CLEAR_FAILED',
  'APP.MOUNT',
  'APP.UNMOUNT',
  'CLUSTER.FENCED',
  'CLUSTER.INQUORATE',
  'CLUSTER.STOPPED',
  'CLUSTER.WAIT_FOR_ALL',
  'CONSOLE.COMMAND',
  'CONSOLE.EXIT',
  'FAULT.SKIPPED',
  ...SCENARIO_FAULT_IDS.map((id) => `FAULT.${id.toUpperCase().replace(/-/g, '_')}`),
  'FENCE.ABANDONED',
  'FENCE.POWER_OFF',
  'FENCE.REQUESTED',
  'FENCE_SCSI.FENCED',
  'FENCE_SCSI.FENCE_FAILED',
  'FENCE_SCSI.FENCE_START',
  'FENCE_SCSI.UNFENCE',
  'HA_LVM.ACTIVATE',
  'HA_LVM.TAKEOVER_UNFENCED',
  'HEARTBEAT.JOINED',
  'HEARTBEAT.LOST',
  'HEARTBEAT.RECEIVED',
  'HEARTBEAT.SENT',
  'INPUT.REJECTED',
  'INTEGRITY.CORRUPTING_WRITE',
  'LUN.POWER_OFF',
  'LUN.POWER_ON',
  'LUN.READY',
  'MPATH.PATH_FAILED',
  'MPATH.PATH_REINSTATED',
  'MSCS.CHALLENGE',
  'MSCS.CHALLENGE_LOST',
  'MSCS.CHALLENGE_WON',
  'MSCS.CLAIM',
  'MSCS.DEFENDER_LOST',
  'MSCS.FAILOVER',
  'MSCS.FORM',
  'MSCS.GROUP_OFFLINE',
  'MSCS.JOIN',
  'MSCS.LEASE_EXPIRED',
  'MSCS.LEASE_LOST',
  'MSCS.NO_BREAK',
  'MSCS.ONLINE',
  'MSCS.PATH_CONFLICT',
  'MSCS.PATH_RECOVERY',
  'MSCS.PATH_RESERVED',
  'MSCS.RELEASE',
  'MSCS.RESERVE',
  'MSCS.RESET',
  'MSCS.STOPPED',
  'NODE.BACKLOG',
  'NODE.BOOT',
  'NODE.REBOOT',
  'PACEMAKER.MULTI_ACTIVE',
  'SCSI.ABORTED',
  'SCSI.DONE',
  'SCSI.EXEC',
  'SCSI.FAILOVER',
  'SCSI.NEXUS_LOSS',
  'SCSI.NO_PATH',
  'SCSI.RESET',
  'SCSI.SEND',
  'SCSI.UA_RETRY',
  'STANDALONE.ONLINE',
  'WSFC.ARBITRATE',
  'WSFC.CHALLENGE',
  'WSFC.CHALLENGE_LOST',
  'WSFC.CLAIM',
  'WSFC.FORM',
  'WSFC.GROUP_OFFLINE',
  'WSFC.JOIN',
  'WSFC.ONLINE',
  'WSFC.OWNER_ALIVE',
  'WSFC.PREEMPT',
  'WSFC.PREEMPTED',
  'WSFC.REGISTER',
  'WSFC.RELEASE',
  'WSFC.RESERVE',
  'WSFC.SCRUB',
  'WSFC.STOPPED',
];

/** What an expectation path may start with: the SimView's fields. */
const VIEW_FIELDS = {
  scenarioId: true,
  title: true,
  mode: true,
  personality: true,
  pathsPerNode: true,
  seed: true,
  time: true,
  step: true,
  duration: true,
  params: true,
  nodes: true,
  links: true,
  partition: true,
  inflight: true,
  paths: true,
  targetPorts: true,
  luns: true,
  commands: true,
  integrity: true,
  cues: true,
  faults: true,
  nextEventAt: true,
} satisfies Record<keyof SimView, true>;
export const VIEW_PATH_ROOTS: readonly string[] = Object.keys(VIEW_FIELDS);

const NODE_FIELDS = {
  id: true,
  power: true,
  tags: true,
  members: true,
  peers: true,
  heard: true,
  standalone: true,
  fenced: true,
  serviceState: true,
  mount: true,
  key: true,
  console: true,
} satisfies Record<keyof NodeView, true>;
export const NODE_VIEW_FIELDS: readonly string[] = Object.keys(NODE_FIELDS);

const LUN_FIELDS = {
  lun: true,
  serial: true,
  bus: true,
  scsi2Holder: true,
  generation: true,
  aptpl: true,
  registrations: true,
  reservation: true,
  pendingUnitAttentions: true,
  blocks: true,
  queuedTasks: true,
} satisfies Record<keyof LunSummary, true>;
export const LUN_VIEW_FIELDS: readonly string[] = Object.keys(LUN_FIELDS);

export const BEAT_RULES = {
  id: { type: 'string', pattern: SCENARIO_ID_PATTERN, expected: 'a beat id of 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit', patternFix: 'rename it using only those characters, such as "b-is-fenced"' },
  title: { type: 'string', minLength: 1, maxLength: 80, pattern: /\S/, expected: 'a title of 1 to 80 characters', patternFix: 'write a short title a learner can read' },
  narration: { type: 'string', minLength: 1, maxLength: 2000, pattern: /\S/, expected: 'narration text of 1 to 2000 characters', patternFix: 'write what the learner should notice' },
} as const satisfies Record<string, ValueRule>;

export const WHEN_RULES = {
  at: { type: 'integer', min: 0, max: MAX_DURATION_MS, unit: 'ms' },
  after: { type: 'integer', min: 0, max: MAX_DURATION_MS, unit: 'ms' },
  status: { type: 'enum', values: BEAT_STATUSES },
  purpose: { type: 'string', pattern: /^[a-z][a-z0-9._#-]{0,39}$/, expected: 'a command purpose such as "app.write", "fence.preempt" or "renew#2"', patternFix: 'use lower-case letters, digits, dots, hyphens and #' },
  fault: { type: 'enum', values: SCENARIO_FAULT_IDS },
} as const satisfies Record<string, ValueRule>;

export const CONSOLE_RULES = {
  matches: { type: 'string', minLength: 1, maxLength: 200 },
  exit: { type: 'integer', min: 0, max: 255 },
} as const satisfies Record<string, ValueRule>;

export const QUESTION_RULES = {
  prompt: { type: 'string', minLength: 1, maxLength: 500, pattern: /\S/, expected: 'a question of 1 to 500 characters', patternFix: 'write the question' },
  explanation: { type: 'string', minLength: 1, maxLength: 1000, pattern: /\S/, expected: 'an explanation of 1 to 1000 characters', patternFix: 'say what happens and why' },
} as const satisfies Record<string, ValueRule>;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 6;
export const MAX_CHOICE_LENGTH = 200;
export const MAX_EXPECTATIONS = 20;
export const MAX_DEMO_ACTIONS = 10;
export const MAX_CONSOLE_LINE = 500;

/** A dotted path into the model: segments of letters, digits and underscores. */
export const EXPECT_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

// ---- The checks ----

export interface BeatsContext {
  /** The scenario's node ids (undefined when `nodes` is not an array). */
  nodes: readonly string[] | undefined;
  /** Hosts the scenario presents the LUN to later (`standalone-host` faults): beats may name them too. */
  hosts: readonly string[];
  /** The scenario's duration when valid. */
  duration: number | undefined;
}

/** The standalone-host ids a (possibly invalid) fault list introduces. */
export function hostsOf(faults: unknown): string[] {
  if (!Array.isArray(faults)) return [];
  return faults.flatMap((f: unknown) => (isObject(f) && f.fault === 'standalone-host' && typeof f.node === 'string' && NODE_ID_PATTERN.test(f.node) ? [f.node] : []));
}

/** Checks `beats`; returns them as written when every one is valid, undefined when absent or invalid. */
export function validateBeats(errors: ErrorList, value: unknown, ctx: BeatsContext): Record<string, unknown>[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    errors.wrong('beats', 'an array of beat objects', value, `write the beats as an array of objects, or remove the field`);
    return undefined;
  }
  const before = errors.size;
  const seen = new Map<string, number>();
  value.forEach((beat: unknown, i) => {
    const path = `beats[${i}]`;
    if (!isObject(beat)) {
      errors.wrong(path, 'a beat object { … }', beat, 'write each beat as an object');
      return;
    }
    const id = checkBeat(errors, beat, path, ctx);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      errors.wrong(joinPath(path, 'id'), `an id no other beat has`, id, `beats[${first}] is already called ${quote(id)}; give each beat its own id`);
    } else seen.set(id, i);
  });
  return errors.size > before ? undefined : [...(value as Record<string, unknown>[])];
}

/** Checks one beat; returns its id when the id itself is valid. */
function checkBeat(errors: ErrorList, beat: Record<string, unknown>, path: string, ctx: BeatsContext): string | undefined {
  rejectUnknownFields(errors, beat, path, BEAT_FIELDS, path);
  const id = readField<string>(errors, beat, 'id', joinPath(path, 'id'), BEAT_RULES.id, { required: true });
  readField(errors, beat, 'title', joinPath(path, 'title'), BEAT_RULES.title, { required: true });
  const narration = readField<string>(errors, beat, 'narration', joinPath(path, 'narration'), BEAT_RULES.narration, { required: true });
  if (narration.state === 'ok') checkMarkup(errors, narration.value, joinPath(path, 'narration'));
  const when = checkWhen(errors, own(beat, 'when'), joinPath(path, 'when'), ctx);
  if (own(beat, 'question') !== undefined) checkQuestion(errors, own(beat, 'question'), joinPath(path, 'question'));
  if (own(beat, 'expect') !== undefined) checkExpectations(errors, own(beat, 'expect'), joinPath(path, 'expect'), ctx);
  checkDemo(errors, own(beat, 'demo'), joinPath(path, 'demo'), when, ctx);
  return id.state === 'ok' ? id.value : undefined;
}

/** Narration markup: no HTML, closed *emphasis* and `code`, glossary terms that exist. */
function checkMarkup(errors: ErrorList, text: string, path: string): void {
  const parsed = parseNarration(text);
  if (parsed.ok) return;
  let problem = parsed.error.replace(/\.$/, '');
  const term = /^\[\[(.*?)\]\] is not a glossary term/.exec(problem);
  if (term) problem = problem.replace(' is not a glossary term', ` is not a glossary term${didYouMean(term[1]!.trim(), GLOSSARY_TERMS)}`);
  errors.add(path, 'text in the narration markup (*emphasis*, `code`, [[glossary term]]; no HTML)', quote(text), `${path} cannot be shown: ${problem}.`);
}

/** What a beat waits for, as far as the demo check needs it. */
interface WhenSummary {
  console?: { node?: string; matches?: RegExp };
  fault?: string;
}

function checkWhen(errors: ErrorList, value: unknown, path: string, ctx: BeatsContext): WhenSummary {
  if (value === undefined) return {};
  if (!isObject(value)) {
    errors.wrong(path, 'a condition object such as { "event": "fenced", "node": "B" } or { "at": 20000 }', value, 'write the condition as an object, or remove "when" to reach the beat right after the previous one');
    return {};
  }
  rejectUnknownFields(errors, value, path, WHEN_FIELDS, path);
  const keys = WHEN_FIELDS.filter((k) => own(value, k) !== undefined);
  if (keys.length === 0) {
    errors.add(path, `at least one of ${list(WHEN_FIELDS)}`, 'an empty object', `${path} names no condition; add one (such as "event": "fenced" or "at": 20000), or remove "when" to reach the beat right after the previous one.`);
    return {};
  }
  const durationText = ctx.duration === undefined ? undefined : `a whole number of milliseconds from 0 to ${ctx.duration} (the scenario's duration)`;
  readField(errors, value, 'at', joinPath(path, 'at'), WHEN_RULES.at, { max: ctx.duration, expected: durationText, rangeHint: ' or raise duration' });
  readField(errors, value, 'after', joinPath(path, 'after'), WHEN_RULES.after, { max: ctx.duration, expected: durationText, rangeHint: ' or raise duration' });
  const event = own(value, 'event');
  if (event !== undefined) checkEvent(errors, event, joinPath(path, 'event'));
  const refs = nodeRefs(ctx);
  if (own(value, 'node') !== undefined) checkValue(errors, own(value, 'node'), joinPath(path, 'node'), { type: 'nodeRef' }, { nodes: refs });
  readField(errors, value, 'status', joinPath(path, 'status'), WHEN_RULES.status);
  readField(errors, value, 'purpose', joinPath(path, 'purpose'), WHEN_RULES.purpose);
  const fault = readField<string>(errors, value, 'fault', joinPath(path, 'fault'), WHEN_RULES.fault, { expected: `one of the fault ids (${list(SCENARIO_FAULT_IDS)})` });
  const consoleWhen = own(value, 'console') === undefined ? undefined : checkConsoleWhen(errors, own(value, 'console'), joinPath(path, 'console'), refs);

  // Combinations the engine would silently ignore (src/engine/beats/match.ts entryMatches).
  const has = (k: string): boolean => keys.includes(k as (typeof WHEN_FIELDS)[number]);
  const clash = (a: string, b: string, why: string): void => {
    errors.add(joinPath(path, b), `no "${b}" together with "${a}"`, describeValue(own(value, b)), `${joinPath(path, b)} cannot be used with ${joinPath(path, a)}: ${why}; remove one of them.`);
  };
  if (has('at') && has('after')) clash('at', 'after', 'a beat waits for one time, absolute ("at") or relative to the previous beat ("after")');
  if (has('console')) for (const k of ['event', 'status', 'purpose', 'fault', 'node']) if (has(k)) clash('console', k, 'a console condition waits only for the learner\'s command (its node is "console.node")');
  if (has('fault')) for (const k of ['event', 'status', 'purpose', 'node']) if (has(k)) clash('fault', k, 'a fault condition waits only for the learner to inject that fault');
  if (has('status') && has('event')) clash('status', 'event', 'a status condition already waits for a finished command (SCSI.DONE); name the node with "node" and the command with "purpose"');
  if (has('node') && !has('event') && !has('status') && !has('console') && !has('fault')) {
    errors.add(joinPath(path, 'node'), `"node" together with "event" or "status"`, describeValue(own(value, 'node')), `${joinPath(path, 'node')} only narrows an "event" or "status" condition; add one, or remove "node".`);
  }
  if (has('purpose') && !has('status') && !has('console') && !has('fault')) {
    errors.add(joinPath(path, 'purpose'), `"purpose" together with "status"`, describeValue(own(value, 'purpose')), `${joinPath(path, 'purpose')} only narrows a "status" condition; add "status" (such as "GOOD" or "RESERVATION_CONFLICT"), or remove "purpose".`);
  }
  return { console: consoleWhen, fault: fault.state === 'ok' ? fault.value : undefined };
}

function nodeRefs(ctx: BeatsContext): string[] | undefined {
  return ctx.nodes === undefined ? undefined : [...ctx.nodes, ...ctx.hosts.filter((h) => !ctx.nodes!.includes(h))];
}

function checkEvent(errors: ErrorList, event: unknown, path: string): void {
  const expected = 'a beat event name (such as "fenced" or "mounted") or a trace kind (such as "APP.MOUNT")';
  if (typeof event !== 'string') {
    errors.wrong(path, expected, event, `write the event name in double quotes: one of ${list(BEAT_EVENT_NAMES)}`);
    return;
  }
  if (BEAT_EVENT_NAMES.includes(event) || TRACE_KINDS.includes(event)) return;
  const looksLikeKind = /^[A-Z]/.test(event) || event.includes('.');
  const near = closestMatch(event, looksLikeKind ? TRACE_KINDS : BEAT_EVENT_NAMES) ?? closestMatch(event, [...BEAT_EVENT_NAMES, ...TRACE_KINDS]);
  const hint = near === undefined ? '' : ` (did you mean ${quote(near)}?)`;
  errors.add(
    path,
    expected,
    quote(event),
    `${path} names an unknown event ${quote(event)}${hint}; use one of ${list(BEAT_EVENT_NAMES)}, or a trace kind such as "APP.MOUNT", "HEARTBEAT.LOST" or "FENCE_SCSI.FENCED" (docs/authoring.md lists them).`,
  );
}

function checkConsoleWhen(errors: ErrorList, value: unknown, path: string, refs: readonly string[] | undefined): WhenSummary['console'] {
  if (!isObject(value)) {
    errors.wrong(path, 'a console condition such as { "node": "S", "matches": "sg_persist .*(-k|--read-keys)", "exit": 0 }', value, 'write it as an object with "node" and "matches"');
    return undefined;
  }
  rejectUnknownFields(errors, value, path, CONSOLE_FIELDS, path);
  const node = own(value, 'node');
  let nodeOk: Field<string> = { state: 'absent' };
  if (node === undefined) errors.missing(joinPath(path, 'node'), "the node whose console the learner types on", 'add it, such as "node": "A"');
  else nodeOk = checkValue<string>(errors, node, joinPath(path, 'node'), { type: 'nodeRef' }, { nodes: refs });
  const matches = readField<string>(errors, value, 'matches', joinPath(path, 'matches'), CONSOLE_RULES.matches, {
    required: true,
    expected: 'a regular expression the command line must match, such as "sg_persist .*(-k|--read-keys)"',
  });
  let regex: RegExp | undefined;
  if (matches.state === 'ok') {
    try {
      regex = new RegExp(matches.value);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      errors.add(joinPath(path, 'matches'), 'a valid regular expression', quote(matches.value), `${joinPath(path, 'matches')} is not a valid regular expression (${why}); fix it, and escape characters such as ( ) [ ] . * + ? with a backslash to match them literally.`);
    }
  }
  readField(errors, value, 'exit', joinPath(path, 'exit'), CONSOLE_RULES.exit, { expected: 'the exit status the command must end with, an integer from 0 to 255 (0 is success, 24 is a reservation conflict)' });
  return { node: nodeOk.state === 'ok' ? nodeOk.value : undefined, matches: regex };
}

function checkQuestion(errors: ErrorList, value: unknown, path: string): void {
  if (!isObject(value)) {
    errors.wrong(path, 'a question object with "prompt", "choices", "answer" and "explanation"', value, 'write it as { "prompt": "…?", "choices": ["…", "…"], "answer": 0, "explanation": "…" }');
    return;
  }
  rejectUnknownFields(errors, value, path, QUESTION_FIELDS, path);
  const prompt = readField<string>(errors, value, 'prompt', joinPath(path, 'prompt'), QUESTION_RULES.prompt, { required: true });
  if (prompt.state === 'ok') checkMarkup(errors, prompt.value, joinPath(path, 'prompt'));
  const explanation = readField<string>(errors, value, 'explanation', joinPath(path, 'explanation'), QUESTION_RULES.explanation, { required: true });
  if (explanation.state === 'ok') checkMarkup(errors, explanation.value, joinPath(path, 'explanation'));
  const choices = own(value, 'choices');
  const choicesPath = joinPath(path, 'choices');
  let count: number | undefined;
  if (choices === undefined) errors.missing(choicesPath, `an array of ${MIN_CHOICES} to ${MAX_CHOICES} answers`, 'add the answers the learner chooses from');
  else if (!Array.isArray(choices) || choices.length < MIN_CHOICES || choices.length > MAX_CHOICES) {
    errors.wrong(choicesPath, `an array of ${MIN_CHOICES} to ${MAX_CHOICES} answers`, choices, `give between ${MIN_CHOICES} and ${MAX_CHOICES} answers as strings`);
  } else {
    count = choices.length;
    choices.forEach((choice: unknown, i) => {
      const at = joinPath(choicesPath, i);
      const ok = checkValue<string>(errors, choice, at, { type: 'string', minLength: 1, maxLength: MAX_CHOICE_LENGTH, pattern: /\S/, expected: `an answer of 1 to ${MAX_CHOICE_LENGTH} characters`, patternFix: 'write the answer' });
      if (ok.state === 'ok') {
        checkMarkup(errors, ok.value, at);
        const first = choices.indexOf(ok.value);
        if (first !== i) errors.wrong(at, 'an answer different from the others', ok.value, `it repeats ${joinPath(choicesPath, first)}; make each answer different`);
      }
    });
  }
  const answer = own(value, 'answer');
  const answerPath = joinPath(path, 'answer');
  if (answer === undefined) {
    errors.missing(answerPath, 'the index of the right answer (0 is the first choice)', 'add it, such as "answer": 0');
    return;
  }
  const expected = count === undefined ? 'the index of the right answer (0 is the first choice)' : `the index of the right answer: an integer from 0 to ${count - 1} (choices has ${count} answers; 0 is the first)`;
  checkValue(errors, answer, answerPath, { type: 'integer', min: 0, max: count === undefined ? MAX_CHOICES - 1 : count - 1 }, { expected });
}

function checkExpectations(errors: ErrorList, value: unknown, path: string, ctx: BeatsContext): void {
  const example = '[{ "path": "nodes.B.serviceState", "equals": "owner" }]';
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_EXPECTATIONS) {
    errors.wrong(path, `an array of 1 to ${MAX_EXPECTATIONS} checks such as ${example}`, value, 'write the checks as an array of objects with "path" and a test, or remove "expect"');
    return;
  }
  value.forEach((entry: unknown, i) => {
    const at = joinPath(path, i);
    if (!isObject(entry)) {
      errors.wrong(at, `a check such as { "path": "nodes.B.serviceState", "equals": "owner" }`, entry, 'write it as an object with "path" and one of "equals", "atLeast", "atMost", "includes"');
      return;
    }
    rejectUnknownFields(errors, entry, at, EXPECT_FIELDS, at);
    const p = readField<string>(errors, entry, 'path', joinPath(at, 'path'), { type: 'string', minLength: 1, maxLength: 200 }, { required: true, expected: 'a dotted path into the model, such as "nodes.B.serviceState" or "luns.0.registrations.length"' });
    if (p.state === 'ok') checkExpectPath(errors, p.value, joinPath(at, 'path'), ctx);
    const tests = EXPECT_FIELDS.filter((k) => k !== 'path' && Object.hasOwn(entry, k));
    if (tests.length === 0) {
      errors.add(at, 'one of "equals", "atLeast", "atMost", "includes"', 'no test', `${at} has a path but no test; add "equals" (a string, number, true, false or null), "atLeast"/"atMost" (numbers) or "includes" (text).`);
    }
    if (Object.hasOwn(entry, 'equals')) {
      const v = entry.equals;
      if (!(v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) {
        errors.wrong(joinPath(at, 'equals'), 'a string, a number, true, false or null', v, 'compare with one plain value; to test a list use "includes", to test its size add ".length" to the path');
      }
      for (const other of ['atLeast', 'atMost', 'includes']) {
        if (Object.hasOwn(entry, other)) errors.add(joinPath(at, other), `no "${other}" together with "equals"`, describeValue(entry[other]), `${joinPath(at, other)} cannot be used with ${joinPath(at, 'equals')}; keep one test per check and add another check for the other.`);
      }
    }
    for (const bound of ['atLeast', 'atMost'] as const) {
      if (Object.hasOwn(entry, bound) && (typeof entry[bound] !== 'number' || !Number.isFinite(entry[bound]))) {
        errors.wrong(joinPath(at, bound), 'a number', entry[bound], 'write a number without quotes');
      }
    }
    if (Object.hasOwn(entry, 'includes') && (typeof entry.includes !== 'string' || entry.includes === '')) {
      errors.wrong(joinPath(at, 'includes'), 'a non-empty string', entry.includes, 'write the text the value must contain');
    }
  });
}

/** The syntax of an expectation path, its first segment, and for nodes/luns the next two. */
function checkExpectPath(errors: ErrorList, text: string, path: string, ctx: BeatsContext): void {
  const expected = 'a dotted path into the model, such as "nodes.B.serviceState" or "luns.0.registrations.length"';
  if (!EXPECT_PATH_PATTERN.test(text)) {
    errors.wrong(path, expected, text, 'separate the parts with single dots and use only letters, digits and underscores; index lists by number ("luns.0") and nodes by id ("nodes.B")');
    return;
  }
  const [root, second, third] = text.split('.');
  if (!VIEW_PATH_ROOTS.includes(root!)) {
    errors.wrong(path, `${expected}, starting with one of ${list(VIEW_PATH_ROOTS)}`, text, `start it with one of those${didYouMean(root!, VIEW_PATH_ROOTS)}`);
    return;
  }
  if (root === 'nodes' && second !== undefined && second !== 'length' && !/^\d+$/.test(second)) {
    const refs = nodeRefs(ctx);
    if (refs !== undefined && !refs.includes(second)) {
      errors.wrong(path, `a path whose second part is a node id (${list(refs)}), an index or "length"`, text, `name one of the scenario's nodes${didYouMean(second, refs)}`);
      return;
    }
  }
  const fields = root === 'nodes' ? NODE_VIEW_FIELDS : root === 'luns' ? LUN_VIEW_FIELDS : undefined;
  if (fields !== undefined && third !== undefined && second !== 'length' && !fields.includes(third)) {
    errors.wrong(path, `a path whose third part is one of ${list(fields)}`, text, `use one of those${didYouMean(third, fields)}`);
  }
}

function checkDemo(errors: ErrorList, value: unknown, path: string, when: WhenSummary, ctx: BeatsContext): void {
  const waitsForLearner = when.console !== undefined || when.fault !== undefined;
  if (value === undefined) {
    if (when.console !== undefined) {
      errors.missing(path, 'the command a learner is expected to type', `add it, such as [{ "type": "console", "node": ${quote(when.console.node ?? 'A')}, "line": "sg_persist -k /dev/sdb" }], so lab check --simulate and the tests can play the beat and the player can offer it as a hint`);
    } else if (when.fault !== undefined) {
      errors.missing(path, 'the fault a learner is expected to inject', `add it, such as [{ "type": "fault", "fault": ${quote(when.fault)}, "target": { … } }], so lab check --simulate and the tests can play the beat`);
    }
    return;
  }
  if (!waitsForLearner) {
    errors.add(path, 'no demo on a beat that does not wait for the learner', describeValue(value), `${path} is only played for beats that wait for the learner ("when.console" or "when.fault"); remove it, or schedule the fault in "faults".`);
    return;
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_DEMO_ACTIONS) {
    errors.wrong(path, `an array of 1 to ${MAX_DEMO_ACTIONS} learner actions`, value, 'write it as [{ "type": "console", "node": "A", "line": "…" }] or [{ "type": "fault", "fault": "…", "target": { … } }]');
    return;
  }
  const refs = nodeRefs(ctx);
  let playsIt = false;
  value.forEach((action: unknown, i) => {
    const at = joinPath(path, i);
    if (!isObject(action)) {
      errors.wrong(at, 'a learner action object', action, 'write it as { "type": "console", "node": "A", "line": "…" } or { "type": "fault", "fault": "…", "target": { … } }');
      return;
    }
    const type = readField<string>(errors, action, 'type', joinPath(at, 'type'), { type: 'enum', values: DEMO_TYPES }, { required: true });
    if (type.state !== 'ok') return;
    if (type.value === 'console') {
      rejectUnknownFields(errors, action, at, CONSOLE_DEMO_FIELDS, `${at} (console)`);
      const node = own(action, 'node');
      let nodeOk: Field<string> = { state: 'absent' };
      if (node === undefined) errors.missing(joinPath(at, 'node'), 'the node whose console the command is typed on', 'add it, such as "node": "A"');
      else nodeOk = checkValue<string>(errors, node, joinPath(at, 'node'), { type: 'nodeRef' }, { nodes: refs });
      const line = readField<string>(errors, action, 'line', joinPath(at, 'line'), { type: 'string', minLength: 1, maxLength: MAX_CONSOLE_LINE, pattern: /\S/, expected: 'the command line, such as "sg_persist -k /dev/sdb"', patternFix: 'write the command' }, { required: true });
      const c = when.console;
      if (c && nodeOk.state === 'ok' && line.state === 'ok' && nodeOk.value === c.node && (c.matches === undefined || c.matches.test(line.value))) playsIt = true;
    } else {
      rejectUnknownFields(errors, action, at, FAULT_DEMO_FIELDS, `${at} (fault)`);
      const fault = readField<string>(errors, action, 'fault', joinPath(at, 'fault'), WHEN_RULES.fault, { required: true, expected: `one of the fault ids (${list(SCENARIO_FAULT_IDS)})` });
      const target = own(action, 'target');
      if (target === undefined) errors.missing(joinPath(at, 'target'), 'the fault\'s target, such as { "node": "A" } (or {} for faults without one)', 'add it');
      else if (!isObject(target)) errors.wrong(joinPath(at, 'target'), 'an object such as { "node": "A" }', target, 'write the target as an object ({} for faults without one)');
      else rejectUnknownFields(errors, target, joinPath(at, 'target'), DEMO_TARGET_FIELDS, joinPath(at, 'target'));
      if (fault.state === 'ok' && fault.value === when.fault) playsIt = true;
    }
  });
  // A console condition that is itself broken has been reported; the demo cannot be compared with it.
  const comparable = when.console === undefined || (when.console.node !== undefined && when.console.matches !== undefined);
  if (!playsIt && comparable) {
    const wanted =
      when.console !== undefined
        ? `a console action on node ${quote(when.console.node ?? '?')} whose line matches ${quote(when.console.matches?.source ?? '')}`
        : `a fault action with "fault": ${quote(when.fault ?? '')}`;
    errors.add(path, wanted, 'no such action', `${path} never does what the beat waits for; add ${wanted}, or fix "when" (${quotedList([...(when.console ? ['when.console'] : []), ...(when.fault ? ['when.fault'] : [])])}).`);
  }
}
