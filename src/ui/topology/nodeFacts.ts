// What a node card shows, read from the view as words and primitives (so the card re-renders
// only when one of them changes). Roles come from the node's tags via `serviceState`.

import type { SimView } from '../../engine';
import { formatAge } from '../format';
import type { IconName } from './icons';
import type { Tone } from './cueEffects';

export interface NodeFacts {
  power: 'up' | 'crashed' | 'frozen';
  fenced: boolean;
  standalone: boolean;
  service: string;
  members: string;
  /** Peers this node dropped from its view, e.g. "B, C" (empty: none). */
  lost: string;
  /** Peers in order, e.g. "B,C" (what each was last heard is `heardText`, which changes far more often). */
  peers: string;
  mountEpoch: number | null;
  key: string | null;
  /** I_T nexuses of this node registered with its key at the LUN, e.g. "A.1,A.2". */
  registeredOn: string;
  tags: string;
  scsi3: boolean;
  /** How many paths the node has. */
  paths: number;
}

export function nodeFacts(view: SimView | null, id: string): NodeFacts | null {
  const n = view?.nodes.find((x) => x.id === id);
  if (!view || !n) return null;
  const regs = view.luns[0]?.registrations ?? [];
  return {
    power: n.power,
    fenced: n.fenced,
    standalone: n.standalone,
    service: n.serviceState,
    members: n.members.join(', '),
    lost: n.power === 'crashed' ? '' : n.peers.filter((p) => !p.member).map((p) => p.id).join(', '),
    peers: n.peers.map((p) => p.id).join(','),
    mountEpoch: n.mount?.epoch ?? null,
    key: n.key,
    registeredOn: regs.filter((r) => r.nexus.startsWith(`${id}.`) && r.key === n.key).map((r) => r.nexus).join(','),
    tags: n.tags.join(' '),
    scsi3: view.mode === 'scsi3',
    paths: view.paths.filter((p) => p.node === id).length,
  };
}

/**
 * When the node last heard `peer`, e.g. "0.4 s ago · 1 missed" or "not yet". It changes with
 * nearly every view while playing, so only its own row reads it, not the whole card.
 */
export function heardText(view: SimView | null, id: string, peer: string): string {
  const n = view?.nodes.find((x) => x.id === id);
  if (!view || !n) return '';
  const at = n.heard[peer];
  const missed = n.peers.find((p) => p.id === peer)?.missed ?? 0;
  return `${at === undefined ? 'not yet' : formatAge(view.time - at)}${missed > 0 ? ` · ${missed} missed` : ''}`;
}

export interface RoleLook {
  word: string;
  icon: IconName;
  tone: Tone | 'muted';
}

/** The service state in words with an icon (never colour alone). */
export function roleLook(service: string): RoleLook {
  switch (service) {
    case 'owner':
      return { word: 'owner', icon: 'star', tone: 'ok' };
    case 'standby':
      return { word: 'standby', icon: 'pause', tone: 'muted' };
    case 'challenging':
      return { word: 'challenger', icon: 'bolt', tone: 'warn' };
    case 'arbitrating':
      return { word: 'arbitrating', icon: 'hourglass', tone: 'warn' };
    case 'fencing':
      return { word: 'fencing', icon: 'bolt', tone: 'warn' };
    case 'activating':
      return { word: 'activating', icon: 'hourglass', tone: 'info' };
    case 'joining':
      return { word: 'joining', icon: 'hourglass', tone: 'muted' };
    case 'inquorate':
      return { word: 'inquorate', icon: 'alert', tone: 'warn' };
    case 'stopped':
      return { word: 'stopped', icon: 'pause', tone: 'warn' };
    case 'fenced':
      return { word: 'fenced', icon: 'noentry', tone: 'danger' };
    case 'down':
      return { word: 'down', icon: 'cross', tone: 'danger' };
    case 'frozen':
      return { word: 'frozen', icon: 'snow', tone: 'info' };
    case 'standalone':
      return { word: 'standalone host', icon: 'disk', tone: 'warn' };
    default:
      return { word: service || 'starting', icon: 'hourglass', tone: 'muted' };
  }
}

export interface PowerLook {
  word: string;
  icon: IconName;
  tone: Tone;
}

export function powerLook(power: NodeFacts['power'], fenced: boolean): PowerLook {
  // Powered off by a fence device: the power glyph says "off", the word says why.
  if (power === 'crashed') return fenced ? { word: 'fenced', icon: 'power', tone: 'danger' } : { word: 'crashed', icon: 'cross', tone: 'danger' };
  if (power === 'frozen') return { word: 'frozen', icon: 'snow', tone: 'info' };
  return { word: 'up', icon: 'dot', tone: 'ok' };
}
