// mpathpersist (multipath-tools): persistent reservations on a dm-multipath device, through
// libmpathpersist. What it sends, per service action (mpath_persist.c):
//   REGISTER, REGISTER AND IGNORE  on every path that is up (mpath_prout_reg), in parallel; if one
//                                  path gets RESERVATION CONFLICT, a REGISTER with a non-zero
//                                  service action key is rolled back on the paths where it worked
//                                  (re-register from the new key to 0);
//   RESERVE, PREEMPT (AND ABORT),  on the first path that is up (mpath_prout_common);
//   CLEAR
//   RELEASE                        on every path that is up (mpath_prout_rel);
//   PR IN                          on the first path that is up, then the next one if it fails
//                                  (mpath_prin_activepath).
// Each command is retried up to 3 times on UNIT ATTENTION (mpath_pr_ioctl.c), so the tool never
// shows one. Exit statuses are libmpathpersist's MPATH_PR_* codes (conflict is 11, not 24).
// Not modelled: the multipath.conf reservation_key checks, the CLEAR-and-re-register fallback
// of RELEASE when the holder path is gone, the preempt-self path of newer versions, batch files.

import type { OptionSpec } from './argv';
import { MPATH_DEVICE, lookupDevice, pathDevice } from './devices';
import { parseHexSmall } from './hex';
import { Output } from './output';
import { PR_TYPE_TEXT } from './prText';
import type { SentRequest } from './sequence';
import { dataIn, getoptOrError, syntaxError } from './toolkit';
import type { CdbRequest, CommandPlan, ConsoleContext, ConsoleOutput, ConsoleResponse, ParseResult, PlannedRequest } from './types';
import {
  PR_IN,
  PR_OUT,
  buildPrInCdb,
  buildPrOutCdb,
  buildPrOutParams,
  decodeReadFullStatus,
  decodeReadKeys,
  decodeReadReservation,
  parsePrKey,
} from '../lun';

const PROG = 'mpathpersist';
const UA_RETRIES = 3;
const ALLOC_LEN = 8192;

/** libmpathpersist return codes (mpath_persist.h). */
export const MPATH_PR = {
  SUCCESS: 0,
  SYNTAX_ERROR: 1,
  SENSE_NOT_READY: 2,
  SENSE_MEDIUM_ERROR: 3,
  SENSE_HARDWARE_ERROR: 4,
  ILLEGAL_REQ: 5,
  SENSE_UNIT_ATTENTION: 6,
  SENSE_INVALID_OP: 7,
  SENSE_ABORTED_COMMAND: 8,
  NO_SENSE: 9,
  SENSE_MALFORMED: 10,
  RESERV_CONFLICT: 11,
  FILE_ERROR: 12,
  DMMP_ERROR: 13,
  THREAD_ERROR: 14,
  OTHER: 15,
} as const;

const opt = (id: string, long: string, short: string, arg = false): OptionSpec => ({ id, long: [long], short, arg });

export const MPATHPERSIST_OPTIONS: readonly OptionSpec[] = [
  opt('verbose', 'verbose', 'v', true),
  opt('clear', 'clear', 'C'),
  opt('device', 'device', 'd', true),
  opt('batch-file', 'batch-file', 'f', true),
  opt('help', 'help', 'h'),
  opt('hex', 'hex', 'H'),
  opt('in', 'in', 'i'),
  opt('out', 'out', 'o'),
  opt('param-alltgpt', 'param-alltgpt', 'Y'),
  opt('param-aptpl', 'param-aptpl', 'Z'),
  opt('param-rk', 'param-rk', 'K', true),
  opt('param-sark', 'param-sark', 'S', true),
  opt('preempt', 'preempt', 'P'),
  opt('preempt-abort', 'preempt-abort', 'A'),
  opt('prout-type', 'prout-type', 'T', true),
  opt('read-full-status', 'read-full-status', 's'),
  opt('read-keys', 'read-keys', 'k'),
  opt('read-reservation', 'read-reservation', 'r'),
  opt('register', 'register', 'G'),
  opt('register-ignore', 'register-ignore', 'I'),
  opt('release', 'release', 'L'),
  opt('report-capabilities', 'report-capabilities', 'c'),
  opt('reserve', 'reserve', 'R'),
  opt('transport-id', 'transport-id', 'X', true),
  opt('alloc-length', 'alloc-length', 'l', true),
];

