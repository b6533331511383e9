// Small pieces every tool module uses: syntax errors that say what was wrong and what to do,
// device lookup with the tool's own "cannot open" wording, and response helpers.

import { getopt, suggestLong, type GetoptResult, type OptionSpec } from './argv';
import { lookupDevice, openErrorText, type Device } from './devices';
import { EXIT } from './scsiText';
import type { ConsoleContext, ConsoleResponse, ParseResult, ScsiResult } from './types';

export const syntaxError = (stderr: string): ParseResult => ({ ok: false, exit: EXIT.SYNTAX, stderr });

/**
 * getopt_long with a people-friendly failure: glibc's line, a "did you mean" for a misspelled
 * long option, and where to look. (The real tools also print their usage text here; sg_persist
 * then even exits 0. The lab keeps the screen short and exits 1, the syntax-error status.)
 */
export function getoptOrError(prog: string, args: readonly string[], specs: readonly OptionSpec[], helpHint: string): GetoptResult {
  const res = getopt(prog, args, specs);
  if (res.ok) return res;
  let text = `${res.error}\n`;
  const wrong = /unrecognized option '--([^'=]+)/.exec(res.error);
  if (wrong) {
    const guess = suggestLong(specs, wrong[1]!);
    if (guess) text += `  did you mean '--${guess}'?\n`;
  }
  text += `${helpHint}\n`;
  return { ok: false, error: text };
}

export type DeviceResult = { ok: true; name: string; device: Device } | { ok: false; result: ParseResult };

/**
 * Resolves the device operand (or ctx.defaultDevice). `missing` is the tool's message when no
 * device was named; `openPrefix` its prefix for "DEVICE: No such file or directory", or a function
 * giving the whole text before ": No such file or directory" when the tool words it otherwise
 * (sg_persist -n: "error opening file DEVICE (rw)").
 */
export function resolveDevice(
  given: string | null,
  ctx: ConsoleContext,
  missing: string,
  openPrefix: string | ((name: string) => string),
  openExit: number = EXIT.NO_SUCH_FILE,
): DeviceResult {
  const name = given ?? ctx.defaultDevice ?? null;
  if (name === null) return { ok: false, result: syntaxError(missing) };
  const found = lookupDevice(name, ctx);
  if (!found.ok) {
    const head = typeof openPrefix === 'string' ? `${openPrefix}${name}` : openPrefix(name);
    return { ok: false, result: { ok: false, exit: openExit, stderr: openErrorText(head, found.why, ctx) } };
  }
  return { ok: true, name, device: found.device };
}

/**
 * The path an sg3_utils tool's SG_IO goes down: the disk's own path, or for the multipath device
 * the first path multipath considers up (dm-multipath passes SG_IO to its current path).
 * Null when the multipath device has no usable path.
 */
export function pathFor(device: Device): number | null {
  if (device.kind === 'path') return device.path;
  return device.upPaths[0] ?? null;
}

/** The "no active path" failure of an ioctl on a multipath device with every path failed (EIO). */
export function noPathError(prog: string, name: string): ParseResult {
  return {
    ok: false,
    exit: 55,
    stderr: `${prog}: ${name}: Input/output error\n  multipath has no active path left: every path of ${name} is down\n`,
  };
}

export const isResult = (r: ConsoleResponse): r is ScsiResult => r.status !== 'TIMEOUT';

/** Data-in of a response, or nothing. */
export const dataIn = (r: ConsoleResponse | undefined): number[] => (r && isResult(r) ? r.dataIn : []);

/** Counts an option given several times (-v -v, -vv, -hh). */
export const count = (options: readonly { id: string }[], id: string): number => options.filter((o) => o.id === id).length;
