// Big-endian fields and ASCII strings in CDBs, parameter lists and data-in buffers. Missing
// bytes read as zero, so a short buffer never throws.

export function readBe16(bytes: readonly number[], offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

export function readBe32(bytes: readonly number[], offset: number): number {
  return (
    (bytes[offset] ?? 0) * 0x1000000 + ((bytes[offset + 1] ?? 0) << 16) + ((bytes[offset + 2] ?? 0) << 8) + (bytes[offset + 3] ?? 0)
  );
}

export function be16(value: number): number[] {
  return [(value >>> 8) & 0xff, value & 0xff];
}

export function be32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** ASCII, left-aligned and padded with spaces to `width` (SPC-4 INQUIRY text fields). */
export function asciiPadded(text: string, width: number): number[] {
  const out = new Array<number>(width).fill(0x20);
  for (let i = 0; i < Math.min(width, text.length); i++) out[i] = text.charCodeAt(i) & 0x7f;
  return out;
}

export function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
}

/** ASCII up to the first NUL (or the end). */
export function readAsciiZ(bytes: readonly number[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to && i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) break;
    out += String.fromCharCode(b);
  }
  return out;
}

/** Bytes as lower-case hex without separators, e.g. [0x0a, 0xff] -> "0aff". */
export function toHex(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += (b & 0xff).toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) out.push(Number.parseInt(hex.slice(i, i + 2), 16));
  return out;
}
