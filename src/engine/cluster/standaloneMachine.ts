// A server outside the cluster that the LUN has been presented to (research S11 part B): its
// disk management tries to bring the disk online — a write — every few seconds. While a
// persistent reservation of the old cluster remains, every try gets RESERVATION CONFLICT; once an
// administrator clears it, the host mounts and writes.

import { emit, enqueueActions, setup } from 'xstate';
import { buildWriteCdb } from '../lun';
import { BLOCK_SIZE } from '../lun/state';
import type { NodeId } from '../model/ids';
import { isResult, note, type ClusterEffect, type ClusterEvent } from './common';

export const STANDALONE_RETRY_MS = 5000;

const RULE =
  'A host outside the cluster is not a registrant: under a registrants-only reservation its writes get RESERVATION CONFLICT until an administrator clears the old reservation (Clear-ClusterDiskReservation / sg_persist -o -C).';

function onlineWrite(self: NodeId): ClusterEffect {
  const data = new Array<number>(BLOCK_SIZE).fill(0);
  const text = `standalone ${self} disk signature`;
  for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
  return { type: 'scsi.send', via: 'mpath', cdb: buildWriteCdb(0, 1), dataOut: data, purpose: 'standalone.online', label: 'WRITE(10) LBA 0 (bring disk online)' };
}

export const standaloneMachine = setup({
  types: {
    context: {} as { self: NodeId },
    events: {} as ClusterEvent,
    input: {} as { self: NodeId },
    emitted: {} as ClusterEffect,
    tags: {} as 'standalone' | 'owner' | 'down',
  },
}).createMachine({
  id: 'standalone',
  context: ({ input }) => ({ self: input.self }),
  initial: 'trying',
  on: { 'NODE.CRASH': { target: '.down' } },
  states: {
    trying: {
      tags: ['standalone'],
      entry: enqueueActions(({ context, enqueue }) => enqueue.emit(onlineWrite(context.self))),
      on: {
        'SCSI.RESULT': [
          { guard: ({ event }) => isResult(event, 'standalone.online') && event.status === 'GOOD', target: 'online' },
          {
            guard: ({ event }) => isResult(event, 'standalone.online'),
            description: RULE,
            actions: emit({ type: 'timer.set', name: 'retry', delayMs: STANDALONE_RETRY_MS } as ClusterEffect),
          },
        ],
        'TIMER.RETRY': { actions: enqueueActions(({ context, enqueue }) => enqueue.emit(onlineWrite(context.self))) },
      },
    },
    online: {
      tags: ['standalone', 'owner'],
      entry: [emit(note('STANDALONE.ONLINE', 'The standalone host brings the disk online and mounts it', RULE)), emit({ type: 'app.mount' } as ClusterEffect)],
    },
    down: { tags: ['down'], on: { 'NODE.BOOT': 'trying' } },
  },
});
