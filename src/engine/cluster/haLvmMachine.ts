// Pacemaker + HA-LVM (system_id / tagging), the "no reservation" mode. The storage enforces
// nothing: the owner writes its system ID into the VG metadata, activates the VG and mounts; a
// takeover node simply rewrites the system ID (LVM-activate `systemid_activate`). Safety comes
// only from membership, quorum and power fencing (research §5). With fencing disabled, a
// heartbeat partition lets both sides mount: the integrity checker flags the corruption.

import { emit, enqueueActions, setup } from 'xstate';
import { buildWriteCdb } from '../lun';
import { BLOCK_SIZE } from '../lun/state';
import type { NodeId } from '../model/ids';
import { VG_METADATA_LBA } from '../storage/app';
import { coordinatorOf, isQuorate, isResult, note, type ClusterEffect, type ClusterEvent, type ClusterInput } from './common';
import { mayStart, PLACEMENT_RULE, PLACEMENT_WAIT_MS, STARTUP_FENCING_RULE, unclearedLost } from './placement';


export const HA_LVM_RULES = {
  activate: 'LVM-activate (system_id): the starting node rewrites the VG system ID to its own and activates the VG. The old owner is not asked: a system ID is metadata, not a lock.',
  consensus: 'Corosync declares the new membership after the token timeout plus the consensus time; only then does Pacemaker act.',
  inquorate: 'A partition without quorum stops its resources and never fences (no-quorum-policy=stop).',
  fence: 'STONITH: the coordinator of a quorate partition powers off every lost node before moving its resources.',
  takeover: 'Once the lost owner is known to be off (fenced), the coordinator activates the VG and mounts the file system.',
  noFencing: 'stonith-enabled=false: the surviving side assumes the lost node is dead and starts the service at once — if it is alive, both nodes now have the file system mounted.',
  multiActive: 'Pacemaker finds the resource active on two nodes and stops it on one of them (multiple-active=stop_start) — after both have written.',
  waitForAll: 'votequorum two_node + wait_for_all: a freshly started node does nothing until it has seen its peer once.',
  move: 'Planned move: the owner unmounts and deactivates the VG; the target then activates (rewriting the system ID) and mounts.',
} as const;

interface Ctx extends ClusterInput {
  members: NodeId[];
  /** Who runs the service, as far as this node knows (null after a reboot until it hears). */
  owner: NodeId | null;
  toFence: NodeId[];
  /** Lost nodes confirmed off by a fence since they left; a rejoining node is no longer cleared. */
  cleared: NodeId[];
}

function activationWrite(self: NodeId): ClusterEffect {
  const text = `LVM2 VG shared_vg system_id=${self}`;
  const data = new Array<number>(BLOCK_SIZE).fill(0);
  for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
  return { type: 'scsi.send', via: 'mpath', cdb: buildWriteCdb(VG_METADATA_LBA, 1), dataOut: data, purpose: 'vg.activate', label: `WRITE(10) LBA ${VG_METADATA_LBA} (VG system_id=${self})` };
}