const PRIN: Record<string, number> = { 'read-keys': 0, 'read-reservation': 1, 'report-capabilities': 2, 'read-full-status': 3 };
const PROUT: Record<string, number> = {
  register: PR_OUT.REGISTER,
  reserve: PR_OUT.RESERVE,
  release: PR_OUT.RELEASE,
  clear: PR_OUT.CLEAR,
  preempt: PR_OUT.PREEMPT,
  'preempt-abort': PR_OUT.PREEMPT_AND_ABORT,
  'register-ignore': PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY,
};

export interface MpathpersistOptions {
  [key: string]: unknown;
  help: boolean;
  loglevel: number;
  prIn: boolean;
  prinSa: number;
  proutSa: number;
  rk: string;
  sark: string;
  type: number;
  aptpl: boolean;
  allTgPt: boolean;
  /** Paths multipath skips because its path checker has them down. */
  skipped: number[];
  warnings: string[];
  allocLen: number;
}

export function mpathpersistUsage(): string {
  return (
    'Usage: mpathpersist [OPTIONS] [DEVICE]\n' +
    ' Options:\n' +
    '    --verbose|-v level         0 critical .. 3 informational (which path gets\n' +
    '                               each command), 4 trace\n' +
    '    --in|-i                    a PR In command: pick one of -k -r -s -c\n' +
    '    --out|-o                   a PR Out command: pick one of -G -I -R -L -P -A -C\n' +
    '    --read-keys|-k             PR In: registered keys\n' +
    '    --read-reservation|-r      PR In: the reservation\n' +
    '    --read-full-status|-s      PR In: every registration with its port\n' +
    '    --report-capabilities|-c   PR In: what the device supports\n' +
    '    --register|-G              PR Out: Register (on every path)\n' +
    '    --register-ignore|-I       PR Out: Register and Ignore existing key\n' +
    '    --reserve|-R               PR Out: Reserve\n' +
    '    --release|-L               PR Out: Release (on every path)\n' +
    '    --preempt|-P               PR Out: Preempt\n' +
    '    --preempt-abort|-A         PR Out: Preempt and Abort\n' +
    '    --clear|-C                 PR Out: Clear\n' +
    '    --param-rk=RK|-K RK        reservation key, hex\n' +
    '    --param-sark=SARK|-S SARK  service action reservation key, hex\n' +
    '    --prout-type=TYPE|-T TYPE  reservation type, hex (1 WE, 3 EA, 5/6 RO, 7/8 AR)\n' +
    "    --param-aptpl|-Z           set 'APTPL'\n" +
    "    --param-alltgpt|-Y         set 'ALL_TG_PT'\n" +
    '    --device=DEVICE|-d DEVICE  the multipath device (or give it last)\n' +
    '    --alloc-length=LEN|-l LEN  PR In allocation length\n' +
    '    --hex|-H                   accepted; output stays decoded\n' +
    '    --help|-h                  show this help\n'
  );
}

const syntax = (text: string): ParseResult => syntaxError(`${text}${mpathpersistUsage()}`);

