// Windows Server 2008+ Failover Clustering: SCSI-3 persistent reservations, per node. Microsoft
// does not document the wire protocol; this follows the research brief §2.2 "Simulator model
// (recommended)", built from DiskArbInterval (MSDN), ClusPrep's PR primitives (MS-CSVP) and
// Microsoft's patents (US 7,277,952; US 8,719,473). Assumptions are labelled [U] (undocumented)
// or [I] (inferred) in the rules below.
//
// Every node registers its key on every path; the owner reserves the disk and, every
// DiskArbInterval, reads the keys and preempts the key of every node outside its membership view.
// A challenger registers, waits two intervals and reads the keys: if its key survived, nobody
// defends the disk and it preempts the old owner's key — the reservation moves to it; if its key
// is gone, a live owner scrubbed it and the challenger gives up. A preempted node's writes get
// RESERVATION CONFLICT (it is no longer a registrant under a registrants-only reservation).

import { emit, enqueueActions, setup } from 'xstate';
import type { NodeId } from '../model/ids';
import type { ScsiResultEvent } from '../storage/transport';
import { coordinatorOf, isResult, keysIn, note, prIn, prOut, reservationIn, type ClusterEffect, type ClusterEvent, type ClusterInput } from './common';

export const WSFC_RULES = {
  register:
    'ClusPrep CprepDiskPRRegister (MS-CSVP): each node registers its key with REGISTER AND IGNORE EXISTING KEY, on every path to the disk. [U] The key layout is undocumented; the lab uses an 8-byte key derived from the node id.',
  reserve: '[U] The owner reserves the disk with its key; the type is undocumented and must be registrants-only for CSV (research §2.2), so the lab uses prType (default Write Exclusive – Registrants Only).',
  online: 'Once it holds the reservation the owner brings the disk online, mounts it and starts defending it.',
  scrub:
    'DiskArbInterval (MSDN, default 3 s) / US 8,719,473: every interval the owner reads the registered keys and preempts the key of every node that is not in its membership view. [I] The exact sequence is undocumented (research §2.2).',
  scrubVictim: 'PREEMPT naming a key removes every registration of that key, on all of that node\'s paths at once (SPC-4 5.7.11.5); the victim can no longer write.',
  preempted: 'The owner\'s own key is gone: another node preempted it. It no longer holds the disk (its writes get RESERVATION CONFLICT), so its cluster service stops.',
  ioConflict: 'A write that gets RESERVATION CONFLICT makes the owner read the keys at once: the answer decides.',
  claim: '[I] A node that hears another node announce that it owns the group checks its key at once; if it still holds the disk it tells the other node.',
  challenge: 'A node that lost the owner from its membership view (2 nodes: every peer; 3+ nodes: the owner, and it has the lowest id of its view) arbitrates for the disk.',
  challengeRegister: 'Research §2.2 (Das & Kusters; US 7,277,952): the challenger registers its key, then waits ≈ 2 × DiskArbInterval (6 s) for a live owner to scrub it.',
  challengeCheck: 'Research §2.2: after the wait the challenger reads the keys: if its own key survived, no owner is defending the disk.',
  challengeLost: 'Research §2.2: the challenger\'s key was scrubbed — a live owner defends the disk — so the challenger gives up and stops its cluster service.',
  challengePreempt:
    'Research §2.2 / §0.2: the challenger PREEMPTs the key holding the reservation; the reservation moves to the challenger with the type it names. A crashed owner\'s reservation is thus removed automatically — no manual step (research §9.2).',
  challengeReserve: 'No reservation is left on the disk: the challenger reserves it with its own key.',
  challengeMember: '[I] The reservation is held with the key of the node that, as far as the challenger knows, runs the group, and that node is in its membership view: it is alive and owns the disk, so the challenger does not preempt it (the owner\'s scrub spares members the same way).',
  unreachable: 'The disk cannot be reached (every path failed); the node stays standby and tries again later.',
  move: 'Planned move: the owner takes the disk offline (unmount), releases its reservation (PR OUT RELEASE with its key and type, through the path that holds it) and hands the group over.',
  takeOver: 'Planned move: the target reserves the disk with its key and brings it online; registrations stay as they are.',
  join: 'A booted node starts its cluster service and joins: the owner tells it who runs the group; it then registers its key again (research S11).',
  form: 'A node that finds no cluster forms one and arbitrates for the disk like a challenger (research S11 part A).',
  rejoin: 'A stopped or rebooted node rejoins as standby when it sees the owner again, and re-registers its key.',
  restart:
    '[I] A stopped cluster service is restarted by the Service Control Manager after 60 s (Windows event 7031 "corrective action … in 60000 milliseconds: Restart the service"); by then every I/O it had queued has completed or failed, so registering again cannot let a stale write through.',
  announce: 'The owner tells a node that (re)joins its membership view that it runs the group.',
  groupState:
    '[I] Group state is replicated to every member (MSCS global updates): the owner announces that it runs the group with every renewal. A member that has heard nothing from the node it believes owns the group for longer than the membership timeout treats the group as offline.',
} as const;

