import { describe, expect, it } from 'vitest';
import { FAULT_IDS as ENGINE_FAULT_IDS } from '../engine/faults/registry';
import { SCENARIO_FAULT_IDS, validateScenario, type ScenarioFaultSpec } from './validate';

// Three nodes, two paths each, two heartbeat networks, a one-minute run.
const base = { id: 'demo', title: 'Demo', mode: 'scsi3', nodes: ['A', 'B', 'C'], pathsPerNode: 2, duration: 60000, params: { heartbeatNetworks: 2 } };
const withFaults = (...faults: unknown[]) => ({ ...base, faults });

function faultsOf(...faults: unknown[]): ScenarioFaultSpec[] {
  const result = validateScenario(withFaults(...faults));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario.faults;
}

/** [path, message] of every error, in order. */
function problems(input: unknown): [string, string][] {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected the scenario to be invalid');
  return result.errors.map((e) => [e.path, e.message]);
}

describe('the fault schedule', () => {
  it('keeps faults in file order, unsorted, with exactly their target fields', () => {
    expect(
      faultsOf(
        { at: 30000, fault: 'heartbeat-heal' },
        { at: 10000, fault: 'heartbeat-partition', groups: [['A'], ['B', 'C']] },
        { at: 0, fault: 'link-cut', between: ['A', 'B'], network: 2 },
        { at: 1, fault: 'link-restore', between: ['B', 'A'] },
        { at: 2, fault: 'path-down', node: 'B', path: 2 },
        { at: 3, fault: 'target-port-up', path: 1 },
        { at: 4, fault: 'move-service', to: 'C' },
        { at: 5, fault: 'clear-reservations', node: 'A' },
        { at: 6, fault: 'standalone-host', node: 'HOST' },
        { at: 60000, fault: 'array-power-cycle' },
      ),
    ).toEqual([
      { at: 30000, fault: 'heartbeat-heal' },
      { at: 10000, fault: 'heartbeat-partition', groups: [['A'], ['B', 'C']] },
      { at: 0, fault: 'link-cut', between: ['A', 'B'], network: 2 },
      { at: 1, fault: 'link-restore', between: ['B', 'A'] },
      { at: 2, fault: 'path-down', node: 'B', path: 2 },
      { at: 3, fault: 'target-port-up', path: 1 },
      { at: 4, fault: 'move-service', to: 'C' },
      { at: 5, fault: 'clear-reservations', node: 'A' },
      { at: 6, fault: 'standalone-host', node: 'HOST' },
      { at: 60000, fault: 'array-power-cycle' },
    ]);
  });

  it('a reset comes from the first node\'s HBA unless the fault names one', () => {
    expect(faultsOf({ at: 1, fault: 'lun-reset' }, { at: 2, fault: 'target-reset', node: 'C' }, { at: 3, fault: 'bus-reset' })).toEqual([
      { at: 1, fault: 'lun-reset', node: 'A' },
      { at: 2, fault: 'target-reset', node: 'C' },
      { at: 3, fault: 'bus-reset', node: 'A' },
    ]);
  });

  it.each(['node-crash', 'node-restart', 'node-freeze', 'node-resume'])('%s takes a node', (fault) => {
    expect(faultsOf({ at: 1, fault, node: 'B' })).toEqual([{ at: 1, fault, node: 'B' }]);
  });

  it('knows every fault the engine registry offers (scenarios, palette and CLI share the ids)', () => {
    for (const id of ENGINE_FAULT_IDS) expect(SCENARIO_FAULT_IDS).toContain(id);
  });
});

