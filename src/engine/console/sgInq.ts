// sg_inq (sg3_utils): standard INQUIRY decoded field by field (sg_inq.c std_inq_decode()), the
// unit serial number from VPD page 80h, or one VPD page with --page.

import type { OptionSpec } from './argv';
import { commandStr, hexDump, parseSgNum } from './hex';
import { Output } from './output';
import { categoryOf, categoryText, EXIT, exitText, noisySense, timeoutText } from './scsiText';
import type { SentRequest } from './sequence';
import { pdtName } from './sgPersist';
import { count, dataIn, getoptOrError, noPathError, pathFor, resolveDevice, syntaxError } from './toolkit';
import type { CdbRequest, CommandPlan, ConsoleContext, ConsoleOutput, ParseResult, PlannedRequest } from './types';
import { readBe16 } from '../lun/bytes';
import { buildInquiryCdb } from '../lun';

const PROG = 'sg_inq';
const LEADIN = 'inquiry';
const STD_LEN = 36;
const VPD_LEN = 252;

export const SG_INQ_OPTIONS: readonly OptionSpec[] = [
  { id: 'help', long: ['help'], short: 'h', arg: false },
  { id: 'hex', long: ['hex'], short: 'H', arg: false },
  { id: 'page', long: ['page'], short: 'p', arg: true },
  { id: 'verbose', long: ['verbose'], short: 'v', arg: false },
  { id: 'version', long: ['version'], short: 'V', arg: false },
];

const PAGE_ABBREVS: Record<string, number> = { sv: 0x00, sn: 0x80, di: 0x83 };

export interface SgInqOptions {
  [key: string]: unknown;
  help: boolean;
  version: boolean;
  verbose: number;
  hex: number;
  /** VPD page asked for with --page, or null for the standard INQUIRY. */
  page: number | null;
}

export function sgInqUsage(): string {
  return (
    'Usage: sg_inq [--help] [--hex] [--page=PG] [--verbose] [--version] DEVICE\n' +
    '  where:\n' +
    '    --help|-h       print usage message then exit\n' +
    '    --hex|-H        output response in hex\n' +
    "    --page=PG|-p PG    Vital Product Data (VPD) page number or abbreviation:\n" +
    "                       'sv' supported pages (0x0), 'sn' unit serial number (0x80),\n" +
    "                       'di' device identification (0x83)\n" +
    '    --verbose|-v    increase verbosity\n' +
    '    --version|-V    print version string then exit\n\n' +
    'Performs a SCSI INQUIRY command on DEVICE. Without options it decodes the\n' +
    'standard INQUIRY response.\n'
  );
}

