// The beats of a guided scenario, as the validator reads them: every field and combination is
// checked, and every message names the field by its path and says what to do.

import { describe, expect, it } from 'vitest';
import schemaJson from '../../../public/scenario.schema.json';
import answerOutOfRange from '../examples-invalid/beat-answer-out-of-range.json';
import beatFields from '../examples-invalid/beat-fields.json';
import scriptTag from '../examples-invalid/beat-script-tag.json';
import unknownTerm from '../examples-invalid/beat-unknown-glossary-term.json';
import { validateScenario, type ScenarioError } from '../validate';
import { jsonSchemaErrors } from './jsonSchemaSubset';
import { TRACE_KINDS } from './validateBeats';

const base = { id: 'demo', title: 'Demo', mode: 'scsi3', personality: 'fence-scsi', nodes: ['A', 'B'], pathsPerNode: 2, duration: 60000 };
const beat = (extra: Record<string, unknown> = {}) => ({ id: 'b', title: 'Beat', narration: 'Something *happens*.', ...extra });

function errorsOf(beats: unknown, extra: Record<string, unknown> = {}): ScenarioError[] {
  const result = validateScenario({ ...base, ...extra, beats });
  return result.ok ? [] : result.errors;
}

/** The single error's path and message. */
function only(beats: unknown, extra: Record<string, unknown> = {}): { path: string; message: string } {
  const errors = errorsOf(beats, extra);
  expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(1);
  return { path: errors[0]!.path, message: errors[0]!.message };
}

describe('valid beats', () => {
  const story = [
    beat({ id: 'start', question: { prompt: 'What next?', choices: ['This', 'That'], answer: 1, explanation: 'That, because [[PREEMPT]].' } }),
    beat({ id: 'lost', when: { event: 'membership-lost', node: 'A' }, expect: [{ path: 'nodes.A.members.length', equals: 1 }] }),
    beat({ id: 'conflict', when: { status: 'RESERVATION_CONFLICT', purpose: 'app.write', node: 'B', at: 20000 } }),
    beat({ id: 'kind', when: { event: 'FENCE_SCSI.FENCED', after: 500 }, expect: [{ path: 'luns.0.registrations.length', atLeast: 2, atMost: 4 }, { path: 'nodes.B.tags', includes: 'fenced' }] }),
    beat({ id: 'keys', when: { console: { node: 'S', matches: 'sg_persist .*-k', exit: 0 } }, demo: [{ type: 'console', node: 'S', line: 'sg_persist -k /dev/sdb' }] }),
    beat({ id: 'crash', when: { fault: 'node-crash' }, demo: [{ type: 'fault', fault: 'node-crash', target: { node: 'B' } }] }),
  ];
  const scenario = { ...base, faults: [{ at: 1000, fault: 'standalone-host', node: 'S' }], beats: story };

  it('are accepted and kept exactly as written (a fixed point)', () => {
    const result = validateScenario(scenario);
    expect(result).toMatchObject({ ok: true, scenario: { beats: story } });
    if (result.ok) expect(validateScenario(JSON.parse(JSON.stringify(result.scenario)))).toEqual(result);
  });

  it('may name a standalone host the scenario presents the LUN to', () => {
    expect(errorsOf(story, { faults: [{ at: 1000, fault: 'standalone-host', node: 'S' }] })).toEqual([]);
    expect(only([beat({ when: { event: 'mounted', node: 'S' } })])).toMatchObject({ path: 'beats[0].when.node' });
  });

  it('pass the JSON Schema too', () => {
    expect(jsonSchemaErrors(schemaJson as never, scenario)).toEqual([]);
  });

  it('may wait on any trace kind the engine records', () => {
    for (const kind of TRACE_KINDS) expect(errorsOf([beat({ when: { event: kind } })]), kind).toEqual([]);
  });
});

