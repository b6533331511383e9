// When is a beat reached? Pure matching of a beat's condition against trace entries and time.

import type { TraceEntry } from '../model/trace';
import type { BeatWhen } from './types';

/** Friendly event names for scenario authors, each a set of trace kinds (and how to find the node). */
export const BEAT_EVENTS: Record<string, { kinds: string[]; description: string }> = {
  fenced: { kinds: ['FENCE.POWER_OFF', 'CLUSTER.FENCED'], description: 'a node is fenced: powered off by a fence device, or cut off from the LUN (its key preempted)' },
  'key-preempted': { kinds: ['FENCE_SCSI.FENCED'], description: 'a fence_scsi node saw the victim\'s key removed' },
  'membership-lost': { kinds: ['HEARTBEAT.LOST'], description: 'a node removed a peer from its membership view' },
  'membership-joined': { kinds: ['HEARTBEAT.JOINED'], description: 'a node added a peer back to its membership view' },
  mounted: { kinds: ['APP.MOUNT'], description: 'a node mounted the shared file system' },
  unmounted: { kinds: ['APP.UNMOUNT'], description: 'a node unmounted the shared file system' },
  corruption: { kinds: ['INTEGRITY.CORRUPTING_WRITE'], description: 'a write from a superseded mount landed' },
  reset: { kinds: ['SCSI.RESET'], description: 'a LUN, target or bus reset reached the array' },
  rebooted: { kinds: ['NODE.REBOOT'], description: 'a node rebooted itself (watchdog)' },
  booted: { kinds: ['NODE.BOOT'], description: 'a node booted (after a restart, a fence reboot or a watchdog reboot)' },
  'service-stopped': { kinds: ['CLUSTER.FENCED', 'CLUSTER.INQUORATE', 'CLUSTER.STOPPED', 'MSCS.STOPPED', 'WSFC.STOPPED'], description: 'a node stopped its cluster service' },
  'fault-injected': { kinds: [], description: 'any fault was injected (use "fault" to name one)' },
};

export const KNOWN_EVENT_NAMES: readonly string[] = Object.keys(BEAT_EVENTS);

function eventMatches(when: BeatWhen, e: TraceEntry): boolean {
  if (!when.event) return true;
  const alias = BEAT_EVENTS[when.event];
  if (alias) {
    if (when.event === 'fault-injected') return e.category === 'fault' && e.kind.startsWith('FAULT.') && e.kind !== 'FAULT.SKIPPED';
    return alias.kinds.includes(e.kind);
  }
  return e.kind === when.event;
}

function nodeMatches(when: BeatWhen, e: TraceEntry): boolean {
  if (!when.node) return true;
  if (e.node === when.node) return true;
  // A fence names its victim in the data.
  return e.data?.victim === when.node;
}

/** Does this entry satisfy the event-like parts of `when` (event, node, status, console, fault)? */
export function entryMatches(when: BeatWhen, e: TraceEntry): boolean {
  if (when.console) {
    if (e.kind !== 'CONSOLE.EXIT' || e.node !== when.console.node) return false;
    const line = String(e.data?.line ?? '');
    let re: RegExp;
    try {
      re = new RegExp(when.console.matches);
    } catch {
      return false;
    }
    return re.test(line) && (when.console.exit === undefined || e.data?.exit === when.console.exit);
  }
  if (when.fault) return e.kind === `FAULT.${when.fault.toUpperCase().replace(/-/g, '_')}`;
  if (when.status) {
    if (e.kind !== 'SCSI.DONE' || e.data?.status !== when.status) return false;
    if (when.purpose && e.data?.purpose !== when.purpose) return false;
    return nodeMatches(when, e);
  }
  if (!when.event) return false;
  return eventMatches(when, e) && nodeMatches(when, e);
}

/** Does `when` wait for something in the trace (as opposed to a time only)? */
export const waitsForEntry = (when: BeatWhen): boolean => !!(when.event || when.status || when.console || when.fault);

/** Does `when` wait for the learner (a console command or an injected fault)? */
export const waitsForLearner = (when: BeatWhen | undefined): boolean => !!(when && (when.console || when.fault));