export function parseSgInq(args: readonly string[], ctx: ConsoleContext, line: string): ParseResult {
  const res = getoptOrError(PROG, args, SG_INQ_OPTIONS, "Run 'sg_inq --help' for the options.");
  if (!res.ok) return syntaxError(res.error);
  const o: SgInqOptions = { help: false, version: false, verbose: count(res.options, 'verbose'), hex: count(res.options, 'hex'), page: null };
  for (const { id, value = '' } of res.options) {
    if (id === 'help') o.help = true;
    if (id === 'version') o.version = true;
    if (id === 'page') {
      const n = PAGE_ABBREVS[value] ?? parseSgNum(value);
      if (n < 0 || n > 255) return syntaxError(`bad argument to '--page='\n  PG is a page number (e.g. 0x80) or one of: sv, sn, di; got '${value}'\n`);
      o.page = n;
    }
  }
  const [device = null, ...extra] = res.operands;
  if (extra.length > 0) return syntaxError(`${extra.map((e) => `Unexpected extra argument: ${e}\n`).join('')}${sgInqUsage()}`);
  if (o.help || o.version) return { ok: true, plan: { tool: 'sg_inq', line, device, options: o, requests: [] } };
  const dev = resolveDevice(device, ctx, `No DEVICE argument given\n\n${sgInqUsage()}`, 'sg_inq: error opening file: ');
  if (!dev.ok) {
    // sg_inq.c main(): after the open error it goes to err_out, which (without -v) adds
    // sg_if_can2stderr("sg_inq failed: ", ret): "sg_inq failed: No such file or directory".
    const r = dev.result;
    if (!r.ok && r.exit === EXIT.NO_SUCH_FILE && o.verbose === 0) return { ...r, stderr: `${r.stderr}sg_inq failed: No such file or directory\n` };
    return r;
  }
  const path = pathFor(dev.device);
  if (path === null) return noPathError(PROG, dev.name);
  const requests: PlannedRequest[] =
    o.page === null
      ? [
          { kind: 'cdb', path, cdb: buildInquiryCdb({ allocationLength: STD_LEN }), allocationLength: STD_LEN, role: 'main' },
          // fetch_unit_serial_num(): the serial number line comes from VPD page 80h
          { kind: 'cdb', path, cdb: buildInquiryCdb({ evpd: true, page: 0x80, allocationLength: VPD_LEN }), allocationLength: VPD_LEN, role: 'probe', gate: { kind: 'allGood' } },
        ]
      : [{ kind: 'cdb', path, cdb: buildInquiryCdb({ evpd: true, page: o.page, allocationLength: VPD_LEN }), allocationLength: VPD_LEN, role: 'main' }];
  const plan: CommandPlan = { tool: 'sg_inq', line, device: dev.name, options: o, requests };
  return { ok: true, plan };
}

const ANSI_VERSION = ['no conformance claimed', 'SCSI-1', 'SCSI-2', 'SPC', 'SPC-2', 'SPC-3', 'SPC-4', 'SPC-5'];

const text = (d: readonly number[], from: number, len: number): string =>
  Array.from({ length: len }, (_, i) => {
    const c = d[from + i] ?? 0;
    return c === 0x09 ? ' ' : String.fromCharCode(c);
  })
    .join('')
    .replace(/\0.*$/, '');

const bit = (v: number, mask: number): number => ((v & mask) !== 0 ? 1 : 0);

export function standardInquiryText(d: readonly number[], serial: string | null): string {
  const len = (d[4] ?? 0) + 5;
  const pqual = ((d[0] ?? 0) & 0xe0) >> 5;
  const pdt = (d[0] ?? 0) & 0x1f;
  const [, b1 = 0, b2 = 0, b3 = 0, , b5 = 0, b6 = 0, b7 = 0] = d;
  let out = pqual === 0 ? 'standard INQUIRY:\n' : `standard INQUIRY: [PQ indicates LU not accessible via this port]\n`;
  out += `  PQual=${pqual}  PDT=${pdt}  RMB=${bit(b1, 0x80)}  LU_CONG=${bit(b1, 0x40)}  hot_pluggable=${(b1 >> 4) & 0x3}  version=0x${b2.toString(16).padStart(2, '0')}  [${ANSI_VERSION[b2 & 0x7]}]\n`;
  out += `  [AERC=${bit(b3, 0x80)}]  [TrmTsk=${bit(b3, 0x40)}]  NormACA=${bit(b3, 0x20)}  HiSUP=${bit(b3, 0x10)}  Resp_data_format=${b3 & 0x0f}\n`;
  out += `  SCCS=${bit(b5, 0x80)}  ACC=${bit(b5, 0x40)}  TPGS=${(b5 & 0x30) >> 4}  3PC=${bit(b5, 0x08)}  Protect=${bit(b5, 0x01)}  [BQue=${bit(b6, 0x80)}]\n`;
  out += `  EncServ=${bit(b6, 0x40)}  ${b6 & 0x10 ? `MultiP=1 (VS=${bit(b6, 0x20)})` : 'MultiP=0'}  [MChngr=${bit(b6, 0x08)}]  [ACKREQQ=${bit(b6, 0x04)}]  Addr16=${bit(b6, 0x01)}\n`;
  out += `  [RelAdr=${bit(b7, 0x80)}]  WBus16=${bit(b7, 0x20)}  Sync=${bit(b7, 0x10)}  [Linked=${bit(b7, 0x08)}]  [TranDis=${bit(b7, 0x04)}]  CmdQue=${bit(b7, 0x02)}\n`;
  const fetched = Math.min(d.length, STD_LEN);
  out += fetched >= len ? `    length=${len} (0x${len.toString(16)})` : `    length=${len} (0x${len.toString(16)}), but only fetched ${fetched} bytes`;
  const name = pdtName(pdt);
  out += name ? `   Peripheral device type: ${name}\n` : '\n';
  out += ` Vendor identification: ${text(d, 8, 8)}\n`;
  out += ` Product identification: ${text(d, 16, 16)}\n`;
  out += ` Product revision level: ${text(d, 32, 4)}\n`;
  if (serial) out += ` Unit serial number: ${serial}\n`;
  return out;
}

