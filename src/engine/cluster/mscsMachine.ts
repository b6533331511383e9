// Windows Server 2003 server clusters (MSCS): SCSI-2 challenge/defense, per node. Behaviour from
// KB 309186 (how the Cluster service reserves a disk), KB 301647 (LUN → target → bus reset),
// KB 892422 (1.2-s heartbeats, 6 misses) and the research brief §1 / S2, S5, S7, S8, S10.
//
// The owner (defender) holds an SPC-2 RESERVE and re-issues it every 3 s. A node that has lost
// the owner from its membership view challenges: it breaks the reservation with a reset, waits
// 7 s and tries RESERVE once; a live defender has re-reserved in between and the challenger stops
// its cluster service, a dead one has not and the challenger brings the disk online ~10 s after
// the challenge began. A defender whose renewal gets RESERVATION CONFLICT stops at once — except
// when multipath moved its I/O to another path: the reservation then belongs to its own old I_T
// nexus and the DSM may break it and re-take it on the new path (scsi2PathRecovery).
//
// MSCS alone is not safe against a paused node (research S10): a frozen owner's queued writes
// go out at resume, and any reset that breaks the current owner's reservation at that moment
// lets them land. Four simulator assumptions, labelled [A] in the rules below, keep the lab's
// SCSI-2 mode safe without peeking at global state:
//  - a reservation lease, counted from the send of the last RESERVE that came back GOOD: the DSM
//    re-takes a reservation only within it, and an owner whose lease ran out checks the disk at
//    once (timers of a frozen node fire late, but before the answer to anything it sends later);
//  - a node breaks a reservation only if every node but the owner it lost is in its view and has
//    been for settleMs, so no hidden paused node can have writes queued;
//  - a node that does not know who owned the disk (formed alone, just booted or restarted) never
//    breaks a reservation;
//  - a stopped cluster service restarts only after 60 s, when its queued I/O is long gone.

import { emit, enqueueActions, setup } from 'xstate';
import { buildRelease6Cdb, buildReserve6Cdb } from '../lun';
import type { NodeId } from '../model/ids';
import type { ScenarioParams } from '../model/scenario';
import type { ScsiResultEvent } from '../storage/transport';
import { coordinatorOf, note, type ClusterEffect, type ClusterEvent, type ClusterInput } from './common';

export const MSCS_RULES = {
  start: 'KB 309186: the node that owns the disk reserves it (SPC-2 RESERVE) before it brings the volume online; the other nodes keep it offline (clusdisk).',
  online: 'KB 309186: once it holds the reservation the owner unblocks and mounts the volume and keeps the reservation for as long as the disk is online.',
  renew: 'KB 309186: the owner (defender) re-issues RESERVE on every disk it owns every 3 seconds.',
  renewed: 'SPC-2: RESERVE from the nexus that already holds the reservation is GOOD; the owner still holds the disk (through the path that answered).',
  timeout: 'A renewal that times out is not a conflict: multipath fails the path and retries on another one, and the owner keeps renewing.',
  defenderLost: 'KB 309186: a defender whose RESERVE gets RESERVATION CONFLICT on the path it reserved through has lost the disk to a challenger and stops its cluster service immediately.',
  pathConflict:
    'SPC-2 (research §1.4, S7): the reservation belongs to one I_T nexus. Multipath moved the I/O to another path, so the owner\'s own renewal conflicts with the reservation its old path still holds.',
  pathRecovery:
    'MPIO DSM with MSCS support (research §1.4): to move the reservation to the new path the DSM breaks it with a LOGICAL UNIT RESET through that path and re-reserves there at once; the LUN is unprotected in between.',
  noPathRecovery: 'scsi2PathRecovery=none: the DSM does not move the reservation, so the conflict on the new path is a lost disk and the cluster service stops (research S7).',
  lease:
    '[A] Reservation lease: the node trusts that it holds the disk only for leaseMs after sending its last RESERVE that came back GOOD (9 s < the 10 s a challenger needs from its reset to online). Past that a challenger may have won, so the DSM no longer breaks a conflicting reservation and the node checks the disk at once; a pause longer than that (VM freeze, debugger) ends the lease too.',
  leaseLost: '[A] No successful renewal within the lease and the check did not succeed: the node cannot tell whether it still holds the disk, so the disk resource fails and the cluster service stops here (KB 309186: "did not respond to a SCSI maintenance command").',
  handover: 'The group fails over: the stopping owner asks the next node to bring it online; that node arbitrates (its RESERVE conflicts with the old path\'s reservation, so it resets and re-reserves).',
  ioConflict: 'A write that gets RESERVATION CONFLICT makes the cluster disk driver check its reservation at once (an immediate RESERVE); the answer decides.',
  claim: '[I] MSCS regroup: a node that hears another node announce that it owns the group checks its own reservation at once; if it still holds the disk it tells the other node (a "poison" for an evicted node), otherwise it stops.',
  challenge:
    'KB 309186: a node that can no longer talk to the owner becomes a challenger (2 nodes: it lost every peer; 3+ nodes: the owner is gone from its view and it has the lowest id there).',
  settled:
    '[A] A node breaks a reservation only if every node other than the owner it lost is in its view, each for at least settleMs (4 × the I/O timeout). A node it cannot see, or that only just came back, may be a paused former owner with writes queued, and the reset would let them through (research S10). With 2 nodes and a known owner this is always true; real MSCS has no such rule.',
  probe: '[I] Windows 2000/2003 arbitration: the challenger first tries RESERVE; only if that conflicts does it break the reservation with a reset.',
  reset: 'KB 309186 / KB 301647: the challenger requests a reset to break the reservation; Windows Server 2003 uses a LUN reset, a target reset or a bus reset (resetScope).',
  wait: 'KB 309186: 7 seconds after the reset the challenger tries RESERVE once; a live defender has re-reserved in between (two 3-s renewals).',
  challengeLost: 'KB 309186: the challenger\'s RESERVE fails — the defender is alive and re-reserved — so the challenger stops its cluster service.',
  challengeWon: 'KB 309186: the challenger\'s RESERVE succeeds — nobody defended — so it holds the disk and keeps renewing every 3 s.',
  bringOnline: 'KB 309186: about ten seconds after the challenge began the challenger brings the disk online; it confirms with one more RESERVE and mounts only if that is GOOD.',
  unreachable: 'The disk cannot be reached (every path failed), so the node cannot arbitrate; it stays standby and tries again later.',
  move: 'KB 309186: RELEASE is sent only when a disk is taken offline: for a planned move the owner unmounts, releases the reservation through the path that holds it, and hands the group over.',
  takeOver: 'Planned move: the target reserves the disk (no reset is needed after a RELEASE) and brings it online.',
  join: 'A booted node joins the cluster: it waits up to the heartbeat timeout to hear the other nodes; the owner tells it who runs the group.',
  form: 'A node that finds no cluster forms one: it arbitrates for the disk like a challenger.',
  formNoBreak:
    '[A] A node that does not know who owned the disk (it forms the cluster alone, or has just booted or restarted its service) takes the disk only if nobody holds it; it never breaks a reservation with a reset. It cannot tell a dead owner from a paused one whose writes are queued — nor its own stale reservation on a path that died from another node\'s (compare votequorum wait_for_all). Real MSCS resets here.',
  rejoin: 'A stopped or standby node that sees other nodes again rejoins as standby; the owner tells it who runs the group.',
  restart:
    '[A] A stopped cluster service is restarted by the Service Control Manager after 60 s (Windows event 7031 "corrective action … in 60000 milliseconds: Restart the service"); by then every I/O it had queued has completed or failed.',
  announce: 'The owner tells a node that (re)joins its membership view that it runs the group.',
  groupState:
    '[I] Group state is replicated to every member (MSCS global updates): the owner announces that it runs the group with every renewal. A member that has heard nothing from the node it believes owns the group for longer than the membership timeout treats the group as offline.',
} as const;

