// sg_persist (sg3_utils): PERSISTENT RESERVE IN and OUT. Option handling, checks, messages and
// exit statuses follow sg_persist.c (v0.7x) and the sg_lib helpers it calls; the usage text is
// the lab's own summary in the tool's layout.

import type { OptionSpec } from './argv';
import { hexDump, commandStr, parseHexSmall, parseSgNum } from './hex';
import { Output } from './output';
import { buffer, prInText, PRIN_SA_TEXT, PROUT_SA_TEXT } from './prText';
import { categoryOf, categoryText, EXIT, exitText, noisySense, timeoutText } from './scsiText';
import type { SentRequest } from './sequence';
import { dataIn, getoptOrError, noPathError, pathFor, resolveDevice, syntaxError } from './toolkit';
import type { CdbRequest, CommandPlan, ConsoleContext, ConsoleOutput, ParseResult, PlannedRequest } from './types';
import { PR_OUT, buildInquiryCdb, buildPrInCdb, buildPrOutCdb, buildPrOutParams, buildRegisterAndMoveParams, parsePrKey } from '../lun';

const PROG = 'sg_persist';
export const SG_PERSIST_VERSION = '0.74 20260821';
const MX_ALLOC_LEN = 8192;
const HELP_HINT = "Run 'sg_persist --help' for the main options, 'sg_persist -hh' for the others and the TYPE codes.";

const opt = (id: string, long: string[], short: string | undefined, arg = false): OptionSpec => ({ id, long, short, arg });

export const SG_PERSIST_OPTIONS: readonly OptionSpec[] = [
  opt('alloc-length', ['alloc-length', 'alloc_length'], 'l', true),
  opt('clear', ['clear'], 'C'),
  opt('device', ['device'], 'd', true),
  opt('help', ['help'], 'h'),
  opt('hex', ['hex'], 'H'),
  opt('in', ['in'], 'i'),
  opt('maxlen', ['maxlen'], 'm', true),
  opt('no-inquiry', ['no-inquiry', 'no_inquiry'], 'n'),
  opt('out', ['out'], 'o'),
  opt('param-alltgpt', ['param-alltgpt', 'param_alltgpt'], 'Y'),
  opt('param-aptpl', ['param-aptpl', 'param_aptpl'], 'Z'),
  opt('param-rk', ['param-rk', 'param_rk'], 'K', true),
  opt('param-sark', ['param-sark', 'param_sark'], 'S', true),
  opt('unreg', ['param-unreg', 'param_unreg', 'unreg'], 'U'),
  opt('preempt', ['preempt'], 'P'),
  opt('preempt-abort', ['preempt-abort', 'preempt_abort'], 'A'),
  opt('prout-type', ['prout-type', 'prout_type'], 'T', true),
  opt('read-full-status', ['read-full-status', 'read_full_status', 'read-status', 'read_status'], 's'),
  opt('read-keys', ['read-keys', 'read_keys'], 'k'),
  opt('readonly', ['readonly'], 'y'),
  opt('read-reservation', ['read-reservation', 'read_reservation'], 'r'),
  opt('register', ['register'], 'G'),
  opt('register-ignore', ['register-ignore', 'register_ignore'], 'I'),
  opt('register-move', ['register-move', 'register_move'], 'M'),
  opt('release', ['release'], 'L'),
  opt('relative-target-port', ['relative-target-port', 'relative_target_port'], 'Q', true),
  opt('replace-lost', ['replace-lost', 'replace_lost'], 'z'),
  opt('report-capabilities', ['report-capabilities', 'report_capabilities'], 'c'),
  opt('reserve', ['reserve'], 'R'),
  opt('transport-id', ['transport-id', 'transport_id'], 'X', true),
  opt('verbose', ['verbose'], 'v'),
  opt('version', ['version'], 'V'),
];

const PRIN_SA: Record<string, number> = { 'read-keys': 0, 'read-reservation': 1, 'report-capabilities': 2, 'read-full-status': 3 };
const PROUT_SA: Record<string, number> = {
  register: PR_OUT.REGISTER,
  reserve: PR_OUT.RESERVE,
  release: PR_OUT.RELEASE,
  clear: PR_OUT.CLEAR,
  preempt: PR_OUT.PREEMPT,
  'preempt-abort': PR_OUT.PREEMPT_AND_ABORT,
  'register-ignore': PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY,
  'register-move': PR_OUT.REGISTER_AND_MOVE,
  'replace-lost': 0x08,
};

