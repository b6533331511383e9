import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import type { CliIo } from './io';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const examples = join(here, 'examples');

/** In-memory io: files come from `files`, everything else from disk. */
function fakeIo(files: Record<string, string> = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    readFile(path: string): string {
      if (path in files) return files[path]!;
      return readFileSync(path, 'utf8');
    },
  };
  return io;
}

const jsonLines = (text: string): Record<string, unknown>[] => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('lab (dispatcher)', () => {
  it('lists its commands with --help', async () => {
    const io = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage: lab <command> \[options\]\n\nCommands:\n/);
    expect(io.stdout).toMatch(/\n {2}script +run a console script/);
  });

  it.each([
    [[], 'lab: missing command'],
    [['frobnicate'], "lab: unknown command 'frobnicate'; the commands are: "],
    [['--frob'], "lab: unknown option '--frob'"],
  ])('%j is a usage error, exit 2', async (args, message) => {
    const io = fakeIo();
    expect(await runCli(args, io)).toBe(2);
    expect(io.stderr.startsWith(message)).toBe(true);
  });
});

describe('lab script: usage errors exit 2 and say what to do', () => {
  it.each([
    [['script'], 'lab script: missing FILE: give the script to run, e.g. lab script src/cli/examples/register-reserve-preempt.txt\n'],
    [['script', 'x.txt', '--jsn'], "lab script: unknown option '--jsn'; the options are --nodes, --paths, --json and --help\n"],
    [['script', 'x.txt', '--paths', 'two'], "lab script: --paths needs a whole number of paths per node, e.g. --paths 2; got 'two'\n"],
    [['script', 'x.txt', '--nodes', 'A,A'], 'lab script: a node is listed twice in A,A\n'],
    [['script', 'a.txt', 'b.txt'], "lab script: unexpected argument 'b.txt': give one script FILE\n"],
  ])('%j', async (args, message) => {
    const io = fakeIo();
    expect(await runCli(args, io)).toBe(2);
    expect(io.stderr).toBe(`${message}Run 'lab script --help' for the usage.\n`);
  });

  it('an unreadable FILE', async () => {
    const io = fakeIo();
    expect(await runCli(['script', join(here, 'no-such-script.txt')], io)).toBe(2);
    expect(io.stderr).toMatch(/^lab script: cannot read '.*no-such-script\.txt': ENOENT: no such file or directory/);
  });
});

