// Properties of the validator on generated input: it never throws, every error is well formed,
// a valid result is a fixed point, and the JSON Schema agrees with it wherever a JSON Schema can
// express the rule.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schemaJson from '../../public/scenario.schema.json';
import fenceScsiPartition from './examples/fence-scsi-partition.json';
import haLvmPartition from './examples/ha-lvm-partition-no-fencing.json';
import badGroups from './examples-invalid/bad-groups.json';
import missingId from './examples-invalid/missing-id.json';
import modePersonalityMismatch from './examples-invalid/mode-personality-mismatch.json';
import notAnObject from './examples-invalid/not-an-object.json';
import targetFields from './examples-invalid/target-fields.json';
import twoNodeWithThreeNodes from './examples-invalid/two-node-with-three-nodes.json';
import unknownFault from './examples-invalid/unknown-fault.json';
import unknownField from './examples-invalid/unknown-field.json';
import wrongTypes from './examples-invalid/wrong-types.json';
import { jsonSchemaErrors } from './schema/jsonSchemaSubset';
import { FAULT_SHAPES, PARAM_FIELDS, PARAM_RULES, type FaultShape, type ValueRule } from './schema/rules';
import { PERSONALITIES_BY_MODE } from './schema/defaults';
import { PERSONALITIES, SCENARIO_FAULT_IDS, SCENARIO_MODES, type ScenarioFaultId } from './schema/spec';
import { validateScenario, type ScenarioError } from './validate';

const schema = schemaJson as unknown as Record<string, unknown>;
const RUNS = { numRuns: 400, seed: 20261126 };

/** Mostly `good`, now and then `bad`: most generated scenarios are valid, the rest are wrong in one or two places. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>, odds = 150): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: odds, arbitrary: good }, { weight: 1, arbitrary: bad });
/** Values a JSON Schema accepts but the validator does not (they contradict another field), more often. */
const orCrossField = (value: fc.Arbitrary<unknown>, crossField: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: crossField });
const wrongType = fc.constantFrom<unknown>('1', null, 1.5, [], {}, true);

function valueFor(rule: ValueRule, nodes: readonly string[]): fc.Arbitrary<unknown> {
  switch (rule.type) {
    case 'integer':
      return mostly(fc.integer({ min: rule.min, max: rule.max }), fc.oneof(fc.constantFrom(rule.min - 1, rule.max + 1), wrongType));
    case 'boolean':
      return mostly(fc.boolean(), wrongType);
    case 'enum':
      return mostly(fc.constantFrom(...rule.values), fc.constantFrom<unknown>('bogus', 3));
    case 'string':
      return mostly(fc.constantFrom('3683', 'abc', 'ABCDEF01'), fc.constantFrom<unknown>('', 'zz', '123456789', 7));
    case 'nodeRef':
      return orCrossField(mostly(fc.constantFrom(...nodes), fc.constantFrom<unknown>('a', 1)), fc.constant('Z'));
  }
}

const nodeList = mostly(
  fc.constantFrom(['A', 'B'], ['A', 'B'], ['A', 'B', 'C'], ['B', 'A', 'C', 'D']),
  fc.oneof(fc.constantFrom(['A'], ['A', 'A'], ['A', 'B', 'C', 'D', 'E'], ['a', 'B'], 'A,B'), fc.array(fc.constantFrom('A', 'B', 'NODE1', 'x'), { maxLength: 5 })),
  15,
);

/** Now and then (1 roll in 30) drop a required field, or (another 1 in 30) add a field that is not allowed. */
const tamper = <T extends Record<string, unknown>>(value: fc.Arbitrary<T>, required: readonly string[], extra: string) =>
  fc.tuple(value, fc.integer({ min: 0, max: 29 }), fc.nat()).map(([v, roll, pick]) => {
    const out: Record<string, unknown> = { ...v };
    if (roll === 0 && required.length > 0) delete out[required[pick % required.length]!];
    if (roll === 1) out[extra] = 1;
    return out;
  });

