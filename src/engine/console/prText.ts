// PERSISTENT RESERVE IN data as sg_persist prints it (sg_persist.c prin_work(), sg_lib.c
// sg_decode_transportid_str()), read straight from the data-in bytes the way the tool does: the
// ADDITIONAL LENGTH decides how many keys or descriptors it walks, whatever the buffer holds.

import { readAsciiZ, readBe16, readBe32 } from '../lun/bytes';
import { keyFromBytes } from '../lun/keys';
import { PR_IN } from '../lun/opcodes';
import { hexDump } from './hex';

/** sg_persist's pr_type_strs[]. */
export const PR_TYPE_TEXT = [
  'obsolete [0]',
  'Write Exclusive',
  'obsolete [2]',
  'Exclusive Access',
  'obsolete [4]',
  'Write Exclusive, registrants only',
  'Exclusive Access, registrants only',
  'Write Exclusive, all registrants',
  'Exclusive Access, all registrants',
  'obsolete [9]', 'obsolete [0xa]', 'obsolete [0xb]', 'obsolete [0xc]', 'obsolete [0xd]', 'obsolete [0xe]', 'obsolete [0xf]',
];

export const PRIN_SA_TEXT = ['Read keys', 'Read reservation', 'Report capabilities', 'Read full status'];

export const PROUT_SA_TEXT = [
  'Register',
  'Reserve',
  'Release',
  'Clear',
  'Preempt',
  'Preempt and abort',
  'Register and ignore existing key',
  'Register and move',
  'Replace lost reservation',
];

/** The tool's view of its buffer: `size` bytes, zero beyond what the device returned. */
export function buffer(data: readonly number[], size: number): number[] {
  const out = new Array<number>(size).fill(0);
  for (let i = 0; i < Math.min(size, data.length); i++) out[i] = data[i]!;
  return out;
}

/** Keys print as "0x%" PRIx64: lower-case, no leading zeros. */
const keyAt = (buf: readonly number[], offset: number): string => keyFromBytes(buf, offset);

function scopeType(prefix: string, byte: number): string {
  const scope = (byte >> 4) & 0xf;
  const scopeText = scope === 0 ? `${prefix}scope: LU_SCOPE, ` : `${prefix}scope: ${scope} `;
  return `${scopeText} type: ${PR_TYPE_TEXT[byte & 0xf]}\n`;
}

