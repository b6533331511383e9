import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './console';
import { labSession } from './labSession';
import type { CommandRecord } from './script';
import type { CdbRequest, CommandPlan, ConsoleContext } from './types';

const ctx: ConsoleContext = { node: 'A', paths: [{ path: 1 }, { path: 2 }] };

function plan(line: string): CommandPlan {
  const r = parseCommandLine(line, ctx);
  if (!r.ok) throw new Error(`expected "${line}" to parse, got: ${r.stderr}`);
  return r.plan;
}

const cdbs = (p: CommandPlan): number[][] => p.requests.map((r) => (r as CdbRequest).cdb);
const main = (p: CommandPlan): CdbRequest => p.requests[p.requests.length - 1] as CdbRequest;

const key = (hex: string): number[] => {
  const digits = hex.replace(/^0x/, '').padStart(16, '0');
  return Array.from({ length: 8 }, (_, i) => Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16));
};
/** SPC-4 table 173: RESERVATION KEY, SERVICE ACTION RESERVATION KEY, 4 obsolete bytes, flags, 3 reserved. */
const params = (rk: string, sark: string, flags = 0): number[] => [...key(rk), ...key(sark), 0, 0, 0, 0, flags, 0, 0, 0];

describe('sg_persist plans: CDBs and parameter lists (SPC-4 layouts)', () => {
  it('sends INQUIRY (36 bytes) first, then the PR command only if the INQUIRY worked', () => {
    const p = plan('sg_persist -k /dev/sdb');
    expect(cdbs(p)).toEqual([
      [0x12, 0, 0, 0, 36, 0],
      [0x5e, 0x00, 0, 0, 0, 0, 0, 0x20, 0x00, 0],
    ]);
    expect(p.requests[1]!.gate).toEqual({ kind: 'allGood' });
    expect(p.requests.every((r) => r.path === 1)).toBe(true);
  });

  it('-n skips the INQUIRY; the device picks the path', () => {
    const p = plan('sg_persist -n -r /dev/sdc');
    expect(cdbs(p)).toEqual([[0x5e, 0x01, 0, 0, 0, 0, 0, 0x20, 0x00, 0]]);
    expect(p.requests[0]!.path).toBe(2);
  });

  it.each([
    ['--in --read-keys', 0x00],
    ['-i -r', 0x01],
    ['--report-capabilities', 0x02],
    ['--read-full-status', 0x03],
    ['--read-status', 0x03],
  ])('PR IN "%s" is service action %i with ALLOCATION LENGTH 8192', (opts, sa) => {
    expect(main(plan(`sg_persist -n ${opts} /dev/sdb`)).cdb).toEqual([0x5e, sa, 0, 0, 0, 0, 0, 0x20, 0x00, 0]);
  });

  it('--alloc-length is hex and --maxlen decimal', () => {
    expect(main(plan('sg_persist -n -k -l 100 /dev/sdb')).cdb.slice(7, 9)).toEqual([0x01, 0x00]);
    expect(main(plan('sg_persist -n -k --maxlen=100 /dev/sdb')).cdb.slice(7, 9)).toEqual([0x00, 100]);
  });

  it.each([
    ['--register --param-sark=0xa1', 0x00, 0, params('0', 'a1')],
    ['--reserve --param-rk=a1 --prout-type=5', 0x01, 5, params('a1', '0')],
    ['--release -K 0xa1 -T 5', 0x02, 5, params('a1', '0')],
    ['--clear -K0xa1', 0x03, 0, params('a1', '0')],
    ['--preempt -K b1 -S a1 -T 1', 0x04, 1, params('b1', 'a1')],
    ['--preempt-abort -K b1 -S a1 -T 3', 0x05, 3, params('b1', 'a1')],
    ['--register-ignore -S 0x36830000', 0x06, 0, params('0', '36830000')],
    ['-G -S 0123456789abcdef -Z', 0x00, 0, params('0', '0123456789abcdef', 0x01)],
    ['-G -S 1 --param-alltgpt', 0x00, 0, params('0', '1', 0x04)],
  ])('PR OUT "%s": SA %i, TYPE %i, 24-byte parameter list', (opts, sa, type, data) => {
    const r = main(plan(`sg_persist -n --out ${opts} /dev/sdb`));
    // byte 1 SERVICE ACTION, byte 2 SCOPE(0)|TYPE, bytes 5-8 PARAMETER LIST LENGTH = 24
    expect(r.cdb).toEqual([0x5f, sa, type, 0, 0, 0, 0, 0, 24, 0]);
    expect(r.dataOut).toEqual(data);
  });

  it('REGISTER AND MOVE carries the TransportID, relative target port and UNREG (SPC-4 table 176)', () => {
    const r = main(plan('sg_persist -n -o -M -K a1 -S b1 -Q 2 -U -X iqn.2026-11.lab:node-b,i,0x00023d000001 /dev/sdb'));
    const tid = r.dataOut!.slice(24);
    expect(r.cdb).toEqual([0x5f, 0x07, 0, 0, 0, 0, 0, 0, 24 + tid.length, 0]);
    expect(r.dataOut!.slice(0, 24)).toEqual([...key('a1'), ...key('b1'), 0, 0x02, 0, 2, 0, 0, 0, tid.length]);
    expect(tid[0]).toBe(0x45); // format 01b, protocol iSCSI
    // ADDITIONAL LENGTH 40: the 39-character port name, NUL-terminated, a multiple of 4
    expect(tid.slice(2, 4)).toEqual([0, 40]);
    expect(String.fromCharCode(...tid.slice(4))).toBe('iqn.2026-11.lab:node-b,i,0x00023d000001\0');
  });

  it('on /dev/mapper/mpatha, SG_IO goes down the first path that is up', () => {
    const r = parseCommandLine('sg_persist -k /dev/mapper/mpatha', { node: 'A', paths: [{ path: 1, state: 'down' }, { path: 2 }] });
    expect(r.ok && r.plan.requests.map((q) => q.path)).toEqual([2, 2]);
  });

  it('a plan is plain data: it survives a JSON round trip', () => {
    const p = plan('sg_persist --out --register --param-sark=0xa1 /dev/sdb');
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('sg_persist syntax errors name the problem and exit 1', () => {
  const fails = (line: string, c: ConsoleContext = ctx): { exit: number; stderr: string } => {
    const r = parseCommandLine(line, c);
    if (r.ok) throw new Error(`expected "${line}" to fail`);
    return { exit: r.exit, stderr: r.stderr };
  };

  it('a PR OUT service action without --out', () => {
    expect(fails('sg_persist --register -S a1 /dev/sdb')).toEqual({
      exit: 1,
      stderr: ">> When a service action for Persistent Reserve Out is chosen the\n>> '--out' option must be given (as a safeguard)\n",
    });
  });

  it('--out without exactly one service action', () => {
    expect(fails('sg_persist --out -G -R /dev/sdb').stderr).toBe(
      ">> For Persistent Reserve Out one and only one appropriate\n>> service action must be chosen (e.g. '--register')\n",
    );
  });

  it('both --in and --out', () => {
    expect(fails('sg_persist -i -o -G /dev/sdb').stderr).toMatch(/^choose '--in' _or_ '--out' \(not both\)\nUsage: sg_persist/);
  });

  it('a bad key says what a key looks like', () => {
    const r = fails('sg_persist -o -G -S 0xZZ /dev/sdb');
    expect(r.exit).toBe(1);
    expect(r.stderr).toBe("bad argument to '--param-sark'\n  SARK is a reservation key in hex, 1 to 16 digits, \"0x\" optional (e.g. -K 0x123abc or -K123abc); got '0xZZ'\n");
  });

  it('a bad type lists the type codes', () => {
    expect(fails('sg_persist -o -R -K 1 -T 12 /dev/sdb').stderr).toContain("bad argument to '--prout-type'\n  TYPE is a hex number: 1 write exclusive");
  });

  it('a misspelled option gets a suggestion', () => {
    expect(fails('sg_persist --out --regster -S 1 /dev/sdb')).toEqual({
      exit: 1,
      stderr:
        "sg_persist: unrecognized option '--regster'\n  did you mean '--register'?\nRun 'sg_persist --help' for the main options, 'sg_persist -hh' for the others and the TYPE codes.\n",
    });
  });

  it('no device', () => {
    expect(fails('sg_persist -k').stderr).toMatch(/^No device name given\nUsage: sg_persist \[OPTIONS\] \[DEVICE\]/);
  });

  it('--register-move without --transport-id', () => {
    expect(fails('sg_persist -o -M -K 1 -S 2 /dev/sdb').stderr).toMatch(/^with --register-move one \(and only one\) --transport-id should be given/);
  });

  it('a device the node does not have: sg3_utils exit status 52 (ENOENT) and the list of devices', () => {
    expect(fails('sg_persist -k /dev/sdq')).toEqual({
      exit: 52,
      stderr: 'sg_persist: error opening file (ro): /dev/sdq: No such file or directory\n  node A has /dev/sdb (path 1), /dev/sdc (path 2) and /dev/mapper/mpatha (all paths)\n',
    });
  });

  // sg_persist.c main(): the INQUIRY's open says "(ro): DEVICE", the PR command's open (the first
  // one with -n) "DEVICE (rw)", or "(ro)" with --readonly.
  it.each([
    ['sg_persist -n -k /dev/sdf', 'sg_persist: error opening file /dev/sdf (rw): No such file or directory\n'],
    ['sg_persist --no-inquiry -o -G -S 1 /dev/sdf', 'sg_persist: error opening file /dev/sdf (rw): No such file or directory\n'],
    ['sg_persist -n -y -k /dev/sdf', 'sg_persist: error opening file /dev/sdf (ro): No such file or directory\n'],
  ])('"%s": the device-open error names the device before the access mode', (line, first) => {
    const r = fails(line);
    expect(r.exit).toBe(52);
    expect(r.stderr).toBe(`${first}  node A has /dev/sdb (path 1), /dev/sdc (path 2) and /dev/mapper/mpatha (all paths)\n`);
  });
});

describe('sg_persist golden transcripts', () => {
  const command = (r: ReturnType<ReturnType<typeof labSession>['run']>): CommandRecord => {
    if (r.kind !== 'command') throw new Error(`expected a command record, got ${JSON.stringify(r)}`);
    return r;
  };

  it('read keys on an empty LUN, with the INQUIRY header', () => {
    const lab = labSession();
    const r = command(lab.run('A: sg_persist --in --read-keys /dev/sdb'));
    expect(r.stdout).toBe('  LABARRAY  RESLAB-LUN        1.0 \n  Peripheral device type: disk\n  PR generation=0x0, there are NO registered reservation keys\n');
    expect([r.stderr, r.exit]).toEqual(['', 0]);
  });

  it('no service action: the warning on stderr, then read keys', () => {
    const r = command(labSession().run('A: sg_persist -n /dev/sdb'));
    expect(r.stderr).toBe('>> No service action given; assume Persistent Reserve In command\n>> with Read Keys service action\n');
    expect(r.stdout).toBe('  PR generation=0x0, there are NO registered reservation keys\n');
  });

  it('register, reserve, read keys and read reservation', () => {
    const lab = labSession();
    expect(command(lab.run('A: sg_persist --out --register --param-sark=0x36830000 /dev/sdb'))).toMatchObject({
      stdout: '  LABARRAY  RESLAB-LUN        1.0 \n  Peripheral device type: disk\n',
      stderr: '',
      exit: 0,
    });
    lab.run('B: sg_persist -n -o -G -S 0x36830001 /dev/sdb');
    expect(command(lab.run('A: sg_persist -n -o -R -K 0x36830000 -T 5 /dev/sdb')).exit).toBe(0);
    expect(command(lab.run('C: sg_persist -n -k /dev/sdb')).stdout).toBe(
      '  PR generation=0x2, 2 registered reservation keys follow:\n    0x36830000\n    0x36830001\n',
    );
    expect(command(lab.run('C: sg_persist -n -r /dev/sdb')).stdout).toBe(
      '  PR generation=0x2, Reservation follows:\n    Key=0x36830000\n    scope: LU_SCOPE,  type: Write Exclusive, registrants only\n',
    );
  });

  it('a conflict: "PR out (Reserve): Reservation conflict" and exit 24', () => {
    const lab = labSession();
    lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
    lab.run('A: sg_persist -n -o -R -K a1 -T 1 /dev/sdb');
    lab.run('B: sg_persist -n -o -G -S b1 /dev/sdb');
    const r = command(lab.run('B: sg_persist -n -o -R -K b1 -T 1 /dev/sdb'));
    expect(r).toMatchObject({ exit: 24, stdout: '', stderr: 'PR out (Reserve): Reservation conflict\nsg_persist failed: Reservation conflict\n', status: 'RESERVATION_CONFLICT' });
  });

  it('-v prints the CDBs as sg3_utils does; -vv adds the parameter list', () => {
    const r = command(labSession().run('A: sg_persist -vv --out --register --param-sark=0xa1 /dev/sdb'));
    expect(r.stderr).toBe(
      '    inquiry cdb: [12 00 00 00 24 00]\n' +
        '    Persistent reservation out cdb: [5f 00 00 00 00 00 00 00 18 00]\n' +
        '    Persistent reservation out parameters:\n' +
        ' 00     00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 a1    ................\n' +
        ' 10     00 00 00 00 00 00 00 00                             ........\n' +
        'PR out: command (Register) successful\n',
    );
  });

  it('a unit attention on PR IN: the sense data, the category, exit 6', () => {
    const lab = labSession();
    lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
    lab.run('B: sg_persist -n -o -G -S b1 /dev/sdb');
    lab.run('B: sg_persist -n -o -P -K b1 -S a1 -T 1 /dev/sdb');
    const r = command(lab.run('A: sg_persist -n -k /dev/sdb'));
    expect(r).toMatchObject({
      exit: 6,
      stdout: '',
      stderr:
        'Persistent reservation in:\nFixed format, current; Sense key: Unit Attention\nAdditional sense: Registrations preempted\n' +
        'PR in (Read keys): Unit attention\nsg_persist failed: Unit attention\n',
      sense: { key: 6, asc: 0x2a, ascq: 0x05 },
    });
  });

  it('an ILLEGAL REQUEST: release with the wrong type (26h/04h) is exit 5', () => {
    const lab = labSession();
    lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
    lab.run('A: sg_persist -n -o -R -K a1 -T 1 /dev/sdb');
    const r = command(lab.run('A: sg_persist -n -o -L -K a1 -T 3 /dev/sdb'));
    expect(r).toMatchObject({
      exit: 5,
      stderr: 'PR out (Release): bad field in cdb or parameter list (perhaps unsupported service action)\nsg_persist failed: Illegal request\n',
      sense: { key: 5, asc: 0x26, ascq: 0x04 },
    });
  });

  it('warns when a reserve has no --prout-type', () => {
    const lab = labSession();
    lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
    expect(command(lab.run('A: sg_persist -n -o -R -K a1 /dev/sdb')).stderr).toMatch(/^warning>>> --prout-type probably needs to be given\n/);
  });

  it('read full status shows every I_T nexus, its port and the holder', () => {
    const lab = labSession();
    lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
    lab.run('A: sg_persist -n -o -R -K a1 -T 1 /dev/sdb');
    lab.run('B: sg_persist -n -o -G -S b1 /dev/sdb');
    expect(command(lab.run('C: sg_persist -n -s /dev/sdb')).stdout).toBe(
      '  PR generation=0x2\n' +
        '    Key=0xa1\n      All target ports bit clear\n      Relative port address: 0x1\n      << Reservation holder >>\n' +
        '      scope: LU_SCOPE,  type: Write Exclusive\n      Transport Id of initiator:\n' +
        '        iSCSI world wide unique port id: iqn.2026-11.lab:node-a,i,0x00023d000001\n' +
        '    Key=0xb1\n      All target ports bit clear\n      Relative port address: 0x1\n      not reservation holder\n' +
        '      Transport Id of initiator:\n        iSCSI world wide unique port id: iqn.2026-11.lab:node-b,i,0x00023d000001\n',
    );
  });

  it('register and move hands the reservation to another I_T nexus', () => {
    const lab = labSession();
    lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
    lab.run('A: sg_persist -n -o -R -K a1 -T 1 /dev/sdb');
    const r = command(lab.run('A: sg_persist -n -v -o -M -K a1 -S b1 -Q 1 -X iqn.2026-11.lab:node-b,i,0x00023d000001 /dev/sdb'));
    expect(r).toMatchObject({
      exit: 0,
      // sg_persist.c prout_reg_move_work(): its own wording, unlike prout_work()'s "PR out: command (Register) successful"
      stderr: "    Persistent reservation out cdb: [5f 07 00 00 00 00 00 00 44 00]\nPR out: 'register and move' command successful\n",
    });
    expect(command(lab.run('B: sg_persist -n -r /dev/sdb')).stdout).toBe(
      '  PR generation=0x2, Reservation follows:\n    Key=0xb1\n    scope: LU_SCOPE,  type: Write Exclusive\n',
    );
  });

  it('report capabilities', () => {
    expect(command(labSession().run('A: sg_persist -n -c /dev/sdb')).stdout).toBe(
      'Report capabilities response:\n' +
        '  Replace Lost Reservation Capable(RLR_C): 0\n' +
        '  Compatible Reservation Handling(CRH): 1\n' +
        '  Specify Initiator Ports Capable(SIP_C): 0\n' +
        '  All Target Ports Capable(ATP_C): 0\n' +
        '  Persist Through Power Loss Capable(PTPL_C): 1\n' +
        '  Type Mask Valid(TMV): 1\n' +
        '  Allow Commands: 1\n' +
        '  Persist Through Power Loss Active(PTPL_A): 0\n' +
        '    Support indicated in Type mask:\n' +
        '      Write Exclusive, all registrants: 1\n' +
        '      Exclusive Access, registrants only: 1\n' +
        '      Write Exclusive, registrants only: 1\n' +
        '      Exclusive Access: 1\n' +
        '      Write Exclusive: 1\n' +
        '      Exclusive Access, all registrants: 1\n',
    );
  });

  it('-H dumps the keys in hex (and, like the real tool, states a zero length twice)', () => {
    const lab = labSession();
    expect(command(lab.run('A: sg_persist -n -k -H /dev/sdb')).stdout).toBe('  PR generation=0x0, Additional length=0\nAdditional length=0\n');
    lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
    expect(command(lab.run('A: sg_persist -n -k -H /dev/sdb')).stdout).toBe('  PR generation=0x1, Additional length=8\n 00     00 00 00 00 00 00 00 a1\n');
  });

  it('a downed path: the INQUIRY times out, exit 33', () => {
    const lab = labSession();
    lab.run('! path-down A.1');
    expect(command(lab.run('A: sg_persist -k /dev/sdb'))).toMatchObject({
      exit: 33,
      stdout: 'sg_persist: SCSI INQUIRY failed on /dev/sdb\n',
      stderr: 'inquiry: pass-through timeout\n',
      status: 'TIMEOUT',
    });
  });

  it('--help and -hh print the usage and exit 0', () => {
    const lab = labSession();
    expect(command(lab.run('A: sg_persist --help'))).toMatchObject({ exit: 0, stderr: expect.stringMatching(/^Usage: sg_persist \[OPTIONS\] \[DEVICE\]\n {2}where the main OPTIONS are:/) });
    expect(command(lab.run('A: sg_persist -hh')).stderr).toContain('  5:    write exclusive, registrants only\n');
  });
});

describe('sg_persist: every short option and its long spelling build the same request (the issue\'s option list)', () => {
  const TID = 'iqn.2026-11.lab:node-b,i,0x00023d000001';
  /** The plan without the command text it was parsed from. */
  const same = (line: string): Omit<CommandPlan, 'line'> => {
    const { line: _ignored, ...rest } = plan(line);
    return rest;
  };
  // [option, short form, long form, what the option must change in the request]
  const rows: [string, string, string, (p: CommandPlan) => void][] = [
    ['--in', '-n -i -k /dev/sdb', '-n --in -k /dev/sdb', (p) => expect(main(p).cdb[0]).toBe(0x5e)],
    ['--out', '-n -o -G -S 1 /dev/sdb', '-n --out -G -S 1 /dev/sdb', (p) => expect(main(p).cdb[0]).toBe(0x5f)],
    ['--read-keys', '-n -k /dev/sdb', '-n --read-keys /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x00)],
    ['--read-reservation', '-n -r /dev/sdb', '-n --read-reservation /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x01)],
    ['--report-capabilities', '-n -c /dev/sdb', '-n --report-capabilities /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x02)],
    ['--read-full-status', '-n -s /dev/sdb', '-n --read-full-status /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x03)],
    ['--register', '-n -o -G -S a1 /dev/sdb', '-n -o --register -S a1 /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x00)],
    ['--reserve', '-n -o -R -K a1 -T 1 /dev/sdb', '-n -o --reserve -K a1 -T 1 /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x01)],
    ['--release', '-n -o -L -K a1 -T 1 /dev/sdb', '-n -o --release -K a1 -T 1 /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x02)],
    ['--clear', '-n -o -C -K a1 /dev/sdb', '-n -o --clear -K a1 /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x03)],
    ['--preempt', '-n -o -P -K b1 -S a1 -T 1 /dev/sdb', '-n -o --preempt -K b1 -S a1 -T 1 /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x04)],
    ['--preempt-abort', '-n -o -A -K b1 -S a1 -T 1 /dev/sdb', '-n -o --preempt-abort -K b1 -S a1 -T 1 /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x05)],
    ['--register-ignore', '-n -o -I -S a1 /dev/sdb', '-n -o --register-ignore -S a1 /dev/sdb', (p) => expect(main(p).cdb[1]).toBe(0x06)],
    ['--register-move', `-n -o -M -K a1 -S b1 -X ${TID} /dev/sdb`, `-n -o --register-move -K a1 -S b1 -X ${TID} /dev/sdb`, (p) => expect(main(p).cdb[1]).toBe(0x07)],
    ['--param-rk=', '-n -o -R -K 0xa1 -T 1 /dev/sdb', '-n -o -R --param-rk=0xa1 -T 1 /dev/sdb', (p) => expect(main(p).dataOut!.slice(0, 8)).toEqual(key('a1'))],
    ['--param-sark=', '-n -o -G -S 0xa1 /dev/sdb', '-n -o -G --param-sark=0xa1 /dev/sdb', (p) => expect(main(p).dataOut!.slice(8, 16)).toEqual(key('a1'))],
    ['--prout-type=', '-n -o -R -K a1 -T 5 /dev/sdb', '-n -o -R -K a1 --prout-type=5 /dev/sdb', (p) => expect(main(p).cdb[2]).toBe(5)],
    ['--param-aptpl', '-n -o -G -S a1 -Z /dev/sdb', '-n -o -G -S a1 --param-aptpl /dev/sdb', (p) => expect(main(p).dataOut![20]).toBe(0x01)],
    ['--param-alltgpt', '-n -o -G -S a1 -Y /dev/sdb', '-n -o -G -S a1 --param-alltgpt /dev/sdb', (p) => expect(main(p).dataOut![20]).toBe(0x04)],
    ['--no-inquiry', '-n -k /dev/sdb', '--no-inquiry -k /dev/sdb', (p) => expect(cdbs(p)).toEqual([[0x5e, 0, 0, 0, 0, 0, 0, 0x20, 0, 0]])],
    ['--verbose', '-v -n -k /dev/sdb', '--verbose -n -k /dev/sdb', (p) => expect(p.options['verbose']).toBe(1)],
    ['--device=', '-n -k -d /dev/sdc', '-n -k --device=/dev/sdc', (p) => expect(p.device).toBe('/dev/sdc')],
  ];

  it.each(rows)('%s: "%s" and "%s" give the same CDBs and parameter bytes', (_name, short, long, effect) => {
    const p = plan(`sg_persist ${short}`);
    expect(same(`sg_persist ${long}`)).toEqual(same(`sg_persist ${short}`));
    effect(p);
  });

  it.each(rows)('%s: "%s" and "%s" print the same on the same LUN state', (_name, short, long) => {
    const out = (opts: string): unknown => {
      const lab = labSession();
      lab.run('A: sg_persist -n -o -G -S a1 /dev/sdb');
      lab.run('B: sg_persist -n -o -G -S b1 /dev/sdb');
      const { line: _l, command: _c, ...rest } = lab.run(`A: sg_persist ${opts}`) as CommandRecord;
      return rest;
    };
    expect(out(long)).toEqual(out(short));
  });

  it('--device= picks the path like the operand does; --verbose prints the CDB', () => {
    expect(main(plan('sg_persist -n -k --device=/dev/sdc')).path).toBe(2);
    const r = labSession().run('A: sg_persist --verbose -n -k /dev/sdb') as CommandRecord;
    expect(r.stderr).toBe('    Persistent reservation in cdb: [5e 00 00 00 00 00 00 20 00 00]\n');
  });
});