/** A fault with the target fields its id takes, each mostly right. */
function faultFor(nodes: readonly string[], pathsPerNode: number): fc.Arbitrary<unknown> {
  const node = orCrossField(mostly(fc.constantFrom(...nodes), fc.constantFrom<unknown>('a', 7)), fc.constant('Z'));
  const targets: Record<string, fc.Arbitrary<unknown>> = {
    node,
    to: node,
    path: orCrossField(mostly(fc.integer({ min: 1, max: pathsPerNode }), fc.constantFrom<unknown>(0, 5, '1')), fc.integer({ min: 1, max: 4 })),
    network: orCrossField(mostly(fc.constant(1), fc.constantFrom<unknown>(0, 4)), fc.constantFrom(2, 3)),
    between: orCrossField(
      mostly(fc.constantFrom([nodes[0], nodes[1]], [nodes[1], nodes[0]]), fc.constantFrom<unknown>([nodes[0], nodes[0]], [nodes[0]], 'A-B')),
      fc.constant([nodes[0], 'Z']),
    ),
    groups: orCrossField(
      mostly(fc.integer({ min: 1, max: nodes.length - 1 }).map((k) => [nodes.slice(0, k), nodes.slice(k)]), fc.constantFrom<unknown>([[nodes[0]], []], {})),
      fc.constantFrom<unknown>([[nodes[0]], [nodes[0]]], [['Z'], nodes.slice(1)], [[nodes[0]], nodes]),
    ),
  };
  const newHost = orCrossField(mostly(fc.constant('HOST'), fc.constant('host')), fc.constant(nodes[0]));
  return (mostly(fc.constantFrom<string>(...SCENARIO_FAULT_IDS), fc.constant('bogus'), 60) as fc.Arbitrary<string>).chain((id) => {
    const shape = FAULT_SHAPES[id as ScenarioFaultId] as FaultShape | undefined;
    const required = ['at', 'fault', ...(shape?.required ?? [])];
    const fields = [...(shape?.required ?? []), ...(shape?.optional ?? [])];
    const record: Record<string, fc.Arbitrary<unknown>> = {
      at: orCrossField(mostly(fc.integer({ min: 0, max: 60_000 }), fc.constantFrom<unknown>(-1, '5', 1.5, 4_000_000)), fc.integer({ min: 60_001, max: 3_600_000 })),
      fault: fc.constant(id),
      ...Object.fromEntries(fields.map((f) => [f, id === 'standalone-host' ? newHost : targets[f]!])),
    };
    return tamper(fc.record(record, { requiredKeys: required }), required, id === 'heartbeat-heal' ? 'node' : 'junk');
  });
}

/** Scenarios near the format: most fields right, some wrong, some missing. */
const scenario = fc.tuple(nodeList, fc.integer({ min: 1, max: 4 }), fc.constantFrom(...SCENARIO_MODES)).chain(([nodesValue, pathsPerNode, mode]) => {
  const nodes = Array.isArray(nodesValue) && nodesValue.length >= 2 && typeof nodesValue[0] === 'string' ? (nodesValue as string[]) : ['A', 'B'];
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    $schema: fc.constant('scenario.schema.json'),
    id: mostly(fc.constantFrom('demo', 'split-brain'), fc.constantFrom('Bad Id', '', 'x'.repeat(65))),
    title: mostly(fc.constant('Demo'), fc.constantFrom(' ', '', 'x'.repeat(121))),
    summary: mostly(fc.constant('A summary.'), fc.constant(5)),
    level: mostly(fc.constantFrom('intro', 'core', 'advanced'), fc.constant('expert')),
    minutes: mostly(fc.integer({ min: 1, max: 120 }), fc.constant(0)),
    mode: mostly(fc.constant(mode), fc.constant('scsi-3')),
    personality: mostly(fc.constantFrom(...PERSONALITIES_BY_MODE[mode]), fc.constantFrom<unknown>(...PERSONALITIES, 'pacemaker'), 30),
    nodes: fc.constant(nodesValue),
    pathsPerNode: mostly(fc.constant(pathsPerNode), fc.constant(5)),
    seed: mostly(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constant(-1)),
    duration: mostly(fc.integer({ min: 60_000, max: 3_600_000 }), fc.constant(999)),
    params: tamper(
      fc.record(
        {
          ...Object.fromEntries(PARAM_FIELDS.map((f) => [f, valueFor(PARAM_RULES[f], nodes)])),
          twoNode: nodes.length === 2 ? fc.boolean() : mostly(fc.constant(false), fc.constant(true), 30),
        },
        { requiredKeys: [] },
      ),
      [],
      'heartbeatMiss',
    ),
    faults: fc.array(faultFor(nodes, pathsPerNode), { maxLength: 4 }),
    beats: fc.array(mostly(fc.dictionary(fc.string(), fc.json({ depthSize: 'small' }).map((t) => JSON.parse(t) as unknown), { maxKeys: 3 }), fc.constant('x')), { maxLength: 2 }),
  };
  const required = ['id', 'title', 'mode', 'nodes'];
  return tamper(fc.record(fields, { requiredKeys: required }), required, 'titel');
});

