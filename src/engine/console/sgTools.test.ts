import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './console';
import { labSession } from './labSession';
import type { CommandRecord, ScriptRecord } from './script';
import type { CdbRequest, ConsoleContext } from './types';

const ctx: ConsoleContext = { node: 'A', paths: [{ path: 1 }, { path: 2 }] };

const command = (r: ScriptRecord): CommandRecord => {
  if (r.kind !== 'command') throw new Error(`expected a command record, got ${JSON.stringify(r)}`);
  return r;
};

const failure = (line: string): { exit: number; stderr: string } => {
  const r = parseCommandLine(line, ctx);
  if (r.ok) throw new Error(`expected "${line}" to fail`);
  return { exit: r.exit, stderr: r.stderr };
};

describe('sg_turs', () => {
  it('sends TEST UNIT READY (six zero bytes) and is silent when the LUN is ready', () => {
    const p = parseCommandLine('sg_turs /dev/sdc', ctx);
    expect(p.ok && p.plan.requests).toEqual([{ kind: 'cdb', path: 2, cdb: [0, 0, 0, 0, 0, 0], role: 'main' }]);
    expect(command(labSession().run('A: sg_turs /dev/sdb'))).toMatchObject({ stdout: '', stderr: '', exit: 0, status: 'GOOD' });
  });

  it('reports a unit attention: the sense on stderr, the category on stdout (with -v: "sense key"), exit 6', () => {
    const lab = labSession();
    lab.run('! lun-reset');
    expect(command(lab.run('A: sg_turs -v /dev/sdb'))).toMatchObject({
      exit: 6,
      stdout: 'Unit attention sense key\n',
      stderr:
        '    Test unit ready cdb: [00 00 00 00 00 00]\n' +
        'Test unit ready:\nFixed format, current; Sense key: Unit Attention\nAdditional sense: Bus device reset function occurred\n',
    });
    expect(command(lab.run('A: sg_turs /dev/sdb')).exit).toBe(0);
  });

  it('under an SPC-2 reservation of another node: "Reservation conflict", exit 24', () => {
    const lab = labSession();
    lab.run('A: sg_raw /dev/sdb 16 00 00 00 00 00');
    expect(command(lab.run('B: sg_turs /dev/sdb'))).toMatchObject({ exit: 24, stdout: 'Reservation conflict\n', stderr: '' });
  });

  it('on a downed path: a pass-through timeout, exit 33', () => {
    const lab = labSession();
    lab.run('! path-down A.1');
    expect(command(lab.run('A: sg_turs /dev/sdb'))).toMatchObject({
      exit: 33,
      stdout: 'SCSI command timeout\n',
      stderr: 'Test unit ready: pass-through timeout\n',
      status: 'TIMEOUT',
    });
  });

  it('--number sends several and sums up', () => {
    expect(command(labSession().run('A: sg_turs -n 3 /dev/sdb'))).toMatchObject({ exit: 0, stdout: 'Completed 3 Test Unit Ready commands with 0 errors\n' });
  });

  it('syntax: a bad --number and a missing device', () => {
    expect(failure('sg_turs -n x /dev/sdb')).toMatchObject({ exit: 1, stderr: expect.stringMatching(/^bad argument to '--number='\n/) });
    expect(failure('sg_turs')).toMatchObject({ exit: 1, stderr: expect.stringMatching(/^No DEVICE argument given\nUsage: sg_turs/) });
  });
});

describe('sg_inq', () => {
  it('decodes the standard INQUIRY data and the serial number from VPD page 80h', () => {
    const p = parseCommandLine('sg_inq /dev/sdb', ctx);
    expect(p.ok && p.plan.requests.map((r) => (r as CdbRequest).cdb)).toEqual([
      [0x12, 0, 0, 0, 36, 0],
      [0x12, 1, 0x80, 0, 252, 0],
    ]);
    expect(command(labSession().run('A: sg_inq /dev/sdb')).stdout).toBe(
      'standard INQUIRY:\n' +
        '  PQual=0  PDT=0  RMB=0  LU_CONG=0  hot_pluggable=0  version=0x06  [SPC-4]\n' +
        '  [AERC=0]  [TrmTsk=0]  NormACA=0  HiSUP=0  Resp_data_format=2\n' +
        '  SCCS=0  ACC=0  TPGS=0  3PC=0  Protect=0  [BQue=0]\n' +
        '  EncServ=0  MultiP=1 (VS=0)  [MChngr=0]  [ACKREQQ=0]  Addr16=0\n' +
        '  [RelAdr=0]  WBus16=0  Sync=0  [Linked=0]  [TranDis=0]  CmdQue=1\n' +
        '    length=36 (0x24)   Peripheral device type: disk\n' +
        ' Vendor identification: LABARRAY\n' +
        ' Product identification: RESLAB-LUN      \n' +
        ' Product revision level: 1.0 \n' +
        ' Unit serial number: RESLAB0001\n',
    );
  });

  it('--page=sn shows the unit serial number page', () => {
    expect(command(labSession().run('A: sg_inq --page=sn /dev/sdb')).stdout).toBe('VPD INQUIRY: Unit serial number page\n  Unit serial number: RESLAB0001\n');
  });

  it('INQUIRY is never refused, even under another node\'s SPC-2 reservation', () => {
    const lab = labSession();
    lab.run('A: sg_raw /dev/sdb 16 00 00 00 00 00');
    expect(command(lab.run('B: sg_inq /dev/sdb')).exit).toBe(0);
  });
});