export interface SgPersistOptions {
  [key: string]: unknown;
  help: number;
  version: boolean;
  verbose: number;
  hex: number;
  inquiry: boolean;
  prIn: boolean;
  prinSa: number;
  proutSa: number;
  /** PR OUT parameter fields, keys as "0x..." hex. */
  rk: string;
  sark: string;
  type: number;
  aptpl: boolean;
  allTgPt: boolean;
  unreg: boolean;
  rtp: number;
  /** --transport-id: the destination initiator port of REGISTER AND MOVE. */
  transportPort: string | null;
  allocLen: number;
  /** Warnings the tool prints to stderr before it does anything. */
  warnings: string[];
}

export function usageText(level: number): string {
  if (level < 2) {
    return (
      'Usage: sg_persist [OPTIONS] [DEVICE]\n' +
      '  where the main OPTIONS are:\n' +
      '    --clear|-C                 PR Out: Clear (release and drop every registration)\n' +
      '    --help|-h                  print this usage message, twice for more\n' +
      '    --in|-i                    request PR In command (default)\n' +
      '    --out|-o                   request PR Out command\n' +
      '    --param-rk=RK|-K RK        PR Out parameter reservation key (RK in hex)\n' +
      '    --param-sark=SARK|-S SARK  PR Out parameter service action reservation key\n' +
      '                               (SARK in hex)\n' +
      '    --preempt|-P               PR Out: Preempt\n' +
      '    --preempt-abort|-A         PR Out: Preempt and Abort\n' +
      "    --prout-type=TYPE|-T TYPE  PR Out type field (see '-hh')\n" +
      '    --read-full-status|-s      PR In: Read Full Status\n' +
      '    --read-keys|-k             PR In: Read Keys (default)\n' +
      '    --read-reservation|-r      PR In: Read Reservation\n' +
      '    --register|-G              PR Out: Register\n' +
      '    --register-ignore|-I       PR Out: Register and Ignore existing key\n' +
      '    --register-move|-M         PR Out: Register and Move (needs --transport-id)\n' +
      '    --release|-L               PR Out: Release\n' +
      '    --report-capabilities|-c   PR In: Report Capabilities\n' +
      '    --reserve|-R               PR Out: Reserve\n' +
      '    --unreg|-U                 with --register-move: unregister the source\n\n' +
      "Sends a SCSI PERSISTENT RESERVE (IN or OUT) command. 'sg_persist DEVICE'\n" +
      "does a PR In Read Keys. Use '-hh' for the other options and TYPE codes.\n"
    );
  }
  return (
    'Usage: sg_persist [OPTIONS] [DEVICE]\n' +
    '  where the other OPTIONS are:\n' +
    '    --alloc-length=LEN|-l LEN  PR In allocation length, hex (default 2000h)\n' +
    '    --device=DEVICE|-d DEVICE  name the DEVICE as an option\n' +
    '    --hex|-H                   PR In response in hex\n' +
    '    --maxlen=LEN|-m LEN        PR In allocation length, decimal (default 8192)\n' +
    '    --no-inquiry|-n            skip the INQUIRY (default: do INQUIRY first)\n' +
    "    --param-alltgpt|-Y         PR Out parameter 'ALL_TG_PT'\n" +
    "    --param-aptpl|-Z           PR Out parameter 'APTPL'\n" +
    '    --readonly|-y              open DEVICE read-only\n' +
    '    --relative-target-port=RTPI|-Q RTPI   with --register-move\n' +
    '    --transport-id=TID|-X TID  with --register-move, e.g.\n' +
    '                               iqn.2026-11.lab:node-b,i,0x00023d000001\n' +
    '    --verbose|-v               show the CDB (-vv: and the parameter data)\n' +
    '    --version|-V               print the version string\n\n' +
    'PR Out TYPE field value meanings:\n' +
    "  0:    obsolete (was 'read shared' in SPC)\n" +
    '  1:    write exclusive\n' +
    "  2:    obsolete (was 'read exclusive')\n" +
    '  3:    exclusive access\n' +
    "  4:    obsolete (was 'shared access')\n" +
    '  5:    write exclusive, registrants only\n' +
    '  6:    exclusive access, registrants only\n' +
    '  7:    write exclusive, all registrants\n' +
    '  8:    exclusive access, all registrants\n'
  );
}

function usagePlan(line: string, options: Partial<SgPersistOptions>): ParseResult {
  return { ok: true, plan: { tool: 'sg_persist', line, device: null, options, requests: [] } };
}

