// iSCSI TransportIDs (SPC-4 §7.6.4.6 as quoted by LIO iscsi_get_pr_transport_id(); protocol
// identifier 5h). The lab names initiator ports the iSCSI way, "<iSCSI name>,i,0x<ISID>", so:
//   format 01b (initiator port): byte 0 = 45h, bytes 2-3 ADDITIONAL LENGTH, then the ISCSI NAME,
//     the ",i,0x" SEPARATOR and the ISID in hex, NUL-terminated and NUL-padded;
//   format 00b (initiator device): byte 0 = 05h, then the NUL-terminated ISCSI NAME only.
// ADDITIONAL LENGTH is at least 20 and a multiple of 4 (SPC-4, as quoted in LIO).
// READ FULL STATUS reports format 01b whenever the port name carries an ISID; REGISTER AND MOVE
// accepts both formats (format 00b only when the name picks out exactly one I_T nexus).

import { ascii, be16, readAsciiZ, readBe16 } from './bytes';

export const ISCSI_PROTOCOL_ID = 0x5;
const SEPARATOR = ',i,0x';

export interface TransportId {
  format: 0 | 1;
  /** The iSCSI name (without separator and ISID). */
  name: string;
  /** ISID in hex as written after ",i,0x" (format 01b), null for format 00b. */
  isid: string | null;
}

/** Splits "iqn.x:y,i,0x000000000001" into name and ISID. */
export function parseInitiatorPort(port: string): TransportId {
  const at = port.toLowerCase().indexOf(SEPARATOR);
  if (at < 0) return { format: 0, name: port, isid: null };
  return { format: 1, name: port.slice(0, at), isid: port.slice(at + SEPARATOR.length) };
}

/** The initiator port name a TransportID designates ("name,i,0xISID", or the bare name). */
export const transportIdPort = (tid: TransportId): string => (tid.isid === null ? tid.name : `${tid.name}${SEPARATOR}${tid.isid}`);

/** Encodes an initiator port name as an iSCSI TransportID (format 01b when it has an ISID). */
export function encodeTransportId(initiatorPort: string, format?: 0 | 1): number[] {
  const parsed = parseInitiatorPort(initiatorPort);
  const useFormat = format ?? parsed.format;
  const text = useFormat === 1 ? transportIdPort(parsed) : parsed.name;
  const body = [...ascii(text), 0];
  let length = Math.max(20, body.length);
  length += (4 - (length % 4)) % 4;
  while (body.length < length) body.push(0);
  return [(useFormat << 6) | ISCSI_PROTOCOL_ID, 0, ...be16(length), ...body];
}

export type DecodedTransportId = { ok: true; tid: TransportId; length: number } | { ok: false; problem: string };

/** Decodes the TransportID at `offset`; `limit` is the end of the bytes it may use. */
export function decodeTransportId(bytes: readonly number[], offset: number, limit: number): DecodedTransportId {
  if (limit - offset < 4) return { ok: false, problem: 'the TransportID is shorter than its 4-byte header' };
  const b0 = bytes[offset] ?? 0;
  const protocol = b0 & 0x0f;
  const format = (b0 >> 6) & 0x3;
  if (protocol !== ISCSI_PROTOCOL_ID) {
    return { ok: false, problem: `PROTOCOL IDENTIFIER ${protocol}h is not iSCSI (5h), the only transport of this LUN` };
  }
  if (format !== 0 && format !== 1) return { ok: false, problem: `FORMAT CODE ${format} is not an iSCSI TransportID format (00b or 01b)` };
  const additional = readBe16(bytes, offset + 2);
  const end = offset + 4 + additional;
  if (end > limit) return { ok: false, problem: `ADDITIONAL LENGTH ${additional} runs past the parameter data` };
  const text = readAsciiZ(bytes, offset + 4, end);
  if (text.length === 0) return { ok: false, problem: 'the ISCSI NAME field is empty' };
  const parsed = parseInitiatorPort(text);
  if (format === 1 && parsed.isid === null) {
    return { ok: false, problem: 'format 01b needs "<name>,i,0x<ISID>" but no ",i,0x" separator was found' };
  }
  if (format === 0 && parsed.isid !== null) {
    return { ok: false, problem: 'format 00b carries an iSCSI name only, but a ",i,0x" separator was found' };
  }
  return { ok: true, tid: parsed, length: 4 + additional };
}