describe('fault errors name the fault, the field and the valid choices', () => {
  it('faults must be an array of objects', () => {
    expect(problems({ ...base, faults: {} })).toEqual([
      ['faults', 'faults must be an array of faults such as [{ "at": 5000, "fault": "node-crash", "node": "A" }], but it is an object; write the faults as an array, or remove the field for a run without planned faults.'],
    ]);
    expect(problems(withFaults(5))).toEqual([
      ['faults[0]', 'faults[0] must be a fault object such as { "at": 5000, "fault": "node-crash", "node": "A" }, but it is 5; write each fault as an object with "at", "fault" and its target fields.'],
    ]);
  });

  it('at and fault are required', () => {
    expect(problems(withFaults({}))).toEqual([
      ['faults[0].at', "faults[0].at is required but missing; add it as a whole number of milliseconds from 0 to 60000 (the scenario's duration)."],
      [
        'faults[0].fault',
        'faults[0].fault is required but missing; add it as one of the fault ids (heartbeat-partition, heartbeat-heal, link-cut, link-restore, node-crash, node-restart, node-freeze, node-resume, path-down, path-up, target-port-down, target-port-up, lun-reset, target-reset, bus-reset, array-power-cycle, move-service, clear-reservations, standalone-host).',
      ],
    ]);
  });

  it('an unknown fault id lists the valid ids and suggests the likely one', () => {
    expect(problems(withFaults({ at: 1, fault: 'node-crsh', node: 'A' }))).toEqual([
      [
        'faults[0].fault',
        'faults[0].fault must be one of the fault ids (heartbeat-partition, heartbeat-heal, link-cut, link-restore, node-crash, node-restart, node-freeze, node-resume, path-down, path-up, target-port-down, target-port-up, lun-reset, target-reset, bus-reset, array-power-cycle, move-service, clear-reservations, standalone-host), but it is "node-crsh"; use one of those values (did you mean "node-crash"?).',
      ],
    ]);
  });

  it('with an unknown fault id, a field no fault takes is still reported', () => {
    expect(problems(withFaults({ at: 1, fault: 'explode', junk: 1 }))[1]).toEqual([
      'faults[0].junk',
      'faults[0] has no field "junk"; remove it or use one of the allowed fields: at, fault, node, path, between, network, groups, to.',
    ]);
  });

  it.each<[string, unknown, [string, string][]]>([
    ['at as a string', { at: '5000', fault: 'heartbeat-heal' }, [['faults[0].at', 'faults[0].at must be a whole number of milliseconds from 0 to 60000 (the scenario\'s duration), but it is "5000"; write it as a number without quotes.']]],
    ['at below 0', { at: -1, fault: 'heartbeat-heal' }, [['faults[0].at', "faults[0].at must be a whole number of milliseconds from 0 to 60000 (the scenario's duration), but it is -1; use a value from 0 to 60000."]]],
    ['at after the duration', { at: 60001, fault: 'heartbeat-heal' }, [['faults[0].at', "faults[0].at must be a whole number of milliseconds from 0 to 60000 (the scenario's duration), but it is 60001; use a value from 0 to 60000 or raise duration."]]],
    ['a target field the fault does not take', { at: 1, fault: 'heartbeat-heal', node: 'A' }, [['faults[0].node', 'faults[0] (heartbeat-heal) has no field "node"; remove it or use one of the allowed fields: at, fault.']]],
    ['array-power-cycle with a path', { at: 1, fault: 'array-power-cycle', path: 1 }, [['faults[0].path', 'faults[0] (array-power-cycle) has no field "path"; remove it or use one of the allowed fields: at, fault.']]],
    ['target-port-up with a node', { at: 1, fault: 'target-port-up', node: 'A', path: 1 }, [['faults[0].node', 'faults[0] (target-port-up) has no field "node"; remove it or use one of the allowed fields: at, fault, path.']]],
    [
      'move-service with node instead of to',
      { at: 1, fault: 'move-service', node: 'A' },
      [
        ['faults[0].node', 'faults[0] (move-service) has no field "node"; remove it or use one of the allowed fields: at, fault, to.'],
        ['faults[0].to', "faults[0].to is required for move-service but missing; add it as the node to move the service to: one of the scenario's nodes (A, B, C)."],
      ],
    ],
    [
      'path-down without its targets',
      { at: 1, fault: 'path-down' },
      [
        ['faults[0].node', "faults[0].node is required for path-down but missing; add it as one of the scenario's nodes (A, B, C)."],
        ['faults[0].path', 'faults[0].path is required for path-down but missing; add it as a path number from 1 to 2 (pathsPerNode is 2).'],
      ],
    ],
    ['a node that is not in nodes', { at: 1, fault: 'node-crash', node: 'D' }, [['faults[0].node', 'faults[0].node must be one of the scenario\'s nodes (A, B, C), but it is "D"; use one of A, B, C or add "D" to nodes.']]],
    ['a reset from a node that is not in nodes', { at: 1, fault: 'bus-reset', node: 'Z' }, [['faults[0].node', 'faults[0].node must be one of the scenario\'s nodes (A, B, C), but it is "Z"; use one of A, B, C or add "Z" to nodes, or remove it to use the default (the first node, A).']]],
    ['move-service to a lower-case id', { at: 1, fault: 'move-service', to: 'b' }, [['faults[0].to', 'faults[0].to must be the node to move the service to: one of the scenario\'s nodes (A, B, C), but it is "b"; node ids are case-sensitive, so write "B".']]],
    ['a path beyond pathsPerNode', { at: 1, fault: 'path-up', node: 'A', path: 3 }, [['faults[0].path', 'faults[0].path must be a path number from 1 to 2 (pathsPerNode is 2), but it is 3; use a value from 1 to 2 or raise pathsPerNode.']]],
    ['target port 0', { at: 1, fault: 'target-port-down', path: 0 }, [['faults[0].path', 'faults[0].path must be an array target port number from 1 to 2 (pathsPerNode is 2), but it is 0; use a value from 1 to 2.']]],
    ['a path as a string', { at: 1, fault: 'path-up', node: 'A', path: '1' }, [['faults[0].path', 'faults[0].path must be a path number from 1 to 2 (pathsPerNode is 2), but it is "1"; write it as a number without quotes.']]],
    [
      'a network beyond params.heartbeatNetworks',
      { at: 1, fault: 'link-cut', between: ['A', 'B'], network: 3 },
      [['faults[0].network', 'faults[0].network must be a heartbeat network number from 1 to 2 (params.heartbeatNetworks is 2), but it is 3; use a value from 1 to 2 or raise params.heartbeatNetworks, or remove it to use the default (every network).']],
    ],
    ['between missing', { at: 1, fault: 'link-cut' }, [['faults[0].between', 'faults[0].between is required for link-cut but missing; add it as two different node ids, such as ["A", "B"].']]],
    ['between with three nodes', { at: 1, fault: 'link-cut', between: ['A', 'B', 'C'] }, [['faults[0].between', 'faults[0].between must be two different node ids, such as ["A", "B"], but it is an array of 3 items; name exactly the two nodes the link joins, such as ["A", "B"].']]],
    ['between as a string', { at: 1, fault: 'link-restore', between: 'A-B' }, [['faults[0].between', 'faults[0].between must be two different node ids, such as ["A", "B"], but it is "A-B"; name the two nodes the link joins, such as ["A", "B"].']]],
    ['between the same node twice', { at: 1, fault: 'link-cut', between: ['A', 'A'] }, [['faults[0].between[1]', 'faults[0].between[1] must be a node other than "A", but it is "A"; a link joins two different nodes, so name another node.']]],
    ['between an unknown node', { at: 1, fault: 'link-cut', between: ['A', 'X'] }, [['faults[0].between[1]', 'faults[0].between[1] must be one of the scenario\'s nodes (A, B, C), but it is "X"; use one of A, B, C or add "X" to nodes.']]],
    ['a standalone host that is a cluster node', { at: 1, fault: 'standalone-host', node: 'B' }, [['faults[0].node', 'faults[0].node must be a host id that is not one of the cluster\'s nodes (A, B, C), but it is "B"; the host is outside the cluster, so choose an id that is not in nodes, such as "HOST".']]],
    [
      'a standalone host with a malformed id',
      { at: 1, fault: 'standalone-host', node: 'host-1' },
      [['faults[0].node', 'faults[0].node must be the id of a new host outside the cluster: a capital letter followed by up to 7 capital letters or digits, such as "A" or "NODE2", but it is "host-1"; rename it, such as "HOST".']],
    ],
  ])('%s', (_name, fault, expected) => {
    expect(problems(withFaults(fault))).toEqual(expected);
  });
});

