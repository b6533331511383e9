import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARAM_FIELDS } from '../scenarios/schema/rules';
import { TRACE_KINDS } from '../scenarios/schema/validateBeats';
import { CHECK_USAGE, checkSubcommand, runCheck, type CheckIo } from './checkCommand';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '..', 'scenarios', 'examples');
const invalidExamples = join(here, '..', 'scenarios', 'examples-invalid');
const library = join(here, '..', 'scenarios', 'library');

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
    expect(CHECK_USAGE).toMatch(/^Usage: lab check \[--simulate\] FILE\.\.\.\n/);
  });

  it.each([
    [[], "lab check: missing FILE: give the scenario to check, e.g. lab check src/scenarios/examples/fence-scsi-partition.json\nRun 'lab check --help' for the usage.\n"],
    [['a.json', '--strict'], "lab check: unknown option '--strict'; the options are --simulate and --help\nRun 'lab check --help' for the usage.\n"],
    [['--simulate'], "lab check: missing FILE: give the scenario to check, e.g. lab check src/scenarios/examples/fence-scsi-partition.json\nRun 'lab check --help' for the usage.\n"],
  ])('%j is a usage error, exit 2', (args, message) => {
    expect(check(args)).toEqual({ status: 2, out: '', err: message });
  });

  it('an unreadable FILE is exit 2, named with the reason', () => {
    const file = join(here, 'no-such-scenario.json');
    expect(check([file])).toEqual({ status: 2, out: '', err: `${file}: cannot read the file: no such file; check the path\n` });
    expect(check([here])).toEqual({ status: 2, out: '', err: `${here}: cannot read the file: it is a directory; give a scenario file\n` });
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

/**
 * The expected stderr of `lab check FILE` for each malformed example, one entry per problem; with
 * `simulate`, of `lab check --simulate FILE` (the file is valid, but its story does not play).
 */
const INVALID: Record<string, { status: number; problems: string[]; simulate?: true }> = {
  'at-after-duration.json': {
    status: 1,
    problems: ["faults[1].at: faults[1].at must be a whole number of milliseconds from 0 to 60000 (the scenario's duration), but it is 90000; use a value from 0 to 60000 or raise duration."],
  },
  'beat-answer-out-of-range.json': {
    status: 1,
    problems: [
      'beats[0].question.answer: beats[0].question.answer must be the index of the right answer: an integer from 0 to 1 (choices has 2 answers; 0 is the first), but it is 2; use a value from 0 to 1.',
    ],
  },
  'beat-expectation-fails.json': {
    status: 1,
    simulate: true,
    problems: ['beats[0] "registered": expectation failed at 10 ms: luns.0.registrations.length: expected 2, found 4.'],
  },
  'beat-fields.json': {
    status: 1,
    problems: [
      'beats[0].when.event: beats[0].when.event names an unknown event "fenzed" (did you mean "fenced"?); use one of fenced, key-preempted, membership-lost, membership-joined, mounted, unmounted, corruption, reset, rebooted, booted, service-stopped, fault-injected, or a trace kind such as "APP.MOUNT", "HEARTBEAT.LOST" or "FENCE_SCSI.FENCED" (docs/authoring.md lists them).',
      'beats[0].when.node: beats[0].when.node must be one of the scenario\'s nodes (A, B), but it is "C"; use one of A, B or add "C" to nodes.',
      'beats[1].when.after: beats[1].when.after cannot be used with beats[1].when.at: a beat waits for one time, absolute ("at") or relative to the previous beat ("after"); remove one of them.',
      'beats[1].id: beats[1].id must be an id no other beat has, but it is "one"; beats[0] is already called "one"; give each beat its own id.',
      'beats[2].when.console.matches: beats[2].when.console.matches is not a valid regular expression (Invalid regular expression: /sg_persist (-k/: Unterminated group); fix it, and escape characters such as ( ) [ ] . * + ? with a backslash to match them literally.',
      'beats[2].demo: beats[2].demo is required but missing; add it, such as [{ "type": "console", "node": "A", "line": "sg_persist -k /dev/sdb" }], so lab check --simulate and the tests can play the beat and the player can offer it as a hint.',
      'beats[3].expect[0].path: beats[3].expect[0].path must be a dotted path into the model, such as "nodes.B.serviceState" or "luns.0.registrations.length", but it is "nodes..B"; separate the parts with single dots and use only letters, digits and underscores; index lists by number ("luns.0") and nodes by id ("nodes.B").',
      'beats[3].expect[1].path: beats[3].expect[1].path must be a path whose third part is one of id, power, tags, members, peers, heard, standalone, fenced, serviceState, mount, key, console, but it is "nodes.B.owner"; use one of those.',
      'beats[3].expect[1]: beats[3].expect[1] has a path but no test; add "equals" (a string, number, true, false or null), "atLeast"/"atMost" (numbers) or "includes" (text).',
    ],
  },
  'beat-never-reached.json': {
    status: 1,
    simulate: true,
    problems: [
      'beats[1] "corrupted": never reached — the scenario ended at 30000 ms; after the previous beat "lost" at 12900 ms it waits for event "corruption" (a write from a superseded mount landed), and that never came. Hint: check the condition and the faults that should cause it, or raise duration.',
    ],
  },
  'beat-script-tag.json': {
    status: 1,
    problems: ['beats[0].narration: beats[0].narration cannot be shown: narration may not contain HTML (found "<script>"); use *emphasis*, `code` and [[glossary terms]] instead.'],
  },
  'beat-unknown-glossary-term.json': {
    status: 1,
    problems: [
      'beats[0].narration: beats[0].narration cannot be shown: [[registration key]] is not a glossary term (did you mean "registration"?); use one of: LUN, I_T nexus, initiator port, target port, multipath, heartbeat, membership, quorum, split brain, fencing, STONITH, SCSI-2 reservation, reset, persistent reservation, registration, reservation key, WERO, PREEMPT, PREEMPT AND ABORT, APTPL, RESERVATION CONFLICT, UNIT ATTENTION, PRgeneration, mount epoch, challenge/defense, system ID, watchdog.',
    ],
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
      // the list is the params table's own, so adding a parameter does not break this line
      `params.heartbeatMiss: params has no field "heartbeatMiss" (did you mean "heartbeatMisses"?); remove it or use one of the allowed fields: ${PARAM_FIELDS.join(', ')}.`,
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
  'yaml-syntax-error.yaml': {
    status: 1,
    problems: ['line 7, column 1: YAML syntax error: a block sequence may not be used as an implicit map key; check the indentation: list items ("- ") line up with each other, and a value that contains ": " must be in quotes'],
  },
  'yaml-wrong-types.yaml': {
    status: 1,
    problems: [
      'duration: duration must be a whole number of milliseconds from 1000 to 3600000, but it is "60000"; write it as a number without quotes, or remove it to use the default (120000).',
      'params.fencing: params.fencing must be true or false, but it is "yes"; use true or false, or remove it to use the default (true).',
      'params.aptpl: params.aptpl must be true or false, but it is "no"; use true or false, or remove it to use the default (false).',
    ],
  },
};

describe('lab check: the malformed examples in src/scenarios/examples-invalid/', () => {
  it('has an expected result for every file there, and at least 12 of them', () => {
    expect(readdirSync(invalidExamples).sort()).toEqual(Object.keys(INVALID).sort());
    expect(Object.keys(INVALID).length).toBeGreaterThanOrEqual(12);
  });

  it.each(Object.entries(INVALID))('%s', (name, { status, problems, simulate }) => {
    const file = join(invalidExamples, name);
    if (simulate) expect(check([file]).status, 'valid without --simulate').toBe(0);
    const result = check(simulate ? ['--simulate', file] : [file]);
    expect(result.status).toBe(status);
    expect(result.out).toBe('');
    expect(lines(result.err)).toEqual(problems.map((p) => `${file}: ${p}`));
  });
});

describe('lab check on YAML', () => {
  it('plays the YAML example through its beats, as the same scenario in JSON would', () => {
    const file = join(examples, 'fence-scsi-crash-story.yaml');
    expect(check(['--simulate', file])).toEqual({
      status: 0,
      out: `${file}: valid (mode scsi3, personality fence-scsi, 2 nodes × 2 paths, 1 fault, 4 beats); simulated to 17749 ms: 4 beats reached, 7 expectations hold\n`,
      err: '',
    });
  });

  it('reads a file without .json or .yaml as YAML unless it starts with { or [', () => {
    expect(check(['s.txt'], { 's.txt': 'id: x\ntitle: X\nmode: scsi2\nnodes: [A, B]\n' }).out).toBe('s.txt: valid (mode scsi2, personality mscs-2003, 2 nodes × 1 path, 0 faults)\n');
    expect(check(['s.txt'], { 's.txt': '{"id": "x",}' }).err).toBe("s.txt: line 1, column 11: JSON syntax error: a trailing comma before '}' is not allowed in JSON; remove the comma\n");
  });

  it('reports a YAML syntax error with line, column and a fix', () => {
    expect(check(['s.yml'], { 's.yml': 'id: x\nparams:\n\tfencing: true\n' })).toEqual({
      status: 1,
      out: '',
      err: 's.yml: line 3, column 1: YAML syntax error: tabs are not allowed as indentation; indent with spaces, not tabs\n',
    });
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

describe('lab check --simulate', () => {
  it('plays library scenarios of each mode through their beats (library.test.ts replays them all)', () => {
    const files = ['s1-failover-ha-lvm.json', 's5-challenge-defense.json', 'console-sg-persist.json'].map((f) => join(library, f));
    const result = check(['--simulate', ...files]);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    for (const line of lines(result.out)) expect(line).toMatch(/: valid \(.*, \d+ beats\); simulated to \d+ ms: \d+ beats reached, \d+ expectations hold$/);
  });

  it('says so when a file has no beats', () => {
    const file = join(examples, 'ha-lvm-partition-no-fencing.json');
    expect(check(['--simulate', file])).toEqual({ status: 0, out: `${file}: valid (mode none, personality ha-lvm, 2 nodes × 1 path, 2 faults); simulated to 120000 ms: no beats to reach\n`, err: '' });
  });

  it('reports a demo the engine refuses', () => {
    const scenario = {
      id: 'x',
      title: 'X',
      mode: 'scsi3',
      nodes: ['A', 'B'],
      beats: [{ id: 'restart-a', title: 'Restart', when: { fault: 'node-restart' }, narration: 'Restart A.', demo: [{ type: 'fault', fault: 'node-restart', target: { node: 'A' } }] }],
    };
    const result = check(['--simulate', 'x.json'], { 'x.json': JSON.stringify(scenario) });
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/^x\.json: beats\[0\] "restart-a": its demo could not be played: demo input .* was refused: .*\n$/);
  });

  it('points at a beat whose event happened before the previous beat', () => {
    const scenario = {
      id: 'x',
      title: 'X',
      mode: 'none',
      nodes: ['A', 'B'],
      duration: 20000,
      faults: [{ at: 5000, fault: 'node-crash', node: 'B' }],
      beats: [
        { id: 'crashed', title: 'B crashed', when: { event: 'FAULT.NODE_CRASH' }, narration: 'B is gone.' },
        { id: 'mounted', title: 'A mounted', when: { event: 'mounted', node: 'A' }, narration: 'A mounted at the start.' },
      ],
    };
    const result = check(['--simulate', 'x.json'], { 'x.json': JSON.stringify(scenario) });
    expect(result.status).toBe(1);
    expect(result.err).toContain('x.json: beats[1] "mounted": never reached — the scenario ended at 20000 ms; after the previous beat "crashed" at 5000 ms');
    expect(result.err).toContain('Hint: it did happen at 3 ms, before the previous beat "crashed" at 5000 ms: move this beat earlier');
  });
});

describe('the trace kinds a beat may wait on', () => {
  /** Every TypeScript source file under src/engine except tests. */
  function engineSources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return engineSources(path);
      return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
    });
  }

  it('include every kind the engine records (add a new one to TRACE_KINDS in src/scenarios/schema/validateBeats.ts)', () => {
    const recorded = new Set<string>();
    for (const file of engineSources(join(here, '..', 'engine'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:kind:|note\()\s*'([A-Z][A-Z0-9_]*\.[A-Z0-9_.]+)'/g)) recorded.add(m[1]!);
    }
    expect(recorded.size).toBeGreaterThan(30);
    expect([...recorded].filter((k) => !TRACE_KINDS.includes(k)).sort()).toEqual([]);
  });
});

describe('docs/authoring.md', () => {
  it('its complete example is valid and plays through all four beats', () => {
    const doc = readFileSync(join(here, '..', '..', 'docs', 'authoring.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    const result = check(['--simulate', 'my-first-fence.json'], { 'my-first-fence.json': example });
    expect(result).toEqual({
      status: 0,
      out: 'my-first-fence.json: valid (mode scsi3, personality fence-scsi, 2 nodes × 2 paths, 1 fault, 4 beats); simulated to 17749 ms: 4 beats reached, 7 expectations hold\n',
      err: '',
    });
    expect(doc).toContain(result.out.trim());
  });

  it('its YAML example is valid and plays, and its YAML syntax error is what lab check prints', () => {
    const doc = readFileSync(join(here, '..', '..', 'docs', 'authoring.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)\n```/.exec(doc)![1]!;
    expect(check(['--simulate', 'my-first-fence.yaml'], { 'my-first-fence.yaml': example })).toEqual({
      status: 0,
      out: 'my-first-fence.yaml: valid (mode scsi3, personality fence-scsi, 2 nodes × 2 paths, 1 fault, 1 beat); simulated to 10 ms: 1 beat reached, 2 expectations hold\n',
      err: '',
    });
    const broken = check(['my.yaml'], { 'my.yaml': readFileSync(join(invalidExamples, 'yaml-syntax-error.yaml'), 'utf8') });
    expect(doc).toContain(broken.err.trim());
  });
});
