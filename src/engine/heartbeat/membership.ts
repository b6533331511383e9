// Pure membership bookkeeping, kept outside the machine so it can be tested on its own.
// A node counts, per peer, the heartbeat intervals that passed without hearing from it.

import type { NodeId } from '../model/ids';

export interface PeerView {
  /** Is the peer in this node's membership view? */
  member: boolean;
  /** Consecutive heartbeat intervals without a heartbeat from the peer. */
  missed: number;
  /** Heard at least once since the last tick. */
  heard: boolean;
}

export type Membership = Record<string, PeerView>;

/** A freshly (re)started node sees only itself: every peer starts outside its view. */
export function initialMembership(peers: readonly NodeId[], startAsMember: boolean): Membership {
  const m: Membership = {};
  for (const p of peers) m[p] = { member: startAsMember, missed: 0, heard: false };
  return m;
}

/**
 * One heartbeat interval has passed. Peers not heard since the previous tick get one more miss;
 * a member reaching `misses` consecutive misses leaves the view.
 */
export function tickMembership(m: Membership, misses: number): { next: Membership; lost: NodeId[] } {
  const next: Membership = {};
  const lost: NodeId[] = [];
  for (const [peer, v] of Object.entries(m)) {
    const missed = v.heard ? 0 : v.missed + 1;
    const dropped = v.member && missed >= misses;
    if (dropped) lost.push(peer as NodeId);
    next[peer] = { member: v.member && !dropped, missed, heard: false };
  }
  return { next, lost };
}

/** A heartbeat from `peer` arrived: it counts for this interval, and a non-member rejoins. */
export function hearPeer(m: Membership, peer: NodeId): { next: Membership; joined: boolean } {
  const v = m[peer];
  if (!v) return { next: m, joined: false };
  return { next: { ...m, [peer]: { member: true, missed: 0, heard: true } }, joined: !v.member };
}

export function membersOf(self: NodeId, m: Membership): NodeId[] {
  return [self, ...Object.keys(m).filter((p) => m[p]!.member)].sort() as NodeId[];
}
