// sg_turs (sg3_utils): TEST UNIT READY, once or --number times. Silent when the device is ready;
// otherwise prints the result category on stdout (sg_turs.c loop_turs()), the sense data of the
// first failure on stderr, and exits with the category.

import type { OptionSpec } from './argv';
import { commandStr, parseSgNum } from './hex';
import { Output } from './output';
import { categoryOf, categoryText, EXIT, noisySense, timeoutText } from './scsiText';
import type { SentRequest } from './sequence';
import { count, getoptOrError, noPathError, pathFor, resolveDevice, syntaxError } from './toolkit';
import type { CdbRequest, ConsoleContext, ConsoleOutput, CommandPlan, ParseResult, PlannedRequest } from './types';
import { buildTestUnitReadyCdb } from '../lun';

const PROG = 'sg_turs';
const LEADIN = 'Test unit ready';
const MAX_NUMBER = 100;

export const SG_TURS_OPTIONS: readonly OptionSpec[] = [
  { id: 'help', long: ['help'], short: 'h', arg: false },
  { id: 'number', long: ['number', 'num'], short: 'n', arg: true },
  { id: 'verbose', long: ['verbose'], short: 'v', arg: false },
  { id: 'version', long: ['version'], short: 'V', arg: false },
];

export interface SgTursOptions {
  [key: string]: unknown;
  help: boolean;
  version: boolean;
  verbose: number;
  number: number;
}

export function sgTursUsage(): string {
  return (
    'Usage: sg_turs [--help] [--number=NUM] [--verbose] [--version] DEVICE\n' +
    '  where:\n' +
    '    --help|-h              show this help and exit\n' +
    '    --number=NUM|-n NUM    send NUM TEST UNIT READY commands (default 1)\n' +
    '    --verbose|-v           show each CDB (repeat for more detail)\n' +
    '    --version|-V           show the version and exit\n\n' +
    'Sends SCSI TEST UNIT READY (TUR) to DEVICE. Nothing is printed when the\n' +
    'LUN is ready; otherwise the reason, and the exit status says which.\n'
  );
}

export function parseSgTurs(args: readonly string[], ctx: ConsoleContext, line: string): ParseResult {
  const res = getoptOrError(PROG, args, SG_TURS_OPTIONS, "Run 'sg_turs --help' for the options.");
  if (!res.ok) return syntaxError(res.error);
  const o: SgTursOptions = { help: false, version: false, verbose: count(res.options, 'verbose'), number: 1 };
  for (const { id, value = '' } of res.options) {
    if (id === 'help') o.help = true;
    if (id === 'version') o.version = true;
    if (id === 'number') {
      const n = parseSgNum(value);
      if (n < 0) return syntaxError(`bad argument to '--number='\n  NUM is how many TEST UNIT READY commands to send, e.g. -n 3\n${sgTursUsage()}`);
      if (n > MAX_NUMBER) return syntaxError(`bad argument to '--number='\n  the lab sends at most ${MAX_NUMBER} commands per run\n`);
      o.number = n;
    }
  }
  const [device = null, ...extra] = res.operands;
  if (extra.length > 0) return syntaxError(`${extra.map((e) => `Unexpected extra argument: ${e}\n`).join('')}${sgTursUsage()}`);
  if (o.help || o.version) return { ok: true, plan: { tool: 'sg_turs', line, device, options: o, requests: [] } };
  const dev = resolveDevice(device, ctx, `No DEVICE argument given\n${sgTursUsage()}`, 'main: error opening file: ');
  if (!dev.ok) return dev.result;
  const path = pathFor(dev.device);
  if (path === null) return noPathError(PROG, dev.name);
  const requests: PlannedRequest[] = [];
  for (let k = 0; k < o.number; k++) requests.push({ kind: 'cdb', path, cdb: buildTestUnitReadyCdb(), role: 'main' });
  const plan: CommandPlan = { tool: 'sg_turs', line, device: dev.name, options: o, requests };
  return { ok: true, plan };
}

export function formatSgTurs(plan: CommandPlan, sent: readonly SentRequest[]): ConsoleOutput {
  const o = plan.options as SgTursOptions;
  const w = new Output();
  if (o.help) return w.out(sgTursUsage()).done(EXIT.OK);
  if (o.version) return w.err('Version string: 3.58 20260528\n').done(EXIT.OK);
  let errors = 0;
  let ret = EXIT.OK as number;
  let reported = false;
  for (const [k, s] of sent.entries()) {
    if (o.verbose) w.err(`    ${LEADIN} cdb: ${commandStr((s.request as CdbRequest).cdb)}\n`);
    const r = s.response;
    if (r.status === 'GOOD') continue;
    errors++;
    const category = categoryOf(r);
    ret = category;
    // The first TUR is sent "noisy": its sense data is decoded on stderr (a unit attention is
    // expected there, so sg_turs says so rather than stopping).
    if (r.status === 'TIMEOUT') w.err(timeoutText(LEADIN));
    else if (k === 0 || o.verbose) w.err(noisySense(LEADIN, r, o.verbose));
    // sg_turs.c 3.5x loop_turs(): with one TUR, NOT READY prints "device not ready" and goes on
    // (so the "Completed ..." summary follows); any other failure prints its category and stops
    // the summary.
    if (o.number === 1) {
      if (category === EXIT.NOT_READY) w.out('device not ready\n');
      else {
        w.out(`${categoryText(category, o.verbose)}\n`);
        reported = true;
      }
    }
  }
  // sg_turs.c main(): always "commands" and "errors", whatever the counts.
  if ((o.number > 1 || errors > 0) && !reported) w.out(`Completed ${o.number} Test Unit Ready commands with ${errors} errors\n`);
  return w.done(o.number === 1 ? ret : EXIT.OK);
}