describe('sg_raw', () => {
  it('RESERVE(6) from the command line: "SCSI Status: Good" on stderr', () => {
    const p = parseCommandLine('sg_raw /dev/sdb 16 00 00 00 00 00', ctx);
    expect(p.ok && p.plan.requests).toEqual([{ kind: 'cdb', path: 1, cdb: [0x16, 0, 0, 0, 0, 0], role: 'main' }]);
    expect(command(labSession().run('A: sg_raw /dev/sdb 16 00 00 00 00 00'))).toMatchObject({ stdout: '', stderr: 'SCSI Status: Good \n\n', exit: 0 });
  });

  it('a conflicting RESERVE(6) is exit 24', () => {
    const lab = labSession();
    lab.run('A: sg_raw /dev/sdb 16 00 00 00 00 00');
    expect(command(lab.run('B: sg_raw /dev/sdb 16 00 00 00 00 00'))).toMatchObject({ stderr: 'SCSI Status: Reservation Conflict \n\n', exit: 24 });
  });

  it('WRITE(10) with data from a file, then READ(10) into a file and back out', () => {
    const lab = labSession();
    const w = parseCommandLine('sg_raw -s 512 -i ones /dev/sdb 2a 00 00 00 00 07 00 00 01 00', ctx);
    expect(w.ok && (w.plan.requests[0] as CdbRequest).dataOut).toEqual(new Array(512).fill(0xff));
    expect(command(lab.run('A: sg_raw -s 512 -i ones /dev/sdb 2a 00 00 00 00 07 00 00 01 00')).exit).toBe(0);
    expect(command(lab.run('B: sg_raw -r 512 -o blk7 /dev/sdb 28 00 00 00 00 07 00 00 01 00')).stderr).toBe('SCSI Status: Good \n\nWriting 512 bytes of data to blk7\n');
    expect(lab.state.files['B']!['blk7']).toEqual(new Array(512).fill(0xff));
    expect(command(lab.run('B: sg_raw -s 512 -i blk7 /dev/sdb 2a 00 00 00 00 08 00 00 01 00')).exit).toBe(0);
  });

  it('-r dumps data-in in hex, like sg_raw', () => {
    const r = command(labSession().run('A: sg_raw -r 8 /dev/sdb 25 00 00 00 00 00 00 00 00 00'));
    expect(r.stderr).toBe('SCSI Status: Good \n\nReceived 8 bytes of data:\n 00     00 00 07 ff 00 00 02 00                             ........\n');
  });

  it('CHECK CONDITION: the sense information (and no data)', () => {
    const lab = labSession();
    lab.run('! bus-reset');
    expect(command(lab.run('A: sg_raw -r 512 /dev/sdb 28 00 00 00 00 00 00 00 01 00'))).toMatchObject({
      exit: 6,
      stderr:
        'SCSI Status: Check Condition \n\nSense Information:\nFixed format, current; Sense key: Unit Attention\nAdditional sense: SCSI bus reset occurred\n\n' +
        'Error 6 occurred, no data received\n',
    });
  });

  it('-vv names the command', () => {
    const r = command(labSession().run('A: sg_raw -vv /dev/sdb 17 00 00 00 00 00'));
    expect(r.stdout).toBe('Attempt to decode cdb name: Release(6)\n');
    expect(r.stderr).toBe('    cdb to send: Release(6) [17 00 00 00 00 00]\nSCSI Status: Good \n\nNo errors\n');
  });

  it.each([
    ['sg_raw /dev/sdb 16 00 00', 1, /^CDB too short \(min\. 6 bytes\)\n/],
    ['sg_raw /dev/sdb 16 00 00 00 00 zz', 1, /^Invalid command byte 'zz'\n/],
    ['sg_raw -s 512 /dev/sdb 2a 00 00 00 00 00 00 00 01 00', 1, /needs --infile=FILE here: the lab console has no stdin/],
    ['sg_raw -s 512 -i nofile /dev/sdb 2a 00 00 00 00 00 00 00 01 00', 52, /^nofile: No such file or directory\n {2}files on node A: zeros, ones\n$/],
    ['sg_raw', 1, /^No device specified\n/],
  ])('"%s" fails with exit %i', (line, exit, stderr) => {
    const r = failure(line);
    expect(r.exit).toBe(exit);
    expect(r.stderr).toMatch(stderr);
  });
});

describe('sg_reset', () => {
  it('is a task management request, not a CDB; -v reports it', () => {
    const p = parseCommandLine('sg_reset -d /dev/sdc', ctx);
    expect(p.ok && p.plan.requests).toEqual([{ kind: 'reset', path: 2, scope: 'lun', role: 'main' }]);
    expect(command(labSession().run('A: sg_reset -v --target /dev/sdb'))).toMatchObject({
      exit: 0,
      stdout: 'sg_reset: starting target reset\nsg_reset: completed target (or bus or host) reset\n',
    });
  });

  it('a LUN reset releases an SPC-2 reservation', () => {
    const lab = labSession();
    lab.run('A: sg_raw /dev/sdb 16 00 00 00 00 00');
    lab.run('B: sg_reset -d /dev/sdb');
    lab.run('B: sg_turs /dev/sdb');
    expect(command(lab.run('B: sg_raw /dev/sdb 16 00 00 00 00 00')).exit).toBe(0);
  });

  it('on a downed path the ioctl fails: exit 1', () => {
    const lab = labSession();
    lab.run('! path-down A.1');
    expect(command(lab.run('A: sg_reset -d -N /dev/sdb'))).toMatchObject({ exit: 1, stderr: 'sg_reset: reset (for value=0x101) may not be available\n', status: 'TIMEOUT' });
  });

  it('one kind of reset at a time', () => {
    expect(failure('sg_reset -d -t /dev/sdb')).toEqual({
      exit: 1,
      stderr: 'Can only request one type of reset per invocation\n  pick one of -d (logical unit), -t (target) or -b (bus)\n',
    });
  });
});