describe('beat fields', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['missing id', [{ title: 'T', narration: 'N.' }], 'beats[0].id', /^beats\[0\]\.id is required but missing/],
    ['bad id', [beat({ id: 'B 1' })], 'beats[0].id', /must be a beat id of 1 to 64 lower-case letters/],
    ['missing narration', [{ id: 'b', title: 'T' }], 'beats[0].narration', /is required but missing/],
    ['empty title', [beat({ title: '' })], 'beats[0].title', /must be a title of 1 to 80 characters, but it is an empty string/],
    ['unknown field', [beat({ say: 'x' })], 'beats[0].say', /^beats\[0\] has no field "say"; remove it or use one of the allowed fields: id, title, when, narration, question, expect, demo\.$/],
    ['a string', ['x'], 'beats[0]', /must be a beat object/],
  ])('%s', (_name, beats, path, message) => {
    const e = only(beats);
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
  });

  it('ids are unique', () => {
    expect(only([beat(), beat()])).toEqual({
      path: 'beats[1].id',
      message: 'beats[1].id must be an id no other beat has, but it is "b"; beats[0] is already called "b"; give each beat its own id.',
    });
  });
});

describe('narration markup', () => {
  it.each<[string, string, RegExp]>([
    ['HTML', 'Hi <b>there</b>', /^beats\[0\]\.narration cannot be shown: narration may not contain HTML \(found "<b>"\)/],
    ['a script tag', '<script>alert(1)</script>', /found "<script>"/],
    ['an unknown glossary term', 'The [[fencng]] agent.', /\[\[fencng\]\] is not a glossary term \(did you mean "fencing"\?\)/],
    ['unclosed emphasis', 'A *very important point', /unclosed \*emphasis\*/],
    ['unclosed code', 'Run `sg_persist -k', /unclosed `code`/],
  ])('rejects %s', (_name, narration, message) => {
    expect(only([beat({ narration })])).toMatchObject({ path: 'beats[0].narration', message: expect.stringMatching(message) });
  });

  it('checks the question\'s prompt, explanation and choices too', () => {
    const question = { prompt: 'Is <i>this</i> right?', choices: ['[[nope]]', 'Yes'], answer: 1, explanation: 'Yes.' };
    expect(errorsOf([beat({ question })]).map((e) => e.path)).toEqual(['beats[0].question.prompt', 'beats[0].question.choices[0]']);
  });
});

describe('when', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['an unknown event', { event: 'fenzed' }, 'beats[0].when.event', /^beats\[0\]\.when\.event names an unknown event "fenzed" \(did you mean "fenced"\?\); use one of fenced, key-preempted, /],
    ['a misspelt trace kind', { event: 'APP.MOUNTED' }, 'beats[0].when.event', /unknown event "APP\.MOUNTED" \(did you mean "APP\.MOUNT"\?\)/],
    ['an unknown node', { event: 'fenced', node: 'C' }, 'beats[0].when.node', /must be one of the scenario's nodes \(A, B\), but it is "C"/],
    ['a lower-case node', { event: 'fenced', node: 'b' }, 'beats[0].when.node', /node ids are case-sensitive, so write "B"/],
    ['a time after the end', { at: 70000 }, 'beats[0].when.at', /from 0 to 60000 \(the scenario's duration\), but it is 70000; use a value from 0 to 60000 or raise duration/],
    ['an unknown status', { status: 'CONFLICT' }, 'beats[0].when.status', /must be one of "GOOD", "RESERVATION_CONFLICT", "CHECK_CONDITION", "TIMEOUT"/],
    ['an unknown fault', { fault: 'node-crsh' }, 'beats[0].when.fault', /did you mean "node-crash"/],
    ['an empty condition', {}, 'beats[0].when', /names no condition; add one .* or remove "when"/],
    ['at and after', { at: 1, after: 2 }, 'beats[0].when.after', /cannot be used with beats\[0\]\.when\.at/],
    ['node without event', { node: 'A' }, 'beats[0].when.node', /only narrows an "event" or "status" condition/],
    ['purpose without status', { event: 'mounted', purpose: 'app.write' }, 'beats[0].when.purpose', /only narrows a "status" condition/],
    ['status and event', { status: 'GOOD', event: 'mounted' }, 'beats[0].when.event', /cannot be used with beats\[0\]\.when\.status/],
    ['an unknown field', { evnt: 'mounted' }, 'beats[0].when.evnt', /has no field "evnt" \(did you mean "event"\?\)/],
  ])('rejects %s', (_name, when, path, message) => {
    const errors = errorsOf([beat({ when })]);
    const e = errors.find((x) => x.path === path);
    expect(e, JSON.stringify(errors)).toBeDefined();
    expect(e!.message).toMatch(message);
  });

  it('a console condition names a node, a valid regular expression and maybe an exit status', () => {
    const demo = [{ type: 'console', node: 'A', line: 'sg_persist -k /dev/sdb' }];
    expect(errorsOf([beat({ when: { console: { node: 'A', matches: '(' } }, demo })]).map((e) => e.path)).toEqual(['beats[0].when.console.matches']);
    expect(errorsOf([beat({ when: { console: { matches: 'x', exit: 300 } }, demo })]).map((e) => e.path)).toEqual(['beats[0].when.console.node', 'beats[0].when.console.exit']);
    expect(only([beat({ when: { console: { node: 'A', matches: 'sg_persist', fault: 'x' } }, demo })]).path).toBe('beats[0].when.console.fault');
    expect(only([beat({ when: { console: { node: 'A', matches: 'sg_persist' }, event: 'mounted' }, demo })]).path).toBe('beats[0].when.event');
  });
});

