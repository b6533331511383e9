import { describe, expect, it } from 'vitest';
import { defaultParams, type Scenario } from '../engine/model/scenario';
import fenceScsiPartition from './examples/fence-scsi-partition.json';
import haLvmPartition from './examples/ha-lvm-partition-no-fencing.json';
import { DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY, PERSONALITIES, PERSONALITIES_BY_MODE, SCENARIO_MODES, formatScenarioErrors, validateScenario, type ScenarioError, type ScenarioSpec } from './validate';

const base = { id: 'demo', title: 'Demo', mode: 'scsi3', nodes: ['A', 'B'] };

function valid(input: unknown): ScenarioSpec {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(formatScenarioErrors(result.errors));
  return result.scenario;
}

function errorsOf(input: unknown): ScenarioError[] {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected the scenario to be invalid');
  return result.errors;
}

/** [path, message] of every error, in order. */
const problems = (input: unknown): [string, string][] => errorsOf(input).map((e) => [e.path, e.message]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('a minimal scenario (id, title, mode, nodes)', () => {
  it('gets every omitted field filled: fence-scsi for scsi3, one path, seed 1, 120 s, no faults', () => {
    expect(valid(base)).toEqual({
      id: 'demo',
      title: 'Demo',
      mode: 'scsi3',
      personality: 'fence-scsi',
      nodes: ['A', 'B'],
      pathsPerNode: 1,
      seed: 1,
      duration: 120000,
      params: {
        heartbeatIntervalMs: 1000,
        heartbeatMisses: 3,
        heartbeatNetworks: 1,
        heartbeatLatencyMs: 1,
        consensusMs: 3600,
        commandLatencyMs: 1,
        lunServiceMs: 1,
        lunPowerOffMs: 2000,
        lunBecomingReadyMs: 2000,
        ioFailMs: 5000,
        pathCheckerMs: 5000,
        writeIntervalMs: 1000,
        owner: 'A',
        fencing: true,
        fenceDelayMs: 0,
        pcmkDelayMaxMs: 0,
        fenceDeviceMs: 2000,
        stonithAction: 'reboot',
        bootMs: 30000,
        twoNode: true,
        waitForAll: true,
        scsi2RenewMs: 3000,
        challengeWaitMs: 7000,
        onlineAfterMs: 10000,
        resetScope: 'lun',
        scsi2PathRecovery: 'reset-and-rereserve',
        pathDownIsNexusLoss: false,
        diskArbIntervalMs: 3000,
        prType: 'WE_RO',
        aptpl: false,
        watchdog: true,
        watchdogIntervalMs: 1000,
        mpathReservationKey: true,
        keyPrefix: '3683',
        busLuns: 0,
      },
      faults: [],
    });
  });

  it('is usable as the engine Scenario', () => {
    const scenario: Scenario = valid(base);
    expect(scenario.params.heartbeatMisses).toBe(3);
  });

  it('does not change its input', () => {
    const input = deepFreeze({ ...base, params: { fencing: false }, faults: [{ at: 1, fault: 'lun-reset' }] });
    expect(valid(input).faults).toEqual([{ at: 1, fault: 'lun-reset', node: 'A' }]);
    expect(input.faults[0]).toEqual({ at: 1, fault: 'lun-reset' });
  });

  it('drops $schema, which is only for editors', () => {
    expect(valid({ ...base, $schema: '../../public/scenario.schema.json' })).not.toHaveProperty('$schema');
  });

  it('keeps summary, level, minutes and beats as written', () => {
    const beats = [{ id: 'b-out', title: 'B is out', when: { event: 'fenced', node: 'B' }, narration: 'B is *fenced*.' }];
    const spec = valid({ ...base, summary: 'S', level: 'advanced', minutes: 5, beats });
    expect(spec).toMatchObject({ summary: 'S', level: 'advanced', minutes: 5, beats });
    expect(spec.beats![0]).toBe(beats[0]);
  });
});

describe('defaults follow the personality (research §7)', () => {
  it.each([
    ['none', undefined, 'ha-lvm', { heartbeatIntervalMs: 1000, heartbeatMisses: 3, consensusMs: 3600 }],
    ['scsi2', undefined, 'mscs-2003', { heartbeatIntervalMs: 1200, heartbeatMisses: 6, consensusMs: 0, challengeWaitMs: 7000 }],
    ['scsi3', undefined, 'fence-scsi', { heartbeatIntervalMs: 1000, heartbeatMisses: 3, consensusMs: 3600 }],
    ['scsi3', 'wsfc-2008', 'wsfc-2008', { heartbeatIntervalMs: 1000, heartbeatMisses: 10, consensusMs: 0, challengeWaitMs: 6000, diskArbIntervalMs: 3000 }],
  ])('mode %s with personality %s runs as %s', (mode, personality, expected, params) => {
    const spec = valid({ ...base, mode, ...(personality ? { personality } : {}) });
    expect(spec.personality).toBe(expected);
    expect(spec.params).toMatchObject(params);
    expect(spec.params).toMatchObject(DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY[spec.personality]);
  });

  const everyPersonality = SCENARIO_MODES.flatMap((mode) => PERSONALITIES_BY_MODE[mode].map((personality) => [mode, personality] as const));

  it('covers every personality', () => {
    expect(everyPersonality.map(([, p]) => p).sort()).toEqual([...PERSONALITIES].sort());
  });

  it.each(everyPersonality.flatMap(([mode, personality]) => [[mode, personality, ['A', 'B']] as const, [mode, personality, ['C', 'A', 'B']] as const]))(
    'mode %s, %s, nodes %j: the same defaults as the engine\'s defaultParams',
    (mode, personality, nodes) => {
      expect(valid({ ...base, mode, personality, nodes }).params).toEqual(defaultParams(personality, nodes));
    },
  );

  it('keeps a param that is given and defaults the rest', () => {
    const spec = valid({ ...base, mode: 'scsi2', params: { heartbeatMisses: 4 } });
    expect(spec.params.heartbeatMisses).toBe(4);
    expect(spec.params.heartbeatIntervalMs).toBe(1200);
  });

  it('owner defaults to the first node; twoNode and waitForAll to "exactly two nodes"', () => {
    expect(valid({ ...base, nodes: ['B', 'A'] }).params).toMatchObject({ owner: 'B', twoNode: true, waitForAll: true });
    expect(valid({ ...base, nodes: ['A', 'B', 'C'] }).params).toMatchObject({ owner: 'A', twoNode: false, waitForAll: false });
  });

  it('waitForAll follows an explicit twoNode and can be set on its own', () => {
    expect(valid({ ...base, params: { twoNode: false } }).params).toMatchObject({ twoNode: false, waitForAll: false });
    expect(valid({ ...base, nodes: ['A', 'B', 'C'], params: { waitForAll: true } }).params).toMatchObject({ twoNode: false, waitForAll: true });
  });

  it('params.owner may name any node', () => {
    expect(valid({ ...base, params: { owner: 'B' } }).params.owner).toBe('B');
  });
});

describe('the example scenarios', () => {
  it('fence-scsi-partition: scsi3, 2 nodes × 2 paths, 3 faults in file order', () => {
    const spec = valid(fenceScsiPartition);
    expect(spec).toMatchObject({ mode: 'scsi3', personality: 'fence-scsi', pathsPerNode: 2, seed: 7 });
    expect(spec.faults.map((f) => f.fault)).toEqual(['path-down', 'heartbeat-partition', 'heartbeat-heal']);
    expect(spec.params).toMatchObject({ pcmkDelayMaxMs: 15000, owner: 'A', fencing: true });
  });

  it('ha-lvm-partition-no-fencing: mode none runs as ha-lvm with fencing off', () => {
    const spec = valid(haLvmPartition);
    expect(spec).toMatchObject({ mode: 'none', personality: 'ha-lvm', pathsPerNode: 1 });
    expect(spec.params.fencing).toBe(false);
  });
});

describe('the whole scenario', () => {
  it.each([
    [null, 'null'],
    ['hello', '"hello"'],
    [[base], 'an array of 1 item'],
    [42, '42'],
  ])('%j is not an object', (input, found) => {
    expect(errorsOf(input)).toEqual([
      {
        path: '',
        expected: 'a JSON object with the fields "id", "title", "mode" and "nodes"',
        found,
        message: `The scenario must be a JSON object with the fields "id", "title", "mode" and "nodes", but it is ${found}; write the scenario as { "id": "my-scenario", "title": "…", "mode": "scsi3", "nodes": ["A", "B"] }.`,
      },
    ]);
  });

  it('lists every missing required field, not just the first', () => {
    expect(problems({})).toEqual([
      ['id', 'id is required but missing; add it as a scenario id of 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit.'],
      ['title', 'title is required but missing; add it as a title of 1 to 120 characters.'],
      ['mode', 'mode is required but missing; add it as one of "none", "scsi2", "scsi3".'],
      ['nodes', 'nodes is required but missing; add the cluster\'s nodes, such as "nodes": ["A", "B"].'],
    ]);
  });

  it('names an unknown field, suggests the likely one and lists the allowed ones', () => {
    expect(errorsOf({ ...base, titel: 'x' })).toEqual([
      {
        path: 'titel',
        expected: 'one of the fields $schema, id, title, summary, level, minutes, mode, personality, nodes, pathsPerNode, seed, duration, params, faults, beats',
        found: 'a field named "titel"',
        message:
          'The scenario has no field "titel" (did you mean "title"?); remove it or use one of the allowed fields: $schema, id, title, summary, level, minutes, mode, personality, nodes, pathsPerNode, seed, duration, params, faults, beats.',
      },
    ]);
  });

  it('quotes a field name that is not an identifier in the path', () => {
    expect(errorsOf({ ...base, 'my field': 1 })[0]!.path).toBe('["my field"]');
  });

  it('treats an inherited property as absent and an own "__proto__" key as unknown', () => {
    const inherited = Object.create({ mode: 'scsi3' }) as Record<string, unknown>;
    Object.assign(inherited, { id: 'demo', title: 'Demo', nodes: ['A', 'B'] });
    expect(problems(inherited).map(([path]) => path)).toEqual(['mode']);
    expect(problems(JSON.parse('{"id":"demo","title":"Demo","mode":"scsi3","nodes":["A","B"],"__proto__":{"x":1}}')).map(([path]) => path)).toEqual(['__proto__']);
  });
});

describe('top-level fields', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['id', { id: 'Split Brain' }, '"Split Brain"', 'id must be a scenario id of 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, but it is "Split Brain"; rename it using only those characters, such as "split-brain-demo".'],
    ['title', { title: '   ' }, '"   "', 'title must be a title of 1 to 120 characters, but it is "   "; write a title a learner can read.'],
    ['title', { title: '' }, 'an empty string', 'title must be a title of 1 to 120 characters, but it is an empty string; write at least 1 character.'],
    ['title', { title: 'x'.repeat(121) }, 'a string of 121 characters', 'title must be a title of 1 to 120 characters, but it is a string of 121 characters; shorten it to at most 120 characters.'],
    ['summary', { summary: 5 }, '5', 'summary must be a string of at most 400 characters, but it is 5; write it as text in double quotes.'],
    ['level', { level: 'expert' }, '"expert"', 'level must be one of "intro", "core", "advanced", but it is "expert"; use one of those values.'],
    ['minutes', { minutes: 0 }, '0', 'minutes must be an integer from 1 to 120, but it is 0; use a value from 1 to 120.'],
    ['mode', { mode: 'scsi-3' }, '"scsi-3"', 'mode must be one of "none", "scsi2", "scsi3", but it is "scsi-3"; use one of those values (did you mean "scsi3"?).'],
    ['personality', { personality: 'pacemaker' }, '"pacemaker"', 'personality must be one of "ha-lvm", "mscs-2003", "wsfc-2008", "fence-scsi", but it is "pacemaker"; use one of those values, or remove it to use the default ("fence-scsi" for mode "scsi3").'],
    ['pathsPerNode', { pathsPerNode: 5 }, '5', 'pathsPerNode must be an integer from 1 to 4, but it is 5; use a value from 1 to 4, or remove it to use the default (1).'],
    ['seed', { seed: 2 ** 32 }, '4294967296', 'seed must be an integer from 0 to 4294967295, but it is 4294967296; use a value from 0 to 4294967295, or remove it to use the default (1).'],
    ['seed', { seed: 1.5 }, '1.5', 'seed must be an integer from 0 to 4294967295, but it is 1.5; use a whole number, or remove it to use the default (1).'],
    ['duration', { duration: 999 }, '999', 'duration must be a whole number of milliseconds from 1000 to 3600000, but it is 999; use a value from 1000 to 3600000, or remove it to use the default (120000).'],
    ['duration', { duration: '120000' }, '"120000"', 'duration must be a whole number of milliseconds from 1000 to 3600000, but it is "120000"; write it as a number without quotes, or remove it to use the default (120000).'],
    ['$schema', { $schema: 5 }, '5', '$schema must be a string (the location of scenario.schema.json, for editors), but it is 5; write it as text in double quotes.'],
    ['beats', { beats: {} }, 'an object', 'beats must be an array of beat objects, but it is an object; write the beats as an array of objects, or remove the field.'],
    ['beats[1]', { beats: [{ id: 'a', title: 'A', narration: 'A.' }, 'x'] }, '"x"', 'beats[1] must be a beat object { … }, but it is "x"; write each beat as an object.'],
  ])('%s: %j', (path, change, found, message) => {
    const [error, ...rest] = errorsOf({ ...base, ...change });
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ path, found, message });
  });

  it('accepts the boundaries of every range', () => {
    expect(() => valid({ ...base, id: `a${'-'.repeat(63)}`, title: 'x'.repeat(120), summary: 's'.repeat(400), minutes: 120, pathsPerNode: 4, seed: 2 ** 32 - 1, duration: 3_600_000 })).not.toThrow();
    expect(() => valid({ ...base, id: '0', title: 'x', minutes: 1, seed: 0, duration: 1000, nodes: ['A', 'B', 'C', 'NODE1234'] })).not.toThrow();
  });

  it('counts characters, not UTF-16 units, like JSON Schema does', () => {
    expect(valid({ ...base, title: '🔒'.repeat(120) }).title).toHaveLength(240);
  });
});