export function parseMpathpersist(args: readonly string[], ctx: ConsoleContext, line: string): ParseResult {
  const res = getoptOrError(PROG, args, MPATHPERSIST_OPTIONS, "Run 'mpathpersist --help' for the options.");
  if (!res.ok) return syntaxError(res.error);
  const o: MpathpersistOptions = {
    help: false, loglevel: 0, prIn: true, prinSa: -1, proutSa: -1, rk: '0x0', sark: '0x0', type: 0,
    aptpl: false, allTgPt: false, skipped: [], warnings: [], allocLen: ALLOC_LEN,
  };
  let device: string | null = null;
  let numPrin = 0;
  let numProut = 0;
  let wantIn = false;
  let wantOut = false;
  for (const { id, value = '' } of res.options) {
    if (id in PRIN) {
      o.prinSa = PRIN[id]!;
      numPrin++;
      continue;
    }
    if (id in PROUT) {
      o.proutSa = PROUT[id]!;
      numProut++;
      continue;
    }
    switch (id) {
      case 'help':
        return { ok: true, plan: { tool: 'mpathpersist', line, device: null, options: { help: true }, requests: [] } };
      case 'verbose':
        if (!/^\d+$/.test(value)) return syntaxError(`bad argument to '--verbose'\n  mpathpersist takes a level: -v 0 .. -v 4 (e.g. -v 3 shows which path each command goes to)\n`);
        o.loglevel = Number(value);
        break;
      case 'device': device = value; break;
      case 'in': wantIn = true; break;
      case 'out': wantOut = true; break;
      case 'hex': break;
      case 'param-alltgpt': o.allTgPt = true; break;
      case 'param-aptpl': o.aptpl = true; break;
      case 'param-rk':
      case 'param-sark': {
        const key = parsePrKey(value);
        if (key === null) return syntaxError(`bad argument to '--${id}'\n  the key is hex, 1 to 16 digits, "0x" optional; got '${value}'\n`);
        if (id === 'param-rk') o.rk = key;
        else o.sark = key;
        break;
      }
      case 'prout-type': {
        const t = parseHexSmall(value);
        if (t === null || t > 0xf) return syntaxError(`bad argument to '--prout-type'\n  TYPE is hex: 1 WE, 3 EA, 5 WE_RO, 6 EA_RO, 7 WE_AR, 8 EA_AR; got '${value}'\n`);
        o.type = t;
        break;
      }
      case 'alloc-length': {
        if (!/^\d+$/.test(value)) return syntaxError("bad argument to '--alloc-length'\n");
        const n = Number(value);
        if (n > ALLOC_LEN) return syntaxError(`'--alloc-length' argument exceeds maximum limit(${ALLOC_LEN})\n`);
        o.allocLen = n;
        break;
      }
      case 'batch-file':
        return syntaxError("mpathpersist: --batch-file is not available in the lab console\n  run one mpathpersist command per line instead\n");
      case 'transport-id':
        return syntaxError("mpathpersist: --transport-id is not simulated\n  register each path from its own node instead\n");
    }
  }
  const [first, ...extra] = res.operands;
  if (first !== undefined && device === null) device = first;
  else if (first !== undefined) extra.unshift(first);
  if (extra.length > 0) return syntax(extra.map((e) => `Unexpected extra argument: ${e}\n`).join(''));
  if (wantIn === wantOut) return syntax("choose either '--in' or '--out' \n");
  if (wantOut) {
    o.prIn = false;
    if (numProut !== 1 || numPrin !== 0) return syntax(' For Persistent Reserve Out only one appropriate\n service action must be chosen \n');
  } else {
    if (numProut > 0) return syntax(" When a service action for Persistent Reserve Out is chosen the\n '--out' option must be given \n");
    if (numPrin === 0) return syntax(' No service action given for Persistent Reserve IN\n');
    if (numPrin > 1) return syntax(' Too many service actions given; choose one only\n');
  }
  const needsType = [PR_OUT.RESERVE, PR_OUT.RELEASE, PR_OUT.PREEMPT, PR_OUT.PREEMPT_AND_ABORT] as number[];
  if (!o.prIn && needsType.includes(o.proutSa) && o.type === 0) o.warnings.push('Warning: --prout-type probably needs to be given\n');
  device ??= ctx.defaultDevice ?? null;
  if (device === null) return syntax('No device name given \n');

  const found = lookupDevice(device, ctx);
  if (!found.ok) {
    return { ok: false, exit: MPATH_PR.FILE_ERROR, stderr: `${device}: error opening file (rw) fd=-1\n  mpathpersist works on the multipath device ${MPATH_DEVICE}\n` };
  }
  if (found.device.kind !== 'mpath') {
    return {
      ok: false,
      exit: MPATH_PR.DMMP_ERROR,
      stderr: `${device}: not a multipath device\n  mpathpersist works on ${MPATH_DEVICE}; use sg_persist for one path (${device})\n${o.prIn ? 'Persistent Reserve IN command failed\n' : ''}`,
    };
  }
  const up = found.device.upPaths;
  o.skipped = ctx.paths.map((p) => p.path).filter((p) => !up.includes(p));
  if (up.length === 0) {
    return { ok: false, exit: MPATH_PR.DMMP_ERROR, stderr: `mpatha: no path available\n${o.prIn ? 'Persistent Reserve IN command failed\n' : 'PR out: command failed\n'}` };
  }
  const plan: CommandPlan = { tool: 'mpathpersist', line, device, options: o, requests: buildRequests(o, up) };
  return { ok: true, plan };
}

