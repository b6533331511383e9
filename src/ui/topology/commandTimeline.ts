// SCSI commands as the diagram draws them, derived from the view and virtual time only (house
// rule 9), so pausing, stepping back and scrubbing redraw them exactly.
//
// Why a visual window: a command's real trip takes ~3 ms of virtual time (1 ms each way plus
// 1 ms in the LUN), far less than one frame at any speed, so its real position would almost
// never be drawn. While playing, each command is therefore drawn during a window that starts at
// its `sentAt` and lasts at least `travelMs` of virtual time (longer if the real trip is longer,
// e.g. queued behind other tasks): the first half carries the request HBA → LUN, the second half
// the answer back with its status. The drawing lags the LUN's state by up to `travelMs/2`; the
// LUN card always shows the true state. Afterwards the result stays at the initiator for
// `lingerMs` so a learner sees "CONFLICT" land. `travelMs` grows with playback speed so a dot
// lasts a few frames at 8× (see `visualTiming`).
//
// While paused (and under reduced motion) nothing travels: each command is drawn where it really
// is — its real phase from the engine (`to-lun`, `at-lun`, `to-node`, `lost`) — as a still
// marker, which is what a learner stepping event by event needs to see.

import type { CommandView, TraceEntry } from '../../engine';

export type Outcome = 'GOOD' | 'CONFLICT' | 'UNIT_ATTENTION' | 'CHECK' | 'TIMEOUT';

export interface VisualTiming {
  /** Minimum virtual time from send to the answer's arrival, as drawn. */
  travelMs: number;
  /** How long a result other than GOOD stays at the initiator. */
  lingerMs: number;
  /** How long a GOOD result stays. */
  goodLingerMs: number;
  /** Commands sent together on one path are drawn this far apart, as a train. */
  staggerMs: number;
}

/** Timing of the drawing for a playback speed (multiples of real time). */
export function visualTiming(speed: number): VisualTiming {
  const s = Math.max(speed, 0.01);
  const travelMs = Math.round(Math.min(Math.max(160 * s, 400), 1600));
  return {
    travelMs,
    lingerMs: Math.round(Math.min(Math.max(700 * s, 1500), 4000)),
    goodLingerMs: Math.round(travelMs * 0.6),
    staggerMs: Math.round(travelMs / 4),
  };
}

export const SCSI_KINDS: ReadonlySet<string> = new Set(['SCSI.SEND', 'SCSI.EXEC', 'SCSI.RESET', 'SCSI.ABORTED', 'SCSI.DONE', 'SCSI.UA_RETRY', 'SCSI.FAILOVER']);

/** How far back the timeline reads the trace: a lost command waits `ioFailMs`, then lingers. */
export const lookbackMs = (timing: VisualTiming, ioFailMs: number): number => ioFailMs + timing.travelMs + timing.lingerMs;

/**
 * The SCSI entries of the trace within `lookback` before `now`, oldest first. Returns the
 * store's own entry objects, so a shallow compare tells whether anything changed.
 */
export function recentScsiEntries(trace: readonly TraceEntry[], now: number, lookback: number): TraceEntry[] {
  const out: TraceEntry[] = [];
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i]!;
    if (e.t > now) continue;
    if (e.t < now - lookback) break;
    if (SCSI_KINDS.has(e.kind)) out.push(e);
  }
  return out.reverse();
}

export type Stage = 'out' | 'lun' | 'back' | 'lost' | 'done';

export interface VisualCommand {
  key: string;
  tag: number;
  nexus: string;
  /** The engine's label, e.g. "PR OUT REGISTER AND IGNORE EXISTING KEY". */
  label: string;
  /** A short label for the diagram, e.g. "REGISTER". */
  short: string;
  stage: Stage;
  /** Travel mode only: 0…1 through the current leg (out: HBA→LUN, back: LUN→HBA). */
  progress: number | null;
  /** Which way it was going (a lost command keeps the direction it was lost in). */
  dir: 'out' | 'back';
  /** Where a lost command stopped: the HBA's cable, the cable into the array port, or in the LUN. */
  stopAt: 'hba' | 'port' | 'lun' | null;
  outcome: Outcome | null;
  /** Lost commands: virtual ms until the initiator gives up. */
  timeoutIn: number | null;
  /** Results: 0 when it lands, 1 when it is gone (for fading). */
  age: number;
}

export interface TimelineInput {
  now: number;
  /** SCSI trace entries, oldest first (see recentScsiEntries). */
  entries: readonly TraceEntry[];
  live: readonly CommandView[];
  paths: readonly { nexus: string; up: boolean; portUp: boolean }[];
  timing: VisualTiming;
  ioFailMs: number;
  /** 'travel' while playing with motion; 'still' when paused or motion is reduced. */
  mode: 'travel' | 'still';
}

interface Rec {
  tag: number;
  nexus: string;
  label: string;
  sentAt: number | null;
  execAt: number | null;
  execStatus: string | null;
  abortedAt: number | null;
  doneAt: number | null;
  outcome: Outcome | null;
  phase: CommandView['phase'] | null;
}