export function parseSgPersist(args: readonly string[], ctx: ConsoleContext, line: string): ParseResult {
  const res = getoptOrError(PROG, args, SG_PERSIST_OPTIONS, HELP_HINT);
  if (!res.ok) return syntaxError(res.error);

  const o: SgPersistOptions = {
    help: 0, version: false, verbose: 0, hex: 0, inquiry: true, prIn: true, prinSa: -1, proutSa: -1,
    rk: '0x0', sark: '0x0', type: 0, aptpl: false, allTgPt: false, unreg: false, rtp: 0,
    transportPort: null, allocLen: MX_ALLOC_LEN, warnings: [],
  };
  let device: string | null = null;
  let numPrinSa = 0;
  let numProutSa = 0;
  let wantIn = false;
  let wantOut = false;
  let readonly = false;

  for (const { id, value = '' } of res.options) {
    if (id in PRIN_SA) {
      o.prinSa = PRIN_SA[id]!;
      numPrinSa++;
      continue;
    }
    if (id in PROUT_SA) {
      o.proutSa = PROUT_SA[id]!;
      numProutSa++;
      continue;
    }
    switch (id) {
      case 'device': device = value; break;
      case 'help': o.help++; break;
      case 'hex': o.hex++; break;
      case 'in': wantIn = true; break;
      case 'out': wantOut = true; break;
      case 'no-inquiry': o.inquiry = false; break;
      case 'param-alltgpt': o.allTgPt = true; break;
      case 'param-aptpl': o.aptpl = true; break;
      case 'unreg': o.unreg = true; break;
      case 'verbose': o.verbose++; break;
      case 'version': o.version = true; break;
      case 'readonly': readonly = true; break;
      case 'param-rk':
      case 'param-sark': {
        const key = parsePrKey(value);
        if (key === null) {
          const what = id === 'param-rk' ? 'RK' : 'SARK';
          return syntaxError(`bad argument to '--${id}'\n  ${what} is a reservation key in hex, 1 to 16 digits, "0x" optional (e.g. -K 0x123abc or -K123abc); got '${value}'\n`);
        }
        if (id === 'param-rk') o.rk = key;
        else o.sark = key;
        break;
      }
      case 'prout-type': {
        const t = parseHexSmall(value);
        if (t === null || t > 0xf) {
          return syntaxError(`bad argument to '--prout-type'\n  TYPE is a hex number: 1 write exclusive, 3 exclusive access, 5 or 6 registrants only, 7 or 8 all registrants (see 'sg_persist -hh'); got '${value}'\n`);
        }
        o.type = t;
        break;
      }
      case 'alloc-length':
      case 'maxlen': {
        const n = id === 'maxlen' ? parseSgNum(value) : (parseHexSmall(value) ?? -1);
        if (n < 0) return syntaxError(`bad argument to '--${id}'\n  LEN is ${id === 'maxlen' ? 'a decimal number of bytes' : 'a hex number of bytes'}; got '${value}'\n`);
        if (n > MX_ALLOC_LEN) return syntaxError(`'--${id}' argument exceeds maximum value (${MX_ALLOC_LEN})\n`);
        o.allocLen = n;
        break;
      }
      case 'relative-target-port': {
        const n = parseHexSmall(value);
        if (n === null) return syntaxError("bad argument to '--relative-target-port'\n  RTPI is a hex number, e.g. -Q 2\n");
        if (n > 0xffff) return syntaxError("argument to '--relative-target-port' 0 to ffff inclusive\n");
        o.rtp = n;
        break;
      }
      case 'transport-id': {
        if (!/^iqn\.[^\s]+$/.test(value)) {
          return syntaxError(`bad argument to '--transport-id'\n  the lab understands iSCSI TransportIDs: an initiator port such as iqn.2026-11.lab:node-b,i,0x00023d000001; got '${value}'\n`);
        }
        o.transportPort = value;
        break;
      }
    }
  }

  const [first, ...extra] = res.operands;
  if (first !== undefined) {
    if (device === null) device = first;
    else extra.unshift(first);
  }
  if (extra.length > 0) {
    return syntaxError(`${extra.map((e) => `Unexpected extra argument: ${e}\n`).join('')}${usageText(1)}`);
  }
  if (o.help > 0) return usagePlan(line, { help: o.help });
  if (o.version) return usagePlan(line, { version: true });
  if (device === null && ctx.defaultDevice === undefined) return syntaxError(`No device name given\n${usageText(1)}`);

  // Contradictory options (--in with --out, --out without exactly one PR OUT service action, a PR
  // OUT service action without --out, two PR IN service actions, --unreg/-Q or -M without what they
  // need): sg_persist.c 0.67 (2019) and later return SG_LIB_CONTRADICT (31, sg_lib.h "error
  // involving two or more cl options"), older releases SG_LIB_SYNTAX_ERROR (1). The lab keeps 1:
  // the issue's exit table maps every command-line mistake to 1 and scripts test for it. The
  // messages are sg_persist.c's own.
  if (wantIn && wantOut) return syntaxError(`choose '--in' _or_ '--out' (not both)\n${usageText(1)}`);
  if (wantOut) {
    o.prIn = false;
    if (numProutSa !== 1 || numPrinSa !== 0) {
      return syntaxError(">> For Persistent Reserve Out one and only one appropriate\n>> service action must be chosen (e.g. '--register')\n");
    }
  } else {
    if (numProutSa > 0) {
      return syntaxError(">> When a service action for Persistent Reserve Out is chosen the\n>> '--out' option must be given (as a safeguard)\n");
    }
    if (numPrinSa === 0) {
      o.warnings.push('>> No service action given; assume Persistent Reserve In command\n>> with Read Keys service action\n');
      o.prinSa = 0;
    } else if (numPrinSa > 1) {
      return syntaxError(`Too many service actions given; choose one only\n${usageText(1)}`);
    }
  }
  if ((o.unreg || o.rtp) && o.proutSa !== PR_OUT.REGISTER_AND_MOVE) {
    return syntaxError(`--unreg or --relative-target-port only useful with --register-move\n${usageText(1)}`);
  }
  if (o.proutSa === PR_OUT.REGISTER_AND_MOVE && o.transportPort === null) {
    return syntaxError(`with --register-move one (and only one) --transport-id should be given\n${usageText(1)}`);
  }
  const needsType = [PR_OUT.RESERVE, PR_OUT.RELEASE, PR_OUT.PREEMPT, PR_OUT.PREEMPT_AND_ABORT] as number[];
  if (!o.prIn && needsType.includes(o.proutSa) && o.type === 0) o.warnings.push('warning>>> --prout-type probably needs to be given\n');

  // sg_persist.c main(): the INQUIRY opens the device read-only and says "error opening file (ro):
  // DEVICE: why"; the PR command's own open (the first one with --no-inquiry) says "error opening
  // file DEVICE (rw): why" ("(ro)" with -y/--readonly).
  const openHead = (name: string): string =>
    o.inquiry ? `${PROG}: error opening file (ro): ${name}` : `${PROG}: error opening file ${name} (r${readonly ? 'o' : 'w'})`;
  const dev = resolveDevice(device, ctx, `No device name given\n${usageText(1)}`, openHead);
  if (!dev.ok) return dev.result;
  const path = pathFor(dev.device);
  if (path === null) return noPathError(PROG, dev.name);

  const requests: PlannedRequest[] = [];
  if (o.inquiry) requests.push({ kind: 'cdb', path, cdb: buildInquiryCdb({ allocationLength: 36 }), allocationLength: 36, role: 'probe' });
  const gate = o.inquiry ? { gate: { kind: 'allGood' as const } } : {};
  if (o.prIn) {
    requests.push({ kind: 'cdb', path, cdb: buildPrInCdb(o.prinSa, o.allocLen), allocationLength: o.allocLen, role: 'main', ...gate });
  } else {
    const params =
      o.proutSa === PR_OUT.REGISTER_AND_MOVE
        ? buildRegisterAndMoveParams({ key: o.rk, saKey: o.sark, unreg: o.unreg, aptpl: o.aptpl, relativeTargetPort: o.rtp, initiatorPort: o.transportPort ?? '' })
        : buildPrOutParams({ key: o.rk, saKey: o.sark, aptpl: o.aptpl, allTgPt: o.allTgPt });
    requests.push({ kind: 'cdb', path, cdb: buildPrOutCdb(o.proutSa, { type: o.type, parameterListLength: params.length }), dataOut: params, role: 'main', ...gate });
  }
  const plan: CommandPlan = { tool: 'sg_persist', line, device: dev.name, options: o, requests };
  return { ok: true, plan };
}