/** How long a stopped cluster service stays down before the Service Control Manager restarts it. */
export const WSFC_SERVICE_RESTART_MS = 60_000;

interface Ctx extends ClusterInput {
  members: NodeId[];
  owner: NodeId | null;
  /** Path through which this node's reservation was taken (the holder nexus under WERO). */
  reservedPath: number | null;
  /** REGISTERs not answered yet. */
  registering: number;
  /** Where registering leads: reserve at start-up, or standby. */
  afterRegister: 'reserve' | 'standby';
  moveTo: NodeId | null;
  /** Nodes that claimed the group while this node owned it; told after the next scrub. */
  claimants: NodeId[];
}

type Tag = 'owner' | 'standby' | 'challenging' | 'arbitrating' | 'stopped' | 'down' | 'joining';

const cancel = (name: string): ClusterEffect => ({ type: 'timer.cancel', name });

/** How long a member waits for word from the owner before it treats the group as offline. */
const ownerSilentMs = (c: Ctx): number => c.params.heartbeatIntervalMs * c.params.heartbeatMisses + c.params.diskArbIntervalMs;

function shouldChallenge(c: Ctx, members: readonly NodeId[]): boolean {
  if (c.owner === c.self) return false;
  const ownerGone = c.owner === null || !members.includes(c.owner);
  return ownerGone && coordinatorOf(members) === c.self;
}

/** REGISTER AND IGNORE EXISTING KEY through every path. */
function registerAll(c: Ctx, purpose: string): ClusterEffect[] {
  const out: ClusterEffect[] = [];
  for (let p = 1; p <= c.pathsPerNode; p++) out.push(prOut('REGISTER_AND_IGNORE_EXISTING_KEY', { saKey: c.keys[c.self], aptpl: c.params.aptpl, via: p, purpose }));
  return out;
}

const ownKey = (c: Ctx): string => c.keys[c.self]!;
const nodeOfKey = (c: Ctx, key: string): NodeId | undefined => c.nodes.find((n) => c.keys[n] === key);

