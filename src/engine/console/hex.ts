// Numbers as the tools read them and hex as sg3_utils prints it (sg_lib.c dStrHexFp and
// sg_get_command_str, re-implemented from their documented layout).

/** A small hex number ("%x" in sscanf), "0x" optional; null unless 1..8 hex digits. */
export function parseHexSmall(text: string): number | null {
  const t = text.trim();
  if (!/^(0[xX])?[0-9a-fA-F]{1,8}$/.test(t)) return null;
  return Number.parseInt(t.replace(/^0[xX]/, ''), 16);
}

/**
 * sg_get_num(): decimal by default, "0x" prefix or "h" suffix for hex, and the multipliers
 * c, w (x2), b (x512), k/K (x1024), kb (x1000), m/M, g/G. Returns -1 when it cannot decode.
 */
export function parseSgNum(text: string): number {
  const t = text.trim();
  if (t === '') return -1;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return Number.parseInt(t.slice(2), 16);
  if (/^[0-9a-fA-F]+[hH]$/.test(t)) return Number.parseInt(t.slice(0, -1), 16);
  const m = /^(\d+)([a-zA-Z]*)$/.exec(t);
  if (!m) return -1;
  const n = Number.parseInt(m[1]!, 10);
  const mult: Record<string, number> = {
    '': 1, c: 1, w: 2, b: 512, k: 1024, kib: 1024, kb: 1000, kd: 1000,
    m: 1048576, mib: 1048576, mb: 1000000, md: 1000000, g: 1073741824, gib: 1073741824, gb: 1000000000,
  };
  const factor = mult[m[2]!.toLowerCase()];
  return factor === undefined ? -1 : n * factor;
}

export const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

/** sg_get_command_str(): "[5f 00 00 00 00 00 00 00 18 00]". */
export function commandStr(cdb: readonly number[]): string {
  return `[${cdb.map(hex2).join(' ')}]`;
}

const isPrint = (c: number): boolean => c >= 0x20 && c < 0x7f;

/**
 * dStrHex(): 16 bytes a line, an extra space after the 8th. `mode` 0: offset at the left and the
 * bytes as ASCII at the right (column 60); 1: offset, no ASCII; -1: bytes only.
 */
export function hexDump(bytes: readonly number[], mode: 0 | 1 | -1): string {
  if (bytes.length === 0) return '';
  let out = '';
  if (mode === -1) {
    for (let start = 0; start < bytes.length; start += 16) {
      const chunk = bytes.slice(start, start + 16);
      const left = chunk.slice(0, 8).map(hex2).join(' ');
      const right = chunk.slice(8).map(hex2).join(' ');
      out += `${right ? `${left}  ${right}` : left}\n`;
    }
    return out;
  }
  for (let start = 0; start < bytes.length; start += 16) {
    const chunk = bytes.slice(start, start + 16);
    const line: string[] = new Array(76).fill(' ');
    write(line, 1, start.toString(16).padStart(2, '0'));
    chunk.forEach((b, k) => {
      const col = 8 + k * 3 + (k >= 8 ? 1 : 0);
      write(line, col, hex2(b));
      line[60 + k] = mode === 0 ? (isPrint(b) ? String.fromCharCode(b) : '.') : ' ';
    });
    let text = line.slice(0, 60 + chunk.length).join('');
    if (mode === 1) text = text.trimEnd();
    out += `${text}\n`;
  }
  return out;
}

function write(line: string[], col: number, text: string): void {
  for (let i = 0; i < text.length; i++) line[col + i] = text[i]!;
}