const INQUIRY_LEADIN = 'inquiry';
const PRIN_LEADIN = 'Persistent reservation in';
const PROUT_LEADIN = 'Persistent reservation out';

const PDT_NAMES: Record<number, string> = {
  0x0: 'disk', 0x1: 'tape', 0x3: 'processor', 0x5: 'cd/dvd', 0x7: 'optical memory device', 0x8: 'medium changer',
  0xc: 'storage array controller', 0xd: 'enclosure services device', 0xe: 'simplified direct access device',
  0x1f: 'no physical device on this lu',
};

export function pdtName(pdt: number): string | null {
  return PDT_NAMES[pdt] ?? null;
}

const ascii = (bytes: readonly number[], from: number, len: number): string =>
  Array.from({ length: len }, (_, i) => String.fromCharCode(bytes[from + i] ?? 0x20)).join('').replace(/\0/g, ' ');

export function formatSgPersist(plan: CommandPlan, sent: readonly SentRequest[]): ConsoleOutput {
  const o = plan.options as SgPersistOptions;
  const w = new Output();
  if (o.help) return w.err(usageText(o.help)).done(EXIT.OK);
  if (o.version) return w.err(`version: ${SG_PERSIST_VERSION}\n`).done(EXIT.OK);
  for (const warning of o.warnings) w.err(warning);

  let i = 0;
  if (o.inquiry) {
    const inq = sent[i++];
    if (!inq) return w.done(EXIT.OK); // not answered yet
    if (o.verbose) w.err(`    ${INQUIRY_LEADIN} cdb: ${commandStr((inq.request as CdbRequest).cdb)}\n`);
    if (inq.response.status !== 'GOOD') {
      if (inq.response.status === 'TIMEOUT') w.err(timeoutText(INQUIRY_LEADIN));
      else w.err(noisySense(INQUIRY_LEADIN, inq.response, o.verbose));
      w.out(`sg_persist: SCSI INQUIRY failed on ${plan.device}\n`);
      return w.done(categoryOf(inq.response) || EXIT.OTHER);
    }
    const d = dataIn(inq.response);
    w.out(`  ${ascii(d, 8, 8)}  ${ascii(d, 16, 16)}  ${ascii(d, 32, 4)}\n`);
    const pdt = (d[0] ?? 0) & 0x1f;
    const name = pdtName(pdt);
    w.out(name ? `  Peripheral device type: ${name}\n` : `  Peripheral device type: 0x${pdt.toString(16)}\n`);
  }
  const main = sent[i];
  if (!main) return w.done(EXIT.OK);
  const req = main.request as CdbRequest;
  const saText = o.prIn ? PRIN_SA_TEXT[o.prinSa] ?? `service action=0x${o.prinSa.toString(16)}` : PROUT_SA_TEXT[o.proutSa] ?? `service action=0x${o.proutSa.toString(16)}`;
  const leadin = o.prIn ? PRIN_LEADIN : PROUT_LEADIN;
  const tag = o.prIn ? 'PR in' : 'PR out';
  if (o.verbose) {
    w.err(`    ${leadin} cdb: ${commandStr(req.cdb)}\n`);
    if (!o.prIn && o.verbose > 1) w.err(`    ${leadin} parameters:\n${hexDump(req.dataOut ?? [], 0)}`);
  }
  const r = main.response;
  if (r.status !== 'GOOD') {
    const category = categoryOf(r);
    if (r.status === 'TIMEOUT') w.err(timeoutText(leadin));
    else w.err(noisySense(leadin, r, o.verbose));
    const what = o.proutSa === PR_OUT.REGISTER_AND_MOVE ? 'register and move' : saText;
    if (category === EXIT.INVALID_OP) w.err(`${tag} (${what}): command not supported\n`);
    else if (category === EXIT.ILLEGAL_REQ) w.err(`${tag} (${what}): bad field in cdb or parameter list (perhaps unsupported service action)\n`);
    else w.err(`${tag} (${what}): ${categoryText(category, o.verbose)}\n`);
    if (o.verbose === 0) w.err(`sg_persist failed: ${exitText(category)}\n`);
    return w.done(category);
  }
  if (o.prIn) {
    const buf = buffer(dataIn(r), o.allocLen);
    if (o.verbose > 2) w.err(`    ${leadin}: response:\n${hexDump(dataIn(r), -1)}`);
    const { text, malformed } = prInText(o.prinSa, buf, o.hex, o.allocLen, o.verbose);
    if (malformed) {
      w.err('Unexpected response for PRIN Report Capabilities\n').out(text);
      if (o.verbose === 0) w.err('sg_persist failed: Malformed SCSI command\n');
      return w.done(97);
    }
    w.out(text);
    return w.done(EXIT.OK);
  }
  // sg_persist.c: prout_work() says "PR out: command (Register) successful"; prout_reg_move_work()
  // has its own wording, "PR out: 'register and move' command successful". Both only with -v.
  if (o.verbose) {
    w.err(o.proutSa === PR_OUT.REGISTER_AND_MOVE ? "PR out: 'register and move' command successful\n" : `PR out: command (${saText}) successful\n`);
  }
  return w.done(EXIT.OK);
}
