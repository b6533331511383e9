// The scenario file format's validator: checks every field, reports every problem in words a
// scenario author can act on (CONVENTIONS.md 14), never throws, and fills the defaults.
// public/scenario.schema.json is the same format as a JSON Schema for editors;
// validateSchema.test.ts keeps the two in step.

import type { SimMs } from '../engine/model/ids';
import { isObject, own, readField, rejectUnknownFields, valueOr } from './schema/checkValue';
import { DEFAULT_DURATION_MS, DEFAULT_PATHS_PER_NODE, DEFAULT_PERSONALITY_BY_MODE, DEFAULT_SEED, PERSONALITIES_BY_MODE } from './schema/defaults';
import { ErrorList, quotedList, type ScenarioError } from './schema/errors';
import { TOP_LEVEL_FIELDS, TOP_LEVEL_RULES } from './schema/rules';
import type { Personality, ScenarioLevel, ScenarioMode, ScenarioSpec } from './schema/spec';
import { hostsOf, validateBeats } from './schema/validateBeats';
import { validateFaults } from './schema/validateFaults';
import { validateNodes } from './schema/validateNodes';
import { validateParams } from './schema/validateParams';

export type { ScenarioError } from './schema/errors';
export type {
  Personality,
  PrTypeName,
  ResetScope,
  ScenarioFaultId,
  ScenarioFaultSpec,
  ScenarioLevel,
  ScenarioMode,
  ScenarioSpec,
  ScenarioSpecParams,
  Scsi2PathRecovery,
  StonithAction,
} from './schema/spec';
export { PERSONALITIES, SCENARIO_FAULT_IDS, SCENARIO_MODES } from './schema/spec';
export { DEFAULT_PERSONALITY_BY_MODE, DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY, PERSONALITIES_BY_MODE, type PersonalityParamDefaults } from './schema/defaults';
export { formatScenarioErrors } from './schema/formatScenarioErrors';

export type ScenarioValidation = { ok: true; scenario: ScenarioSpec } | { ok: false; errors: ScenarioError[] };

/** Checks `input` (parsed JSON) against the scenario format; never throws. */
export function validateScenario(input: unknown): ScenarioValidation {
  try {
    return check(input);
  } catch {
    // Only reachable with values JSON cannot produce (a getter or proxy that throws).
    const message = 'The scenario must be plain JSON data, but reading it threw an error; load it with JSON.parse from a file and validate the result.';
    return { ok: false, errors: [{ path: '', expected: 'plain JSON data', found: 'a value that throws when read', message }] };
  }
}