describe('heartbeat-partition groups cover every node exactly once', () => {
  const partition = (groups: unknown) => withFaults({ at: 1, fault: 'heartbeat-partition', groups });

  it.each<[string, unknown, [string, string][]]>([
    ['missing', undefined, [['faults[0].groups', 'faults[0].groups is required for heartbeat-partition but missing; add it as two or more non-empty arrays of node ids that together list every node once.']]],
    [
      'one group',
      [['A', 'B', 'C']],
      [['faults[0].groups', 'faults[0].groups must be two or more non-empty arrays of node ids that together list every node once, such as [["A"], ["B", "C"]], but it is an array of 1 item; split the nodes into at least two groups, such as [["A"], ["B", "C"]].']],
    ],
    ['a group that is not an array', ['A', ['B', 'C']], [['faults[0].groups[0]', 'faults[0].groups[0] must be a non-empty array of node ids, but it is "A"; write the group as an array of node ids, such as ["A"].']]],
    ['an empty group', [['A', 'B', 'C'], []], [['faults[0].groups[1]', 'faults[0].groups[1] must be a non-empty array of node ids, but it is an empty array; put at least one node in it or remove the group.']]],
    ['a node left out', [['A'], ['B']], [['faults[0].groups', 'faults[0].groups must put every node in a group, but it leaves out C; add it to one of the groups.']]],
    [
      'a node in two groups, and one left out',
      [['A'], ['A', 'B']],
      [
        ['faults[0].groups[1][0]', 'faults[0].groups[1][0] must be a node that is in no other group, but it is "A"; "A" is already in faults[0].groups[0], and each node belongs to exactly one group.'],
        ['faults[0].groups', 'faults[0].groups must put every node in a group, but it leaves out C; add it to one of the groups.'],
      ],
    ],
    ['an unknown node', [['A'], ['B', 'C', 'D']], [['faults[0].groups[1][2]', 'faults[0].groups[1][2] must be one of the scenario\'s nodes (A, B, C), but it is "D"; use one of A, B, C or add "D" to nodes.']]],
  ])('%s', (_name, groups, expected) => {
    expect(problems(partition(groups))).toEqual(expected);
  });
});

