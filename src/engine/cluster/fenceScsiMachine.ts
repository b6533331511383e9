// Pacemaker with fence_scsi (SCSI-3 PR), per node. Behaviour from fence-agents fence_scsi.py and
// the research brief §3: unfencing registers the node's key on every path (REGISTER AND IGNORE
// EXISTING KEY) and the first node reserves Write Exclusive – Registrants Only; a quorate
// partition's coordinator fences a lost node with PREEMPT AND ABORT of its key, checks the key
// is gone, and only then starts the service; a node whose key is gone gets RESERVATION CONFLICT
// on writes and, with the watchdog (fence_scsi_check), reboots; on rejoin it unfences again.

import { emit, enqueueActions, setup } from 'xstate';
import type { NodeId } from '../model/ids';
import type { ScsiResultEvent } from '../storage/transport';
import { coordinatorOf, isQuorate, isResult, keysIn, note, prIn, prOut, reservationIn, type ClusterEffect, type ClusterEvent, type ClusterInput } from './common';
import { mayStart, PLACEMENT_RULE, PLACEMENT_WAIT_MS, STARTUP_FENCING_RULE, unclearedLost } from './placement';


export const FENCE_SCSI_RULES = {
  unfence: 'fence_scsi unfencing: the node registers its key on every path with REGISTER AND IGNORE EXISTING KEY (sg_persist -o -I -S key) before any resource starts.',
  reserve: 'fence_scsi: when the device has no reservation, the unfencing node reserves it Write Exclusive – Registrants Only (sg_persist -o -R -T 5).',
  consensus: 'Corosync declares the new membership after the token timeout plus the consensus time; only then does Pacemaker act.',
  inquorate: 'A partition without quorum stops its resources and never fences (Pacemaker no-quorum-policy=stop).',
  fence: 'fence_scsi "off": the fencing node, itself a registrant, sends PREEMPT AND ABORT naming the victim\'s key, removing every registration of that key (all the victim\'s paths) and aborting its queued commands.',
  verify: 'fence_scsi checks the victim\'s key is gone before reporting success; only then may the service start elsewhere.',
  fenced: 'A node whose key was preempted is no longer a registrant: under Write Exclusive – Registrants Only its writes get RESERVATION CONFLICT, so Pacemaker stops the service ("we were allegedly just fenced").',
  watchdog: 'fence_scsi_check, run by the watchdog daemon, reboots the node when its key is registered on none of its devices.',
  waitForAll: 'votequorum two_node + wait_for_all: a freshly started node does nothing until it has seen its peer once.',
  alreadyFenced: 'fence_scsi lists the keys before preempting: a victim whose key is already gone is fenced, and nothing is sent.',
  move: 'Planned move: the cluster stops the service on the owner and starts it on the target; registrations and reservation stay as they are (both nodes are registrants).',
} as const;

interface Ctx extends ClusterInput {
  members: NodeId[];
  /** Who runs the service, as far as this node knows (null after a reboot until it hears). */
  owner: NodeId | null;
  /** Lost nodes this node, as coordinator, still has to fence. */
  toFence: NodeId[];
  /** Lost nodes whose key this node saw removed since they left; a rejoining node is no longer cleared. */
  cleared: NodeId[];
  victim: NodeId | null;
  /** Where the fencing of `victim` stands; fencing runs beside the service. */
  fence: 'idle' | 'delay' | 'check' | 'preempt' | 'verify';
  /** Paths whose REGISTER has not answered yet during unfencing. */
  registering: number;
  unfenced: boolean;
}