/** One path's command followed by its UNIT ATTENTION retries; returns the chain's indexes. */
function pushChain(requests: PlannedRequest[], base: CdbRequest): number[] {
  const chain = [requests.length];
  requests.push(base);
  for (let k = 0; k < UA_RETRIES; k++) {
    chain.push(requests.length);
    requests.push({ ...base, gate: { kind: 'lastUnitAttention' } });
  }
  return chain;
}

function buildRequests(o: MpathpersistOptions, up: number[]): PlannedRequest[] {
  const requests: PlannedRequest[] = [];
  if (o.prIn) {
    up.forEach((path, k) => {
      const base: CdbRequest = { kind: 'cdb', path, cdb: buildPrInCdb(o.prinSa, o.allocLen), allocationLength: o.allocLen, role: 'main' };
      if (k > 0) base.gate = { kind: 'lastFailed' };
      pushChain(requests, base);
    });
    return requests;
  }
  const params = buildPrOutParams({ key: o.rk, saKey: o.sark, aptpl: o.aptpl, allTgPt: o.allTgPt });
  const cdb = buildPrOutCdb(o.proutSa, { type: o.type, parameterListLength: params.length });
  const onPath = (path: number): CdbRequest => ({ kind: 'cdb', path, cdb, dataOut: params, role: 'main' });
  const register = o.proutSa === PR_OUT.REGISTER || o.proutSa === PR_OUT.REGISTER_AND_IGNORE_EXISTING_KEY;
  if (register || o.proutSa === PR_OUT.RELEASE) {
    const chains = up.map((path) => pushChain(requests, onPath(path)));
    if (o.proutSa === PR_OUT.REGISTER && o.sark !== '0x0') {
      // Rollback: move the paths that took the new key back to "unregistered" (key -> 0).
      const undo = buildPrOutParams({ key: o.sark, saKey: '0x0', aptpl: o.aptpl, allTgPt: o.allTgPt });
      up.forEach((path, k) => {
        requests.push({ kind: 'cdb', path, cdb: buildPrOutCdb(PR_OUT.REGISTER, { type: o.type, parameterListLength: undo.length }), dataOut: undo, role: 'rollback', gate: { kind: 'rollback', of: chains[k]!, group: chains } });
      });
    }
    return requests;
  }
  pushChain(requests, onPath(up[0]!));
  return requests;
}

/** mpath_pr_ioctl.c mpath_translate_response(): a response as an MPATH_PR_* code. */
export function mpathStatus(r: ConsoleResponse): number {
  switch (r.status) {
    case 'GOOD':
      return MPATH_PR.SUCCESS;
    case 'RESERVATION_CONFLICT':
      return MPATH_PR.RESERV_CONFLICT;
    case 'TIMEOUT':
      return MPATH_PR.OTHER;
    case 'CHECK_CONDITION': {
      const s = r.sense;
      if (!s) return MPATH_PR.OTHER;
      const byKey: Record<number, number> = {
        0x0: MPATH_PR.NO_SENSE, 0x2: MPATH_PR.SENSE_NOT_READY, 0x3: MPATH_PR.SENSE_MEDIUM_ERROR, 0x4: MPATH_PR.SENSE_HARDWARE_ERROR,
        0x6: MPATH_PR.SENSE_UNIT_ATTENTION, 0xb: MPATH_PR.SENSE_ABORTED_COMMAND,
      };
      if (s.key === 0x5) return s.asc === 0x20 ? MPATH_PR.SENSE_INVALID_OP : MPATH_PR.ILLEGAL_REQ;
      return byKey[s.key] ?? MPATH_PR.OTHER;
    }
  }
}