/** How long a stopped cluster service stays down before the Service Control Manager restarts it. */
export const SERVICE_RESTART_MS = 60_000;
/** Lease slots: one timer per RESERVE in flight; far more than are ever sent within one lease. */
const LEASE_SLOTS = 16;

/** [A] The reservation lease: shorter than the time a challenger needs from its reset to online. */
export function mscsLeaseMs(p: ScenarioParams): number {
  return Math.max(p.scsi2RenewMs, p.onlineAfterMs - 1000);
}

interface Ctx extends ClusterInput {
  members: NodeId[];
  /** Who this node believes runs the group (null: unknown). */
  owner: NodeId | null;
  /** Path of the last RESERVE that came back GOOD: the nexus that holds the reservation. */
  reservedPath: number | null;
  /** Lease bookkeeping: RESERVEs sent, the latest that came back GOOD, the latest whose lease ran out. */
  sent: number;
  good: number;
  fired: number;
  slots: number[];
  /** An immediate check (RESERVE) is in flight. */
  checking: boolean;
  /** A path recovery (reset + RESERVE on the new path) is in flight. */
  recovering: boolean;
  /** The lease ran out: the next renewal answer decides. */
  unsure: boolean;
  moveTo: NodeId | null;
  /** Nodes that claimed the group while this node owned it; told after the next good renewal. */
  claimants: NodeId[];
  /** Path the challenge's probe went down (the reset goes there too). */
  challengePath: number | null;
  /** The challenge's online time has come. */
  onlineDue: boolean;
  /** Peers continuously in the view for settleMs (see mayBreak). */
  settled: NodeId[];
  /** The last arbitration could not finish: wait longer before the next one. */
  retryLater: boolean;
}

type Tag = 'owner' | 'standby' | 'challenging' | 'arbitrating' | 'stopped' | 'down' | 'joining';

const RESERVE_LABEL = 'RESERVE(6)';
const baseOf = (purpose: string): string => purpose.split('#')[0]!;
const seqOf = (purpose: string): number => Number(purpose.split('#')[1] ?? 0);
const isRes = (e: ClusterEvent, ...bases: string[]): e is ScsiResultEvent => e.type === 'SCSI.RESULT' && bases.includes(baseOf((e as ScsiResultEvent).purpose));
const leaseValid = (c: Pick<Ctx, 'good' | 'fired'>): boolean => c.good > c.fired;

/** [A] How long a peer must have been in the view before a node that breaks a reservation counts on it. */
export const mscsSettleMs = (p: ScenarioParams): number => 4 * p.ioFailMs;

