// 8-byte reservation keys as the engine stores them: lower-case hex with "0x" and no leading zeros
// ("0x36830000", key 0 is "0x0"). Strings keep the LUN state JSON-able and structured-clonable
// (no bigint), and compare with ===.

import type { PrKey } from '../model/ids';

const HEX_KEY = /^(0[xX])?[0-9a-fA-F]{1,16}$/;

export const ZERO_KEY = '0x0' as PrKey;

/** Normalises "0x00AB", "ab" or "0xab" to "0xab"; null when not 1..16 hex digits. */
export function parsePrKey(text: string): PrKey | null {
  const t = text.trim();
  if (!HEX_KEY.test(t)) return null;
  const digits = t.replace(/^0[xX]/, '').toLowerCase().replace(/^0+(?=.)/, '');
  return `0x${digits}` as PrKey;
}

/** Like parsePrKey, for keys the program itself wrote; throws a message naming the bad key. */
export function prKey(text: string): PrKey {
  const key = parsePrKey(text);
  if (key === null) throw new Error(`"${text}" is not a reservation key: expected 1 to 16 hex digits, e.g. "0x36830000"`);
  return key;
}

/** The key in bytes[offset .. offset+7] (big-endian, SPC-4 RESERVATION KEY fields). */
export function keyFromBytes(bytes: readonly number[], offset: number): PrKey {
  let digits = '';
  for (let i = 0; i < 8; i++) digits += ((bytes[offset + i] ?? 0) & 0xff).toString(16).padStart(2, '0');
  return prKey(digits);
}

/** The key as the 8 big-endian bytes of a RESERVATION KEY field. */
export function keyToBytes(key: PrKey | string): number[] {
  const digits = prKey(key).slice(2).padStart(16, '0');
  const out: number[] = [];
  for (let i = 0; i < 16; i += 2) out.push(Number.parseInt(digits.slice(i, i + 2), 16));
  return out;
}

export const isZeroKey = (key: PrKey): boolean => key === ZERO_KEY;