export const fenceScsiMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as ClusterEvent,
    input: {} as ClusterInput,
    emitted: {} as ClusterEffect,
    tags: {} as 'owner' | 'standby' | 'registered' | 'fenced' | 'stopped' | 'inquorate' | 'joining' | 'down',
  },
  guards: {
    isOwner: ({ context }) => context.owner === context.self,
    allSeen: ({ context, event }) => {
      const members = event.type === 'MEMBERSHIP.CHANGED' ? event.members : context.members;
      const { twoNode, waitForAll } = context.params;
      if (twoNode && waitForAll) return members.length === context.nodes.length;
      return isQuorate(members, context.nodes, twoNode);
    },
  },
}).createMachine({
  id: 'fenceScsi',
  context: ({ input }) => ({ ...input, members: [...input.nodes], owner: input.params.owner as NodeId, toFence: [], cleared: [], victim: null, fence: 'idle', registering: 0, unfenced: false }),
  initial: 'unfencing',
  on: {
    'NODE.CRASH': { target: '.down', description: 'A crashed node loses everything it held in memory.' },
    'MEMBERSHIP.CHANGED': { actions: enqueueActions(({ enqueue, event }) => enqueue.assign({ members: event.members })) },
    'CLUSTER.MESSAGE': {
      actions: enqueueActions(({ event, enqueue }) => {
        if (event.message.type === 'OWNER') enqueue.assign({ owner: event.message.owner });
      }),
    },
    'TIMER.WATCHDOG': {
      description: FENCE_SCSI_RULES.watchdog,
      actions: enqueueActions(({ context, enqueue }) => {
        if (!context.params.watchdog || !context.unfenced) return;
        enqueue.emit(prIn('READ_KEYS', 'mpath', 'watchdog'));
        enqueue.emit({ type: 'timer.set', name: 'watchdog', delayMs: context.params.watchdogIntervalMs, periodic: true });
      }),
    },
    'SCSI.RESULT': {
      actions: enqueueActions(({ context, event, enqueue }) => {
        if (!isResult(event, 'watchdog') || event.status !== 'GOOD') return;
        if (!keysIn(event).includes(context.keys[context.self]!)) {
          enqueue.emit({ type: 'node.reboot', why: `fence_scsi_check: key ${context.keys[context.self]} is no longer registered`, rule: FENCE_SCSI_RULES.watchdog });
        }
      }),
    },
  },
  states: {
    down: {
      tags: ['down'],
      entry: enqueueActions(({ enqueue }) => enqueue.assign({ unfenced: false, toFence: [], victim: null, fence: 'idle' })),
      on: {
        'NODE.BOOT': {
          target: 'joining',
          description: 'After a reboot Pacemaker starts, forms or joins the cluster, and unfences before running anything.',
          actions: enqueueActions(({ context, enqueue }) => enqueue.assign({ members: [context.self], owner: null, cleared: [] })),
        },
      },
    },
    joining: {
      tags: ['joining'],
      always: { guard: 'allSeen', target: 'unfencing' },
      entry: emit(note('CLUSTER.WAIT_FOR_ALL', 'Waiting to see the other cluster nodes before starting (wait_for_all)', FENCE_SCSI_RULES.waitForAll, false)),
    },
    unfencing: {
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue.assign({ registering: context.pathsPerNode });
        enqueue.emit(note('FENCE_SCSI.UNFENCE', `${context.self} unfences: registers key ${context.keys[context.self]} on all ${context.pathsPerNode} path(s)`, FENCE_SCSI_RULES.unfence));
        for (let p = 1; p <= context.pathsPerNode; p++) {
          enqueue.emit(prOut('REGISTER_AND_IGNORE_EXISTING_KEY', { saKey: context.keys[context.self], aptpl: context.params.aptpl, via: p, purpose: 'unfence.register' }));
        }
      }),
      on: {
        'SCSI.RESULT': [
          {
            guard: ({ event, context }) => isResult(event, 'unfence.register') && context.registering <= 1,
            actions: enqueueActions(({ enqueue }) => {
              enqueue.assign({ registering: 0, unfenced: true });
              enqueue.emit(prIn('READ_RESERVATION', 'mpath', 'unfence.readres'));
            }),
          },
          {
            guard: ({ event }) => isResult(event, 'unfence.register'),
            actions: enqueueActions(({ context, enqueue }) => enqueue.assign({ registering: context.registering - 1 })),
          },
          {
            guard: ({ event }) => isResult(event, 'unfence.readres') && reservationIn(event as ScsiResultEvent) === null && (event as ScsiResultEvent).status === 'GOOD',
            description: FENCE_SCSI_RULES.reserve,
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.emit(prOut('RESERVE', { key: context.keys[context.self], type: context.params.prType, via: 'mpath', purpose: 'unfence.reserve' }));
            }),
          },
          { guard: ({ event }) => isResult(event, 'unfence.readres') || isResult(event, 'unfence.reserve'), target: 'online' },
        ],
      },
      exit: enqueueActions(({ context, enqueue }) => {
        if (context.params.watchdog) enqueue.emit({ type: 'timer.set', name: 'watchdog', delayMs: context.params.watchdogIntervalMs, periodic: true });
      }),
    },
    online: {
      tags: ['registered'],
      initial: 'route',
      states: {
        route: { always: [{ guard: 'isOwner', target: 'owner' }, { target: 'standby' }] },
        standby: {
          tags: ['standby'],
          // After a reboot nobody has said who runs the service yet: the coordinator starts it
          // if, after a short wait, no member claims it (Pacemaker's DC places resources).
          entry: enqueueActions(({ context, enqueue }) => {
            if (context.owner === null) enqueue.emit({ type: 'timer.set', name: 'placement', delayMs: PLACEMENT_WAIT_MS });
          }),
          on: {
            'TIMER.PLACEMENT': [
              { guard: ({ context }) => context.owner === null && mayStart(context), target: 'owner', description: PLACEMENT_RULE },
              {
                // startup-fencing: a node not seen since start may hold the service: fence it first.
                guard: ({ context }) => context.owner === null && context.params.fencing && coordinatorOf(context.members) === context.self && unclearedLost(context).length > 0,
                description: STARTUP_FENCING_RULE,
                actions: enqueueActions(({ context, enqueue }) => {
                  const victims = unclearedLost(context).filter((n) => !context.toFence.includes(n) && n !== context.victim);
                  enqueue.assign({ toFence: [...context.toFence, ...victims] });
                  if (context.fence === 'idle') enqueue.raise({ type: 'TIMER.FENCE_NEXT' });
                }),
              },
            ],
          },
        },
        owner: {
          tags: ['owner'],
          entry: enqueueActions(({ context, enqueue }) => {
            enqueue.emit({ type: 'app.mount' });
            enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
          exit: emit({ type: 'app.unmount', why: 'service stopped on this node' } as ClusterEffect),
          on: {
            'ADMIN.MOVE': {
              guard: ({ context, event }) => event.to !== context.self && context.members.includes(event.to),
              target: 'standby',
              description: FENCE_SCSI_RULES.move,
              actions: enqueueActions(({ context, event, enqueue }) => {
                enqueue.assign({ owner: event.to });
                enqueue.emit({ type: 'cluster.send', to: event.to, message: { type: 'TAKE_OVER', from: context.self } });
              }),
            },
          },
        },
      },
      on: {
        'MEMBERSHIP.CHANGED': {
          actions: enqueueActions(({ context, event, enqueue }) => {
            enqueue.assign({ members: event.members, cleared: context.cleared.filter((n) => !event.joined.includes(n)) });
            if (event.lost.length > 0) enqueue.emit({ type: 'timer.set', name: 'consensus', delayMs: context.params.consensusMs });
            // A (re)joining node learns who runs the service.
            if (event.joined.length > 0 && context.owner === context.self) enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
        },
        'CLUSTER.MESSAGE': [
          {
            guard: ({ event }) => event.message.type === 'TAKE_OVER',
            target: '.owner',
            actions: enqueueActions(({ context, enqueue }) => enqueue.assign({ owner: context.self })),
          },
          { actions: enqueueActions(({ event, enqueue }) => event.message.type === 'OWNER' && enqueue.assign({ owner: event.message.owner })) },
        ],
        'TIMER.CONSENSUS': [
          {
            guard: ({ context }) => !isQuorate(context.members, context.nodes, context.params.twoNode),
            target: '#fenceScsi.inquorate',
            description: FENCE_SCSI_RULES.inquorate,
          },
          {
            // Fencing runs beside the service (context.fence), so an owner fencing a lost standby keeps its mount.
            guard: ({ context }) => coordinatorOf(context.members) === context.self && context.nodes.some((n) => !context.members.includes(n) && !context.toFence.includes(n) && n !== context.victim),
            description: FENCE_SCSI_RULES.consensus,
            actions: enqueueActions(({ context, enqueue }) => {
              const victims = context.nodes.filter((n) => !context.members.includes(n) && !context.toFence.includes(n) && n !== context.victim);
              enqueue.assign({ toFence: [...context.toFence, ...victims] });
              if (context.fence === 'idle') enqueue.raise({ type: 'TIMER.FENCE_NEXT' });
            }),
          },
        ],
        'TIMER.FENCE_NEXT': {
          guard: ({ context }) => context.fence === 'idle' && context.toFence.length > 0,
          actions: enqueueActions(({ context, enqueue }) => {
            const victim = context.toFence[0]!;
            enqueue.assign({ victim, toFence: context.toFence.slice(1), fence: 'delay' });
            enqueue.emit(note('FENCE_SCSI.FENCE_START', `${context.self} will fence ${victim} (its key ${context.keys[victim]})`, FENCE_SCSI_RULES.fence));
            enqueue.emit({ type: 'timer.set', name: 'fence_delay', delayMs: context.params.fenceDelayMs, jitterMaxMs: context.params.pcmkDelayMaxMs });
          }),
        },
        'TIMER.FENCE_DELAY': {
          guard: ({ context }) => context.fence === 'delay',
          actions: enqueueActions(({ enqueue }) => {
            enqueue.assign({ fence: 'check' });
            enqueue.emit(prIn('READ_KEYS', 'mpath', 'fence.check'));
          }),
        },
        'SCSI.RESULT': [
          {
            // fence_scsi reads the keys first and only preempts a key that is still registered.
            guard: ({ context, event }) => isResult(event, 'fence.check') && event.status === 'GOOD' && keysIn(event).includes(context.keys[context.victim!]!),
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.assign({ fence: 'preempt' });
              enqueue.emit(prOut('PREEMPT_AND_ABORT', { key: context.keys[context.self], saKey: context.keys[context.victim!], type: context.params.prType, via: 'mpath', purpose: 'fence.preempt' }));
            }),
          },
          {
            guard: ({ event }) => isResult(event, 'fence.check') && event.status === 'GOOD',
            description: FENCE_SCSI_RULES.alreadyFenced,
            // The victim's key is already gone: it is fenced; go on as after a successful verify.
            actions: enqueueActions(({ enqueue }) => {
              enqueue.assign({ fence: 'verify' });
              enqueue.emit(prIn('READ_KEYS', 'mpath', 'fence.verify'));
            }),
          },
          {
            guard: ({ event }) => isResult(event, 'fence.check'),
            description: 'A failed fence is retried; the service stays down until fencing succeeds.',
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.assign({ fence: 'delay' });
              enqueue.emit({ type: 'timer.set', name: 'fence_delay', delayMs: Math.max(1000, context.params.fenceDelayMs) });
            }),
          },
          {
            guard: ({ event }) => isResult(event, 'fence.preempt') && event.status === 'GOOD',
            actions: enqueueActions(({ enqueue }) => {
              enqueue.assign({ fence: 'verify' });
              enqueue.emit(prIn('READ_KEYS', 'mpath', 'fence.verify'));
            }),
          },
          {
            guard: ({ event }) => isResult(event, 'fence.preempt') && event.status === 'RESERVATION_CONFLICT',
            target: '#fenceScsi.stopped',
            description: 'PREEMPT AND ABORT from a node that is no longer registered gets RESERVATION CONFLICT: the other side fenced this node first.',
          },
          {
            guard: ({ event }) => isResult(event, 'fence.preempt'),
            description: 'A failed fence is retried; the service stays down until fencing succeeds.',
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.assign({ fence: 'delay' });
              enqueue.emit({ type: 'timer.set', name: 'fence_delay', delayMs: Math.max(1000, context.params.fenceDelayMs) });
            }),
          },
          {
            guard: ({ context, event }) => {
              if (!isResult(event, 'fence.verify') || keysIn(event).includes(context.keys[context.victim!]!)) return false;
              const after = { ...context, cleared: [...context.cleared, context.victim!] };
              return context.toFence.length === 0 && context.owner !== context.self && (context.owner === null || !context.members.includes(context.owner)) && mayStart(after);
            },
            target: '.owner',
            description: FENCE_SCSI_RULES.verify,
            actions: enqueueActions(({ context, enqueue }) => {
              enqueue.emit(note('FENCE_SCSI.FENCED', `${context.victim} is fenced: its key is gone from the LUN; ${context.self} starts the service`, FENCE_SCSI_RULES.verify, true, { victim: context.victim }));
              enqueue.assign({ owner: context.self, fence: 'idle', victim: null, cleared: [...context.cleared, context.victim!] });
            }),
          },
          {
            guard: ({ event }) => isResult(event, 'fence.verify'),
            description: FENCE_SCSI_RULES.verify,
            actions: enqueueActions(({ context, event, enqueue }) => {
              const gone = !keysIn(event as ScsiResultEvent).includes(context.keys[context.victim!]!);
              // Only a key really gone is a fence; a key still listed is a failed fence (retried by TIMER.FENCE_NEXT).
              enqueue.emit(
                gone
                  ? note('FENCE_SCSI.FENCED', `${context.victim} is fenced: its key is gone from the LUN`, FENCE_SCSI_RULES.verify, true, { victim: context.victim })
                  : note('FENCE_SCSI.FENCE_FAILED', `${context.victim}'s key is still registered: the fence did not take`, FENCE_SCSI_RULES.verify, true, { victim: context.victim }),
              );
              enqueue.assign({ fence: 'idle', victim: null, cleared: gone ? [...context.cleared, context.victim!] : context.cleared });
              enqueue.raise({ type: 'TIMER.FENCE_NEXT' });
            }),
          },
        ],
        'APP.IO_ERROR': {
          guard: ({ event }) => event.status === 'RESERVATION_CONFLICT',
          target: 'stopped',
          description: FENCE_SCSI_RULES.fenced,
        },
      },
    },
    inquorate: {
      tags: ['inquorate', 'registered'],
      entry: [
        emit(note('CLUSTER.INQUORATE', 'No quorum: resources stop, no fencing from this side', FENCE_SCSI_RULES.inquorate)),
        enqueueActions(({ enqueue }) => enqueue.assign({ toFence: [], victim: null, fence: 'idle' })),
      ],
      on: {
        'MEMBERSHIP.CHANGED': {
          guard: ({ context, event }) => isQuorate(event.members, context.nodes, context.params.twoNode),
          target: 'online',
          actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ members: event.members })),
        },
      },
    },
    stopped: {
      tags: ['stopped', 'fenced'],
      entry: emit(note('CLUSTER.FENCED', 'This node has been fenced from the storage: Pacemaker stops its resources', FENCE_SCSI_RULES.fenced)),
    },
  },
});