describe('mode and personality', () => {
  it.each([
    ['scsi2', 'wsfc-2008', 'personality must be one that runs mode "scsi2" ("mscs-2003"), but it is "wsfc-2008", which runs mode "scsi3"; change personality to "mscs-2003", change mode to "scsi3", or remove personality to use "mscs-2003".'],
    ['none', 'fence-scsi', 'personality must be one that runs mode "none" ("ha-lvm"), but it is "fence-scsi", which runs mode "scsi3"; change personality to "ha-lvm", change mode to "scsi3", or remove personality to use "ha-lvm".'],
    ['scsi3', 'mscs-2003', 'personality must be one that runs mode "scsi3" ("wsfc-2008", "fence-scsi"), but it is "mscs-2003", which runs mode "scsi2"; change personality to one of "wsfc-2008", "fence-scsi", change mode to "scsi2", or remove personality to use "fence-scsi".'],
  ])('mode %s cannot run as %s', (mode, personality, message) => {
    expect(errorsOf({ ...base, mode, personality })).toEqual([{ path: 'personality', expected: expect.stringContaining(`runs mode "${mode}"`), found: `"${personality}"`, message }]);
  });

  it.each([
    ['none', 'ha-lvm'],
    ['scsi2', 'mscs-2003'],
    ['scsi3', 'wsfc-2008'],
    ['scsi3', 'fence-scsi'],
  ])('mode %s runs as %s', (mode, personality) => {
    expect(valid({ ...base, mode, personality }).personality).toBe(personality);
  });
});