function readKeysText(buf: readonly number[]): string {
  const { generation, keys } = decodeReadKeys(buf);
  const out = `  PR generation=0x${generation.toString(16)}, `;
  if (keys.length === 0) return `${out}\t0 registered reservation key.\n`;
  const head = keys.length === 1 ? '\t1 registered reservation key follows:\n' : `\t${keys.length} registered reservation keys follow:\n`;
  return out + head + keys.map((k) => `    ${k}\n`).join('');
}

function readReservationText(buf: readonly number[]): string {
  const { generation, reservation: r } = decodeReadReservation(buf);
  if (r === null) return `  PR generation=0x${generation.toString(16)}, there is NO reservation held \n`;
  const type = PR_TYPE_TEXT[r.type];
  return (
    `  PR generation=0x${generation.toString(16)}, Reservation follows:\n   Key = ${r.key}\n` +
    (r.scope === 0 ? `  scope = LU_SCOPE, type = ${type}` : `  scope = ${r.scope}, type = ${type}`) +
    '\n'
  );
}

function reportCapabilitiesText(buf: readonly number[]): string {
  const f0 = buf[2] ?? 0;
  const f1 = buf[3] ?? 0;
  const bit = (v: number, m: number): number => ((v & m) !== 0 ? 1 : 0);
  let out = 'Report capabilities response:\n';
  out += `  Compatible Reservation Handling(CRH): ${bit(f0, 0x10)}\n`;
  out += `  Specify Initiator Ports Capable(SIP_C): ${bit(f0, 0x8)}\n`;
  out += `  All Target Ports Capable(ATP_C): ${bit(f0, 0x4)}\n`;
  // mpathpersist tests the whole flags byte here, not just PTPL_C (bit 0).
  out += `  Persist Through Power Loss Capable(PTPL_C): ${f0 !== 0 ? 1 : 0}\n`;
  out += `  Type Mask Valid(TMV): ${bit(f1, 0x80)}\n`;
  out += `  Allow Commands: ${((f1 >> 4) & 0x7) !== 0 ? 1 : 0}\n`;
  out += `  Persist Through Power Loss Active(PTPL_A): ${bit(f1, 0x1)}\n`;
  if (f1 & 0x80) {
    const b4 = buf[4] ?? 0;
    const b5 = buf[5] ?? 0;
    out += '    Support indicated in Type mask:\n';
    out += `      ${PR_TYPE_TEXT[7]}: ${bit(b4, 0x80)}\n`;
    out += `      ${PR_TYPE_TEXT[6]}: ${bit(b4, 0x40)}\n`;
    out += `      ${PR_TYPE_TEXT[5]}: ${bit(b4, 0x20)}\n`;
    out += `      ${PR_TYPE_TEXT[3]}: ${bit(b4, 0x8)}\n`;
    out += `      ${PR_TYPE_TEXT[1]}: ${bit(b4, 0x2)}\n`;
    out += `      ${PR_TYPE_TEXT[8]}: ${bit(b5, 0x1)}\n`;
  }
  return out;
}

function readFullStatusText(buf: readonly number[]): string {
  const { generation, descriptors } = decodeReadFullStatus(buf);
  let out = `  PR generation=0x${generation.toString(16)} \n`;
  for (const d of descriptors) {
    out += `   Key = ${d.key}\n`;
    if (d.allTgPt) out += '      All target ports bit set\n';
    else out += `      All target ports bit clear\n      Relative port address: 0x${d.relativeTargetPort.toString(16)}\n`;
    if (d.holder) out += `      << Reservation holder >>\n${d.scope === 0 ? '      scope: LU_SCOPE, ' : `      scope: ${d.scope} `} type: ${PR_TYPE_TEXT[d.type]}\n`;
    else out += '      not reservation holder\n';
    if (d.protocolId === 5 && d.initiatorPort !== null) {
      out += d.transportIdFormat === 0 ? `   iSCSI name: ${d.initiatorPort}\n` : `   iSCSI world wide unique port id: ${d.initiatorPort}\n`;
    }
  }
  return out;
}

