// sg_raw (sg3_utils): sends the CDB bytes given on the command line, with optional data-out read
// from a file (-s LEN -i FILE) and data-in (-r LEN) hex-dumped or written to a file (-o FILE).
// Everything but the data goes to stderr, as sg_raw.c does. Files come from the console's small
// in-memory file table (types.ts FileTable); there is no stdin.

import type { OptionSpec } from './argv';
import { commandStr, hexDump, parseSgNum } from './hex';
import { Output } from './output';
import { categoryOf, categoryText, EXIT, senseText, statusText } from './scsiText';
import type { SentRequest } from './sequence';
import { count, dataIn, getoptOrError, noPathError, pathFor, resolveDevice, syntaxError } from './toolkit';
import type { CdbRequest, CommandPlan, ConsoleContext, ConsoleOutput, FileTable, ParseResult } from './types';

const PROG = 'sg_raw';
const MAX_DXLEN = 1024 * 1024;

export const SG_RAW_OPTIONS: readonly OptionSpec[] = [
  { id: 'enumerate', long: ['enumerate'], short: 'e', arg: false },
  { id: 'help', long: ['help'], short: 'h', arg: false },
  { id: 'infile', long: ['infile'], short: 'i', arg: true },
  { id: 'skip', long: ['skip'], short: 'k', arg: true },
  { id: 'nosense', long: ['nosense'], short: 'n', arg: false },
  { id: 'outfile', long: ['outfile'], short: 'o', arg: true },
  { id: 'request', long: ['request'], short: 'r', arg: true },
  { id: 'readonly', long: ['readonly'], short: 'R', arg: false },
  { id: 'send', long: ['send'], short: 's', arg: true },
  { id: 'timeout', long: ['timeout', 'tmo'], short: 't', arg: true },
  { id: 'verbose', long: ['verbose'], short: 'v', arg: false },
  { id: 'version', long: ['version'], short: 'V', arg: false },
];

export interface SgRawOptions {
  [key: string]: unknown;
  help: boolean;
  version: boolean;
  enumerate: boolean;
  verbose: number;
  noSense: boolean;
  request: number;
  send: number;
  outfile: string | null;
}

export function sgRawUsage(): string {
  return (
    'Usage: sg_raw [OPTION]* DEVICE [CDB0 CDB1 ...]\n' +
    '\n' +
    'Options:\n' +
    '  --request=RLEN|-r RLEN     data-in: accept up to RLEN bytes, shown in hex\n' +
    '  --outfile=OFILE|-o OFILE   data-in: store it in file OFILE instead\n' +
    '  --send=SLEN|-s SLEN        data-out: send SLEN bytes ...\n' +
    '  --infile=IFILE|-i IFILE    ... read from file IFILE (lab files: zeros, ones,\n' +
    '                             or one stored earlier with --outfile)\n' +
    '  --skip=KLEN|-k KLEN        skip KLEN bytes of IFILE first\n' +
    '  --nosense|-n               do not decode sense data\n' +
    '  --enumerate|-e             only name the command, send nothing\n' +
    '  --readonly|-R              open DEVICE read-only\n' +
    '  --timeout=SECS|-t SECS     command timeout (default 20)\n' +
    '  --verbose|-v               show the CDB (twice: with its name)\n' +
    '  --help|-h                  show this help\n' +
    '  --version|-V               show the version\n' +
    '\n' +
    'CDB bytes are hex, one or two digits each, 6 to 260 of them. Lengths are\n' +
    'decimal unless written 0x... Examples:\n' +
    '  RESERVE(6)   sg_raw /dev/sdb 16 00 00 00 00 00\n' +
    '  READ(10)     sg_raw -r 512 /dev/sdb 28 00 00 00 00 00 00 00 01 00\n' +
    '  WRITE(10)    sg_raw -s 512 -i zeros /dev/sdb 2a 00 00 00 00 00 00 00 01 00\n'
  );
}

/** Built-in files: endless zeros (like /dev/zero) and endless 0xff bytes. */
function fileBytes(files: FileTable | undefined, name: string, from: number, length: number): number[] | 'missing' | 'short' {
  if (name === 'zeros' || name === '/dev/zero') return new Array<number>(length).fill(0);
  if (name === 'ones') return new Array<number>(length).fill(0xff);
  const f = files?.[name];
  if (!f) return 'missing';
  if (f.length < from + length) return 'short';
  return f.slice(from, from + length);
}