function checkWellFormed(errors: ScenarioError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    for (const text of [e.path, e.expected, e.found, e.message]) expect(typeof text).toBe('string');
    expect(e.expected).not.toBe('');
    expect(e.found).not.toBe('');
    expect(e.message).toMatch(/^[A-Za-z$_[].*\.$/s);
    // The message names the field (a quoted key for an unknown field whose path needs brackets).
    if (e.path === '' || e.path.includes('["')) continue;
    const child = /^(.+)\.([A-Za-z_$][\w$]*)$/.exec(e.path);
    const named = e.message.includes(e.path) || (child !== null && e.message.includes(child[1]!) && e.message.includes(`"${child[2]}"`));
    expect(named, `${e.message} names ${e.path}`).toBe(true);
  }
}

describe('validateScenario on anything', () => {
  it('never throws, and reports well-formed errors, on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (input) => {
        const result = validateScenario(input);
        if (!result.ok) checkWellFormed(result.errors);
      }),
      RUNS,
    );
  });

  it('never throws on values that throw when read', () => {
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('no'); }, get: () => { throw new Error('no'); } });
    const result = validateScenario(trap);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.path).toBe('');
  });

  it('on near-valid scenarios: never throws, errors are well formed and in a stable order', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const first = validateScenario(input);
        expect(validateScenario(input)).toEqual(first);
        if (!first.ok) checkWellFormed(first.errors);
      }),
      RUNS,
    );
  });

  it('a valid result is a fixed point: validating it again gives it back unchanged', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = validateScenario(input);
        if (!result.ok) return;
        const again = validateScenario(JSON.parse(JSON.stringify(result.scenario)));
        expect(again).toEqual({ ok: true, scenario: result.scenario });
      }),
      RUNS,
    );
  });

  it('generates enough valid scenarios for the properties above to mean something', () => {
    const samples = fc.sample(scenario, { numRuns: 400, seed: RUNS.seed });
    const valid = samples.filter((s) => validateScenario(s).ok).length;
    expect(valid).toBeGreaterThan(10);
  });
});

describe('the JSON Schema agrees with the validator', () => {
  // Rules a JSON Schema cannot state: they compare a value with another field of the document.
  const CROSS_FIELD = /^(params\.owner|faults\[\d+\]\.(at|node|to|path|network|between\[\d+\]|groups(\[\d+\])*))$/;

  it('accepts every scenario the validator accepts, and its filled-in result', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = validateScenario(input);
        if (!result.ok) return;
        expect(jsonSchemaErrors(schema, input)).toEqual([]);
        expect(jsonSchemaErrors(schema, result.scenario)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('when it accepts a scenario the validator rejects, only cross-field rules are broken', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = validateScenario(input);
        if (result.ok || jsonSchemaErrors(schema, input).length > 0) return;
        expect(result.errors.map((e) => e.path).filter((p) => !CROSS_FIELD.test(p))).toEqual([]);
      }),
      RUNS,
    );
  });

  it.each([
    ['fence-scsi-partition', fenceScsiPartition],
    ['ha-lvm-partition-no-fencing', haLvmPartition],
  ])('accepts the example %s', (_name, example) => {
    expect(jsonSchemaErrors(schema, example)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['missing-id', missingId, ['$: required id']],
    ['mode-personality-mismatch', modePersonalityMismatch, ['$.personality: enum']],
    ['not-an-object', notAnObject, ['$: type']],
    ['two-node-with-three-nodes', twoNodeWithThreeNodes, ['$.params.twoNode: const']],
    ['unknown-fault', unknownFault, ['$.faults[0].fault: enum']],
    ['unknown-field', unknownField, ['$.params.heartbeatMiss: false schema', '$.titel: false schema']],
    ['wrong-types', wrongTypes, ['$.seed: type', '$.duration: type', '$.params.heartbeatIntervalMs: type', '$.params.fencing: type', '$.params.aptpl: type']],
    // faults[2].network 2 (only 1 network) and faults[3] (a host id that is a cluster node) are cross-field.
    ['target-fields', targetFields, ['$.faults[0]: required node', '$.faults[1].node (name): enum', '$.faults[2].between: uniqueItems']],
    ['bad-groups (cross-field: the schema cannot see it)', badGroups, []],
  ])('the invalid example %s fails the schema where a schema can tell', (_name, example, expected) => {
    expect(jsonSchemaErrors(schema, example)).toEqual(expected);
  });
});