/** Should this standby node challenge, with this membership view? */
function shouldChallenge(c: Ctx, members: readonly NodeId[]): boolean {
  if (c.owner === c.self) return false;
  const ownerGone = c.owner === null || !members.includes(c.owner);
  if (!ownerGone || coordinatorOf(members) !== c.self) return false;
  return mayBreak(c, members);
}

/**
 * [A] May this node break the reservation with a reset? Only when every node other than the
 * owner it lost is in its view and has been there for settleMs: then the reservation can only be
 * that owner's (or a stale one of its own), and no paused node can have writes queued.
 */
function mayBreak(c: Ctx, members: readonly NodeId[] = c.members): boolean {
  return c.nodes.every((n) => n === c.self || (n === c.owner && c.owner !== c.self) || (members.includes(n) && c.settled.includes(n)));
}

const settleTimer = (n: NodeId): string => `settle${n}`;
const isSettleTimer = (type: string): boolean => type.startsWith('TIMER.SETTLE');

/** Membership bookkeeping shared by every state: the view, and which peers have settled in it. */
function trackMembers(c: Ctx, e: Extract<ClusterEvent, { type: 'MEMBERSHIP.CHANGED' }>, enqueue: Enqueue): void {
  enqueue.assign({ members: e.members, settled: c.settled.filter((n) => e.members.includes(n) && !e.lost.includes(n)) });
  for (const n of e.joined) enqueue.emit({ type: 'timer.set', name: settleTimer(n), delayMs: mscsSettleMs(c.params) });
}

/** The node a stopping owner hands the group to: the lowest other member of its view. */
const handoverTarget = (c: Ctx): NodeId | undefined => [...c.members].sort().find((n) => n !== c.self);

/** The part of xstate's `enqueue` the helpers below use. */
interface Enqueue {
  assign: (values: Partial<Ctx>) => void;
  emit: (effect: ClusterEffect) => void;
}

/** Sends a RESERVE that carries a lease: its timer starts now, at the send. */
function leasedReserve(c: Ctx, enqueue: Enqueue, purpose: string, via: number | 'mpath' = 'mpath', extra: Partial<Ctx> = {}): void {
  const seq = c.sent + 1;
  const slot = seq % LEASE_SLOTS;
  const slots = [...c.slots];
  slots[slot] = seq;
  enqueue.assign({ ...extra, sent: seq, slots });
  enqueue.emit({ type: 'scsi.send', via, cdb: buildReserve6Cdb(), purpose: `${purpose}#${seq}`, label: RESERVE_LABEL });
  enqueue.emit({ type: 'timer.set', name: `lease${slot}`, delayMs: mscsLeaseMs(c.params) });
}

/** A RESERVE came back GOOD: the lease of that send starts to count (if it has not run out already). */
function goodReserve(c: Ctx, e: ScsiResultEvent): Partial<Ctx> {
  const good = Math.max(c.good, seqOf(e.purpose));
  return { good, reservedPath: e.path, unsure: c.unsure && !(good > c.fired) };
}

const isLeaseTimer = (type: string): boolean => type.startsWith('TIMER.LEASE');
const leaseSeq = (c: Ctx, type: string): number => c.slots[Number(type.slice('TIMER.LEASE'.length))] ?? 0;

const cancel = (name: string): ClusterEffect => ({ type: 'timer.cancel', name });

/** How long a member waits for word from the owner before it treats the group as offline. */
const ownerSilentMs = (c: Ctx): number => c.params.heartbeatIntervalMs * c.params.heartbeatMisses + c.params.scsi2RenewMs;

