import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_USAGE, checkSubcommand, runCheck, type CheckIo } from './checkCommand';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '..', 'scenarios', 'examples');
const invalidExamples = join(here, '..', 'scenarios', 'examples-invalid');

/** In-memory io: files come from `files`, everything else from disk. */
function fakeIo(files: Record<string, string> = {}): CheckIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readFile(path: string): string {
      if (path in files) return files[path]!;
      return readFileSync(path, 'utf8');
    },
  };
  return io;
}

function check(args: string[], files: Record<string, string> = {}): { status: number; out: string; err: string } {
  const io = fakeIo(files);
  const status = runCheck(args, io);
  return { status, out: io.out, err: io.err };
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('lab check: usage', () => {
  it('prints its usage with --help', () => {
    expect(check(['--help'])).toEqual({ status: 0, out: CHECK_USAGE, err: '' });
    expect(CHECK_USAGE).toMatch(/^Usage: lab check FILE\.\.\.\n/);
  });

  it.each([
    [[], "lab check: missing FILE: give the scenario to check, e.g. lab check src/scenarios/examples/fence-scsi-partition.json\nRun 'lab check --help' for the usage.\n"],
    [['a.json', '--strict'], "lab check: unknown option '--strict'; the only option is --help\nRun 'lab check --help' for the usage.\n"],
  ])('%j is a usage error, exit 2', (args, message) => {
    expect(check(args)).toEqual({ status: 2, out: '', err: message });
  });

  it('an unreadable FILE is exit 2, named with the reason', () => {
    const file = join(here, 'no-such-scenario.json');
    expect(check([file])).toEqual({ status: 2, out: '', err: `${file}: cannot read the file: no such file; check the path\n` });
    expect(check([here])).toEqual({ status: 2, out: '', err: `${here}: cannot read the file: it is a directory; give a scenario file\n` });
  });

  it('YAML is not supported yet (exit 2), and says what to do', () => {
    expect(check(['s.yml'])).toEqual({ status: 2, out: '', err: 's.yml: YAML scenarios are not supported yet; write the scenario as JSON (same fields) and check the .json file\n' });
  });
});

describe('lab check: valid scenarios', () => {
  it.each([
    ['fence-scsi-partition.json', 'valid (mode scsi3, personality fence-scsi, 2 nodes × 2 paths, 3 faults)'],
    ['ha-lvm-partition-no-fencing.json', 'valid (mode none, personality ha-lvm, 2 nodes × 1 path, 2 faults)'],
  ])('%s', (name, summary) => {
    const file = join(examples, name);
    expect(check([file])).toEqual({ status: 0, out: `${file}: ${summary}\n`, err: '' });
  });

  it('every file in examples/ is valid', () => {
    const files = readdirSync(examples).map((f) => join(examples, f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(check(files).status).toBe(0);
  });

  it('says "1 fault" and "4 nodes × 4 paths"', () => {
    const scenario = { id: 'x', title: 'X', mode: 'scsi2', nodes: ['A', 'B', 'C', 'D'], pathsPerNode: 4, faults: [{ at: 1, fault: 'lun-reset' }] };
    expect(check(['x.json'], { 'x.json': JSON.stringify(scenario) }).out).toBe('x.json: valid (mode scsi2, personality mscs-2003, 4 nodes × 4 paths, 1 fault)\n');
  });
});

/** The expected stderr of `lab check FILE` for each malformed example, one entry per problem. */
const INVALID: Record<string, { status: number; problems: string[] }> = {
  'at-after-duration.json': {
    status: 1,
    problems: ["faults[1].at: faults[1].at must be a whole number of milliseconds from 0 to 60000 (the scenario's duration), but it is 90000; use a value from 0 to 60000 or raise duration."],
  },
  'bad-groups.json': {
    status: 1,
    problems: [
      'faults[0].groups[1][0]: faults[0].groups[1][0] must be a node that is in no other group, but it is "A"; "A" is already in faults[0].groups[0], and each node belongs to exactly one group.',
      'faults[0].groups: faults[0].groups must put every node in a group, but it leaves out C; add it to one of the groups.',
    ],
  },
  'json-syntax-error.json': {
    status: 1,
    problems: ["line 5, column 3: JSON syntax error: expected ',' between two properties; add a comma at the end of the previous line"],
  },
  'missing-id.json': {
    status: 1,
    problems: ['id: id is required but missing; add it as a scenario id of 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit.'],
  },
  'mode-personality-mismatch.json': {
    status: 1,
    problems: [
      'personality: personality must be one that runs mode "scsi2" ("mscs-2003"), but it is "fence-scsi", which runs mode "scsi3"; change personality to "mscs-2003", change mode to "scsi3", or remove personality to use "mscs-2003".',
    ],
  },
  'not-an-object.json': {
    status: 1,
    problems: [
      'The scenario must be a JSON object with the fields "id", "title", "mode" and "nodes", but it is an array of 1 item; write the scenario as { "id": "my-scenario", "title": "…", "mode": "scsi3", "nodes": ["A", "B"] }.',
    ],
  },
  'out-of-range-params.json': {
    status: 1,
    problems: [
      'nodes: nodes must be an array of 2 to 4 different node ids, such as ["A", "B"], but it is an array of 5 items; remove nodes until there are at most 4.',
      'params.heartbeatMisses: params.heartbeatMisses must be an integer from 1 to 120, but it is 0; use a value from 1 to 120, or remove it to use the default (6 for mscs-2003).',
      'params.prType: params.prType must be one of "WE", "EA", "WE_RO", "EA_RO", "WE_AR", "EA_AR", but it is "we_ro"; use one of those values (did you mean "WE_RO"?), or remove it to use the default ("WE_RO").',
      'params.keyPrefix: params.keyPrefix must be a string of 1 to 8 hexadecimal digits, such as "3683", but it is "zz-top"; use only the digits 0-9 and letters a-f, at most 8 of them, or remove it to use the default ("3683").',
    ],
  },
  'owner-not-a-node.json': {
    status: 1,
    problems: ['params.owner: params.owner must be one of the scenario\'s nodes (A, B), but it is "Z"; use one of A, B or add "Z" to nodes, or remove it to use the default (the first node).'],
  },
  'path-out-of-range.json': {
    status: 1,
    problems: [
      'faults[0].path: faults[0].path must be a path number from 1 to 2 (pathsPerNode is 2), but it is 3; use a value from 1 to 2 or raise pathsPerNode.',
      'faults[1].path: faults[1].path must be an array target port number from 1 to 2 (pathsPerNode is 2), but it is 0; use a value from 1 to 2.',
    ],
  },
  'target-fields.json': {
    status: 1,
    problems: [
      "faults[0].node: faults[0].node is required for node-crash but missing; add it as one of the scenario's nodes (A, B).",
      'faults[1].node: faults[1] (heartbeat-heal) has no field "node"; remove it or use one of the allowed fields: at, fault.',
      'faults[2].between[1]: faults[2].between[1] must be a node other than "A", but it is "A"; a link joins two different nodes, so name another node.',
      'faults[2].network: faults[2].network must be a heartbeat network number 1 (params.heartbeatNetworks is 1), but it is 2; use 1 or raise params.heartbeatNetworks, or remove it to use the default (every network).',
      'faults[3].node: faults[3].node must be a host id that is not one of the cluster\'s nodes (A, B), but it is "B"; the host is outside the cluster, so choose an id that is not in nodes, such as "HOST".',
    ],
  },
  'trailing-comma.json': {
    status: 1,
    problems: ["line 5, column 22: JSON syntax error: a trailing comma before '}' is not allowed in JSON; remove the comma"],
  },
  'two-node-with-three-nodes.json': {
    status: 1,
    problems: ["params.twoNode: params.twoNode must be false because corosync's two_node mode needs exactly 2 nodes and the scenario has 3, but it is true; set it to false or remove it."],
  },
  'unknown-fault.json': {
    status: 1,
    problems: [
      'faults[0].fault: faults[0].fault must be one of the fault ids (heartbeat-partition, heartbeat-heal, link-cut, link-restore, node-crash, node-restart, node-freeze, node-resume, path-down, path-up, target-port-down, target-port-up, lun-reset, target-reset, bus-reset, array-power-cycle, move-service, clear-reservations, standalone-host), but it is "node-crsh"; use one of those values (did you mean "node-crash"?).',
    ],
  },
  'unknown-field.json': {
    status: 1,
    problems: [
      'titel: The scenario has no field "titel" (did you mean "title"?); remove it or use one of the allowed fields: $schema, id, title, summary, level, minutes, mode, personality, nodes, pathsPerNode, seed, duration, params, faults, beats.',
      'params.heartbeatMiss: params has no field "heartbeatMiss" (did you mean "heartbeatMisses"?); remove it or use one of the allowed fields: heartbeatIntervalMs, heartbeatMisses, heartbeatNetworks, heartbeatLatencyMs, consensusMs, commandLatencyMs, lunServiceMs, ioFailMs, pathCheckerMs, writeIntervalMs, owner, fencing, fenceDelayMs, pcmkDelayMaxMs, fenceDeviceMs, stonithAction, bootMs, twoNode, waitForAll, scsi2RenewMs, challengeWaitMs, onlineAfterMs, resetScope, scsi2PathRecovery, pathDownIsNexusLoss, diskArbIntervalMs, prType, aptpl, watchdog, watchdogIntervalMs, mpathReservationKey, keyPrefix, busLuns.',
    ],
  },
  'unknown-node.json': {
    status: 1,
    problems: [
      'faults[0].node: faults[0].node must be one of the scenario\'s nodes (A, B), but it is "C"; use one of A, B or add "C" to nodes.',
      'faults[1].to: faults[1].to must be the node to move the service to: one of the scenario\'s nodes (A, B), but it is "b"; node ids are case-sensitive, so write "B".',
    ],
  },
  'wrong-types.json': {
    status: 1,
    problems: [
      'seed: seed must be an integer from 0 to 4294967295, but it is 1.5; use a whole number, or remove it to use the default (1).',
      'duration: duration must be a whole number of milliseconds from 1000 to 3600000, but it is "120000"; write it as a number without quotes, or remove it to use the default (120000).',
      'params.heartbeatIntervalMs: params.heartbeatIntervalMs must be a whole number of milliseconds from 100 to 10000, but it is "1000"; write it as a number without quotes, or remove it to use the default (1000 for fence-scsi).',
      'params.fencing: params.fencing must be true or false, but it is "yes"; use true or false, or remove it to use the default (true).',
      'params.aptpl: params.aptpl must be true or false, but it is "false"; write false without quotes, or remove it to use the default (false).',
    ],
  },
  'yaml-not-supported.yaml': {
    status: 2,
    problems: ['YAML scenarios are not supported yet; write the scenario as JSON (same fields) and check the .json file'],
  },
};

describe('lab check: the malformed examples in src/scenarios/examples-invalid/', () => {
  it('has an expected result for every file there, and at least 12 of them', () => {
    expect(readdirSync(invalidExamples).sort()).toEqual(Object.keys(INVALID).sort());
    expect(Object.keys(INVALID).length).toBeGreaterThanOrEqual(12);
  });

  it.each(Object.entries(INVALID))('%s', (name, { status, problems }) => {
    const file = join(invalidExamples, name);
    const result = check([file]);
    expect(result.status).toBe(status);
    expect(result.out).toBe('');
    expect(lines(result.err)).toEqual(problems.map((p) => `${file}: ${p}`));
  });
});

describe('lab check with several files', () => {
  it('checks each and exits with the worst status', () => {
    const good = join(examples, 'fence-scsi-partition.json');
    const bad = join(invalidExamples, 'missing-id.json');
    const result = check([good, bad]);
    expect(result.status).toBe(1);
    expect(lines(result.out)).toEqual([`${good}: valid (mode scsi3, personality fence-scsi, 2 nodes × 2 paths, 3 faults)`]);
    expect(lines(result.err)).toHaveLength(1);
    expect(check([bad, join(here, 'missing.json')]).status).toBe(2);
  });
});

describe('checkSubcommand (for the lab dispatcher)', () => {
  it('runs lab check through the CliIo shape', () => {
    let out = '';
    let err = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), readFile: (p: string) => readFileSync(p, 'utf8') };
    const file = join(examples, 'ha-lvm-partition-no-fencing.json');
    expect(checkSubcommand.name).toBe('check');
    expect(checkSubcommand.run([file], io)).toBe(0);
    expect(out).toBe(`${file}: valid (mode none, personality ha-lvm, 2 nodes × 1 path, 2 faults)\n`);
    expect(err).toBe('');
  });
});
