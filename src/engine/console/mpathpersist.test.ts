import { describe, expect, it } from 'vitest';
import { parseCommandLine, runCommandSync } from './console';
import { labSession } from './labSession';
import { mainRequest, type CommandRecord, type ScriptRecord } from './script';
import type { CdbRequest, CommandPlan, ConsoleContext } from './types';

const twoPaths: ConsoleContext = { node: 'A', paths: [{ path: 1 }, { path: 2 }] };

const plan = (line: string, c: ConsoleContext = twoPaths): CommandPlan => {
  const r = parseCommandLine(line, c);
  if (!r.ok) throw new Error(r.stderr);
  return r.plan;
};

const command = (r: ScriptRecord): CommandRecord => {
  if (r.kind !== 'command') throw new Error(`expected a command record, got ${JSON.stringify(r)}`);
  return r;
};

const firstTries = (p: CommandPlan): { path: number; sa: number }[] =>
  p.requests.filter((r) => r.gate?.kind !== 'lastUnitAttention' && r.role === 'main').map((r) => ({ path: r.path, sa: (r as CdbRequest).cdb[1]! }));

describe('mpathpersist plans (libmpathpersist)', () => {
  it('REGISTER goes to every path that is up, each retried on UNIT ATTENTION, with a rollback', () => {
    const p = plan('mpathpersist --out --register --param-sark=0xa1 /dev/mapper/mpatha');
    expect(firstTries(p)).toEqual([{ path: 1, sa: 0 }, { path: 2, sa: 0 }]);
    expect(p.requests.filter((r) => r.role === 'rollback').map((r) => [r.path, (r as CdbRequest).dataOut!.slice(0, 16)])).toEqual([
      [1, [0, 0, 0, 0, 0, 0, 0, 0xa1, 0, 0, 0, 0, 0, 0, 0, 0]],
      [2, [0, 0, 0, 0, 0, 0, 0, 0xa1, 0, 0, 0, 0, 0, 0, 0, 0]],
    ]);
  });

  it('RESERVE goes to the first path only; a downed path is skipped', () => {
    expect(firstTries(plan('mpathpersist -o -R -K a1 -T 5 /dev/mapper/mpatha'))).toEqual([{ path: 1, sa: 1 }]);
    const down: ConsoleContext = { node: 'A', paths: [{ path: 1, state: 'down' }, { path: 2 }] };
    expect(firstTries(plan('mpathpersist -o -R -K a1 -T 5 /dev/mapper/mpatha', down))).toEqual([{ path: 2, sa: 1 }]);
    expect(firstTries(plan('mpathpersist -o -G -S a1 /dev/mapper/mpatha', down))).toEqual([{ path: 2, sa: 0 }]);
  });

  it('RELEASE goes to every path (the holder is one of them)', () => {
    expect(firstTries(plan('mpathpersist -o -L -K a1 -T 1 /dev/mapper/mpatha'))).toEqual([{ path: 1, sa: 2 }, { path: 2, sa: 2 }]);
  });

  it('PR IN tries the next path when the first one fails', () => {
    const p = plan('mpathpersist -i -k /dev/mapper/mpatha');
    expect(p.requests.filter((r) => r.gate?.kind !== 'lastUnitAttention').map((r) => [r.path, r.gate?.kind])).toEqual([
      [1, undefined],
      [2, 'lastFailed'],
    ]);
  });

  it.each([
    ['mpathpersist -k /dev/mapper/mpatha', 1, "choose either '--in' or '--out' \n"],
    ['mpathpersist -i /dev/mapper/mpatha', 1, ' No service action given for Persistent Reserve IN\n'],
    ['mpathpersist -o -G -R /dev/mapper/mpatha', 1, ' For Persistent Reserve Out only one appropriate\n service action must be chosen \n'],
    ['mpathpersist -i -k /dev/sdb', 13, '/dev/sdb: not a multipath device\n'],
    ['mpathpersist -v x -i -k /dev/mapper/mpatha', 1, "bad argument to '--verbose'\n"],
  ])('"%s" fails with exit %i', (line, exit, start) => {
    const r = parseCommandLine(line, twoPaths);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.exit).toBe(exit);
      expect(r.stderr.startsWith(start)).toBe(true);
    }
  });
});