describe('questions', () => {
  const q = (extra: Record<string, unknown>) => beat({ question: { prompt: 'Which?', choices: ['One', 'Two'], answer: 0, explanation: 'One.', ...extra } });

  it('the answer must be the index of a choice', () => {
    expect(only([q({ answer: 2 })])).toEqual({
      path: 'beats[0].question.answer',
      message: 'beats[0].question.answer must be the index of the right answer: an integer from 0 to 1 (choices has 2 answers; 0 is the first), but it is 2; use a value from 0 to 1.',
    });
    expect(only([q({ answer: -1 })]).path).toBe('beats[0].question.answer');
    expect(only([q({ answer: '1' })]).message).toMatch(/write it as a number without quotes/);
  });

  it('has 2 to 6 different choices, and every part', () => {
    expect(only([q({ choices: ['Only'] })]).path).toBe('beats[0].question.choices');
    expect(only([q({ choices: ['Same', 'Same'] })])).toMatchObject({ path: 'beats[0].question.choices[1]', message: expect.stringMatching(/repeats beats\[0\]\.question\.choices\[0\]/) });
    expect(errorsOf([beat({ question: { choices: ['A', 'B'] } })]).map((e) => e.path)).toEqual(['beats[0].question.prompt', 'beats[0].question.explanation', 'beats[0].question.answer']);
  });
});

