// public/scenario.schema.json (for editors) and the hand-written validator describe one format.
// These tests read the schema and the validator's tables side by side: every field, enum, range,
// pattern, requirement and default must agree. validate.fuzz.test.ts checks that they also agree
// on generated documents.

import { describe, expect, it } from 'vitest';
import schemaJson from '../../public/scenario.schema.json';
import { DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY, PERSONALITIES_BY_MODE, type PersonalityParamDefaults } from './schema/defaults';
import {
  FAULT_FIELDS,
  FAULT_FIELD_RULES,
  FAULT_SHAPES,
  MAX_NODES,
  MIN_NODES,
  NODE_ID_PATTERN,
  PARAM_FIELDS,
  PARAM_RULES,
  REQUIRED_TOP_LEVEL_FIELDS,
  TOP_LEVEL_FIELDS,
  TOP_LEVEL_RULES,
  type ValueRule,
} from './schema/rules';
import { PERSONALITIES, SCENARIO_FAULT_IDS, SCENARIO_MODES, type ScenarioMode } from './schema/spec';
import {
  BEAT_EVENT_NAMES,
  BEAT_FIELDS,
  BEAT_RULES,
  BEAT_STATUSES,
  CONSOLE_DEMO_FIELDS,
  CONSOLE_FIELDS,
  CONSOLE_RULES,
  DEMO_TARGET_FIELDS,
  DEMO_TYPES,
  EXPECT_FIELDS,
  EXPECT_PATH_PATTERN,
  FAULT_DEMO_FIELDS,
  MAX_CHOICES,
  MAX_CHOICE_LENGTH,
  MAX_DEMO_ACTIONS,
  MAX_EXPECTATIONS,
  MIN_CHOICES,
  QUESTION_FIELDS,
  QUESTION_RULES,
  REQUIRED_BEAT_FIELDS,
  TRACE_KINDS,
  WHEN_FIELDS,
  WHEN_RULES,
} from './schema/validateBeats';

type Json = Record<string, unknown>;
const schema = schemaJson as unknown as Json;
const defs = schema.$defs as Record<string, Json>;
const topProperties = schema.properties as Record<string, Json>;
const paramProperties = defs.params!.properties as Record<string, Json>;
const faultDef = defs.fault!;
const faultProperties = faultDef.properties as Record<string, Json>;

const ANNOTATIONS = ['description', 'default', 'title', 'examples'];

/** A schema fragment without its annotations. */
function constraints(fragment: Json | undefined): Json {
  return Object.fromEntries(Object.entries(fragment ?? {}).filter(([k]) => !ANNOTATIONS.includes(k)));
}

/** What the JSON Schema for a validator rule must say. */
function expectedFragment(rule: ValueRule): Json {
  switch (rule.type) {
    case 'integer':
      return { type: 'integer', minimum: rule.min, maximum: rule.max };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { enum: [...rule.values] };
    case 'string':
      return {
        type: 'string',
        ...(rule.minLength === undefined ? {} : { minLength: rule.minLength }),
        ...(rule.maxLength === undefined ? {} : { maxLength: rule.maxLength }),
        ...(rule.pattern === undefined ? {} : { pattern: rule.pattern.source }),
      };
    case 'nodeRef':
      return { $ref: '#/$defs/nodeId' };
  }
}

/** Every property name declared anywhere in the schema, and every enum list. */
function walk(node: unknown, names: Set<string>, enums: string[][]): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, names, enums));
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') for (const name of Object.keys(value as Json)) names.add(name);
    if (key === 'enum') enums.push(value as string[]);
    if (key === 'propertyNames') {
      // An enum of property names (which fields a fault takes), not of values.
      for (const name of ((value as Json).enum as string[]) ?? []) names.add(name);
      continue;
    }
    walk(value, names, enums);
  }
}

describe('the JSON Schema and the validator know the same fields', () => {
  const names = new Set<string>();
  const enums: string[][] = [];
  walk(schema, names, enums);
  const beatFields = [...BEAT_FIELDS, ...WHEN_FIELDS, ...CONSOLE_FIELDS, ...QUESTION_FIELDS, ...EXPECT_FIELDS, ...CONSOLE_DEMO_FIELDS, ...FAULT_DEMO_FIELDS, ...DEMO_TARGET_FIELDS];
  const validatorFields = new Set<string>([...TOP_LEVEL_FIELDS, ...PARAM_FIELDS, ...FAULT_FIELDS, ...beatFields]);

  it('every property name in the schema is a field of the validator, and vice versa', () => {
    expect([...names].filter((n) => !validatorFields.has(n))).toEqual([]);
    expect([...validatorFields].filter((n) => !names.has(n))).toEqual([]);
  });

  it('every enum in the schema is an enum of the validator, and vice versa', () => {
    const validatorEnums = [
      ...Object.values(TOP_LEVEL_RULES),
      ...Object.values(PARAM_RULES),
      FAULT_FIELD_RULES.fault,
      ...Object.values(WHEN_RULES),
      { type: 'enum', values: [...BEAT_EVENT_NAMES, ...TRACE_KINDS] },
      { type: 'enum', values: DEMO_TYPES },
    ].flatMap((r) => (r.type === 'enum' ? [[...r.values]] : []));
    const knownValues = new Set([...validatorEnums.flat(), ...SCENARIO_MODES, ...PERSONALITIES]);
    for (const list of enums) for (const value of list) expect(knownValues, `schema enum value ${value}`).toContain(value);
    for (const list of validatorEnums) expect(enums, `validator enum ${list.join('|')}`).toContainEqual(list);
  });
});