describe('lab script --json', () => {
  it('runs register / reserve / conflict / preempt / clear and reports each command', async () => {
    const io = fakeIo();
    expect(await runCli(['script', join(examples, 'register-reserve-preempt.txt'), '--json'], io)).toBe(0);
    expect(io.stderr).toBe('');
    const lines = jsonLines(io.stdout);
    expect(lines.map((l) => Object.keys(l))).toEqual(lines.map(() => ['line', 'node', 'path', 'command', 'exit', 'stdout', 'stderr', 'status', 'sense', 'prin']));
    const byCommand = (fragment: string, nth = 0): Record<string, unknown> => lines.filter((l) => String(l['command']).includes(fragment))[nth]!;
    expect(byCommand('--read-keys')).toMatchObject({ node: 'A', exit: 0, status: 'GOOD', prin: { generation: 3, keys: ['0xa1', '0xb1', '0xc1'] } });
    expect(byCommand('-o -R -K 0xb1')).toMatchObject({ node: 'B', exit: 24, status: 'RESERVATION_CONFLICT', sense: null });
    expect(byCommand('-n -r')).toMatchObject({ prin: { generation: 3, reservation: { key: '0xa1', type: 'WE_RO', scope: 'LU' } } });
    expect(byCommand('-o -P')).toMatchObject({ node: 'B', exit: 0 });
    expect(byCommand('sg_raw', 0)).toMatchObject({ node: 'C', exit: 6, status: 'CHECK_CONDITION', sense: { key: 6, asc: 0x2a, ascq: 5 } });
    expect(byCommand('sg_raw', 1)).toMatchObject({ node: 'C', exit: 24, status: 'RESERVATION_CONFLICT' });
    expect(byCommand('-o -C')).toMatchObject({ node: 'A', exit: 0 });
    expect(byCommand('-n -k', 1)).toMatchObject({ prin: { generation: 5, keys: [] } });
  });

  it('reports a malformed line on stderr only (stdout stays command records), exits 1, and goes on', async () => {
    const script = 'A: sg_turs /dev/sdb\nA sg_turs /dev/sdb\n! lun-reset\nB: sg_turs /dev/sdb\n';
    const io = fakeIo({ 'bad.txt': script });
    expect(await runCli(['script', 'bad.txt', '--json'], io)).toBe(1);
    // the fault line (3) has no record either
    expect(jsonLines(io.stdout).map((l) => [l['line'], l['node'], l['exit']])).toEqual([
      [1, 'A', 0],
      [4, 'B', 6],
    ]);
    expect(io.stderr).toBe(
      "line 2: expected 'NODE: command' (e.g. 'A: sg_persist -k /dev/sdb'), 'NODE.PATH: command', '! fault', a '#' comment or a blank line\n    2 | A sg_turs /dev/sdb\n",
    );
  });

  it('the same script without --json: the same message on stderr, the same exit status', async () => {
    const io = fakeIo({ 'bad.txt': 'A sg_turs /dev/sdb\nB: sg_turs /dev/sdb\n' });
    expect(await runCli(['script', 'bad.txt'], io)).toBe(1);
    expect(io.stdout).toBe('B# sg_turs /dev/sdb\n');
    expect(io.stderr).toMatch(/^line 1: expected 'NODE: command'.*\n {4}1 \| A sg_turs \/dev\/sdb\n$/);
  });

  it('a prefix/device mismatch is a warning on stderr, not a bad line: exit 0', async () => {
    const io = fakeIo({ 'warn.txt': 'A.2: sg_turs /dev/sdb\n' });
    expect(await runCli(['script', 'warn.txt', '--paths', '2', '--json'], io)).toBe(0);
    expect(jsonLines(io.stdout)).toEqual([expect.objectContaining({ line: 1, path: 1, exit: 0 })]);
    expect(io.stderr).toMatch(/^line 1: warning: the prefix A\.2 names path 2 \(\/dev\/sdc\), but the command names \/dev\/sdb/);
  });

  it('--nodes and --paths shape the run', async () => {
    const io = fakeIo({ 's.txt': 'X.2: sg_persist -n -o -G -S 1\nY: sg_persist -n -s /dev/sdc\n' });
    expect(await runCli(['script', 's.txt', '--nodes=X,Y', '--paths', '2', '--json'], io)).toBe(0);
    expect(jsonLines(io.stdout)[1]!['stdout']).toContain('iqn.2026-11.lab:node-x,i,0x00023d000002');
  });
});

describe('the example scripts', () => {
  it.each(readdirSync(examples).filter((f) => f.endsWith('.txt')))('%s runs without a bad line', async (file) => {
    const io = fakeIo();
    const paths = readFileSync(join(examples, file), 'utf8').includes('--paths 2') ? ['--paths', '2'] : [];
    expect(await runCli(['script', join(examples, file), ...paths], io)).toBe(0);
    expect(io.stderr).toBe('');
    expect(io.stdout).toMatch(/^[A-Z](\.\d)?# /);
  });
});

describe('the real entry point', () => {
  it('the package bin (node bin/reservation-lab.js) runs a script given relative to another working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reservation-lab-bin-'));
    try {
      writeFileSync(join(dir, 'fence.txt'), 'A: sg_persist -n -o -G -S 0xa1 /dev/sdb\n! lun-reset\nB: sg_persist -n -k /dev/sdb\nB: sg_persist -n -k /dev/sdb\n');
      const run = spawnSync(process.execPath, [join(root, 'bin', 'reservation-lab.js'), 'script', 'fence.txt', '--json'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(jsonLines(run.stdout)).toEqual([
        { line: 1, node: 'A', path: 1, command: 'sg_persist -n -o -G -S 0xa1 /dev/sdb', exit: 0, stdout: '', stderr: '', status: 'GOOD', sense: null, prin: null },
        expect.objectContaining({ line: 3, node: 'B', exit: 6, status: 'CHECK_CONDITION', sense: { key: 6, asc: 0x29, ascq: 3 }, prin: null }),
        expect.objectContaining({ line: 4, node: 'B', exit: 0, status: 'GOOD', prin: { generation: 1, keys: ['0xa1'] } }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run lab -- script ... works through tsx', () => {
    const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', 'script', 'src/cli/examples/scsi2-reserve-reset.txt', '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toMatchObject({ node: 'A', command: 'sg_raw /dev/sdb 16 00 00 00 00 00', exit: 0, status: 'GOOD' });
    expect(lines[1]).toMatchObject({ node: 'B', exit: 24, status: 'RESERVATION_CONFLICT' });
  });
});