export function reportCapabilitiesText(buf: readonly number[]): string {
  const b2 = buf[2] ?? 0;
  const b3 = buf[3] ?? 0;
  const b4 = buf[4] ?? 0;
  const b5 = buf[5] ?? 0;
  const bit = (v: number, m: number): number => ((v & m) !== 0 ? 1 : 0);
  let out = 'Report capabilities response:\n';
  out += `  Replace Lost Reservation Capable(RLR_C): ${bit(b2, 0x80)}\n`;
  out += `  Compatible Reservation Handling(CRH): ${bit(b2, 0x10)}\n`;
  out += `  Specify Initiator Ports Capable(SIP_C): ${bit(b2, 0x8)}\n`;
  out += `  All Target Ports Capable(ATP_C): ${bit(b2, 0x4)}\n`;
  out += `  Persist Through Power Loss Capable(PTPL_C): ${bit(b2, 0x1)}\n`;
  out += `  Type Mask Valid(TMV): ${bit(b3, 0x80)}\n`;
  out += `  Allow Commands: ${(b3 >> 4) & 0x7}\n`;
  out += `  Persist Through Power Loss Active(PTPL_A): ${bit(b3, 0x1)}\n`;
  if (b3 & 0x80) {
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

/** sg_decode_transportid_str() for the one transport this LUN has, iSCSI (protocol 5h). */
export function transportIdText(lip: string, buf: readonly number[], offset: number, length: number): string {
  let out = length < 24 || length % 4 !== 0 ? `${lip}Transport Id short or not multiple of 4 [length=1024]:\n` : `${lip}Transport Id of initiator:\n`;
  const b0 = buf[offset] ?? 0;
  const format = (b0 >> 6) & 0x3;
  const protocol = b0 & 0xf;
  if (protocol !== 5) return `${out}${lip}  unknown protocol id=0x${protocol.toString(16)}  TPID format=${format}\n`;
  const num = readBe16(buf, offset + 2);
  const name = readAsciiZ(buf, offset + 4, offset + 4 + num);
  if (format === 0) out += `${lip}  iSCSI name: ${name}\n`;
  else if (format === 1) out += `${lip}  iSCSI world wide unique port id: ${name}\n`;
  else out += `${lip}  iSCSI   [Unexpected TPID format: ${format}]\n`;
  return out;
}

/** prin_work() output for READ KEYS, READ RESERVATION, REPORT CAPABILITIES, READ FULL STATUS. */
export function prInText(sa: number, buf: readonly number[], hex: number, allocLen: number, verbose: number): { text: string; malformed: boolean } {
  if (sa === PR_IN.REPORT_CAPABILITIES) {
    if ((buf[1] ?? 0) !== 8) {
      return { text: hex ? hexDump(buf.slice(0, buf[1] ?? 0), 1) : '', malformed: true };
    }
    return { text: hex ? hexDump(buf.slice(0, 8), 1) : reportCapabilitiesText(buf), malformed: false };
  }
  const gen = readBe32(buf, 0);
  const addLen = readBe32(buf, 4);
  const genText = `  PR generation=0x${gen.toString(16)}`;
  if (hex) {
    if (hex > 1) return { text: hexDump(buf.slice(0, addLen + 8), hex === 2 ? 1 : -1), malformed: false };
    let text = `${genText}, `;
    if (addLen <= 0) text += `Additional length=${addLen}\n`;
    if (addLen > allocLen - 8) {
      text += `Additional length too large=${addLen}, truncate\n${hexDump(buf.slice(8, allocLen), 1)}`;
    } else {
      text += `Additional length=${addLen}\n${hexDump(buf.slice(8, 8 + addLen), 1)}`;
    }
    return { text, malformed: false };
  }
  if (sa === PR_IN.READ_KEYS) {
    const num = Math.floor(addLen / 8);
    if (num === 0) return { text: `${genText}, there are NO registered reservation keys\n`, malformed: false };
    let text = `${genText}, ${num === 1 ? '1 registered reservation key follows:' : `${num} registered reservation keys follow:`}\n`;
    for (let k = 0; k < num; k++) text += `    ${keyAt(buf, 8 + k * 8)}\n`;
    return { text, malformed: false };
  }
  if (sa === PR_IN.READ_RESERVATION) {
    if (Math.floor(addLen / 16) === 0) return { text: `${genText}, there is NO reservation held\n`, malformed: false };
    const text = `${genText}, Reservation follows:\n    Key=${keyAt(buf, 8)}\n${scopeType('    ', buf[8 + 13] ?? 0)}`;
    return { text, malformed: false };
  }
  // READ FULL STATUS
  let text = `${genText}\n`;
  if (addLen === 0) {
    text += '  No full status descriptors\n';
    if (verbose) text += '  So there are no registered IT nexuses\n';
  }
  for (let k = 0, off = 8; k < addLen && off + 24 <= buf.length; ) {
    const descLen = readBe32(buf, off + 20);
    const flags = buf[off + 12] ?? 0;
    text += `    Key=${keyAt(buf, off)}\n`;
    if (flags & 0x2) text += '      All target ports bit set\n';
    else text += `      All target ports bit clear\n      Relative port address: 0x${readBe16(buf, off + 18).toString(16)}\n`;
    if (flags & 0x1) text += `      << Reservation holder >>\n${scopeType('      ', buf[off + 13] ?? 0)}`;
    else text += '      not reservation holder\n';
    if (descLen > 0) text += transportIdText('      ', buf, off + 24, descLen);
    k += 24 + descLen;
    off += 24 + descLen;
  }
  return { text, malformed: false };
}
