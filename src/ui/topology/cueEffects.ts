// One-shot effects from the view's cues (notable trace entries of the last few seconds): where
// each is drawn, what it says, and which ones are on screen at a given virtual time.
//
// Flashing (WCAG 2.3.1): an effect is a small badge that fades in once and fades out; it never
// blinks. At one place a new effect may replace the previous one at most every
// max(400 ms, 350 ms × speed) of virtual time, i.e. under 3 times per wall-clock second at any
// playback speed. Everything is a function of (cues, now, speed), so scrubbing redraws exactly.

import type { TraceEntry } from '../../engine';
import type { IconName } from './icons';

export type EffectPlace = { kind: 'node'; node: string } | { kind: 'lun' } | { kind: 'chip'; nexus: string } | { kind: 'hba'; nexus: string };

export type Tone = 'danger' | 'warn' | 'ok' | 'info';

export interface EffectSpec {
  place: EffectPlace;
  icon: IconName;
  text: string;
  tone: Tone;
}

export interface Effect extends EffectSpec {
  key: string;
  t: number;
  /** 0 when it appears, 1 when it is gone. */
  age: number;
}

/** Cues stay in the view for 3 s (CUE_WINDOW_MS in the projection); effects end before that. */
const EFFECT_MAX_MS = 2800;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** What a cue looks like, or null for cues the diagram does not draw. */
export function effectSpec(cue: TraceEntry): EffectSpec | null {
  const d = cue.data ?? {};
  const node = cue.node;
  switch (cue.kind) {
    case 'FENCE.POWER_OFF':
      return node ? { place: { kind: 'node', node }, icon: 'power', text: 'Fenced: power off', tone: 'danger' } : null;
    case 'FENCE.REQUESTED': {
      const victim = str(d.victim);
      return victim ? { place: { kind: 'node', node: victim }, icon: 'bolt', text: `${node ?? 'A peer'} asks to fence it`, tone: 'warn' } : null;
    }
    case 'NODE.REBOOT':
      return node ? { place: { kind: 'node', node }, icon: 'reboot', text: 'Rebooting', tone: 'warn' } : null;
    case 'CLUSTER.FENCED':
      return node ? { place: { kind: 'node', node }, icon: 'noentry', text: 'Fenced from storage', tone: 'danger' } : null;
    case 'CLUSTER.INQUORATE':
      return node ? { place: { kind: 'node', node }, icon: 'alert', text: 'No quorum', tone: 'warn' } : null;
    case 'HEARTBEAT.LOST':
      return node ? { place: { kind: 'node', node }, icon: 'alert', text: `Lost ${str(d.peer) ?? 'a peer'}`, tone: 'warn' } : null;
    case 'APP.MOUNT':
      return node ? { place: { kind: 'node', node }, icon: 'disk', text: 'Mounts the file system', tone: 'info' } : null;
    case 'SCSI.NO_PATH':
      return node ? { place: { kind: 'node', node }, icon: 'cross', text: 'No path left', tone: 'danger' } : null;
    case 'SCSI.RESET': {
      const scope = str(d.scope);
      const what = scope === 'bus' ? 'Bus reset' : scope === 'target' ? 'Target reset' : 'LUN reset';
      return { place: { kind: 'lun' }, icon: 'reset', text: `${what} from ${str(d.nexus) ?? '?'}`, tone: 'warn' };
    }
    case 'LUN.POWER_ON':
      return { place: { kind: 'lun' }, icon: 'power', text: 'Array power-cycled', tone: 'warn' };
    case 'FENCE_SCSI.FENCE_START': {
      const victim = /will fence (\S+)/.exec(cue.summary)?.[1];
      return { place: { kind: 'lun' }, icon: 'bolt', text: victim ? `Preempting ${victim}'s key` : 'Preempting a key', tone: 'warn' };
    }
    case 'FENCE_SCSI.FENCED': {
      const victim = str(d.victim) ?? /^(\S+) is fenced/.exec(cue.summary)?.[1];
      return victim ? { place: { kind: 'lun' }, icon: 'key', text: `${victim}'s key removed`, tone: 'danger' } : null;
    }
    case 'INTEGRITY.CORRUPTING_WRITE':
      return { place: { kind: 'lun' }, icon: 'skull', text: `Corrupting write by ${node ?? '?'}${typeof d.lba === 'number' ? ` (LBA ${d.lba})` : ''}`, tone: 'danger' };
    case 'SCSI.EXEC': {
      const nexus = str(d.nexus);
      return d.status === 'RESERVATION_CONFLICT' && nexus ? { place: { kind: 'chip', nexus }, icon: 'noentry', text: 'CONFLICT', tone: 'danger' } : null;
    }
    case 'SCSI.ABORTED': {
      const nexus = str(d.nexus);
      return nexus ? { place: { kind: 'chip', nexus }, icon: 'cross', text: 'Aborted', tone: 'warn' } : null;
    }
    case 'MPATH.PATH_FAILED':
      return node && typeof d.path === 'number' ? { place: { kind: 'hba', nexus: `${node}.${d.path}` }, icon: 'cross', text: 'Path failed', tone: 'warn' } : null;
    case 'MPATH.PATH_REINSTATED':
      return node && typeof d.path === 'number' ? { place: { kind: 'hba', nexus: `${node}.${d.path}` }, icon: 'check', text: 'Reinstated', tone: 'ok' } : null;
    default:
      return null;
  }
}

export const placeKey = (p: EffectPlace): string => (p.kind === 'node' ? `node:${p.node}` : p.kind === 'lun' ? 'lun' : `${p.kind}:${p.nexus}`);

/** How long an effect stays (virtual ms) at a playback speed: about a second of wall time. */
export const effectDuration = (speed: number): number => Math.min(EFFECT_MAX_MS, Math.max(1400, 900 * speed));

/** Closest two effects may start at one place (virtual ms): under 3 a second of wall time. */
export const effectGap = (speed: number): number => Math.max(400, 350 * speed);

/** The effects on screen at `now`: at most one per place, the latest that was allowed to start. */
export function pickEffects(cues: readonly TraceEntry[], now: number, speed: number): Effect[] {
  const duration = effectDuration(speed);
  const gap = effectGap(speed);
  const latest = new Map<string, Effect>();
  const started = new Map<string, number>();
  const inOrder = [...cues].sort((a, b) => a.t - b.t || a.id - b.id);
  for (const cue of inOrder) {
    if (cue.t > now) continue;
    const spec = effectSpec(cue);
    if (!spec) continue;
    const place = placeKey(spec.place);
    const last = started.get(place);
    if (last !== undefined && cue.t - last < gap) continue;
    started.set(place, cue.t);
    // The same news again while its badge is still up keeps that badge (no fade out and in).
    const prev = latest.get(place);
    const key = prev && prev.text === spec.text && cue.t - prev.t < duration ? prev.key : `cue-${cue.id}`;
    latest.set(place, { ...spec, key, t: cue.t, age: (now - cue.t) / duration });
  }
  return [...latest.values()].filter((e) => e.age < 1);
}