describe('top level', () => {
  it('has the validator\'s fields in its order, the same required ones, and nothing else', () => {
    expect(Object.keys(topProperties)).toEqual([...TOP_LEVEL_FIELDS]);
    expect(schema.required).toEqual(REQUIRED_TOP_LEVEL_FIELDS);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(Object.entries(TOP_LEVEL_RULES))('%s has the same type, range, enum and pattern', (field, rule) => {
    expect(constraints(topProperties[field])).toEqual(expectedFragment(rule));
  });

  it('nodes: 2 to 4 distinct node ids with the validator\'s pattern', () => {
    expect(constraints(topProperties.nodes)).toEqual({ type: 'array', minItems: MIN_NODES, maxItems: MAX_NODES, uniqueItems: true, items: { $ref: '#/$defs/nodeId' } });
    expect(constraints(defs.nodeId)).toEqual({ type: 'string', pattern: NODE_ID_PATTERN.source });
  });

  it('each mode allows exactly the personalities the validator allows', () => {
    const rules = (schema.allOf as Json[]).filter((r) => (r.if as Json | undefined)?.properties && ((r.if as Json).properties as Json).mode);
    const byMode = Object.fromEntries(
      rules.map((r) => [(((r.if as Json).properties as Json).mode as Json).const, (((r.then as Json).properties as Json).personality as Json).enum]),
    );
    expect(byMode).toEqual(Object.fromEntries(SCENARIO_MODES.map((m: ScenarioMode) => [m, [...PERSONALITIES_BY_MODE[m]]])));
  });

  it('twoNode must be false with 3 or more nodes', () => {
    expect(schema.allOf).toContainEqual({
      if: { properties: { nodes: { minItems: 3 } }, required: ['nodes'] },
      then: { properties: { params: { properties: { twoNode: { const: false } } } } },
    });
  });

  it('the defaults it states are the validator\'s', () => {
    expect(topProperties.pathsPerNode!.default).toBe(1);
    expect(topProperties.seed!.default).toBe(1);
    expect(topProperties.duration!.default).toBe(120000);
    expect(topProperties.faults!.default).toEqual([]);
  });
});

describe('params', () => {
  it('has the validator\'s params in its order and nothing else', () => {
    expect(Object.keys(paramProperties)).toEqual(PARAM_FIELDS);
    expect(defs.params!.additionalProperties).toBe(false);
  });

  it.each(PARAM_FIELDS)('%s has the same type, range, enum and pattern', (field) => {
    expect(constraints(paramProperties[field])).toEqual(expectedFragment(PARAM_RULES[field]));
  });

  it('states a default exactly where every personality has the same one, and it is that value', () => {
    for (const field of PARAM_FIELDS) {
      const values = PERSONALITIES.map((p) => DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY[p][field as keyof PersonalityParamDefaults]);
      const shared = values[0] !== undefined && values.every((v) => v === values[0]);
      if (shared) expect(paramProperties[field]!.default, field).toEqual(values[0]);
      else expect(paramProperties[field], field).not.toHaveProperty('default');
    }
  });
});

describe('faults', () => {
  it('has the validator\'s fault fields, at and fault required, nothing else', () => {
    expect(Object.keys(faultProperties)).toEqual([...FAULT_FIELDS]);
    expect(faultDef.required).toEqual(['at', 'fault']);
    expect(faultDef.additionalProperties).toBe(false);
    expect(constraints(topProperties.faults)).toEqual({ type: 'array', items: { $ref: '#/$defs/fault' } });
  });

  it.each(Object.entries(FAULT_FIELD_RULES))('%s has the same type, range and enum', (field, rule) => {
    expect(constraints(faultProperties[field])).toEqual(expectedFragment(rule));
  });

  it('between is a pair of distinct node ids, groups two or more non-empty lists of them', () => {
    expect(constraints(defs.nodePair)).toEqual({ type: 'array', minItems: 2, maxItems: 2, uniqueItems: true, items: { $ref: '#/$defs/nodeId' } });
    expect(constraints(defs.nodeGroups)).toEqual({ type: 'array', minItems: 2, items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/nodeId' } } });
  });

  it('each fault id requires and allows exactly the target fields the validator does', () => {
    const seen = new Map<string, { required: unknown; allowed: unknown }>();
    for (const rule of faultDef.allOf as Json[]) {
      const fault = ((rule.if as Json).properties as Json).fault as Json;
      const ids = (fault.enum as string[] | undefined) ?? [fault.const as string];
      const then = rule.then as Json;
      for (const id of ids) {
        expect(seen.has(id), `${id} appears in one if/then only`).toBe(false);
        seen.set(id, { required: then.required ?? [], allowed: (then.propertyNames as Json).enum });
      }
    }
    expect([...seen.keys()].sort()).toEqual([...SCENARIO_FAULT_IDS].sort());
    for (const id of SCENARIO_FAULT_IDS) {
      const shape = FAULT_SHAPES[id];
      expect(seen.get(id), id).toEqual({ required: [...shape.required], allowed: ['at', 'fault', ...shape.required, ...shape.optional] });
    }
  });
});

describe('beats', () => {
  const beatDef = defs.beat!;
  const props = (name: string): Record<string, Json> => defs[name]!.properties as Record<string, Json>;

  it('beats is an array of beat objects', () => {
    expect(constraints(topProperties.beats)).toEqual({ type: 'array', items: { $ref: '#/$defs/beat' } });
  });

  it.each<[string, readonly string[], readonly string[]]>([
    ['beat', BEAT_FIELDS, REQUIRED_BEAT_FIELDS],
    ['beatWhen', WHEN_FIELDS, []],
    ['beatConsole', CONSOLE_FIELDS, ['node', 'matches']],
    ['beatQuestion', QUESTION_FIELDS, QUESTION_FIELDS],
    ['beatExpectation', EXPECT_FIELDS, ['path']],
    ['demoTarget', DEMO_TARGET_FIELDS, []],
  ])('%s has the validator\'s fields in its order, the same required ones, and nothing else', (name, fields, required) => {
    expect(Object.keys(props(name))).toEqual([...fields]);
    expect(defs[name]!.required ?? []).toEqual([...required]);
    expect(defs[name]!.additionalProperties).toBe(false);
  });

  it('a learner action is a console command or a fault with exactly their fields', () => {
    const action = defs.learnerAction!;
    expect(Object.keys(action.properties as Json)).toEqual([...new Set([...CONSOLE_DEMO_FIELDS, ...FAULT_DEMO_FIELDS])]);
    expect(constraints((action.properties as Json).type as Json)).toEqual({ enum: [...DEMO_TYPES] });
    const thens = (action.allOf as Json[]).map((r) => (r.then as Json).propertyNames);
    expect(thens).toEqual([{ enum: [...CONSOLE_DEMO_FIELDS] }, { enum: [...FAULT_DEMO_FIELDS] }]);
  });

  it.each(Object.entries(BEAT_RULES))('beat.%s has the same type, length and pattern', (field, rule) => {
    expect(constraints(props('beat')[field])).toEqual(expectedFragment(rule));
  });

  it.each(Object.entries(WHEN_RULES))('when.%s has the same type, range, enum and pattern', (field, rule) => {
    expect(constraints(props('beatWhen')[field])).toEqual(expectedFragment(rule));
  });

  it('when.event lists every friendly event name and every trace kind the validator knows', () => {
    expect(constraints(props('beatWhen').event)).toEqual({ enum: [...BEAT_EVENT_NAMES, ...TRACE_KINDS] });
    expect(BEAT_STATUSES).toContain('RESERVATION_CONFLICT');
  });

  it.each(Object.entries(CONSOLE_RULES))('when.console.%s has the same type and range', (field, rule) => {
    expect(constraints(props('beatConsole')[field])).toEqual(expectedFragment(rule));
  });

  it('questions: prompt and explanation as the validator reads them, 2 to 6 different choices, an answer index', () => {
    expect(constraints(props('beatQuestion').prompt)).toEqual(expectedFragment(QUESTION_RULES.prompt));
    expect(constraints(props('beatQuestion').explanation)).toEqual(expectedFragment(QUESTION_RULES.explanation));
    expect(constraints(props('beatQuestion').choices)).toEqual({
      type: 'array',
      minItems: MIN_CHOICES,
      maxItems: MAX_CHOICES,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: MAX_CHOICE_LENGTH, pattern: '\\S' },
    });
    expect(constraints(props('beatQuestion').answer)).toEqual({ type: 'integer', minimum: 0, maximum: MAX_CHOICES - 1 });
  });

  it('expectation paths have the validator\'s syntax; lists have its limits', () => {
    expect(constraints(props('beatExpectation').path)).toEqual({ type: 'string', minLength: 1, maxLength: 200, pattern: EXPECT_PATH_PATTERN.source });
    expect(constraints(props('beat').expect)).toMatchObject({ minItems: 1, maxItems: MAX_EXPECTATIONS });
    expect(constraints(props('beat').demo)).toMatchObject({ minItems: 1, maxItems: MAX_DEMO_ACTIONS });
    expect(beatDef.additionalProperties).toBe(false);
  });
});