describe('mpathpersist golden transcripts (two paths per node)', () => {
  it('registers every path of the node: two registrations, one key', () => {
    const lab = labSession({ nodes: ['A', 'B'], paths: 2 });
    expect(command(lab.run('A: mpathpersist --out --register --param-sark=0xa1 /dev/mapper/mpatha'))).toMatchObject({ exit: 0, stdout: '', stderr: '' });
    expect(command(lab.run('B: mpathpersist -i -k /dev/mapper/mpatha')).stdout).toBe('  PR generation=0x2, \t2 registered reservation keys follow:\n    0xa1\n    0xa1\n');
  });

  it('read reservation in its own words', () => {
    const lab = labSession({ nodes: ['A', 'B'], paths: 2 });
    expect(command(lab.run('B: mpathpersist -i -r /dev/mapper/mpatha')).stdout).toBe('  PR generation=0x0, there is NO reservation held \n');
    lab.run('A: mpathpersist -o -G -S a1 /dev/mapper/mpatha');
    lab.run('A: mpathpersist -o -R -K a1 -T 5 /dev/mapper/mpatha');
    expect(command(lab.run('B: mpathpersist -i -r /dev/mapper/mpatha')).stdout).toBe(
      '  PR generation=0x2, Reservation follows:\n   Key = 0xa1\n  scope = LU_SCOPE, type = Write Exclusive, registrants only\n',
    );
  });

  it('read full status in its own words', () => {
    const lab = labSession({ nodes: ['A', 'B'], paths: 2 });
    lab.run('A: mpathpersist -o -G -S a1 /dev/mapper/mpatha');
    lab.run('A.2: sg_persist -n -o -R -K a1 -T 1');
    expect(command(lab.run('B: mpathpersist -i -s /dev/mapper/mpatha')).stdout).toBe(
      '  PR generation=0x2 \n' +
        '   Key = 0xa1\n      All target ports bit clear\n      Relative port address: 0x1\n      not reservation holder\n' +
        '   iSCSI world wide unique port id: iqn.2026-11.lab:node-a,i,0x00023d000001\n' +
        '   Key = 0xa1\n      All target ports bit clear\n      Relative port address: 0x2\n      << Reservation holder >>\n' +
        '      scope: LU_SCOPE,  type: Write Exclusive\n   iSCSI world wide unique port id: iqn.2026-11.lab:node-a,i,0x00023d000002\n',
    );
  });

  it('a conflict is MPATH_PR_RESERV_CONFLICT (exit 11), printed on stdout', () => {
    const lab = labSession({ nodes: ['A', 'B'], paths: 2 });
    lab.run('A: mpathpersist -o -G -S a1 /dev/mapper/mpatha');
    lab.run('A: mpathpersist -o -R -K a1 -T 1 /dev/mapper/mpatha');
    lab.run('B: mpathpersist -o -G -S b1 /dev/mapper/mpatha');
    expect(command(lab.run('B: mpathpersist -o -R -K b1 -T 1 /dev/mapper/mpatha'))).toMatchObject({
      exit: 11,
      stdout: 'persistent reserve out: scsi status: Reservation Conflict\nPR out: command failed\n',
      status: 'RESERVATION_CONFLICT',
    });
  });

  it('a unit attention is retried quietly (-v 3 shows the paths and the retry)', () => {
    const lab = labSession({ nodes: ['A'], paths: 2 });
    lab.run('! lun-reset');
    const r = command(lab.run('A: mpathpersist -v 3 -o -G -S a1 /dev/mapper/mpatha'));
    expect(r.exit).toBe(0);
    expect(r.stderr).toBe(
      'mpatha: sending pr out command to sdb\nsdb: retrying for Unit Attention. Remaining retries = 2\n' +
        'mpatha: sending pr out command to sdc\nsdc: retrying for Unit Attention. Remaining retries = 2\n',
    );
    expect(command(lab.run('A: sg_persist -n -k /dev/sdc')).stdout).toBe('  PR generation=0x2, 2 registered reservation keys follow:\n    0xa1\n    0xa1\n');
  });

  it('skips a downed path and still reads through the other', () => {
    const lab = labSession({ nodes: ['A'], paths: 2 });
    lab.run('A: mpathpersist -o -G -S a1 /dev/mapper/mpatha');
    lab.run('! path-down A.1');
    const r = command(lab.run('A: mpathpersist -v 1 -i -k /dev/mapper/mpatha'));
    expect(r).toMatchObject({ exit: 0, stderr: 'mpatha: sdb path not up. Skip\n', path: 2 });
  });

  it('falls back to the next path when the first one does not answer', () => {
    // The path checker has not noticed yet: multipath still thinks path 1 is up, but it times out.
    const answers = [{ status: 'TIMEOUT' as const }, { status: 'GOOD' as const, sense: null, dataIn: [0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0xa1], rule: '' }];
    const out = runCommandSync('mpathpersist -i -k /dev/mapper/mpatha', twoPaths, (req) => answers[req.path - 1]!);
    expect(out.sent.map((s) => [s.request.path, s.response.status])).toEqual([[1, 'TIMEOUT'], [2, 'GOOD']]);
    expect(out).toMatchObject({ exit: 0, stdout: '  PR generation=0x1, \t1 registered reservation key follows:\n    0xa1\n' });
    expect(mainRequest(out.sent, out.exit)?.request.path).toBe(2);
  });

  it('rolls a REGISTER back on the paths where it worked when another path conflicts', () => {
    const lab = labSession({ nodes: ['A'], paths: 2 });
    // Path 2 already has a different key: re-registering it with RK 0 conflicts (SPC-4 5.7.7).
    lab.run('A.2: sg_persist -n -o -G -S 0xff');
    const r = command(lab.run('A: mpathpersist -o -G -S a1 /dev/mapper/mpatha'));
    expect(r).toMatchObject({ exit: 11, stdout: 'persistent reserve out: scsi status: Reservation Conflict\nPR out: command failed\n' });
    expect(command(lab.run('A: sg_persist -n -k /dev/sdb')).stdout).toBe('  PR generation=0x3, 1 registered reservation key follows:\n    0xff\n');
  });
});
