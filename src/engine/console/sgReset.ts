// sg_reset (sg3_utils): asks the host's SCSI layer for a task management reset along the path
// of DEVICE (SG_SCSI_RESET ioctl): -d LOGICAL UNIT RESET, -t target reset, -b bus reset. It is not
// a CDB, so the plan holds a { kind: 'reset' } request. Silent unless -v, like sg_reset.c.

import type { OptionSpec } from './argv';
import { Output } from './output';
import { EXIT } from './scsiText';
import type { SentRequest } from './sequence';
import { count, getoptOrError, noPathError, pathFor, resolveDevice, syntaxError } from './toolkit';
import type { CommandPlan, ConsoleContext, ConsoleOutput, ParseResult, ResetRequest } from './types';

const PROG = 'sg_reset';
const ME = 'sg_reset: ';

export const SG_RESET_OPTIONS: readonly OptionSpec[] = [
  { id: 'bus', long: ['bus'], short: 'b', arg: false },
  { id: 'device', long: ['device'], short: 'd', arg: false },
  { id: 'help', long: ['help'], short: 'h', arg: false },
  { id: 'host', long: ['host'], short: 'H', arg: false },
  { id: 'no-esc', long: ['no-esc', 'no-escalate'], short: 'N', arg: false },
  { id: 'target', long: ['target'], short: 't', arg: false },
  { id: 'verbose', long: ['verbose'], short: 'v', arg: false },
  { id: 'version', long: ['version'], short: 'V', arg: false },
];

type Scope = ResetRequest['scope'];

export interface SgResetOptions {
  [key: string]: unknown;
  help: boolean;
  version: boolean;
  verbose: number;
  noEscalate: boolean;
  scope: Scope | null;
}

/** SG_SCSI_RESET values: DEVICE 1, BUS 2, HOST 3, TARGET 4 (+0x100 with --no-esc). */
const IOCTL_VALUE: Record<Scope, number> = { lun: 1, bus: 2, target: 4 };
const WORD: Record<Scope, string> = { lun: 'device', target: 'target', bus: 'bus' };
const ESCALATION: Record<Scope, string> = { lun: '(or target or bus or host) ', target: '(or bus or host) ', bus: '(or host) ' };

export function sgResetUsage(): string {
  return (
    'Usage: sg_reset [--bus] [--device] [--help] [--host] [--no-esc] [--target]\n' +
    '                [--verbose] [--version] DEVICE\n' +
    '  where:\n' +
    '    --device|-d     LOGICAL UNIT RESET of the LUN behind DEVICE\n' +
    '    --target|-t     reset the target (every LUN it presents)\n' +
    '    --bus|-b        reset the bus the target sits on\n' +
    '    --host|-H       reset the host adapter (not simulated in the lab)\n' +
    '    --no-esc|-N     only the reset asked for: no escalation to a wider one\n' +
    '    --verbose|-v    say what is being reset\n' +
    '    --help|-h       show this help and exit\n' +
    '    --version|-V    show the version and exit\n\n' +
    'A task management request through the SG_SCSI_RESET ioctl, not a CDB.\n'
  );
}

export function parseSgReset(args: readonly string[], ctx: ConsoleContext, line: string): ParseResult {
  const res = getoptOrError(PROG, args, SG_RESET_OPTIONS, "Run 'sg_reset --help' for the options.");
  if (!res.ok) return syntaxError(res.error);
  const o: SgResetOptions = { help: false, version: false, verbose: count(res.options, 'verbose'), noEscalate: false, scope: null };
  const kinds = new Set<string>();
  for (const { id } of res.options) {
    if (id === 'help') o.help = true;
    if (id === 'version') o.version = true;
    if (id === 'no-esc') o.noEscalate = true;
    if (id === 'device' || id === 'target' || id === 'bus' || id === 'host') kinds.add(id);
  }
  const [device = null, ...extra] = res.operands;
  if (extra.length > 0) return syntaxError(`${extra.map((e) => `Unexpected extra argument: ${e}\n`).join('')}${sgResetUsage()}`);
  if (o.help || o.version) return { ok: true, plan: { tool: 'sg_reset', line, device, options: o, requests: [] } };
  if (device === null && ctx.defaultDevice === undefined) return syntaxError("Missing DEVICE name. Use '--help' to see usage.\n");
  if (kinds.size > 1) return syntaxError('Can only request one type of reset per invocation\n  pick one of -d (logical unit), -t (target) or -b (bus)\n');
  if (kinds.has('host')) {
    return {
      ok: false,
      exit: 1,
      stderr: `${ME}SG_SCSI_RESET not supported (for value=0x${(o.noEscalate ? 0x103 : 3).toString(16)})\n  the lab simulates -d (logical unit), -t (target) and -b (bus) resets, not an HBA reset\n`,
    };
  }
  const dev = resolveDevice(device, ctx, "Missing DEVICE name. Use '--help' to see usage.\n", `${ME}open error: `, 1);
  if (!dev.ok) return dev.result;
  const path = pathFor(dev.device);
  if (path === null) return noPathError(PROG, dev.name);
  o.scope = kinds.has('device') ? 'lun' : kinds.has('target') ? 'target' : kinds.has('bus') ? 'bus' : null;
  const requests: ResetRequest[] = o.scope ? [{ kind: 'reset', path, scope: o.scope, role: 'main' }] : [];
  const plan: CommandPlan = { tool: 'sg_reset', line, device: dev.name, options: o, requests };
  return { ok: true, plan };
}

export function formatSgReset(plan: CommandPlan, sent: readonly SentRequest[]): ConsoleOutput {
  const o = plan.options as SgResetOptions;
  const w = new Output();
  if (o.help) return w.err(sgResetUsage()).done(EXIT.OK);
  if (o.version) return w.err(`${ME}version: 0.58 20130220\n`).done(EXIT.OK);
  if (o.scope === null) {
    if (o.verbose) w.out(`${ME}did nothing, device is normal mode\n`);
    return w.done(EXIT.OK);
  }
  if (o.verbose) w.out(`${ME}starting ${WORD[o.scope]} reset\n`);
  const s = sent[0];
  if (!s) return w.done(EXIT.OK);
  if (s.response.status !== 'GOOD') {
    // The ioctl fails with EIO when the reset cannot be delivered (the path is down).
    const value = IOCTL_VALUE[o.scope] + (o.noEscalate ? 0x100 : 0);
    w.err(`${ME}reset (for value=0x${value.toString(16)}) may not be available\n`);
    return w.done(1);
  }
  if (o.verbose) w.out(`${ME}completed ${WORD[o.scope]} ${o.noEscalate ? '' : ESCALATION[o.scope]}reset\n`);
  return w.done(EXIT.OK);
}