export function toOutcome(status: string | null | undefined): Outcome | null {
  switch (status) {
    case 'GOOD':
      return 'GOOD';
    case 'RESERVATION_CONFLICT':
      return 'CONFLICT';
    case 'CHECK_CONDITION':
      return 'CHECK';
    case 'TIMEOUT':
      return 'TIMEOUT';
    default:
      return null;
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function collect(entries: readonly TraceEntry[], live: readonly CommandView[]): Rec[] {
  const bySend = new Map<number, Rec>();
  const byTag = new Map<number, Rec>();
  const order: Rec[] = [];
  const add = (r: Rec, sendId?: number) => {
    if (sendId !== undefined) bySend.set(sendId, r);
    byTag.set(r.tag, r);
    order.push(r);
  };
  const find = (e: TraceEntry): Rec | undefined => (e.parent !== null ? bySend.get(e.parent) : undefined) ?? byTag.get(num(e.data?.tag) ?? -1);
  for (const e of entries) {
    const d = e.data ?? {};
    switch (e.kind) {
      case 'SCSI.SEND': {
        const tag = num(d.tag);
        if (tag === null) break;
        add({ tag, nexus: str(d.nexus) ?? `${e.node}.${num(d.path)}`, label: str(d.label) ?? '', sentAt: e.t, execAt: null, execStatus: null, abortedAt: null, doneAt: null, outcome: null, phase: null }, e.id);
        break;
      }
      case 'SCSI.EXEC':
      case 'SCSI.RESET': {
        const r = find(e);
        if (!r) break;
        r.execAt = e.t;
        r.execStatus = e.kind === 'SCSI.RESET' ? 'GOOD' : str(d.status);
        break;
      }
      case 'SCSI.ABORTED': {
        const r = byTag.get(num(d.tag) ?? -1);
        if (r) r.abortedAt = e.t;
        break;
      }
      case 'SCSI.DONE':
      case 'SCSI.UA_RETRY':
      case 'SCSI.FAILOVER': {
        let r = find(e);
        const tag = num(d.tag);
        if (!r && e.kind === 'SCSI.DONE' && tag !== null) {
          // Sent before the lookback window (a lost command that waited for its timeout).
          r = { tag, nexus: `${e.node}.${num(d.path)}`, label: str(d.label) ?? '', sentAt: null, execAt: null, execStatus: null, abortedAt: null, doneAt: null, outcome: null, phase: null };
          add(r);
        }
        if (!r) break;
        r.doneAt = e.t;
        r.outcome = e.kind === 'SCSI.UA_RETRY' ? 'UNIT_ATTENTION' : e.kind === 'SCSI.FAILOVER' ? 'TIMEOUT' : toOutcome(str(d.status));
        break;
      }
    }
  }
  for (const c of live) {
    let r = byTag.get(c.tag);
    if (!r) {
      r = { tag: c.tag, nexus: c.nexus, label: c.label, sentAt: c.sentAt, execAt: null, execStatus: null, abortedAt: null, doneAt: null, outcome: null, phase: null };
      add(r);
    }
    r.phase = c.phase;
    if (c.status && r.execStatus === null) r.execStatus = c.status;
  }
  return order;
}

/** Where a lost command is stuck, from the state of its path now. */
function stopOf(r: Rec, paths: TimelineInput['paths']): 'hba' | 'port' | 'lun' {
  if (r.abortedAt !== null) return 'lun';
  const p = paths.find((x) => x.nexus === r.nexus);
  if (p && !p.up) return 'hba';
  if (p && !p.portUp) return 'port';
  return 'lun';
}

function isLost(r: Rec): boolean {
  return r.phase === 'lost' || r.abortedAt !== null || (r.outcome === 'TIMEOUT' && r.phase === null);
}

export function commandTimeline(input: TimelineInput): VisualCommand[] {
  const { now, timing, mode } = input;
  const recs = collect(input.entries, input.live);
  const out: VisualCommand[] = [];
  const lastStart = new Map<string, number>();
  const ordered = [...recs].sort((a, b) => (a.sentAt ?? a.doneAt ?? 0) - (b.sentAt ?? b.doneAt ?? 0) || a.tag - b.tag);
  for (const r of ordered) {
    const base = { key: `cmd-${r.tag}`, tag: r.tag, nexus: r.nexus, label: r.label, short: shortLabel(r.label) };
    const answer = r.outcome ?? toOutcome(r.execStatus);
    if (isLost(r)) {
      const stopAt = stopOf(r, input.paths);
      const dir = r.execStatus !== null && r.abortedAt === null ? 'back' : 'out';
      const giveUpAt = r.doneAt ?? (r.sentAt ?? now) + input.ioFailMs;
      if (now >= giveUpAt) {
        const age = (now - giveUpAt) / timing.lingerMs;
        if (age < 1) out.push({ ...base, stage: 'done', progress: null, dir, stopAt, outcome: 'TIMEOUT', timeoutIn: null, age });
        continue;
      }
      if (r.sentAt === null || now < r.sentAt) continue;
      let progress: number | null = null;
      if (mode === 'travel') {
        const half = timing.travelMs / 2;
        const t = now - r.sentAt;
        // Lost on the way back: it reached the LUN first.
        if (dir === 'back' && t < half) {
          out.push({ ...base, stage: 'out', progress: t / half, dir: 'out', stopAt: null, outcome: null, timeoutIn: null, age: 0 });
          continue;
        }
        progress = Math.min((dir === 'back' ? t - half : t) / half, 1);
      }
      out.push({ ...base, stage: 'lost', progress, dir, stopAt, outcome: dir === 'back' ? answer : null, timeoutIn: giveUpAt - now, age: 0 });
      continue;
    }
    // Still markers don't blink: a GOOD answer stays as long as any other (with writes every
    // second, the next one replaces it), so nothing comes and goes several times a second.
    const linger = answer === 'GOOD' && mode === 'travel' ? timing.goodLingerMs : timing.lingerMs;
    if (mode === 'still') {
      // Where the command really is now.
      if (r.phase === 'to-lun') out.push({ ...base, stage: 'out', progress: null, dir: 'out', stopAt: null, outcome: null, timeoutIn: null, age: 0 });
      else if (r.phase === 'at-lun') out.push({ ...base, stage: 'lun', progress: null, dir: 'out', stopAt: null, outcome: null, timeoutIn: null, age: 0 });
      else if (r.phase === 'to-node') out.push({ ...base, stage: 'back', progress: null, dir: 'back', stopAt: null, outcome: answer, timeoutIn: null, age: 0 });
      else if (r.doneAt !== null && now >= r.doneAt && now - r.doneAt < linger) {
        out.push({ ...base, stage: 'done', progress: null, dir: 'back', stopAt: null, outcome: answer, timeoutIn: null, age: (now - r.doneAt) / linger });
      }
      continue;
    }
    if (r.sentAt === null) continue;
    const half = timing.travelMs / 2;
    const start = Math.max(r.sentAt, (lastStart.get(r.nexus) ?? -Infinity) + timing.staggerMs);
    lastStart.set(r.nexus, start);
    if (now < start) continue;
    const arrive = start + half;
    if (now < arrive) {
      out.push({ ...base, stage: 'out', progress: (now - start) / half, dir: 'out', stopAt: null, outcome: null, timeoutIn: null, age: 0 });
      continue;
    }
    if (r.execAt === null) {
      // Still queued in the LUN's task set (or on its way, if time is frozen right after sending).
      if (r.phase !== null) out.push({ ...base, stage: 'lun', progress: 1, dir: 'out', stopAt: null, outcome: null, timeoutIn: null, age: 0 });
      continue;
    }
    const backStart = Math.max(arrive, r.execAt);
    const backEnd = backStart + Math.max(half, (r.doneAt ?? r.execAt) - r.execAt);
    if (now < backStart) {
      out.push({ ...base, stage: 'lun', progress: 1, dir: 'out', stopAt: null, outcome: null, timeoutIn: null, age: 0 });
    } else if (now < backEnd || (r.doneAt === null && r.phase !== null)) {
      out.push({ ...base, stage: 'back', progress: Math.min((now - backStart) / (backEnd - backStart), 1), dir: 'back', stopAt: null, outcome: answer, timeoutIn: null, age: 0 });
    } else if (now - backEnd < linger) {
      out.push({ ...base, stage: 'done', progress: null, dir: 'back', stopAt: null, outcome: answer, timeoutIn: null, age: (now - backEnd) / linger });
    }
  }
  return out;
}

const SHORT: [RegExp, string][] = [
  [/^PR OUT REGISTER AND IGNORE EXISTING KEY.*/, 'REGISTER & IGNORE'],
  [/^PR OUT REGISTER AND MOVE.*/, 'REGISTER AND MOVE'],
  [/^PR OUT PREEMPT AND ABORT.*/, 'PREEMPT AND ABORT'],
  [/^PR (OUT|IN) /, ''],
  [/^WRITE\(10\) LBA (\d+).*/, 'WRITE $1'],
  [/^READ\(10\) LBA (\d+).*/, 'READ $1'],
  [/^LOGICAL UNIT RESET$/, 'LUN RESET'],
  [/^TEST UNIT READY$/, 'TUR'],
];

/** A short name for a command label, so a dot's tag stays small. */
export function shortLabel(label: string): string {
  let s = label;
  for (const [re, to] of SHORT) s = s.replace(re, to);
  return s.length > 22 ? `${s.slice(0, 21)}…` : s;
}

/** Icon name and words of an outcome: never colour alone. */
export const OUTCOME_TEXT: Record<Outcome, string> = {
  GOOD: 'GOOD',
  CONFLICT: 'CONFLICT',
  UNIT_ATTENTION: 'UNIT ATTENTION',
  CHECK: 'CHECK CONDITION',
  TIMEOUT: 'TIMEOUT',
};
