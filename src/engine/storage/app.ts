// The clustered application: the node that believes it owns the service mounts the shared file
// system (a new mount epoch) and writes a block every writeIntervalMs. I/O errors go back to the
// node's cluster software, which decides what they mean.

import { buildWriteCdb } from '../lun';
import type { NodeId, TraceId } from '../model/ids';
import { nextInt } from '../rng';
import { dispatchTo, registerEffect, registerReceiver } from '../sim/actors';
import { at, record, schedule, type RunContext } from '../sim/context';
import { BLOCK_SIZE } from '../lun/state';
import type { ScsiResultEvent } from './transport';
import { sendScsi } from './transport';

/** The file system's data blocks: the block map shows these. */
export const DATA_LBA_FIRST = 64;
export const DATA_LBA_COUNT = 64;
/** Where LVM keeps the VG metadata (system ID / tags). */
export const VG_METADATA_LBA = 1;

export const appKey = (node: NodeId): string => `app:${node}`;
export const clusterActor = (node: NodeId): string => `${node}/cluster`;

function blockData(text: string): number[] {
  const bytes = new Array<number>(BLOCK_SIZE).fill(0);
  for (let i = 0; i < text.length && i < BLOCK_SIZE; i++) bytes[i] = text.charCodeAt(i) & 0x7f;
  return bytes;
}

export function mount(ctx: RunContext, node: NodeId, cause: TraceId | null): void {
  const { world } = ctx;
  if (world.mounts[node]) return;
  world.latestEpoch += 1;
  const id = record(ctx, {
    kind: 'APP.MOUNT',
    category: 'cluster',
    node,
    summary: `${node} mounts the shared file system (mount epoch ${world.latestEpoch}) and starts writing`,
    rule: 'The node that believes it owns the service mounts the file system; from then on its writes are the legitimate ones.',
    parent: cause,
    data: { epoch: world.latestEpoch },
    notable: true,
  });
  world.mounts[node] = { epoch: world.latestEpoch, at: world.time, by: id };
  world.latestMountBy = id;
  armWriter(ctx, node, id);
}

export function unmount(ctx: RunContext, node: NodeId, cause: TraceId | null, why: string): void {
  const { world } = ctx;
  const m = world.mounts[node];
  if (!m) return;
  world.mounts[node] = null;
  delete world.appTokens[node];
  record(ctx, {
    kind: 'APP.UNMOUNT',
    category: 'cluster',
    node,
    summary: `${node} unmounts the shared file system (${why})`,
    parent: cause,
    data: { epoch: m.epoch },
    notable: true,
  });
}

/** A crash or power-off loses the mount without any clean unmount. */
export function loseMount(ctx: RunContext, node: NodeId): void {
  ctx.world.mounts[node] = null;
  delete ctx.world.appTokens[node];
}

function armWriter(ctx: RunContext, node: NodeId, cause: TraceId | null): void {
  const token = ctx.world.nextTimerToken++;
  ctx.world.appTokens[node] = token;
  schedule(ctx, { kind: 'app.write', time: at(ctx, ctx.world.scenario.params.writeIntervalMs), node, token, cause });
}

/** The application's next write, if the mount it belongs to is still there. */
export function onAppWrite(ctx: RunContext, node: NodeId, token: number): void {
  const { world } = ctx;
  if (world.appTokens[node] !== token) return;
  const m = world.mounts[node];
  if (!m) return;
  const lba = DATA_LBA_FIRST + nextInt(world.rng, 0, DATA_LBA_COUNT - 1);
  sendScsi(
    ctx,
    {
      node,
      via: 'mpath',
      cdb: buildWriteCdb(lba, 1),
      dataOut: blockData(`${node} epoch ${m.epoch} t=${world.time}`),
      purpose: 'app.write',
      actor: appKey(node),
      epoch: m.epoch,
    },
    null,
  );
  armWriter(ctx, node, null);
}

registerReceiver('app:', (ctx, key, event, cause) => {
  const node = key.slice(4) as NodeId;
  const r = event as ScsiResultEvent;
  if (r.status === 'GOOD') return;
  // The file system sees an I/O error; the cluster software decides (stop the resource, ...).
  dispatchTo(ctx, clusterActor(node), { type: 'APP.IO_ERROR', status: r.status } as { type: string }, cause);
});

registerEffect('app.mount', (ctx, _actor, node, _effect, cause) => mount(ctx, node, cause));
registerEffect('app.unmount', (ctx, _actor, node, effect, cause) => unmount(ctx, node, cause, (effect.why as string) ?? 'service stopped'));