describe('nodes', () => {
  it.each<[unknown, [string, string][]]>([
    [['A'], [['nodes', 'nodes must be an array of 2 to 4 different node ids, such as ["A", "B"], but it is an array of 1 item; add nodes until there are at least 2 (a cluster needs a peer to fail over to).']]],
    [['A', 'B', 'C', 'D', 'E'], [['nodes', 'nodes must be an array of 2 to 4 different node ids, such as ["A", "B"], but it is an array of 5 items; remove nodes until there are at most 4.']]],
    ['A,B', [['nodes', 'nodes must be an array of 2 to 4 different node ids, such as ["A", "B"], but it is "A,B"; list the cluster\'s nodes in an array, such as ["A", "B"].']]],
    [
      ['A', 'node-b', 7, 'c'],
      [
        ['nodes[1]', 'nodes[1] must be a node id: a capital letter followed by up to 7 capital letters or digits, such as "A" or "NODE2", but it is "node-b"; rename it, such as "A" or "NODE2".'],
        ['nodes[2]', 'nodes[2] must be a node id: a capital letter followed by up to 7 capital letters or digits, such as "A" or "NODE2", but it is 7; write it as text in double quotes.'],
        ['nodes[3]', 'nodes[3] must be a node id: a capital letter followed by up to 7 capital letters or digits, such as "A" or "NODE2", but it is "c"; write it in capitals, "C".'],
      ],
    ],
    [['A', 'B', 'A'], [['nodes[2]', 'nodes[2] must be a node id not already in nodes, but it is "A"; "A" is already nodes[0], so give each node its own id.']]],
  ])('%j', (nodes, expected) => {
    expect(problems({ ...base, nodes })).toEqual(expected);
  });
});