export const mscsMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as ClusterEvent,
    input: {} as ClusterInput,
    emitted: {} as ClusterEffect,
    tags: {} as Tag,
  },
  guards: {
    isOwner: ({ context }) => context.owner === context.self,
    onlineDue: ({ context }) => context.onlineDue,
  },
}).createMachine({
  id: 'mscs',
  context: ({ input }) => ({
    ...input,
    members: [...input.nodes],
    owner: input.params.owner as NodeId,
    reservedPath: null,
    sent: 0,
    good: 0,
    fired: 0,
    slots: new Array<number>(LEASE_SLOTS).fill(0),
    checking: false,
    recovering: false,
    unsure: false,
    moveTo: null,
    claimants: [],
    challengePath: null,
    onlineDue: false,
    settled: [...input.nodes],
    retryLater: false,
  }),
  initial: 'route',
  on: {
    'NODE.CRASH': { target: '.down', description: 'A crashed node loses everything it held in memory; its reservation stays on the LUN until someone resets it.' },
    'MEMBERSHIP.CHANGED': { actions: enqueueActions(({ context, enqueue, event }) => trackMembers(context, event, enqueue)) },
    'CLUSTER.MESSAGE': {
      description: MSCS_RULES.groupState,
      actions: enqueueActions(({ context, event, enqueue }) => {
        if (event.message.type !== 'OWNER') return;
        enqueue.assign({ owner: event.message.owner });
        enqueue.emit({ type: 'timer.set', name: 'ownerSilent', delayMs: ownerSilentMs(context) });
      }),
    },
    'TIMER.OWNERSILENT': {
      guard: ({ context }) => context.owner !== null && context.owner !== context.self && context.members.includes(context.owner),
      description: MSCS_RULES.groupState,
      actions: enqueueActions(({ enqueue }) => enqueue.assign({ owner: null })),
    },
    'TIMER.*': [
      {
        guard: ({ event }) => isLeaseTimer(event.type),
        actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign({ fired: Math.max(context.fired, leaseSeq(context, event.type)) })),
      },
      {
        guard: ({ event }) => isSettleTimer(event.type),
        description: MSCS_RULES.settled,
        actions: enqueueActions(({ context, event, enqueue }) => {
          const n = event.type.slice('TIMER.SETTLE'.length) as NodeId;
          if (context.members.includes(n) && !context.settled.includes(n)) enqueue.assign({ settled: [...context.settled, n] });
        }),
      },
    ],
  },
  states: {
    route: { always: [{ guard: 'isOwner', target: 'arbitrating' }, { target: 'standby' }] },

    down: {
      tags: ['down'],
      on: {
        'NODE.BOOT': {
          target: 'joining',
          description: MSCS_RULES.join,
          actions: enqueueActions(({ context, enqueue }) =>
            enqueue.assign({
              members: [context.self],
              settled: [context.self],
              owner: null,
              reservedPath: null,
              good: context.sent,
              fired: context.sent,
              checking: false,
              recovering: false,
              unsure: false,
              moveTo: null,
              claimants: [],
              onlineDue: false,
            }),
          ),
        },
      },
    },

    joining: {
      tags: ['joining'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit(note('MSCS.JOIN', `${context.self} starts its cluster service and looks for the other nodes`, MSCS_RULES.join, false));
        enqueue.emit({ type: 'timer.set', name: 'join', delayMs: context.params.heartbeatIntervalMs * context.params.heartbeatMisses });
      }),
      exit: emit(cancel('join')),
      on: {
        'MEMBERSHIP.CHANGED': [
          {
            guard: ({ event }) => event.joined.length > 0,
            target: 'standby',
            description: MSCS_RULES.rejoin,
            actions: enqueueActions(({ context, enqueue, event }) => trackMembers(context, event, enqueue)),
          },
          { actions: enqueueActions(({ context, enqueue, event }) => trackMembers(context, event, enqueue)) },
        ],
        'TIMER.JOIN': [
          {
            guard: ({ context }) => context.members.length === 1,
            target: 'challenging',
            description: `${MSCS_RULES.form} ${MSCS_RULES.formNoBreak}`,
            actions: emit(note('MSCS.FORM', 'No other node answers: this node forms the cluster and tries to reserve the disk', MSCS_RULES.formNoBreak)),
          },
          { target: 'standby', description: MSCS_RULES.rejoin },
        ],
      },
    },

    standby: {
      tags: ['standby'],
      entry: enqueueActions(({ context, enqueue }) => {
        for (const t of ['renew', 'online', 'challenge', 'restart']) enqueue.emit(cancel(t));
        // After an arbitration that could not finish, try again only after a while.
        enqueue.emit({ type: 'timer.set', name: 'regroup', delayMs: context.retryLater ? context.params.onlineAfterMs : context.params.heartbeatIntervalMs });
        enqueue.assign({ retryLater: false });
        // Whoever it believes runs the group must keep saying so.
        if (context.owner !== null && context.owner !== context.self) enqueue.emit({ type: 'timer.set', name: 'ownerSilent', delayMs: ownerSilentMs(context) });
      }),
      on: {
        'MEMBERSHIP.CHANGED': [
          {
            guard: ({ context, event }) => event.lost.length > 0 && shouldChallenge(context, event.members),
            target: 'challenging',
            description: MSCS_RULES.challenge,
            actions: enqueueActions(({ context, event, enqueue }) => {
              trackMembers(context, event, enqueue);
              const who = context.owner === null ? 'no known owner' : `owner ${context.owner} is gone`;
              enqueue.emit(note('MSCS.CHALLENGE', `${context.self} lost contact (${who}; view ${event.members.join(', ')}): it challenges for the disk`, MSCS_RULES.challenge));
            }),
          },
          {
            guard: ({ event }) => event.joined.length > 0,
            actions: enqueueActions(({ context, event, enqueue }) => {
              trackMembers(context, event, enqueue);
              enqueue.emit({ type: 'timer.set', name: 'regroup', delayMs: context.params.heartbeatIntervalMs });
            }),
          },
          { actions: enqueueActions(({ context, enqueue, event }) => trackMembers(context, event, enqueue)) },
        ],
        'TIMER.*': {
          // A peer has settled in the view: a challenge may now be allowed.
          guard: ({ context, event }) => isSettleTimer(event.type) && shouldChallenge({ ...context, settled: [...context.settled, event.type.slice('TIMER.SETTLE'.length) as NodeId] }, context.members),
          target: 'challenging',
          description: `${MSCS_RULES.challenge} ${MSCS_RULES.settled}`,
          actions: enqueueActions(({ context, event, enqueue }) => {
            enqueue.assign({ settled: [...context.settled, event.type.slice('TIMER.SETTLE'.length) as NodeId] });
            enqueue.emit(note('MSCS.CHALLENGE', `${context.self} sees no owner in its view (${context.members.join(', ')}): it challenges for the disk`, MSCS_RULES.challenge));
          }),
        },
        'TIMER.OWNERSILENT': [
          {
            guard: ({ context }) =>
              context.owner !== null && context.owner !== context.self && context.members.includes(context.owner) && shouldChallenge({ ...context, owner: null }, context.members),
            target: 'challenging',
            description: `${MSCS_RULES.groupState} ${MSCS_RULES.challenge}`,
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.emit(note('MSCS.GROUP_OFFLINE', `${context.self} has heard nothing from ${context.owner} about the group: it is offline; ${context.self} arbitrates for the disk`, MSCS_RULES.groupState));
              enqueue.assign({ owner: null });
            }),
          },
          {
            guard: ({ context }) => context.owner !== null && context.owner !== context.self && context.members.includes(context.owner),
            description: MSCS_RULES.groupState,
            actions: enqueueActions(({ enqueue }) => enqueue.assign({ owner: null })),
          },
        ],
        'TIMER.REGROUP': {
          guard: ({ context }) => shouldChallenge(context, context.members),
          target: 'challenging',
          description: MSCS_RULES.challenge,
          actions: enqueueActions(({ context, enqueue }) =>
            enqueue.emit(note('MSCS.CHALLENGE', `${context.self} sees no owner in its view (${context.members.join(', ')}): it challenges for the disk`, MSCS_RULES.challenge)),
          ),
        },
        'CLUSTER.MESSAGE': [
          {
            // Only the node this one believes owns the group may hand it over.
            guard: ({ context, event }) => event.message.type === 'TAKE_OVER' && (context.owner === null || context.owner === event.from),
            target: 'arbitrating',
            description: MSCS_RULES.takeOver,
            actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ owner: event.from })),
          },
          {
            description: MSCS_RULES.groupState,
            actions: enqueueActions(({ context, event, enqueue }) => {
              if (event.message.type !== 'OWNER') return;
              enqueue.assign({ owner: event.message.owner });
              enqueue.emit({ type: 'timer.set', name: 'ownerSilent', delayMs: ownerSilentMs(context) });
            }),
          },
        ],
      },
    },

    // Start-up owner, or the target of a planned move / failover: RESERVE, and online if GOOD.
    arbitrating: {
      tags: ['arbitrating'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit(note('MSCS.RESERVE', `${context.self} reserves the disk to bring it online`, MSCS_RULES.start, false));
        leasedReserve(context, enqueue, 'take');
      }),
      on: {
        'SCSI.RESULT': [
          {
            guard: ({ event }) => isRes(event, 'take') && event.status === 'GOOD',
            target: 'owner',
            description: MSCS_RULES.online,
            actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign(goodReserve(context, event as ScsiResultEvent))),
          },
          {
            guard: ({ context, event }) => isRes(event, 'take') && event.status === 'RESERVATION_CONFLICT' && mayBreak(context),
            target: 'challenging.breaking',
            description: MSCS_RULES.probe,
            actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ challengePath: (event as ScsiResultEvent).path })),
          },
          {
            guard: ({ event }) => isRes(event, 'take') && event.status === 'RESERVATION_CONFLICT',
            target: 'standby',
            description: `The disk is still reserved. ${MSCS_RULES.formNoBreak} ${MSCS_RULES.settled}`,
            actions: enqueueActions(({ enqueue }) => {
              enqueue.assign({ retryLater: true });
              enqueue.emit(note('MSCS.NO_BREAK', 'The disk is still reserved, and a node this one cannot see (or that only just came back) might have writes queued: it does not reset', MSCS_RULES.settled));
            }),
          },
          {
            guard: ({ event }) => isRes(event, 'take'),
            target: 'standby',
            description: `${MSCS_RULES.unreachable} The node that handed the group over no longer runs it, so nobody is known to own it.`,
            actions: enqueueActions(({ enqueue }) => enqueue.assign({ retryLater: true, owner: null })),
          },
        ],
      },
    },

    challenging: {
      tags: ['challenging'],
      initial: 'probe',
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.assign({ onlineDue: false, challengePath: null });
        enqueue.emit(cancel('regroup'));
        enqueue.emit({ type: 'timer.set', name: 'online', delayMs: context.params.onlineAfterMs });
      }),
      exit: enqueueActions(({ enqueue }) => {
        enqueue.emit(cancel('online'));
        enqueue.emit(cancel('challenge'));
        enqueue.assign({ onlineDue: false });
      }),
      states: {
        probe: {
          entry: enqueueActions(({ context, enqueue }) => leasedReserve(context, enqueue, 'probe')),
          on: {
            'SCSI.RESULT': [
              {
                guard: ({ event }) => isRes(event, 'probe') && event.status === 'GOOD',
                target: 'held',
                description: `${MSCS_RULES.probe} Nobody holds it: this node now does.`,
                actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign(goodReserve(context, event as ScsiResultEvent))),
              },
              {
                guard: ({ context, event }) => isRes(event, 'probe') && event.status === 'RESERVATION_CONFLICT' && mayBreak(context),
                target: 'breaking',
                description: MSCS_RULES.probe,
                actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ challengePath: (event as ScsiResultEvent).path })),
              },
              {
                guard: ({ event }) => isRes(event, 'probe') && event.status === 'RESERVATION_CONFLICT',
                target: '#mscs.standby',
                description: `The disk is still reserved. ${MSCS_RULES.formNoBreak} ${MSCS_RULES.settled}`,
                actions: enqueueActions(({ context, enqueue }) => {
                  enqueue.assign({ retryLater: true });
                  enqueue.emit(
                    note(
                      'MSCS.NO_BREAK',
                      context.owner === null
                        ? 'The disk is still reserved and this node does not know whose reservation it is: it does not reset'
                        : 'The disk is still reserved, and a node this one cannot see (or that only just came back) might have writes queued: it does not reset',
                      context.owner === null ? MSCS_RULES.formNoBreak : MSCS_RULES.settled,
                    ),
                  );
                }),
              },
              { guard: ({ event }) => isRes(event, 'probe'), target: '#mscs.standby', description: MSCS_RULES.unreachable, actions: enqueueActions(({ enqueue }) => enqueue.assign({ retryLater: true })) },
            ],
          },
        },
        breaking: {
          entry: enqueueActions(({ context, enqueue }) => {
            const scope = context.params.resetScope;
            const name = scope === 'lun' ? 'LOGICAL UNIT RESET' : scope === 'target' ? 'TARGET RESET' : 'BUS RESET';
            enqueue.emit(note('MSCS.RESET', `${context.self} breaks the reservation with a ${name}, then waits ${context.params.challengeWaitMs / 1000} s`, MSCS_RULES.reset));
            enqueue.emit({ type: 'scsi.send', via: context.challengePath ?? 'mpath', cdb: [], tmf: scope, purpose: 'challenge.reset' });
            enqueue.emit({ type: 'timer.set', name: 'challenge', delayMs: context.params.challengeWaitMs });
          }),
          on: {
            'TIMER.CHALLENGE': {
              description: MSCS_RULES.wait,
              actions: enqueueActions(({ context, enqueue }) => leasedReserve(context, enqueue, 'challenge')),
            },
            'SCSI.RESULT': [
              {
                guard: ({ event }) => isRes(event, 'challenge') && event.status === 'GOOD',
                target: 'held',
                description: MSCS_RULES.challengeWon,
                actions: enqueueActions(({ context, event, enqueue }) => {
                  enqueue.assign(goodReserve(context, event as ScsiResultEvent));
                  enqueue.emit(note('MSCS.CHALLENGE_WON', `${context.self}'s RESERVE is GOOD: nobody defended the disk`, MSCS_RULES.challengeWon));
                }),
              },
              {
                guard: ({ event }) => isRes(event, 'challenge') && event.status === 'RESERVATION_CONFLICT',
                target: '#mscs.stopped',
                description: MSCS_RULES.challengeLost,
                actions: emit(note('MSCS.CHALLENGE_LOST', 'RESERVE gets RESERVATION CONFLICT: the defender is alive; this node stops its cluster service', MSCS_RULES.challengeLost)),
              },
              { guard: ({ event }) => isRes(event, 'challenge'), target: '#mscs.standby', description: MSCS_RULES.unreachable, actions: enqueueActions(({ enqueue }) => enqueue.assign({ retryLater: true })) },
            ],
          },
        },
        held: {
          entry: enqueueActions(({ context, enqueue }) => enqueue.emit({ type: 'timer.set', name: 'renew', delayMs: context.params.scsi2RenewMs, periodic: true })),
          always: { guard: 'onlineDue', target: 'confirming' },
          on: { 'TIMER.ONLINE': { target: 'confirming', description: MSCS_RULES.bringOnline } },
        },
        confirming: {
          entry: enqueueActions(({ context, enqueue }) => leasedReserve(context, enqueue, 'online')),
          on: {
            'SCSI.RESULT': [
              {
                guard: ({ event }) => isRes(event, 'online') && event.status === 'GOOD',
                target: '#mscs.owner',
                description: MSCS_RULES.bringOnline,
                actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign(goodReserve(context, event as ScsiResultEvent))),
              },
              {
                guard: ({ event }) => isRes(event, 'online') && event.status === 'RESERVATION_CONFLICT',
                target: '#mscs.stopped',
                description: MSCS_RULES.challengeLost,
              },
              { guard: ({ event }) => isRes(event, 'online'), target: '#mscs.standby', description: MSCS_RULES.unreachable, actions: enqueueActions(({ enqueue }) => enqueue.assign({ retryLater: true })) },
            ],
          },
        },
      },
      on: {
        'TIMER.ONLINE': { actions: enqueueActions(({ enqueue }) => enqueue.assign({ onlineDue: true })) },
        'TIMER.RENEW': {
          description: MSCS_RULES.renew,
          actions: enqueueActions(({ context, enqueue }) => {
            leasedReserve(context, enqueue, 'renew');
            enqueue.emit({ type: 'timer.set', name: 'renew', delayMs: context.params.scsi2RenewMs, periodic: true });
          }),
        },
        'SCSI.RESULT': [
          {
            guard: ({ event }) => isRes(event, 'renew', 'probe', 'challenge') && event.status === 'GOOD',
            description: MSCS_RULES.renewed,
            actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign(goodReserve(context, event as ScsiResultEvent))),
          },
          {
            guard: ({ event }) => isRes(event, 'renew') && event.status === 'RESERVATION_CONFLICT',
            target: '#mscs.stopped',
            description: MSCS_RULES.challengeLost,
          },
        ],
      },
    },

    owner: {
      tags: ['owner'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.assign({ owner: context.self, checking: false, recovering: false, unsure: false, moveTo: null });
        enqueue.emit(note('MSCS.ONLINE', `${context.self} holds the reservation and brings the disk online`, MSCS_RULES.online));
        enqueue.emit({ type: 'app.mount' });
        enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
        enqueue.emit({ type: 'timer.set', name: 'renew', delayMs: context.params.scsi2RenewMs, periodic: true });
      }),
      exit: enqueueActions(({ enqueue }) => {
        enqueue.emit({ type: 'app.unmount', why: 'the cluster service took the disk offline on this node' });
        enqueue.emit(cancel('renew'));
      }),
      on: {
        'TIMER.RENEW': {
          description: `${MSCS_RULES.renew} ${MSCS_RULES.groupState}`,
          actions: enqueueActions(({ context, enqueue }) => {
            leasedReserve(context, enqueue, 'renew');
            enqueue.emit({ type: 'timer.set', name: 'renew', delayMs: context.params.scsi2RenewMs, periodic: true });
            enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
        },
        'TIMER.*': [
          {
            // This lease ran out and no later RESERVE came back GOOD: check the disk now.
            guard: ({ context, event }) => isLeaseTimer(event.type) && leaseSeq(context, event.type) >= context.good && leaseValid(context),
            description: MSCS_RULES.lease,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const fired = Math.max(context.fired, leaseSeq(context, event.type));
              enqueue.emit(note('MSCS.LEASE_EXPIRED', `${context.self}: no successful renewal within ${mscsLeaseMs(context.params) / 1000} s; it checks its reservation at once`, MSCS_RULES.lease));
              leasedReserve({ ...context, fired }, enqueue, 'renew', 'mpath', { fired, unsure: true, checking: true });
            }),
          },
          {
            guard: ({ event }) => isLeaseTimer(event.type),
            actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign({ fired: Math.max(context.fired, leaseSeq(context, event.type)) })),
          },
        ],
        'SCSI.RESULT': [
          {
            guard: ({ event }) => isRes(event, 'renew', 'rereserve', 'take', 'online', 'challenge', 'probe') && event.status === 'GOOD',
            description: MSCS_RULES.renewed,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const e = event as ScsiResultEvent;
              const update = goodReserve(context, e);
              enqueue.assign({ ...update, checking: false, recovering: baseOf(e.purpose) === 'rereserve' ? false : context.recovering });
              if (baseOf(e.purpose) === 'rereserve') {
                enqueue.emit(note('MSCS.PATH_RESERVED', `${context.self} holds the reservation again, now through path ${e.path}`, MSCS_RULES.pathRecovery));
              }
              if (context.claimants.length > 0 && (update.good ?? 0) > context.fired) {
                for (const to of context.claimants) enqueue.emit({ type: 'cluster.send', to, message: { type: 'OWNER', owner: context.self } });
                enqueue.assign({ claimants: [] });
              }
            }),
          },
          {
            // Someone else holds the disk: our own nexus answered RESERVATION CONFLICT.
            guard: ({ context, event }) => isRes(event, 'renew') && event.status === 'RESERVATION_CONFLICT' && event.path === context.reservedPath,
            target: 'stopped',
            description: MSCS_RULES.defenderLost,
            actions: enqueueActions(({ context, enqueue }) =>
              enqueue.emit(note('MSCS.DEFENDER_LOST', `${context.self}'s RESERVE gets RESERVATION CONFLICT on path ${context.reservedPath}: another node holds the disk; it stops its cluster service`, MSCS_RULES.defenderLost)),
            ),
          },
          {
            guard: ({ context, event }) => isRes(event, 'renew') && event.status === 'RESERVATION_CONFLICT' && context.recovering,
            description: `${MSCS_RULES.pathConflict} A path recovery is already under way.`,
          },
          {
            guard: ({ context, event }) =>
              isRes(event, 'renew') && event.status === 'RESERVATION_CONFLICT' && context.params.scsi2PathRecovery === 'reset-and-rereserve' && leaseValid(context) && !context.unsure,
            description: `${MSCS_RULES.pathConflict} ${MSCS_RULES.pathRecovery} Allowed only within the lease: ${MSCS_RULES.lease}`,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const e = event as ScsiResultEvent;
              enqueue.emit(
                note(
                  'MSCS.PATH_RECOVERY',
                  `${context.self}: RESERVATION CONFLICT on path ${e.path} — the reservation is still held through path ${context.reservedPath}; the DSM resets the LUN and re-reserves through path ${e.path}`,
                  MSCS_RULES.pathRecovery,
                ),
              );
              enqueue.emit({ type: 'scsi.send', via: e.path, cdb: [], tmf: 'lun', purpose: 'recover.reset' });
              leasedReserve(context, enqueue, 'rereserve', e.path, { recovering: true });
            }),
          },
          {
            guard: ({ event }) => isRes(event, 'renew') && event.status === 'RESERVATION_CONFLICT',
            target: 'stopped',
            description: `${MSCS_RULES.pathConflict} ${MSCS_RULES.noPathRecovery}`,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const e = event as ScsiResultEvent;
              const why = context.params.scsi2PathRecovery === 'none' ? 'the DSM does not move reservations (scsi2PathRecovery=none)' : 'its lease ran out, so it cannot tell whose reservation this is';
              enqueue.emit(note('MSCS.PATH_CONFLICT', `${context.self}: RESERVATION CONFLICT on path ${e.path} (reserved through path ${context.reservedPath}); ${why}: it stops its cluster service`, MSCS_RULES.noPathRecovery));
              const to = handoverTarget(context);
              if (leaseValid(context) && to) {
                enqueue.emit(note('MSCS.FAILOVER', `${context.self} hands the group over to ${to}`, MSCS_RULES.handover));
                enqueue.emit({ type: 'cluster.send', to, message: { type: 'TAKE_OVER', from: context.self } });
              }
            }),
          },
          {
            guard: ({ event }) => isRes(event, 'rereserve') && event.status === 'RESERVATION_CONFLICT',
            target: 'stopped',
            description: MSCS_RULES.defenderLost,
          },
          {
            guard: ({ context, event }) => isRes(event, 'renew', 'rereserve') && event.status !== 'GOOD' && context.unsure,
            target: 'stopped',
            description: MSCS_RULES.leaseLost,
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.emit(note('MSCS.LEASE_LOST', `${context.self} cannot renew its reservation: the disk resource fails and the cluster service stops`, MSCS_RULES.leaseLost));
              const to = handoverTarget(context);
              if (to) enqueue.emit({ type: 'cluster.send', to, message: { type: 'TAKE_OVER', from: context.self } });
            }),
          },
          {
            guard: ({ event }) => isRes(event, 'renew', 'rereserve'),
            description: MSCS_RULES.timeout,
            actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign({ checking: false, recovering: baseOf((event as ScsiResultEvent).purpose) === 'rereserve' ? false : context.recovering })),
          },
        ],
        'APP.IO_ERROR': {
          guard: ({ context, event }) => event.status === 'RESERVATION_CONFLICT' && !context.checking && !context.recovering,
          description: MSCS_RULES.ioConflict,
          actions: enqueueActions(({ context, enqueue }) => leasedReserve(context, enqueue, 'renew', 'mpath', { checking: true })),
        },
        'CLUSTER.MESSAGE': [
          {
            guard: ({ context, event }) => event.message.type === 'OWNER' && event.message.owner === event.from && event.from !== context.self,
            description: MSCS_RULES.claim,
            actions: enqueueActions(({ context, event, enqueue }) => {
              enqueue.emit(note('MSCS.CLAIM', `${event.from} says it runs the group; ${context.self} checks its reservation`, MSCS_RULES.claim));
              enqueue.assign({ claimants: [...new Set([...context.claimants, event.from])] });
              if (!context.checking && !context.recovering) leasedReserve(context, enqueue, 'renew', 'mpath', { checking: true, claimants: [...new Set([...context.claimants, event.from])] });
            }),
          },
          { description: 'The owner ignores other messages while it runs the group.' },
        ],
        'MEMBERSHIP.CHANGED': {
          description: MSCS_RULES.announce,
          actions: enqueueActions(({ context, event, enqueue }) => {
            trackMembers(context, event, enqueue);
            if (event.joined.length > 0) enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
        },
        'ADMIN.MOVE': {
          guard: ({ context, event }) => event.to !== context.self && context.members.includes(event.to),
          target: 'releasing',
          description: MSCS_RULES.move,
          actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ moveTo: event.to })),
        },
      },
    },

    releasing: {
      tags: ['standby'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit(note('MSCS.RELEASE', `${context.self} takes the disk offline and releases the reservation (path ${context.reservedPath ?? 'any'})`, MSCS_RULES.move));
        enqueue.emit({ type: 'scsi.send', via: context.reservedPath ?? 'mpath', cdb: buildRelease6Cdb(), purpose: 'move.release', label: 'RELEASE(6)' });
      }),
      on: {
        'SCSI.RESULT': {
          guard: ({ event }) => isRes(event, 'move.release'),
          target: 'standby',
          description: MSCS_RULES.move,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.assign({ owner: context.moveTo, reservedPath: null, good: context.sent, fired: context.sent });
            if (context.moveTo) enqueue.emit({ type: 'cluster.send', to: context.moveTo, message: { type: 'TAKE_OVER', from: context.self } });
          }),
        },
      },
    },

    stopped: {
      tags: ['stopped'],
      entry: enqueueActions(({ context, enqueue }) => {
        for (const t of ['renew', 'online', 'challenge', 'regroup']) enqueue.emit(cancel(t));
        // A node that lost the group remembers who claimed it last.
        enqueue.assign({ owner: context.owner === context.self ? (context.claimants.at(-1) ?? null) : context.owner, reservedPath: null, good: context.sent, fired: context.sent, checking: false, recovering: false, unsure: false, claimants: [] });
        enqueue.emit(note('MSCS.STOPPED', `${context.self}'s cluster service stops`, MSCS_RULES.restart));
        enqueue.emit({ type: 'timer.set', name: 'restart', delayMs: SERVICE_RESTART_MS });
      }),
      on: {
        'TIMER.RESTART': [
          { guard: ({ context }) => context.members.length > 1, target: 'standby', description: `${MSCS_RULES.restart} ${MSCS_RULES.rejoin}` },
          { target: 'joining', description: MSCS_RULES.restart },
        ],
      },
    },
  },
});
