// The heartbeat and membership machine, one actor per node, shared by every reservation mode.
// It never reads a clock: the engine delivers HEARTBEAT.TICK when the node's timer fires on the
// virtual clock, and the machine asks for the next tick with a `timer.set` effect.

import { enqueueActions, setup } from 'xstate';
import type { NodeId } from '../model/ids';
import { hearPeer, initialMembership, tickMembership, type Membership } from './membership';

export const MEMBERSHIP_RULES = {
  tick: 'Every heartbeat interval a node sends one heartbeat to each peer on every heartbeat network and counts the peers it has not heard from since the last interval.',
  lost: 'A peer is removed from the membership view after N consecutive missed heartbeat intervals (WSFC SameSubnetThreshold; Corosync token loss).',
  joined: 'A heartbeat from a peer outside the view brings it back into the membership view.',
  crash: 'A crashed node stops sending heartbeats and forgets its membership view.',
  restart: 'A restarted node starts with only itself in view and adds peers as their heartbeats arrive.',
} as const;

export interface MembershipContext {
  self: NodeId;
  intervalMs: number;
  misses: number;
  peers: Membership;
}

export interface MembershipInput {
  self: NodeId;
  peers: NodeId[];
  intervalMs: number;
  misses: number;
  /** Delay before the first tick (a seeded phase, so nodes don't tick in lockstep). */
  firstTickMs: number;
}

export type MembershipEvent =
  | { type: 'HEARTBEAT.TICK' }
  | { type: 'HEARTBEAT.RECEIVED'; from: NodeId }
  | { type: 'NODE.CRASH' }
  | { type: 'NODE.RESTART'; firstTickMs: number };

/** Effects the engine carries out. */
export type MembershipEffect =
  | { type: 'timer.set'; name: string; delayMs: number }
  | { type: 'timer.cancel'; name: string }
  | { type: 'heartbeat.send' }
  | { type: 'member.lost'; peer: NodeId; rule: string }
  | { type: 'member.joined'; peer: NodeId; rule: string };

export const membershipMachine = setup({
  types: {
    context: {} as MembershipContext,
    events: {} as MembershipEvent,
    input: {} as MembershipInput,
    emitted: {} as MembershipEffect,
    tags: {} as 'up' | 'crashed',
  },
}).createMachine({
  id: 'membership',
  context: ({ input }) => ({
    self: input.self,
    intervalMs: input.intervalMs,
    misses: input.misses,
    // At power-on of a formed cluster every peer is in view (the cluster was formed before t=0).
    peers: initialMembership(input.peers, true),
  }),
  initial: 'up',
  entry: enqueueActions(({ enqueue, event }) => {
    const first = (event as unknown as { input?: MembershipInput }).input?.firstTickMs ?? 0;
    enqueue.emit({ type: 'timer.set', name: 'heartbeat', delayMs: first });
  }),
  states: {
    up: {
      tags: ['up'],
      on: {
        'HEARTBEAT.TICK': {
          description: MEMBERSHIP_RULES.tick,
          actions: enqueueActions(({ context, enqueue }) => {
            const { next, lost } = tickMembership(context.peers, context.misses);
            enqueue.assign({ peers: next });
            enqueue.emit({ type: 'heartbeat.send' });
            for (const peer of lost) enqueue.emit({ type: 'member.lost', peer, rule: MEMBERSHIP_RULES.lost });
            enqueue.emit({ type: 'timer.set', name: 'heartbeat', delayMs: context.intervalMs });
          }),
        },
        'HEARTBEAT.RECEIVED': {
          description: MEMBERSHIP_RULES.joined,
          actions: enqueueActions(({ context, event, enqueue }) => {
            const { next, joined } = hearPeer(context.peers, event.from);
            enqueue.assign({ peers: next });
            if (joined) enqueue.emit({ type: 'member.joined', peer: event.from, rule: MEMBERSHIP_RULES.joined });
          }),
        },
        'NODE.CRASH': {
          target: 'crashed',
          description: MEMBERSHIP_RULES.crash,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.assign({ peers: initialMembership(Object.keys(context.peers) as NodeId[], false) });
            enqueue.emit({ type: 'timer.cancel', name: 'heartbeat' });
          }),
        },
      },
    },
    crashed: {
      tags: ['crashed'],
      on: {
        'NODE.RESTART': {
          target: 'up',
          description: MEMBERSHIP_RULES.restart,
          actions: enqueueActions(({ event, enqueue }) => {
            enqueue.emit({ type: 'timer.set', name: 'heartbeat', delayMs: event.firstTickMs });
          }),
        },
      },
    },
  },
});

export type { Membership };