describe('expectations', () => {
  const e = (...checks: unknown[]) => [beat({ expect: checks })];

  it.each<[string, unknown, string, RegExp]>([
    ['bad syntax', { path: 'nodes..B', equals: 1 }, 'beats[0].expect[0].path', /separate the parts with single dots/],
    ['an unknown root', { path: 'node.B.serviceState', equals: 'owner' }, 'beats[0].expect[0].path', /starting with one of scenarioId, .*, but it is "node\.B\.serviceState"; start it with one of those/],
    ['an unknown node', { path: 'nodes.C.mount', equals: null }, 'beats[0].expect[0].path', /second part is a node id \(A, B\)/],
    ['an unknown node field', { path: 'nodes.B.state', equals: 'owner' }, 'beats[0].expect[0].path', /third part is one of id, power, .*; use one of those/],
    ['an unknown LUN field', { path: 'luns.0.registration.length', equals: 4 }, 'beats[0].expect[0].path', /did you mean "registrations"\?/],
    ['no test', { path: 'integrity.ok' }, 'beats[0].expect[0]', /has a path but no test/],
    ['equals and atLeast', { path: 'luns.0.generation', equals: 1, atLeast: 1 }, 'beats[0].expect[0].atLeast', /cannot be used with beats\[0\]\.expect\[0\]\.equals/],
    ['equals an object', { path: 'nodes.A.mount', equals: { epoch: 1 } }, 'beats[0].expect[0].equals', /add "\.length" to the path/],
    ['atLeast a string', { path: 'luns.0.generation', atLeast: '1' }, 'beats[0].expect[0].atLeast', /must be a number/],
  ])('rejects %s', (_name, check, path, message) => {
    expect(only(e(check))).toMatchObject({ path, message: expect.stringMatching(message) });
  });

  it('accepts indexes, "length" and node ids', () => {
    expect(errorsOf(e({ path: 'nodes.1.serviceState', equals: 'standby' }, { path: 'nodes.length', equals: 2 }, { path: 'luns.0.reservation.key', equals: '0x1' }, { path: 'integrity.violations.0.node', equals: 'A' }))).toEqual([]);
  });

  it('rejects an empty list', () => {
    expect(only(e()).path).toBe('beats[0].expect');
  });
});

describe('demo', () => {
  it('is required on a beat that waits for the learner, and must do what it waits for', () => {
    expect(only([beat({ when: { fault: 'node-crash' } })]).message).toMatch(/^beats\[0\]\.demo is required but missing; add it, such as \[\{ "type": "fault", "fault": "node-crash"/);
    const wrong = [beat({ when: { console: { node: 'A', matches: '--read-keys' } }, demo: [{ type: 'console', node: 'A', line: 'sg_persist -r /dev/sdb' }] })];
    expect(only(wrong)).toEqual({
      path: 'beats[0].demo',
      message: 'beats[0].demo never does what the beat waits for; add a console action on node "A" whose line matches "--read-keys", or fix "when" ("when.console").',
    });
  });

  it('is refused on a beat that does not wait for the learner', () => {
    expect(only([beat({ when: { at: 1000 }, demo: [{ type: 'fault', fault: 'node-crash', target: { node: 'A' } }] })]).message).toMatch(/is only played for beats that wait for the learner/);
  });

  it('checks each action\'s fields', () => {
    const demo = [{ type: 'keyboard' }, { type: 'console', node: 'Z', line: '' }, { type: 'fault', fault: 'node-crash', target: { nod: 'A' } }];
    const paths = errorsOf([beat({ when: { fault: 'node-crash' }, demo })]).map((x) => x.path);
    expect(paths).toEqual(['beats[0].demo[0].type', 'beats[0].demo[1].node', 'beats[0].demo[1].line', 'beats[0].demo[2].target.nod']);
  });
});

describe('the malformed beat examples', () => {
  it.each<[string, unknown, string[], string[]]>([
    // The answer (2) is within the schema's 0–5 but not below the number of choices: only the validator can tell.
    ['beat-answer-out-of-range', answerOutOfRange, ['beats[0].question.answer'], []],
    ['beat-script-tag', scriptTag, ['beats[0].narration'], []],
    ['beat-unknown-glossary-term', unknownTerm, ['beats[0].narration'], []],
    [
      'beat-fields',
      beatFields,
      ['beats[0].when.event', 'beats[0].when.node', 'beats[1].when.after', 'beats[1].id', 'beats[2].when.console.matches', 'beats[2].demo', 'beats[3].expect[0].path', 'beats[3].expect[1].path', 'beats[3].expect[1]'],
      ['$.beats[0].when.event: enum', '$.beats[1].when: not', '$.beats[2]: required demo', '$.beats[3].expect[0].path: pattern', '$.beats[3].expect[1]: not'],
    ],
  ])('%s: the validator names each problem; the JSON Schema catches what a schema can', (_name, example, paths, schemaErrors) => {
    const result = validateScenario(example);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(paths);
    expect(jsonSchemaErrors(schemaJson as never, example)).toEqual(schemaErrors);
  });
});