describe('params', () => {
  it('names an unknown param and suggests the likely one', () => {
    const [error] = errorsOf({ ...base, params: { heartbeatMiss: 5 } });
    expect(error!.path).toBe('params.heartbeatMiss');
    expect(error!.message).toMatch(/^params has no field "heartbeatMiss" \(did you mean "heartbeatMisses"\?\); remove it or use one of the allowed fields: heartbeatIntervalMs, heartbeatMisses, .*, busLuns\.$/);
  });

  it('reports every bad param, quoting the personality default', () => {
    expect(problems({ ...base, personality: 'wsfc-2008', params: { heartbeatMisses: 200, consensusMs: -1, challengeWaitMs: 1.5, fencing: 'yes', aptpl: 'false' } })).toEqual([
      ['params.heartbeatMisses', 'params.heartbeatMisses must be an integer from 1 to 120, but it is 200; use a value from 1 to 120, or remove it to use the default (10 for wsfc-2008).'],
      ['params.consensusMs', 'params.consensusMs must be a whole number of milliseconds from 0 to 60000, but it is -1; use a value from 0 to 60000, or remove it to use the default (0 for wsfc-2008).'],
      ['params.fencing', 'params.fencing must be true or false, but it is "yes"; use true or false, or remove it to use the default (true).'],
      ['params.challengeWaitMs', 'params.challengeWaitMs must be a whole number of milliseconds from 0 to 120000, but it is 1.5; use a whole number, or remove it to use the default (6000 for wsfc-2008).'],
      ['params.aptpl', 'params.aptpl must be true or false, but it is "false"; write false without quotes, or remove it to use the default (false).'],
    ]);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ stonithAction: 'poweroff' }, 'params.stonithAction', 'params.stonithAction must be one of "reboot", "off", but it is "poweroff"; use one of those values, or remove it to use the default ("reboot").'],
    [{ resetScope: 'LUN' }, 'params.resetScope', 'params.resetScope must be one of "lun", "target", "bus", but it is "LUN"; use one of those values (did you mean "lun"?), or remove it to use the default ("lun").'],
    [{ prType: 'we_ro' }, 'params.prType', 'params.prType must be one of "WE", "EA", "WE_RO", "EA_RO", "WE_AR", "EA_AR", but it is "we_ro"; use one of those values (did you mean "WE_RO"?), or remove it to use the default ("WE_RO").'],
    [{ keyPrefix: 'zz-top' }, 'params.keyPrefix', 'params.keyPrefix must be a string of 1 to 8 hexadecimal digits, such as "3683", but it is "zz-top"; use only the digits 0-9 and letters a-f, at most 8 of them, or remove it to use the default ("3683").'],
    [{ keyPrefix: '123456789' }, 'params.keyPrefix', 'params.keyPrefix must be a string of 1 to 8 hexadecimal digits, such as "3683", but it is "123456789"; use only the digits 0-9 and letters a-f, at most 8 of them, or remove it to use the default ("3683").'],
    [{ busLuns: 4 }, 'params.busLuns', 'params.busLuns must be an integer from 0 to 3, but it is 4; use a value from 0 to 3, or remove it to use the default (0).'],
    [{ owner: 'Z' }, 'params.owner', 'params.owner must be one of the scenario\'s nodes (A, B), but it is "Z"; use one of A, B or add "Z" to nodes, or remove it to use the default (the first node).'],
    [{ owner: 'a' }, 'params.owner', 'params.owner must be one of the scenario\'s nodes (A, B), but it is "a"; node ids are case-sensitive, so write "A", or remove it to use the default (the first node).'],
    [{ owner: 1 }, 'params.owner', 'params.owner must be one of the scenario\'s nodes (A, B), but it is 1; write a node id in double quotes, one of A, B, or remove it to use the default (the first node).'],
  ])('%j', (params, path, message) => {
    expect(problems({ ...base, params })).toEqual([[path, message]]);
  });

  it('rejects twoNode on a cluster that does not have exactly two nodes (corosync votequorum)', () => {
    expect(errorsOf({ ...base, nodes: ['A', 'B', 'C'], params: { twoNode: true } })).toEqual([
      {
        path: 'params.twoNode',
        expected: 'false, because the scenario has 3 nodes',
        found: 'true',
        message: "params.twoNode must be false because corosync's two_node mode needs exactly 2 nodes and the scenario has 3, but it is true; set it to false or remove it.",
      },
    ]);
  });

  it.each([[[]], [null], ['fast']])('params %j is not an object', (params) => {
    expect(problems({ ...base, params })[0]![0]).toBe('params');
  });

  it('accepts the boundaries of every param range', () => {
    expect(() => valid({ ...base, params: { heartbeatIntervalMs: 100, heartbeatMisses: 1, heartbeatLatencyMs: 0, keyPrefix: 'ABCDEF01', busLuns: 3, bootMs: 600000 } })).not.toThrow();
  });
});

describe('formatScenarioErrors', () => {
  it('numbers each problem with its path, message, expected and found', () => {
    const text = formatScenarioErrors(errorsOf({ ...base, mode: 'scsi-3', params: { busLuns: 9 } }));
    expect(text).toBe(
      [
        'The scenario has 2 problems:',
        '  1. mode: mode must be one of "none", "scsi2", "scsi3", but it is "scsi-3"; use one of those values (did you mean "scsi3"?).',
        '     expected: one of "none", "scsi2", "scsi3"',
        '     found:    "scsi-3"',
        '  2. params.busLuns: params.busLuns must be an integer from 0 to 3, but it is 9; use a value from 0 to 3, or remove it to use the default (0).',
        '     expected: an integer from 0 to 3',
        '     found:    9',
      ].join('\n'),
    );
  });

  it('names the whole scenario for a root error, and handles no errors', () => {
    expect(formatScenarioErrors(errorsOf(null))).toMatch(/^The scenario has 1 problem:\n {2}1\. \(whole scenario\): The scenario must be a JSON object/);
    expect(formatScenarioErrors([])).toBe('The scenario has no problems.');
  });
});
