// A node's power and liveness: crash (power loss, panic, fence), boot, freeze (VM pause, long GC,
// kernel debugger, hung storage stack) and resume. Freezing holds every event addressed to the
// node, in order, and releases them at resume: timers fire late, queued I/O goes out late.

import { membershipActor } from '../heartbeat/network';
import type { NodeId, SimMs, TraceId } from '../model/ids';
import type { EngineEvent, World } from '../model/world';
import { nextFloat } from '../rng';
import { dispatchTo, sendToActor } from '../sim/actors';
import { at, record, schedule, type RunContext } from '../sim/context';
import { clusterActor, loseMount } from '../storage/app';
import { abandonConsole } from '../nodeConsole/nodeConsole';

/** The node an event is addressed to (held while it is frozen), or null for array-side events. */
export function eventNode(world: World, ev: EngineEvent): NodeId | null {
  switch (ev.kind) {
    case 'timer':
      return world.actors[ev.actor]?.node ?? null;
    case 'heartbeat.deliver':
      return ev.to;
    case 'scsi.respond':
    case 'scsi.timeout':
      return world.inflightScsi.find((c) => c.tag === ev.tag)?.node ?? null;
    case 'app.write':
    case 'mpath.check':
      return ev.node;
    case 'cluster.deliver':
      return ev.to;
    case 'fence.issue':
    case 'fence.result':
      return ev.fencer;
    default:
      return null;
  }
}

/** Power loss: everything in memory is gone (membership, cluster state, the mount). */
export function crashNode(ctx: RunContext, node: NodeId, cause: TraceId | null, fenced = false): void {
  const { world } = ctx;
  const n = world.nodes[node]!;
  if (n.power === 'crashed') return;
  n.power = 'crashed';
  n.powerBy = cause;
  n.fenced = fenced;
  world.frozenBacklog[node] = [];
  for (const key of Object.keys(world.timers)) if (key.startsWith(`${node}/`)) delete world.timers[key];
  loseMount(ctx, node);
  abandonConsole(world, node);
  if (world.actors[membershipActor(node)]) sendToActor(ctx, membershipActor(node), { type: 'NODE.CRASH' }, cause);
  dispatchTo(ctx, clusterActor(node), { type: 'NODE.CRASH' }, cause);
}

export function bootNode(ctx: RunContext, node: NodeId, cause: TraceId | null): void {
  const { world } = ctx;
  const n = world.nodes[node]!;
  if (n.power !== 'crashed') return;
  n.power = 'up';
  n.powerBy = cause;
  n.fenced = false;
  n.incarnation += 1;
  const bootId = record(ctx, {
    kind: 'NODE.BOOT',
    category: 'cluster',
    node,
    summary: `${node} boots and starts its cluster software`,
    parent: cause,
    notable: true,
  });
  cause = bootId;
  const mp = world.multipath[node];
  if (mp) for (const p of Object.keys(mp.paths)) mp.paths[Number(p)] = 'active';
  const firstTickMs = Math.floor(nextFloat(world.rng) * world.scenario.params.heartbeatIntervalMs);
  if (world.actors[membershipActor(node)]) sendToActor(ctx, membershipActor(node), { type: 'NODE.RESTART', firstTickMs } as { type: string }, cause);
  dispatchTo(ctx, clusterActor(node), { type: 'NODE.BOOT' }, cause);
}

/** Schedules a boot `bootMs` from now (after a fence reboot or a watchdog reboot). */
export function scheduleBoot(ctx: RunContext, node: NodeId, cause: TraceId | null): void {
  const n = ctx.world.nodes[node]!;
  schedule(ctx, { kind: 'node.boot', time: at(ctx, ctx.world.scenario.params.bootMs), node, incarnation: n.incarnation, cause });
}

export function freezeNode(ctx: RunContext, node: NodeId, cause: TraceId): void {
  const n = ctx.world.nodes[node]!;
  n.power = 'frozen';
  n.powerBy = cause;
  ctx.world.frozenBacklog[node] = [];
}

/** Releases everything held while frozen, now, in the order it arrived. */
export function resumeNode(ctx: RunContext, node: NodeId, cause: TraceId): void {
  const { world } = ctx;
  const n = world.nodes[node]!;
  n.power = 'up';
  n.powerBy = cause;
  const held = world.frozenBacklog[node] ?? [];
  world.frozenBacklog[node] = [];
  for (const ev of held) {
    const { seq: _seq, ...rest } = ev;
    schedule(ctx, { ...rest, time: world.time as SimMs } as never);
  }
  if (held.length > 0) {
    record(ctx, {
      kind: 'NODE.BACKLOG',
      category: 'cluster',
      node,
      summary: `${node} resumes with ${held.length} held event${held.length === 1 ? '' : 's'} (timers, queued I/O, answers) that now run at once`,
      rule: 'A paused node does not know it was paused: its timers fire late and its queued I/O goes out as if nothing happened.',
      parent: cause,
      notable: true,
    });
  }
}