// sg_get_opcode_sa_name() wording for the commands of this LUN (sg_lib_data.c).
const CDB_NAME: Record<number, string> = {
  0x00: 'Test Unit Ready', 0x03: 'Request Sense', 0x12: 'Inquiry', 0x16: 'Reserve(6)', 0x17: 'Release(6)',
  0x25: 'Read capacity(10)', 0x28: 'Read(10)', 0x2a: 'Write(10)', 0xa0: 'Report luns',
};
const PRIN_NAME = ['Read keys', 'Read reservation', 'Report capabilities', 'Read full status'];
const PROUT_NAME = ['Register', 'Reserve', 'Release', 'Clear', 'Preempt', 'Preempt and abort', 'Register and ignore existing key', 'Register and move', 'Replace lost reservation'];

export function cdbName(cdb: readonly number[]): string {
  const op = cdb[0] ?? 0;
  const sa = (cdb[1] ?? 0) & 0x1f;
  if (op === 0x5e) return PRIN_NAME[sa] ? `Persistent reserve in, ${PRIN_NAME[sa]}` : `Persistent reserve in service action=0x${sa.toString(16)}`;
  if (op === 0x5f) return PROUT_NAME[sa] ? `Persistent reserve out, ${PROUT_NAME[sa]}` : `Persistent reserve out service action=0x${sa.toString(16)}`;
  return CDB_NAME[op] ?? `Opcode=0x${op.toString(16)}`;
}

export function parseSgRaw(args: readonly string[], ctx: ConsoleContext, line: string): ParseResult {
  const res = getoptOrError(PROG, args, SG_RAW_OPTIONS, "Run 'sg_raw --help' for the options and examples.");
  if (!res.ok) return syntaxError(res.error);
  const o: SgRawOptions = {
    help: false, version: false, enumerate: false, verbose: count(res.options, 'verbose'), noSense: false,
    request: 0, send: 0, outfile: null,
  };
  let infile: string | null = null;
  let skip = 0;
  let wantSend = false;
  for (const { id, value = '' } of res.options) {
    switch (id) {
      case 'help': o.help = true; break;
      case 'version': o.version = true; break;
      case 'enumerate': o.enumerate = true; break;
      case 'nosense': o.noSense = true; break;
      case 'readonly': break;
      case 'timeout':
        if (parseSgNum(value) < 0) return syntaxError("Invalid argument to '--timeout'\n  SECS is a number of seconds\n");
        break;
      case 'infile':
        if (infile !== null) return syntaxError("Too many '--infile=' options\n");
        infile = value;
        break;
      case 'outfile':
        if (o.outfile !== null) return syntaxError("Too many '--outfile=' options\n");
        o.outfile = value;
        break;
      case 'skip':
        skip = parseSgNum(value);
        if (skip < 0) return syntaxError("Invalid argument to '--skip'\n  KLEN is a number of bytes\n");
        break;
      case 'request':
      case 'send': {
        const n = parseSgNum(value);
        if (n < 0 || n > MAX_DXLEN) return syntaxError(`Invalid argument to '--${id}'\n  ${id === 'request' ? 'RLEN' : 'SLEN'} is a number of bytes, decimal by default (e.g. 512, 0x200, 1k)\n`);
        if (id === 'request') o.request = n;
        else {
          o.send = n;
          wantSend = true;
        }
        break;
      }
    }
  }
  if (o.help || o.version) return { ok: true, plan: { tool: 'sg_raw', line, device: null, options: o, requests: [] } };
  // With a default device (script line "A.2: sg_raw 16 00 ..."), operands that are not a path are all CDB bytes.
  const named = res.operands[0] !== undefined && (res.operands[0].startsWith('/') || ctx.defaultDevice === undefined);
  const device = named ? res.operands[0]! : null;
  const bytes = named ? res.operands.slice(1) : res.operands;
  if (device === null && ctx.defaultDevice === undefined) return syntaxError(`No device specified\n\n${sgRawUsage()}`);
  const cdb: number[] = [];
  for (const b of bytes) {
    if (!/^(0[xX])?[0-9a-fA-F]{1,2}$/.test(b)) {
      return syntaxError(`Invalid command byte '${b}'\n  each CDB byte is one or two hex digits, e.g. sg_raw /dev/sdb 16 00 00 00 00 00\n`);
    }
    cdb.push(Number.parseInt(b.replace(/^0[xX]/, ''), 16));
  }
  if (cdb.length > 260) return syntaxError('CDB too long (max. 260 bytes)\n');
  if (cdb.length < 6) return syntaxError(`CDB too short (min. 6 bytes)\n  give the command bytes after the device, e.g. sg_raw /dev/sdb 00 00 00 00 00 00 (TEST UNIT READY)\n`);
  if (o.enumerate) return { ok: true, plan: { tool: 'sg_raw', line, device, options: { ...o, cdb }, requests: [] } };
  const dev = resolveDevice(device, ctx, 'No device specified\n', '');
  if (!dev.ok) return dev.result;
  const path = pathFor(dev.device);
  if (path === null) return noPathError(PROG, dev.name);

  let dataOut: number[] | undefined;
  if (wantSend) {
    if (infile === null) {
      return syntaxError("sg_raw: --send needs --infile=FILE here: the lab console has no stdin\n  e.g. sg_raw -s 512 -i zeros /dev/sdb 2a 00 00 00 00 00 00 00 01 00\n");
    }
    const got = fileBytes(ctx.files, infile, skip, o.send);
    if (got === 'missing') {
      const known = ['zeros', 'ones', ...Object.keys(ctx.files ?? {})].join(', ');
      return { ok: false, exit: EXIT.NO_SUCH_FILE, stderr: `${infile}: No such file or directory\n  files on node ${ctx.node}: ${known}\n` };
    }
    if (got === 'short') {
      const size = ctx.files?.[infile]?.length ?? 0;
      return { ok: false, exit: EXIT.FILE_ERROR, stderr: `EOF on input file/stream at buffer offset ${Math.max(0, size - skip)}\n` };
    }
    dataOut = got;
  }
  const request: CdbRequest = { kind: 'cdb', path, cdb, role: 'main' };
  if (dataOut) request.dataOut = dataOut;
  if (o.request > 0) request.allocationLength = o.request;
  const plan: CommandPlan = { tool: 'sg_raw', line, device: dev.name, options: o, requests: [request] };
  return { ok: true, plan };
}