export const haLvmMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as ClusterEvent,
    input: {} as ClusterInput,
    emitted: {} as ClusterEffect,
    tags: {} as 'owner' | 'standby' | 'activating' | 'inquorate' | 'joining' | 'down',
  },
  guards: {
    isOwner: ({ context }) => context.owner === context.self,
    ready: ({ context }) => {
      const { twoNode, waitForAll } = context.params;
      if (twoNode && waitForAll) return context.members.length === context.nodes.length;
      return isQuorate(context.members, context.nodes, twoNode);
    },
  },
}).createMachine({
  id: 'haLvm',
  context: ({ input }) => ({ ...input, members: [...input.nodes], owner: input.params.owner as NodeId, toFence: [], cleared: [] }),
  initial: 'running',
  on: {
    'NODE.CRASH': { target: '.down' },
    'MEMBERSHIP.CHANGED': { actions: enqueueActions(({ enqueue, event }) => enqueue.assign({ members: event.members })) },
    'CLUSTER.MESSAGE': { actions: enqueueActions(({ event, enqueue }) => event.message.type === 'OWNER' && enqueue.assign({ owner: event.message.owner })) },
  },
  states: {
    down: {
      tags: ['down'],
      on: { 'NODE.BOOT': { target: 'joining', actions: enqueueActions(({ context, enqueue }) => enqueue.assign({ members: [context.self], toFence: [], cleared: [], owner: null })) } },
    },
    joining: {
      tags: ['joining'],
      entry: emit(note('CLUSTER.WAIT_FOR_ALL', 'Waiting to see the other cluster nodes before starting (wait_for_all)', HA_LVM_RULES.waitForAll, false)),
      always: { guard: 'ready', target: 'running.standby' },
    },
    running: {
      initial: 'route',
      states: {
        route: { always: [{ guard: 'isOwner', target: 'activating' }, { target: 'standby' }] },
        standby: {
          tags: ['standby'],
          // After a reboot nobody has said who runs the service yet: the coordinator starts it
          // if, after a short wait, no member claims it (Pacemaker's DC places resources).
          entry: enqueueActions(({ context, enqueue }) => {
            if (context.owner === null) enqueue.emit({ type: 'timer.set', name: 'placement', delayMs: PLACEMENT_WAIT_MS });
          }),
          on: {
            'TIMER.PLACEMENT': [
              {
                guard: ({ context }) => context.owner === null && mayStart(context),
                target: 'activating',
                description: PLACEMENT_RULE,
              },
              {
                // startup-fencing: nodes never seen since start are fenced before anything starts.
                guard: ({ context }) => context.owner === null && context.params.fencing && coordinatorOf(context.members) === context.self && unclearedLost(context).length > 0,
                description: STARTUP_FENCING_RULE,
                actions: enqueueActions(({ context, enqueue }) => {
                  const victims = unclearedLost(context).filter((n) => !context.toFence.includes(n));
                  enqueue.assign({ toFence: [...context.toFence, ...victims] });
                  for (const victim of victims) enqueue.emit({ type: 'fence.power', victim, delayMs: context.params.fenceDelayMs, jitterMaxMs: context.params.pcmkDelayMaxMs });
                }),
              },
            ],
          },
        },
        activating: {
          tags: ['activating'],
          entry: enqueueActions(({ context, enqueue }) => {
            enqueue.emit(note('HA_LVM.ACTIVATE', `${context.self} writes system_id=${context.self} into the VG metadata and activates the VG`, HA_LVM_RULES.activate));
            enqueue.emit(activationWrite(context.self));
          }),
          on: { 'SCSI.RESULT': { guard: ({ event }) => isResult(event, 'vg.activate'), target: 'owner' } },
        },
        owner: {
          tags: ['owner'],
          entry: enqueueActions(({ context, enqueue }) => {
            enqueue.assign({ owner: context.self });
            enqueue.emit({ type: 'app.mount' });
            enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
          exit: emit({ type: 'app.unmount', why: 'service stopped on this node' } as ClusterEffect),
          on: {
            'ADMIN.MOVE': {
              guard: ({ context, event }) => event.to !== context.self && context.members.includes(event.to),
              target: 'standby',
              description: HA_LVM_RULES.move,
              actions: enqueueActions(({ context, event, enqueue }) => {
                enqueue.assign({ owner: event.to });
                enqueue.emit({ type: 'cluster.send', to: event.to, message: { type: 'TAKE_OVER', from: context.self } });
              }),
            },
            'CLUSTER.MESSAGE': {
              guard: ({ context, event }) => event.message.type === 'OWNER' && event.message.owner !== context.self && event.message.owner < context.self,
              target: 'standby',
              description: HA_LVM_RULES.multiActive,
              actions: enqueueActions(({ event, enqueue }) => {
                if (event.message.type === 'OWNER') enqueue.assign({ owner: event.message.owner });
                enqueue.emit(note('PACEMAKER.MULTI_ACTIVE', 'Resource found active on two nodes: Pacemaker stops it here', HA_LVM_RULES.multiActive));
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
            if (event.joined.length > 0 && context.owner === context.self) enqueue.emit({ type: 'cluster.send', to: 'all', message: { type: 'OWNER', owner: context.self } });
          }),
        },
        'CLUSTER.MESSAGE': [
          { guard: ({ event }) => event.message.type === 'TAKE_OVER', target: '.activating' },
          { actions: enqueueActions(({ event, enqueue }) => event.message.type === 'OWNER' && enqueue.assign({ owner: event.message.owner })) },
        ],
        'TIMER.CONSENSUS': [
          { guard: ({ context }) => !isQuorate(context.members, context.nodes, context.params.twoNode), target: '#haLvm.inquorate', description: HA_LVM_RULES.inquorate },
          {
            // Fencing runs beside the service: an owner that fences a lost standby keeps its mount.
            guard: ({ context }) => context.params.fencing && coordinatorOf(context.members) === context.self && context.nodes.some((n) => !context.members.includes(n) && !context.toFence.includes(n)),
            description: HA_LVM_RULES.fence,
            actions: enqueueActions(({ context, enqueue }) => {
              const victims = context.nodes.filter((n) => !context.members.includes(n) && !context.toFence.includes(n));
              enqueue.assign({ toFence: [...context.toFence, ...victims] });
              for (const victim of victims) enqueue.emit({ type: 'fence.power', victim, delayMs: context.params.fenceDelayMs, jitterMaxMs: context.params.pcmkDelayMaxMs });
            }),
          },
          {
            guard: ({ context }) => !context.params.fencing && coordinatorOf(context.members) === context.self && context.owner !== null && !context.members.includes(context.owner),
            target: '.activating',
            description: HA_LVM_RULES.noFencing,
            actions: emit(note('HA_LVM.TAKEOVER_UNFENCED', 'The owner is gone from membership and fencing is off: take the service over at once', HA_LVM_RULES.noFencing)),
          },
        ],
        'FENCE.RESULT': [
          {
            guard: ({ context, event }) => {
              const after = { ...context, toFence: context.toFence.filter((n) => n !== event.victim), cleared: [...context.cleared, event.victim] };
              return after.toFence.length === 0 && context.owner !== context.self && (context.owner === null || !context.members.includes(context.owner)) && mayStart(after);
            },
            target: '.activating',
            description: HA_LVM_RULES.takeover,
            actions: enqueueActions(({ context, event, enqueue }) => enqueue.assign({ toFence: [], cleared: [...context.cleared, event.victim] })),
          },
          {
            actions: enqueueActions(({ context, event, enqueue }) =>
              enqueue.assign({ toFence: context.toFence.filter((n) => n !== event.victim), cleared: [...context.cleared, event.victim] }),
            ),
          },
        ],
      },
    },
    inquorate: {
      tags: ['inquorate'],
      entry: emit(note('CLUSTER.INQUORATE', 'No quorum: resources stop, no fencing from this side', HA_LVM_RULES.inquorate)),
      on: {
        'MEMBERSHIP.CHANGED': {
          guard: ({ context, event }) => isQuorate(event.members, context.nodes, context.params.twoNode),
          target: 'running.standby',
          actions: enqueueActions(({ event, enqueue }) => enqueue.assign({ members: event.members })),
        },
      },
    },
  },
});
