// Ladder rows from the trace: each SCSI command as a request (port → LUN) and its answer
// (LUN → port), timeouts and aborts as notes, and optionally the heartbeats between nodes.
// Pure: the diagram and its table twin both render these rows.

import type { InFlight, TraceEntry } from '../../engine';
import { statusWord, type StatusWord } from '../log/status';

/** A lane: an initiator port ("A.1"), the LUN ("LUN"), or a node's heartbeat lane ("node:A"). */
export type LaneId = string;
export const LUN_LANE: LaneId = 'LUN';
export const nodeLane = (node: string): LaneId => `node:${node}`;

export type LadderRowKind = 'request' | 'answer' | 'timeout' | 'note' | 'heartbeat';

export interface LadderRow {
  key: string;
  kind: LadderRowKind;
  t: number;
  step: number;
  from: LaneId;
  /** Equal to `from` for notes and timeouts (drawn at one lane). */
  to: LaneId;
  /** The command ("WRITE(10) LBA 77"), "heartbeat", or the note's words. */
  label: string;
  status: StatusWord | null;
  /** An answer lost on its way back, or a heartbeat that never arrived. */
  lost: boolean;
  /** A heartbeat the sender could not even put on a wire (every link to the peer is down). */
  noLink?: boolean;
  /** A heartbeat still on the wire. */
  inFlight: boolean;
}

/** Entries with `t` in [from, to] and `step` ≤ the current step, oldest first (scans from the end). */
export function ladderWindow(trace: readonly TraceEntry[], step: number, from: number, to: number): TraceEntry[] {
  const out: TraceEntry[] = [];
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i]!;
    if (e.t < from) break;
    if (e.step <= step && e.t <= to) out.push(e);
  }
  return out.reverse();
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export interface LadderOptions {
  heartbeats: boolean;
  /** Heartbeats on the wire now (view.inflight), to tell "in flight" from "lost". */
  inflight?: readonly InFlight[];
  /** Each node's cluster peers: a heartbeat round sent to none of a peer's links is lost too. */
  peers?: Readonly<Record<string, readonly string[]>>;
}

export function buildLadderRows(entries: readonly TraceEntry[], opts: LadderOptions): LadderRow[] {
  // Index what later entries say about earlier ones.
  const execByTag = new Map<number, TraceEntry>();
  const doneByTag = new Map<number, TraceEntry>();
  const uaRetryOf = new Set<number>(); // SEND ids whose answer was a unit attention, retried
  const received = new Set<string>(); // `${sentId}>${receiver}`
  for (const e of entries) {
    const tag = num(e.data?.tag);
    if (e.kind === 'SCSI.EXEC' && tag !== null) execByTag.set(tag, e);
    else if (e.kind === 'SCSI.DONE' && tag !== null) doneByTag.set(tag, e);
    else if (e.kind === 'SCSI.UA_RETRY' && e.parent !== null) uaRetryOf.add(e.parent);
    else if (e.kind === 'HEARTBEAT.RECEIVED' && e.parent !== null && e.node) received.add(`${e.parent}>${e.node}`);
  }
  const sendIdByTag = new Map<number, number>();
  for (const e of entries) if (e.kind === 'SCSI.SEND' && num(e.data?.tag) !== null) sendIdByTag.set(num(e.data?.tag)!, e.id);

  const rows: LadderRow[] = [];
  const row = (e: TraceEntry, kind: LadderRowKind, from: LaneId, to: LaneId, label: string, status: StatusWord | null, extra: Partial<LadderRow> = {}, suffix = ''): void => {
    rows.push({ key: `${e.id}${suffix}`, kind, t: e.t, step: e.step, from, to, label, status, lost: false, inFlight: false, ...extra });
  };
  const lunLabel = (e: TraceEntry, label: string) => (num(e.data?.lun) ? `LUN ${num(e.data?.lun)}: ${label}` : label);

  for (const e of entries) {
    const tag = num(e.data?.tag);
    switch (e.kind) {
      case 'SCSI.SEND':
        row(e, 'request', str(e.data?.nexus), LUN_LANE, lunLabel(e, str(e.data?.label)), null);
        break;
      case 'SCSI.EXEC': {
        const nexus = str(e.data?.nexus);
        const sendId = tag !== null ? sendIdByTag.get(tag) : undefined;
        const ua = sendId !== undefined && uaRetryOf.has(sendId);
        const done = tag !== null ? doneByTag.get(tag) : undefined;
        // The answer left the LUN now; if the initiator later timed out instead, it was lost.
        const lost = done !== undefined && statusWord(done.data?.status) === 'TIMEOUT';
        row(e, 'answer', LUN_LANE, nexus, lunLabel(e, str(e.data?.label)), ua ? 'UNIT ATTENTION' : statusWord(e.data?.status), { lost });
        break;
      }
      case 'SCSI.DONE': {
        const status = statusWord(e.data?.status);
        const nexus = `${e.node ?? '?'}.${num(e.data?.path) ?? '?'}`;
        if (status === 'TIMEOUT') row(e, 'timeout', nexus, nexus, str(e.data?.label), 'TIMEOUT');
        // Task management (resets) answers without an EXEC entry: draw the answer on arrival.
        else if (tag !== null && !execByTag.has(tag)) row(e, 'answer', LUN_LANE, nexus, str(e.data?.label), status);
        break;
      }
      case 'SCSI.ABORTED':
        row(e, 'note', LUN_LANE, LUN_LANE, `aborts the task from ${str(e.data?.nexus)}`, 'ABORTED');
        break;
      case 'SCSI.RESET':
        row(e, 'note', LUN_LANE, LUN_LANE, `${str(e.data?.scope) || 'LU'} reset`, null);
        break;
      case 'HEARTBEAT.SENT': {
        if (!opts.heartbeats || !e.node) break;
        const to = Array.isArray(e.data?.to) ? (e.data.to as readonly string[]) : [];
        // The engine lists only the peers it put a heartbeat on a wire for (none across a cut).
        for (const peer of opts.peers?.[e.node] ?? to) {
          const noLink = !to.includes(peer);
          const got = !noLink && received.has(`${e.id}>${peer}`);
          const inFlight = !noLink && !got && (opts.inflight ?? []).some((m) => m.kind === 'heartbeat' && m.from === e.node && m.to === peer && m.sentAt === e.t);
          row(e, 'heartbeat', nodeLane(e.node), nodeLane(peer), 'heartbeat', null, { lost: !got && !inFlight, inFlight, noLink }, `>${peer}`);
        }
        break;
      }
    }
  }
  return rows;
}

/** The words of a row's result for the table twin and accessible names. */
export function resultText(r: LadderRow): string {
  if (r.kind === 'heartbeat') return r.inFlight ? 'in flight' : r.noLink ? 'lost: no link to the peer' : r.lost ? 'lost' : 'received';
  if (r.kind === 'request') return 'sent';
  if (r.status === null) return '—';
  return r.lost ? `${r.status}, lost on the way back` : r.status;
}