export function formatMpathpersist(plan: CommandPlan, sent: readonly SentRequest[]): ConsoleOutput {
  const o = plan.options as MpathpersistOptions;
  const w = new Output();
  if (o.help) return w.err(mpathpersistUsage()).done(MPATH_PR.SUCCESS);
  for (const warning of o.warnings) w.err(warning);
  if (o.loglevel >= 1) for (const p of o.skipped) w.err(`mpatha: ${pathDevice(p).slice(5)} path not up. Skip\n`);
  for (const [k, s] of sent.entries()) {
    const dev = pathDevice(s.request.path).slice(5);
    const isRetry = s.request.kind === 'cdb' && s.request.gate?.kind === 'lastUnitAttention';
    if (isRetry && o.loglevel >= 2) w.err(`${dev}: retrying for Unit Attention. Remaining retries = ${UA_RETRIES - countRetriesBefore(sent, k)}\n`);
    else if (!isRetry && o.loglevel >= 3) w.err(`mpatha: sending pr ${o.prIn ? 'in' : 'out'} command to ${dev}\n`);
  }
  if (sent.length === 0) return w.done(MPATH_PR.SUCCESS);

  if (o.prIn) {
    const last = sent[sent.length - 1]!;
    const status = mpathStatus(last.response);
    if (status !== MPATH_PR.SUCCESS) return w.err('Persistent Reserve IN command failed\n').done(status);
    const buf = dataIn(last.response);
    const text =
      o.prinSa === PR_IN.READ_KEYS ? readKeysText(buf)
        : o.prinSa === PR_IN.READ_RESERVATION ? readReservationText(buf)
          : o.prinSa === PR_IN.REPORT_CAPABILITIES ? reportCapabilitiesText(buf)
            : readFullStatusText(buf);
    return w.out(text).done(MPATH_PR.SUCCESS);
  }

  const status = proutStatus(plan, sent);
  if (status !== MPATH_PR.SUCCESS) {
    if (status === MPATH_PR.SENSE_UNIT_ATTENTION) w.out('persistent reserve out: scsi status: Unit Attention\n');
    if (status === MPATH_PR.RESERV_CONFLICT) w.out('persistent reserve out: scsi status: Reservation Conflict\n');
    w.out('PR out: command failed\n');
  }
  return w.done(status);
}

function countRetriesBefore(sent: readonly SentRequest[], k: number): number {
  let n = 0;
  for (let i = k; i >= 0 && sent[i]!.request.kind === 'cdb' && (sent[i]!.request as CdbRequest).gate?.kind === 'lastUnitAttention'; i--) n++;
  return n;
}

/** The outcome libmpathpersist reports for a PR OUT, from each path's final answer. */
function proutStatus(plan: CommandPlan, sent: readonly SentRequest[]): number {
  const chains: number[][] = [];
  plan.requests.forEach((r, index) => {
    if (r.role !== 'main') return;
    if (r.gate?.kind === 'lastUnitAttention') chains[chains.length - 1]!.push(index);
    else chains.push([index]);
  });
  const outcomes = chains.map((chain) => {
    const last = [...sent].reverse().find((s) => chain.includes(s.index));
    return last ? mpathStatus(last.response) : MPATH_PR.SUCCESS;
  });
  // mpath_prout_reg()/mpath_prout_rel(): a conflict on any path wins; otherwise the first failure.
  if (outcomes.includes(MPATH_PR.RESERV_CONFLICT)) return MPATH_PR.RESERV_CONFLICT;
  return outcomes.find((s) => s !== MPATH_PR.SUCCESS) ?? MPATH_PR.SUCCESS;
}