describe('when the field a fault is checked against is itself wrong', () => {
  it('nodes that is not an array: node ids in faults are not checked, so the one mistake is reported once', () => {
    expect(problems({ ...base, nodes: 'A', faults: [{ at: 1, fault: 'node-crash', node: 'Q' }] }).map(([path]) => path)).toEqual(['nodes']);
  });

  it('a bad pathsPerNode: paths are checked against the format limit, 4', () => {
    expect(problems({ ...base, pathsPerNode: 9, faults: [{ at: 1, fault: 'path-down', node: 'A', path: 4 }, { at: 1, fault: 'path-down', node: 'A', path: 5 }] })).toEqual([
      ['pathsPerNode', 'pathsPerNode must be an integer from 1 to 4, but it is 9; use a value from 1 to 4, or remove it to use the default (1).'],
      ['faults[1].path', 'faults[1].path must be a path number from 1 to 4, but it is 5; use a value from 1 to 4.'],
    ]);
  });

  it('a bad duration: times are checked against the format limit, one hour', () => {
    expect(problems({ ...base, duration: 0, faults: [{ at: 100000, fault: 'heartbeat-heal' }, { at: 4000000, fault: 'heartbeat-heal' }] })).toEqual([
      ['duration', 'duration must be a whole number of milliseconds from 1000 to 3600000, but it is 0; use a value from 1000 to 3600000, or remove it to use the default (120000).'],
      ['faults[1].at', 'faults[1].at must be a whole number of milliseconds from 0 to 3600000, but it is 4000000; use a value from 0 to 3600000.'],
    ]);
  });

  it('the default of one heartbeat network applies when heartbeatNetworks is not given', () => {
    expect(problems({ ...base, params: {}, faults: [{ at: 1, fault: 'link-cut', between: ['A', 'B'], network: 2 }] })).toEqual([
      ['faults[0].network', 'faults[0].network must be a heartbeat network number 1 (params.heartbeatNetworks is 1), but it is 2; use 1 or raise params.heartbeatNetworks, or remove it to use the default (every network).'],
    ]);
  });

  it('every problem in every fault is reported, in order', () => {
    const paths = problems(withFaults({ at: -5, fault: 'node-crash', node: 'X' }, { at: 1, fault: 'nope' }, { at: 2, fault: 'path-down', node: 'A', path: 9 })).map(([path]) => path);
    expect(paths).toEqual(['faults[0].at', 'faults[0].node', 'faults[1].fault', 'faults[2].path']);
  });
});
