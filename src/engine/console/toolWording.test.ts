// The success and failure lines of sg_turs and sg_inq, checked against sg3_utils' sources:
// sg_turs.c 3.56 (loop_turs, main) and sg_inq.c (std_inq_process, main's err_out).

import { describe, expect, it } from 'vitest';
import { formatResult, parseCommandLine } from './console';
import { labSession } from './labSession';
import type { CommandRecord } from './script';
import type { ConsoleContext, ConsoleResponse } from './types';

const ctx: ConsoleContext = { node: 'A', paths: [{ path: 1 }] };

/** Runs `line` with every request answered by `answer`. */
function run(line: string, answer: ConsoleResponse): { exit: number; stdout: string; stderr: string } {
  const parsed = parseCommandLine(line, ctx);
  if (!parsed.ok) throw new Error(parsed.stderr);
  const out = formatResult(parsed.plan, parsed.plan.requests.map(() => answer));
  return { exit: out.exit, stdout: out.stdout, stderr: out.stderr };
}

const NOT_READY: ConsoleResponse = { status: 'CHECK_CONDITION', sense: { key: 2, asc: 0x04, ascq: 0x00 }, dataIn: [], rule: 'test' };
const CONFLICT: ConsoleResponse = { status: 'RESERVATION_CONFLICT', sense: null, dataIn: [], rule: 'test' };

describe('sg_turs (sg_turs.c 3.56)', () => {
  it('one TUR that is NOT READY: "device not ready", then the summary (loop_turs does not mark it reported), exit 2', () => {
    expect(run('sg_turs /dev/sdb', NOT_READY)).toEqual({
      exit: 2,
      stdout: 'device not ready\nCompleted 1 Test Unit Ready commands with 1 errors\n',
      stderr: '',
    });
  });

  it('one TUR with another failure: only its category, no summary', () => {
    expect(run('sg_turs /dev/sdb', CONFLICT)).toEqual({ exit: 24, stdout: 'Reservation conflict\n', stderr: '' });
  });

  it('the summary always says "commands" and "errors"', () => {
    expect(run('sg_turs -n 2 /dev/sdb', NOT_READY).stdout).toBe('Completed 2 Test Unit Ready commands with 2 errors\n');
  });
});

describe('sg_inq (sg_inq.c)', () => {
  it('a failed standard INQUIRY without -v: no sense (noisy=false), just "sg_inq failed: <exit text>"', () => {
    expect(run('sg_inq /dev/sdb', CONFLICT)).toEqual({ exit: 24, stdout: '', stderr: 'sg_inq failed: Reservation conflict\n' });
  });

  it('with -v: the CDB, then "inquiry: failed requesting 36 byte response: <category>"', () => {
    expect(run('sg_inq -v /dev/sdb', CONFLICT)).toEqual({
      exit: 24,
      stdout: '',
      stderr: '    inquiry cdb: [12 00 00 00 24 00]\n    inquiry: failed requesting 36 byte response: Reservation conflict SCSI status\n',
    });
  });

  it('a device the node lacks: the open error, the lab hint, then "sg_inq failed: No such file or directory", exit 52', () => {
    const r = labSession({ nodes: ['A'], paths: 1 }).run('A: sg_inq /dev/sdq') as CommandRecord;
    expect([r.exit, r.stdout, r.stderr]).toEqual([
      52,
      '',
      'sg_inq: error opening file: /dev/sdq: No such file or directory\n  node A has /dev/sdb (path 1) and /dev/mapper/mpatha (all paths)\nsg_inq failed: No such file or directory\n',
    ]);
  });
});