export const wsfcMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as ClusterEvent,
    input: {} as ClusterInput,
    emitted: {} as ClusterEffect,
    tags: {} as Tag,
  },
  guards: {
    ownerSeen: ({ context }) => context.owner !== null && context.owner !== context.self && context.members.includes(context.owner),
  },
}).createMachine({
  id: 'wsfc',
  context: ({ input }) => ({
    ...input,
    members: [...input.nodes],
    owner: input.params.owner as NodeId,
    reservedPath: null,
    registering: 0,
    afterRegister: input.params.owner === input.self ? 'reserve' : 'standby',
    moveTo: null,
    claimants: [],
  }),
  initial: 'registering',
  on: {
    'NODE.CRASH': { target: '.down', description: 'A crashed node loses everything it held in memory; its registrations and reservation stay on the LUN (persistent).' },
    'MEMBERSHIP.CHANGED': { actions: enqueueActions(({ enqueue, event }) => enqueue.assign({ members: event.members })) },
    'TIMER.OWNERSILENT': {
      guard: ({ context }) => context.owner !== null && context.owner !== context.self && context.members.includes(context.owner),
      description: WSFC_RULES.groupState,
      actions: enqueueActions(({ enqueue }) => enqueue.assign({ owner: null })),
    },
    'CLUSTER.MESSAGE': {
      description: WSFC_RULES.groupState,
      actions: enqueueActions(({ context, event, enqueue }) => {
        if (event.message.type !== 'OWNER') return;
        enqueue.assign({ owner: event.message.owner });
        enqueue.emit({ type: 'timer.set', name: 'ownerSilent', delayMs: ownerSilentMs(context) });
      }),
    },
  },
  states: {
    down: {
      tags: ['down'],
      on: {
        'NODE.BOOT': {
          target: 'joining',
          description: WSFC_RULES.join,
          actions: enqueueActions(({ context, enqueue }) => enqueue.assign({ members: [context.self], owner: null, reservedPath: null, moveTo: null, claimants: [] })),
        },
      },
    },

    joining: {
      tags: ['joining'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit(note('WSFC.JOIN', `${context.self} starts its cluster service and looks for the owner`, WSFC_RULES.join, false));
        enqueue.emit({ type: 'timer.set', name: 'join', delayMs: context.params.heartbeatIntervalMs * context.params.heartbeatMisses });
      }),
      exit: emit(cancel('join')),
      always: {
        guard: 'ownerSeen',
        target: 'registering',
        description: WSFC_RULES.rejoin,
        actions: enqueueActions(({ enqueue }) => enqueue.assign({ afterRegister: 'standby' })),
      },
      on: {
        'TIMER.JOIN': [
          {
            guard: ({ context }) => context.members.length === 1,
            target: 'challenging',
            description: WSFC_RULES.form,
            actions: emit(note('WSFC.FORM', 'No other node answers: this node forms the cluster and arbitrates for the disk', WSFC_RULES.form)),
          },
          { target: 'registering', description: WSFC_RULES.rejoin, actions: enqueueActions(({ enqueue }) => enqueue.assign({ afterRegister: 'standby' })) },
        ],
      },
    },

    registering: {
      tags: ['joining'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.assign({ registering: context.pathsPerNode });
        enqueue.emit(note('WSFC.REGISTER', `${context.self} registers key ${ownKey(context)} on all ${context.pathsPerNode} path(s)`, WSFC_RULES.register));
        for (const e of registerAll(context, 'register')) enqueue.emit(e);
      }),
      on: {
        'SCSI.RESULT': [
          {
            guard: ({ context, event }) => isResult(event, 'register') && context.registering <= 1 && context.afterRegister === 'reserve',
            target: 'reserving',
            description: WSFC_RULES.reserve,
          },
          { guard: ({ context, event }) => isResult(event, 'register') && context.registering <= 1, target: 'standby', description: WSFC_RULES.register },
          { guard: ({ event }) => isResult(event, 'register'), actions: enqueueActions(({ context, enqueue }) => enqueue.assign({ registering: context.registering - 1 })) },
        ],
      },
    },

    // Start-up owner, or the target of a planned move: reserve with its key, online if GOOD.
    reserving: {
      tags: ['arbitrating'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit(note('WSFC.RESERVE', `${context.self} reserves the disk (${context.params.prType}, key ${ownKey(context)})`, WSFC_RULES.reserve, false));
        enqueue.emit(prOut('RESERVE', { key: ownKey(context), type: context.params.prType, via: 'mpath', purpose: 'reserve' }));
      }),
      on: {
        'SCSI.RESULT': [
          {
            guard: ({ event }) => isResult(event, 'reserve') && event.status === 'GOOD',
            target: 'owner',
            description: WSFC_RULES.online,
            actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ reservedPath: (event as ScsiResultEvent).path })),
          },
          {
            guard: ({ event }) => isResult(event, 'reserve') && event.status === 'RESERVATION_CONFLICT',
            target: 'challenging',
            description: `Another key still holds the reservation (it was not released): ${WSFC_RULES.challengeRegister}`,
          },
          { guard: ({ event }) => isResult(event, 'reserve'), target: 'standby', description: WSFC_RULES.unreachable },
        ],
      },
    },

    standby: {
      tags: ['standby'],
      entry: enqueueActions(({ context, enqueue }) => {
        for (const t of ['scrub', 'challenge', 'restart']) enqueue.emit(cancel(t));
        enqueue.emit({ type: 'timer.set', name: 'regroup', delayMs: context.params.heartbeatIntervalMs });
        // Whoever it believes runs the group must keep saying so.
        if (context.owner !== null && context.owner !== context.self) enqueue.emit({ type: 'timer.set', name: 'ownerSilent', delayMs: ownerSilentMs(context) });
      }),
      on: {
        'MEMBERSHIP.CHANGED': [
          {
            guard: ({ context, event }) => event.lost.length > 0 && shouldChallenge(context, event.members),
            target: 'challenging',
            description: WSFC_RULES.challenge,
            actions: enqueueActions(({ context, event, enqueue }) => {
              enqueue.assign({ members: event.members });
              const who = context.owner === null ? 'no known owner' : `owner ${context.owner} is gone`;
              enqueue.emit(note('WSFC.CHALLENGE', `${context.self} lost contact (${who}; view ${event.members.join(', ')}): it arbitrates for the disk`, WSFC_RULES.challenge));
            }),
          },
          {
            guard: ({ event }) => event.joined.length > 0,
            actions: enqueueActions(({ context, event, enqueue }) => {
              enqueue.assign({ members: event.members });
              enqueue.emit({ type: 'timer.set', name: 'regroup', delayMs: context.params.heartbeatIntervalMs });
            }),
          },
          { actions: enqueueActions(({ enqueue, event }) => enqueue.assign({ members: event.members })) },
        ],
        'TIMER.OWNERSILENT': [
          {
            guard: ({ context }) =>
              context.owner !== null && context.owner !== context.self && context.members.includes(context.owner) && shouldChallenge({ ...context, owner: null }, context.members),
            target: 'challenging',
            description: `${WSFC_RULES.groupState} ${WSFC_RULES.challenge}`,
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.emit(note('WSFC.GROUP_OFFLINE', `${context.self} has heard nothing from ${context.owner} about the group: it is offline; ${context.self} arbitrates for the disk`, WSFC_RULES.groupState));
              enqueue.assign({ owner: null });
            }),
          },
          {
            guard: ({ context }) => context.owner !== null && context.owner !== context.self && context.members.includes(context.owner),
            description: WSFC_RULES.groupState,
            actions: enqueueActions(({ enqueue }) => enqueue.assign({ owner: null })),
          },
        ],
        'TIMER.REGROUP': {
          guard: ({ context }) => shouldChallenge(context, context.members),
          target: 'challenging',
          description: WSFC_RULES.challenge,
          actions: enqueueActions(({ context, enqueue }) =>
            enqueue.emit(note('WSFC.CHALLENGE', `${context.self} sees no owner in its view (${context.members.join(', ')}): it arbitrates for the disk`, WSFC_RULES.challenge)),
          ),
        },
        'CLUSTER.MESSAGE': [
          {
            // Only the node this one believes owns the group may hand it over.
            guard: ({ context, event }) => event.message.type === 'TAKE_OVER' && (context.owner === null || context.owner === event.from),
            target: 'reserving',
            description: WSFC_RULES.takeOver,
          },
          {
            description: WSFC_RULES.groupState,
            actions: enqueueActions(({ context, event, enqueue }) => {
              if (event.message.type !== 'OWNER') return;
              enqueue.assign({ owner: event.message.owner });
              enqueue.emit({ type: 'timer.set', name: 'ownerSilent', delayMs: ownerSilentMs(context) });
            }),
          },
        ],
      },
    },

    challenging: {
      tags: ['challenging'],
      initial: 'waiting',
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit(cancel('regroup'));
        enqueue.emit(note('WSFC.ARBITRATE', `${context.self} registers key ${ownKey(context)} and waits ${context.params.challengeWaitMs / 1000} s for a live owner to scrub it`, WSFC_RULES.challengeRegister));
        for (const e of registerAll(context, 'challenge.register')) enqueue.emit(e);
        enqueue.emit({ type: 'timer.set', name: 'challenge', delayMs: context.params.challengeWaitMs });
      }),
      exit: emit(cancel('challenge')),
      states: {
        waiting: {
          on: {
            'TIMER.CHALLENGE': {
              target: 'checking',
              description: WSFC_RULES.challengeCheck,
              actions: enqueueActions(({ enqueue }) => enqueue.emit(prIn('READ_KEYS', 'mpath', 'challenge.keys'))),
            },
          },
        },
        checking: {
          on: {
            'SCSI.RESULT': [
              {
                guard: ({ context, event }) => isResult(event, 'challenge.keys') && event.status === 'GOOD' && keysIn(event).includes(ownKey(context)),
                target: 'taking',
                description: WSFC_RULES.challengeCheck,
                actions: enqueueActions(({ enqueue }) => enqueue.emit(prIn('READ_RESERVATION', 'mpath', 'challenge.res'))),
              },
              {
                guard: ({ event }) => isResult(event, 'challenge.keys') && event.status === 'GOOD',
                target: '#wsfc.stopped',
                description: WSFC_RULES.challengeLost,
                actions: enqueueActions(({ context, enqueue }) =>
                  enqueue.emit(note('WSFC.CHALLENGE_LOST', `${context.self}'s key ${ownKey(context)} was scrubbed: a live owner defends the disk; ${context.self} gives up`, WSFC_RULES.challengeLost)),
                ),
              },
              { guard: ({ event }) => isResult(event, 'challenge.keys'), target: '#wsfc.standby', description: WSFC_RULES.unreachable },
            ],
          },
        },
        taking: {
          on: {
            'SCSI.RESULT': [
              {
                guard: ({ context, event }) => isResult(event, 'challenge.res') && event.status === 'GOOD' && reservationIn(event)?.key === ownKey(context),
                target: '#wsfc.owner',
                description: 'The reservation is already held with this node\'s key.',
                actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ reservedPath: (event as ScsiResultEvent).path })),
              },
              {
                guard: ({ context, event }) => {
                  if (!isResult(event, 'challenge.res') || event.status !== 'GOOD') return false;
                  const holder = nodeOfKey(context, reservationIn(event)?.key ?? '');
                  return holder !== undefined && holder === context.owner && holder !== context.self && context.members.includes(holder);
                },
                target: '#wsfc.standby',
                description: WSFC_RULES.challengeMember,
                actions: enqueueActions(({ context, event, enqueue }) => {
                  const holder = nodeOfKey(context, reservationIn(event as ScsiResultEvent)!.key)!;
                  enqueue.assign({ owner: holder });
                  enqueue.emit(note('WSFC.OWNER_ALIVE', `The reservation is held by ${holder}, which is in ${context.self}'s view: it stays standby`, WSFC_RULES.challengeMember));
                }),
              },
              {
                guard: ({ event }) => isResult(event, 'challenge.res') && event.status === 'GOOD' && reservationIn(event) !== null,
                description: WSFC_RULES.challengePreempt,
                actions: enqueueActions(({ context, event, enqueue }) => {
                  const holder = reservationIn(event as ScsiResultEvent)!.key;
                  const who = nodeOfKey(context, holder);
                  enqueue.emit(note('WSFC.PREEMPT', `${context.self}'s key survived: nobody defends the disk. It preempts key ${holder}${who ? ` (${who})` : ''}`, WSFC_RULES.challengePreempt));
                  enqueue.emit(prOut('PREEMPT', { key: ownKey(context), saKey: holder, type: context.params.prType, via: 'mpath', purpose: 'challenge.take' }));
                }),
              },
              {
                guard: ({ event }) => isResult(event, 'challenge.res') && event.status === 'GOOD',
                description: WSFC_RULES.challengeReserve,
                actions: enqueueActions(({ context, enqueue }) => enqueue.emit(prOut('RESERVE', { key: ownKey(context), type: context.params.prType, via: 'mpath', purpose: 'challenge.take' }))),
              },
              { guard: ({ event }) => isResult(event, 'challenge.res'), target: '#wsfc.standby', description: WSFC_RULES.unreachable },
              {
                guard: ({ event }) => isResult(event, 'challenge.take') && event.status === 'GOOD',
                target: '#wsfc.owner',
                description: WSFC_RULES.challengePreempt,
                actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ reservedPath: (event as ScsiResultEvent).path })),
              },
              {
                guard: ({ event }) => isResult(event, 'challenge.take') && event.status === 'RESERVATION_CONFLICT',
                target: '#wsfc.stopped',
                description: 'The PREEMPT conflicts: this node is no longer a registrant — a live owner scrubbed it in the meantime.',
              },
              { guard: ({ event }) => isResult(event, 'challenge.take'), target: '#wsfc.standby', description: WSFC_RULES.unreachable },
            ],
          },
        },
      },
    },

    owner: {
      tags: ['owner'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.assign({ owner: context.self, moveTo: null });
        enqueue.emit(note('WSFC.ONLINE', `${context.self} holds the reservation and brings the disk online`, WSFC_RULES.online));
        enqueue.emit({ type: 'app.mount' });
        enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
        enqueue.emit({ type: 'timer.set', name: 'scrub', delayMs: context.params.diskArbIntervalMs, periodic: true });
      }),
      exit: enqueueActions(({ enqueue }) => {
        enqueue.emit({ type: 'app.unmount', why: 'the cluster service took the disk offline on this node' });
        enqueue.emit(cancel('scrub'));
      }),
      on: {
        'TIMER.SCRUB': {
          description: `${WSFC_RULES.scrub} ${WSFC_RULES.groupState}`,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.emit(prIn('READ_KEYS', 'mpath', 'scrub.keys'));
            enqueue.emit({ type: 'timer.set', name: 'scrub', delayMs: context.params.diskArbIntervalMs, periodic: true });
            enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
        },
        'SCSI.RESULT': [
          {
            guard: ({ context, event }) => isResult(event, 'scrub.keys') && event.status === 'GOOD' && !keysIn(event).includes(ownKey(context)),
            target: 'stopped',
            description: WSFC_RULES.preempted,
            actions: enqueueActions(({ context, enqueue }) =>
              enqueue.emit(note('WSFC.PREEMPTED', `${context.self}'s key ${ownKey(context)} is gone from the disk: another node took it over; ${context.self} stops its cluster service`, WSFC_RULES.preempted)),
            ),
          },
          {
            guard: ({ event }) => isResult(event, 'scrub.keys') && event.status === 'GOOD',
            description: WSFC_RULES.scrub,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const keys = keysIn(event as ScsiResultEvent);
              for (const n of context.nodes) {
                if (n === context.self || context.members.includes(n) || !keys.includes(context.keys[n]!)) continue;
                enqueue.emit(note('WSFC.SCRUB', `${context.self} preempts key ${context.keys[n]}: ${n} is not in its membership view`, WSFC_RULES.scrubVictim));
                enqueue.emit(prOut('PREEMPT', { key: ownKey(context), saKey: context.keys[n], type: context.params.prType, via: 'mpath', purpose: 'scrub.preempt' }));
              }
              for (const to of context.claimants) enqueue.emit({ type: 'cluster.send', to, message: { type: 'OWNER', owner: context.self } });
              if (context.claimants.length > 0) enqueue.assign({ claimants: [] });
            }),
          },
          {
            guard: ({ event }) => isResult(event, 'scrub.preempt') && event.status === 'RESERVATION_CONFLICT',
            target: 'stopped',
            description: `${WSFC_RULES.preempted} (its PREEMPT conflicts: it is no longer a registrant)`,
          },
        ],
        'APP.IO_ERROR': {
          guard: ({ event }) => event.status === 'RESERVATION_CONFLICT',
          description: WSFC_RULES.ioConflict,
          actions: enqueueActions(({ enqueue }) => enqueue.emit(prIn('READ_KEYS', 'mpath', 'scrub.keys'))),
        },
        'CLUSTER.MESSAGE': [
          {
            guard: ({ context, event }) => event.message.type === 'OWNER' && event.message.owner === event.from && event.from !== context.self,
            description: WSFC_RULES.claim,
            actions: enqueueActions(({ context, event, enqueue }) => {
              enqueue.emit(note('WSFC.CLAIM', `${event.from} says it runs the group; ${context.self} checks its key`, WSFC_RULES.claim));
              enqueue.assign({ claimants: [...new Set([...context.claimants, event.from])] });
              enqueue.emit(prIn('READ_KEYS', 'mpath', 'scrub.keys'));
            }),
          },
          { description: 'The owner ignores other messages while it runs the group.' },
        ],
        'MEMBERSHIP.CHANGED': {
          description: WSFC_RULES.announce,
          actions: enqueueActions(({ context, event, enqueue }) => {
            enqueue.assign({ members: event.members });
            if (event.joined.length > 0) enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
        },
        'ADMIN.MOVE': {
          guard: ({ context, event }) => event.to !== context.self && context.members.includes(event.to),
          target: 'releasing',
          description: WSFC_RULES.move,
          actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ moveTo: event.to })),
        },
      },
    },

    releasing: {
      tags: ['standby'],
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.emit(note('WSFC.RELEASE', `${context.self} takes the disk offline and releases its reservation`, WSFC_RULES.move));
        enqueue.emit(prOut('RELEASE', { key: ownKey(context), type: context.params.prType, via: context.reservedPath ?? 'mpath', purpose: 'move.release' }));
      }),
      on: {
        'SCSI.RESULT': {
          guard: ({ event }) => isResult(event, 'move.release'),
          target: 'standby',
          description: WSFC_RULES.move,
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue.assign({ owner: context.moveTo, reservedPath: null });
            if (context.moveTo) enqueue.emit({ type: 'cluster.send', to: context.moveTo, message: { type: 'TAKE_OVER', from: context.self } });
          }),
        },
      },
    },

    stopped: {
      tags: ['stopped'],
      entry: enqueueActions(({ context, enqueue }) => {
        for (const t of ['scrub', 'challenge', 'regroup']) enqueue.emit(cancel(t));
        // A node that lost the group remembers who claimed it last.
        enqueue.assign({ owner: context.owner === context.self ? (context.claimants.at(-1) ?? null) : context.owner, reservedPath: null, claimants: [] });
        enqueue.emit(note('WSFC.STOPPED', `${context.self}'s cluster service stops`, WSFC_RULES.restart));
        enqueue.emit({ type: 'timer.set', name: 'restart', delayMs: WSFC_SERVICE_RESTART_MS });
      }),
      on: { 'TIMER.RESTART': { target: 'joining', description: WSFC_RULES.restart } },
    },
  },
});
