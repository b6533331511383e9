// Golden transcripts for command-line mistakes, one table for all six tools: the exact stdout and
// stderr, exit status 1 (the "syntax error"), and the message naming the option that was
// wrong. The first line is glibc getopt_long's (what the real tools print); the lab adds what to do.

import { describe, expect, it } from 'vitest';
import { labSession } from './labSession';
import type { CommandRecord } from './script';

const HINT = {
  sg_persist: "Run 'sg_persist --help' for the main options, 'sg_persist -hh' for the others and the TYPE codes.\n",
  sg_turs: "Run 'sg_turs --help' for the options.\n",
  sg_inq: "Run 'sg_inq --help' for the options.\n",
  sg_raw: "Run 'sg_raw --help' for the options and examples.\n",
  sg_reset: "Run 'sg_reset --help' for the options.\n",
  mpathpersist: "Run 'mpathpersist --help' for the options.\n",
};

// [command line, the option the message must name, exact stderr]
const CASES: [string, string, string][] = [
  ['sg_persist --out --regster -S 1 /dev/sdb', '--regster', `sg_persist: unrecognized option '--regster'\n  did you mean '--register'?\n${HINT.sg_persist}`],
  ['sg_persist -x /dev/sdb', "-- 'x'", `sg_persist: invalid option -- 'x'\n${HINT.sg_persist}`],
  ['sg_persist -o -G -K zz /dev/sdb', '--param-rk', `bad argument to '--param-rk'\n  RK is a reservation key in hex, 1 to 16 digits, "0x" optional (e.g. -K 0x123abc or -K123abc); got 'zz'\n`],
  ['sg_persist -o -R -K 1 -T', "-- 'T'", `sg_persist: option requires an argument -- 'T'\n${HINT.sg_persist}`],
  ['sg_turs --numbr=3 /dev/sdb', '--numbr', `sg_turs: unrecognized option '--numbr'\n  did you mean '--number'?\n${HINT.sg_turs}`],
  ['sg_turs -x /dev/sdb', "-- 'x'", `sg_turs: invalid option -- 'x'\n${HINT.sg_turs}`],
  ['sg_inq --hexx /dev/sdb', '--hexx', `sg_inq: unrecognized option '--hexx'\n  did you mean '--hex'?\n${HINT.sg_inq}`],
  ['sg_inq -z /dev/sdb', "-- 'z'", `sg_inq: invalid option -- 'z'\n${HINT.sg_inq}`],
  ['sg_inq -p zz /dev/sdb', '--page=', "bad argument to '--page='\n  PG is a page number (e.g. 0x80) or one of: sv, sn, di; got 'zz'\n"],
  ['sg_raw --requst=512 /dev/sdb 28 00 00 00 00 00 00 00 01 00', '--requst', `sg_raw: unrecognized option '--requst'\n  did you mean '--request'?\n${HINT.sg_raw}`],
  ['sg_raw -r x /dev/sdb 12 00 00 00 24 00', '--request', "Invalid argument to '--request'\n  RLEN is a number of bytes, decimal by default (e.g. 512, 0x200, 1k)\n"],
  ['sg_raw /dev/sdb 12 00 zz 00 24 00', "'zz'", "Invalid command byte 'zz'\n  each CDB byte is one or two hex digits, e.g. sg_raw /dev/sdb 16 00 00 00 00 00\n"],
  ['sg_reset --targt /dev/sdb', '--targt', `sg_reset: unrecognized option '--targt'\n  did you mean '--target'?\n${HINT.sg_reset}`],
  ['sg_reset -x /dev/sdb', "-- 'x'", `sg_reset: invalid option -- 'x'\n${HINT.sg_reset}`],
  ['sg_reset -d -t /dev/sdb', '-d', 'Can only request one type of reset per invocation\n  pick one of -d (logical unit), -t (target) or -b (bus)\n'],
  ['mpathpersist --regster /dev/mapper/mpatha', '--regster', `mpathpersist: unrecognized option '--regster'\n  did you mean '--register'?\n${HINT.mpathpersist}`],
  ['mpathpersist -x /dev/mapper/mpatha', "-- 'x'", `mpathpersist: invalid option -- 'x'\n${HINT.mpathpersist}`],
  ['mpathpersist -o -G -S zz /dev/mapper/mpatha', '--param-sark', `bad argument to '--param-sark'\n  the key is hex, 1 to 16 digits, "0x" optional; got 'zz'\n`],
];

describe('syntax errors of every tool: golden transcripts, exit 1, the wrong option named', () => {
  it.each(CASES)('%s', (line, named, stderr) => {
    const r = labSession({ nodes: ['A'], paths: 2 }).run(`A: ${line}`) as CommandRecord;
    expect(r.kind).toBe('command');
    expect({ exit: r.exit, stdout: r.stdout, stderr: r.stderr, status: r.status, path: r.path }).toEqual({ exit: 1, stdout: '', stderr, status: null, path: null });
    expect(r.stderr).toContain(named);
  });

  it('covers each of the six tools', () => {
    const tools = new Set(CASES.map(([line]) => line.split(' ')[0]));
    expect([...tools].sort()).toEqual(['mpathpersist', 'sg_inq', 'sg_persist', 'sg_raw', 'sg_reset', 'sg_turs']);
  });
});