function vpdText(page: number, d: readonly number[]): string {
  const pageLen = readBe16(d, 2);
  if (page === 0x80) return `VPD INQUIRY: Unit serial number page\n  Unit serial number: ${text(d, 4, pageLen)}\n`;
  if (page === 0x00) {
    let out = 'Supported VPD pages:\n';
    for (let k = 0; k < pageLen; k++) {
      const p = d[4 + k] ?? 0;
      const names: Record<number, string> = { 0x00: 'Supported VPD pages', 0x80: 'Unit serial number', 0x83: 'Device identification' };
      out += `  0x${p.toString(16).padStart(2, '0')}\t${names[p] ?? '[unknown]'}\n`;
    }
    return out;
  }
  return `VPD page=0x${page.toString(16)}\n${hexDump(d.slice(0, 4 + pageLen), 0)}`;
}

export function formatSgInq(plan: CommandPlan, sent: readonly SentRequest[]): ConsoleOutput {
  const o = plan.options as SgInqOptions;
  const w = new Output();
  if (o.help) return w.err(sgInqUsage()).done(EXIT.OK);
  if (o.version) return w.err('Version string: 2.43 20260502\n').done(EXIT.OK);
  const main = sent[0];
  if (!main) return w.done(EXIT.OK);
  for (const s of sent) if (o.verbose) w.err(`    ${LEADIN} cdb: ${commandStr((s.request as CdbRequest).cdb)}\n`);
  const r = main.response;
  if (r.status !== 'GOOD') {
    const category = categoryOf(r) || EXIT.OTHER;
    if (r.status === 'TIMEOUT') w.err(timeoutText(LEADIN));
    if (o.page === null) {
      // sg_inq.c std_inq_process(): the standard INQUIRY is sent with noisy=false, so the sense data
      // and "inquiry: failed requesting 36 byte response: <category>" appear only with -v; without
      // -v, main()'s err_out says "sg_inq failed: <exit status text>".
      if (o.verbose > 0) {
        if (r.status !== 'TIMEOUT') w.err(noisySense(LEADIN, r, o.verbose));
        w.err(`    ${LEADIN}: failed requesting ${STD_LEN} byte response: ${categoryText(category, o.verbose)}\n`);
      } else w.err(`sg_inq failed: ${exitText(category)}\n`);
    } else {
      if (r.status !== 'TIMEOUT') w.err(noisySense(LEADIN, r, o.verbose));
      w.err(`fetching VPD page failed: ${categoryText(category, o.verbose)}\n`);
    }
    return w.done(category);
  }
  const d = dataIn(r);
  if (o.hex) return w.out(hexDump(d, o.hex === 1 ? 1 : o.hex === 2 ? 0 : -1)).done(EXIT.OK);
  if (o.page !== null) return w.out(vpdText(o.page, d)).done(EXIT.OK);
  const sn = sent[1];
  let serial: string | null = null;
  if (sn && sn.response.status === 'GOOD') {
    const v = dataIn(sn.response);
    serial = text(v, 4, readBe16(v, 2)).replace(/[^\x20-\x7e]/g, ' ') || null;
  }
  return w.out(standardInquiryText(d, serial)).done(EXIT.OK);
}