export function formatSgRaw(plan: CommandPlan, sent: readonly SentRequest[]): ConsoleOutput {
  const o = plan.options as SgRawOptions & { cdb?: number[] };
  const w = new Output();
  if (o.help) return w.err(sgRawUsage()).done(EXIT.OK);
  if (o.version) return w.err('sg_raw 0.4.43 (2023-11-23)\n').done(EXIT.OK);
  if (o.enumerate) return w.out(`Attempt to decode cdb name: ${cdbName(o.cdb ?? [])}\n`).done(EXIT.OK);
  const s = sent[0];
  if (!s) return w.done(EXIT.OK);
  const req = s.request as CdbRequest;
  if (o.verbose > 1) w.out(`Attempt to decode cdb name: ${cdbName(req.cdb)}\n`);
  if (o.verbose) w.err(`    cdb to send: ${o.verbose > 1 ? `${cdbName(req.cdb)} ` : ''}${commandStr(req.cdb)}\n`);
  const r = s.response;
  if (r.status === 'TIMEOUT') {
    w.err('do_scsi_pt: timeout\n');
    if (o.verbose) w.err(`${categoryText(EXIT.TIMEOUT, o.verbose - 1)}\n`);
    return w.done(EXIT.TIMEOUT);
  }
  const ret = categoryOf(r);
  w.err(`SCSI Status: ${statusText(r.status)} \n\n`);
  if (r.status === 'CHECK_CONDITION' && !o.noSense) {
    if (!r.sense) w.err('>>> Strange: status is CHECK CONDITION but no Sense Information\n');
    else w.err(`Sense Information:\n${senseText(r.sense, o.verbose > 0)}\n`);
  }
  if (o.request > 0) {
    const data = dataIn(r).slice(0, o.request);
    if (ret !== EXIT.OK) w.err(`Error ${ret} occurred, no data received\n`);
    else if (data.length === 0) w.err('No data received\n');
    else if (o.outfile === null) w.err(`Received ${data.length} bytes of data:\n${hexDump(data, 0)}`);
    else {
      w.err(`Writing ${data.length} bytes of data to ${o.outfile === '-' ? 'stdout' : o.outfile}\n`);
      if (o.outfile !== '-') w.writeFile(o.outfile, data);
    }
  }
  if (o.verbose) w.err(`${categoryText(ret, o.verbose - 1)}\n`);
  return w.done(ret);
}