function check(input: unknown): ScenarioValidation {
  const errors = new ErrorList();
  if (!isObject(input)) {
    errors.wrong('', 'a JSON object with the fields "id", "title", "mode" and "nodes"', input, 'write the scenario as { "id": "my-scenario", "title": "…", "mode": "scsi3", "nodes": ["A", "B"] }');
    return { ok: false, errors: errors.errors };
  }
  rejectUnknownFields(errors, input, '', TOP_LEVEL_FIELDS, 'The scenario');
  const rules = TOP_LEVEL_RULES;
  readField(errors, input, '$schema', '$schema', rules.$schema);
  const id = readField<string>(errors, input, 'id', 'id', rules.id, { required: true });
  const title = readField<string>(errors, input, 'title', 'title', rules.title, { required: true });
  const summary = readField<string>(errors, input, 'summary', 'summary', rules.summary);
  const level = readField<ScenarioLevel>(errors, input, 'level', 'level', rules.level);
  const minutes = readField<number>(errors, input, 'minutes', 'minutes', rules.minutes);
  const mode = readField<ScenarioMode>(errors, input, 'mode', 'mode', rules.mode, { required: true });
  const personality = checkPersonality(errors, input, mode.state === 'ok' ? mode.value : undefined);
  const { nodes, known } = validateNodes(errors, own(input, 'nodes'));
  const pathsPerNode = readField<number>(errors, input, 'pathsPerNode', 'pathsPerNode', rules.pathsPerNode, { defaultText: String(DEFAULT_PATHS_PER_NODE) });
  const seed = readField<number>(errors, input, 'seed', 'seed', rules.seed, { defaultText: String(DEFAULT_SEED) });
  const duration = readField<number>(errors, input, 'duration', 'duration', rules.duration, { defaultText: String(DEFAULT_DURATION_MS) });
  const { params, heartbeatNetworks } = validateParams(errors, own(input, 'params'), { nodes: known, personality });
  const faults = validateFaults(errors, own(input, 'faults'), {
    nodes: known,
    pathsPerNode: valueOr(pathsPerNode, DEFAULT_PATHS_PER_NODE),
    heartbeatNetworks,
    duration: valueOr(duration, DEFAULT_DURATION_MS),
  });
  const beats = validateBeats(errors, own(input, 'beats'), { nodes: known, hosts: hostsOf(own(input, 'faults')), duration: valueOr(duration, DEFAULT_DURATION_MS) });

  if (errors.size > 0) return { ok: false, errors: errors.errors };
  if (id.state !== 'ok' || title.state !== 'ok' || mode.state !== 'ok' || personality === undefined || nodes.state !== 'ok' || params === undefined || faults === undefined) {
    // Every path that leaves one of these unset adds an error above; this keeps the promise anyway.
    const message = 'The scenario could not be read completely because of a bug in the validator; please report it with the scenario file.';
    return { ok: false, errors: [{ path: '', expected: 'a readable scenario', found: 'an incomplete result', message }] };
  }
  const scenario: ScenarioSpec = {
    id: id.value,
    title: title.value,
    ...(summary.state === 'ok' ? { summary: summary.value } : {}),
    ...(level.state === 'ok' ? { level: level.value } : {}),
    ...(minutes.state === 'ok' ? { minutes: minutes.value } : {}),
    mode: mode.value,
    personality,
    nodes: nodes.value,
    pathsPerNode: valueOr(pathsPerNode, DEFAULT_PATHS_PER_NODE) ?? DEFAULT_PATHS_PER_NODE,
    seed: valueOr(seed, DEFAULT_SEED) ?? DEFAULT_SEED,
    duration: (valueOr(duration, DEFAULT_DURATION_MS) ?? DEFAULT_DURATION_MS) as SimMs,
    params,
    faults,
    ...(beats === undefined ? {} : { beats }),
  };
  return { ok: true, scenario };
}

/** The personality as written or the mode's default; an error when it cannot run the mode. */
function checkPersonality(errors: ErrorList, input: Record<string, unknown>, mode: ScenarioMode | undefined): Personality | undefined {
  const field = readField<Personality>(errors, input, 'personality', 'personality', TOP_LEVEL_RULES.personality, {
    defaultText: mode === undefined ? undefined : `"${DEFAULT_PERSONALITY_BY_MODE[mode]}" for mode "${mode}"`,
  });
  if (mode === undefined) return undefined;
  if (field.state === 'absent') return DEFAULT_PERSONALITY_BY_MODE[mode];
  if (field.state === 'invalid') return undefined;
  const suits = PERSONALITIES_BY_MODE[mode];
  if (suits.includes(field.value)) return field.value;
  const itsMode = (Object.keys(PERSONALITIES_BY_MODE) as ScenarioMode[]).find((m) => PERSONALITIES_BY_MODE[m].includes(field.value));
  errors.add(
    'personality',
    `a personality that runs mode "${mode}": ${quotedList(suits)}`,
    JSON.stringify(field.value),
    `personality must be one that runs mode "${mode}" (${quotedList(suits)}), but it is "${field.value}", which runs mode "${itsMode}"; ` +
      `change personality to ${suits.length === 1 ? `"${suits[0]}"` : `one of ${quotedList(suits)}`}, change mode to "${itsMode}", or remove personality to use "${DEFAULT_PERSONALITY_BY_MODE[mode]}".`,
  );
  return undefined;
}
