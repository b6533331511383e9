// Device names on a node: like a Linux host whose boot disk is sda, the shared LUN seen through
// path P is the SCSI disk /dev/sd(b+P-1), and dm-multipath joins all of them as
// /dev/mapper/mpatha (also /dev/dm-0).

import type { ConsoleContext } from './types';

export const MPATH_DEVICE = '/dev/mapper/mpatha';
const MPATH_ALIASES = [MPATH_DEVICE, '/dev/dm-0'];

export function pathDevice(path: number): string {
  return `/dev/sd${letters(path)}`;
}

// sd naming: a..z, then aa, ab, ...
function letters(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export type Device = { kind: 'path'; path: number } | { kind: 'mpath'; upPaths: number[] };

export type DeviceLookup = { ok: true; device: Device } | { ok: false; why: 'missing' | 'boot-disk' };

export function lookupDevice(name: string, ctx: ConsoleContext): DeviceLookup {
  if (MPATH_ALIASES.includes(name)) {
    return { ok: true, device: { kind: 'mpath', upPaths: ctx.paths.filter((p) => p.state !== 'down').map((p) => p.path) } };
  }
  for (const p of ctx.paths) {
    if (pathDevice(p.path) === name) return { ok: true, device: { kind: 'path', path: p.path } };
  }
  if (name === '/dev/sda') return { ok: false, why: 'boot-disk' };
  return { ok: false, why: 'missing' };
}

/** One line naming the node's devices, for "no such device" messages. */
export function deviceHint(ctx: ConsoleContext): string {
  const list = ctx.paths.map((p) => `${pathDevice(p.path)} (path ${p.path})`).join(', ');
  return `  node ${ctx.node} has ${list} and ${MPATH_DEVICE} (all paths)\n`;
}

/**
 * The message for a device that cannot be opened, in the tool's own words plus a hint. `head` is
 * the tool's text up to the reason, e.g. "sg_turs: error opening file: /dev/sdq" (main: ...).
 */
export function openErrorText(head: string, why: 'missing' | 'boot-disk', ctx: ConsoleContext): string {
  if (why === 'boot-disk') {
    return `${head}: this is node ${ctx.node}'s local boot disk; the lab only simulates the shared LUN\n${deviceHint(ctx)}`;
  }
  return `${head}: No such file or directory\n${deviceHint(ctx)}`;
}
