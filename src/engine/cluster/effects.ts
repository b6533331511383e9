// What cluster machines can ask of the world: SCSI commands and resets, power fencing, messages
// to other nodes, watchdog reboots, and notes for the trace.

import { linksBetween, linkCarries } from '../heartbeat/network';
import type { NodeId, TraceId } from '../model/ids';
import type { ClusterMessage } from '../model/world';
import { dispatchTo, registerEffect } from '../sim/actors';
import { at, record, schedule, type RunContext } from '../sim/context';
import { nextInt } from '../rng';
import { crashNode, scheduleBoot } from '../node/power';
import { clusterActor } from '../storage/app';
import { sendScsi } from '../storage/transport';

registerEffect('scsi.send', (ctx, actor, node, e, cause) => {
  sendScsi(
    ctx,
    {
      node,
      via: (e.via as number | 'mpath') ?? 'mpath',
      lun: (e.lun as number) ?? 0,
      cdb: e.cdb as number[],
      dataOut: e.dataOut as number[] | undefined,
      tmf: e.tmf as 'lun' | 'target' | 'bus' | undefined,
      purpose: e.purpose as string,
      actor,
      label: e.label as string | undefined,
    },
    cause,
  );
});

registerEffect('cluster.note', (ctx, _actor, node, e, cause) => {
  record(ctx, {
    kind: e.kind as string,
    category: 'cluster',
    node,
    summary: e.summary as string,
    rule: e.rule as string | undefined,
    parent: cause,
    data: { ...(e.data as Record<string, string | number | boolean | null> | undefined), ...(ctx.transition ? { before: ctx.transition.before, after: ctx.transition.after } : {}) },
    notable: (e.notable as boolean | undefined) ?? true,
  });
});

/** Power fencing: the fence device (IPMI, PDU) powers the victim off after fenceDeviceMs. */
registerEffect('fence.power', (ctx, _actor, node, e, cause) => {
  const victim = e.victim as NodeId;
  const jitter = typeof e.jitterMaxMs === 'number' && e.jitterMaxMs > 0 ? nextInt(ctx.world.rng, 0, e.jitterMaxMs) : 0;
  const delay = ((e.delayMs as number | undefined) ?? 0) + jitter;
  const id = record(ctx, {
    kind: 'FENCE.REQUESTED',
    category: 'cluster',
    node,
    summary: `${node} asks the fence device to power off ${victim}${delay > 0 ? ` (after a fence delay of ${(delay / 1000).toFixed(1)} s)` : ''}`,
    rule: 'STONITH: before touching shared storage, a surviving node makes sure the lost node is really off.',
    parent: cause,
    data: { victim },
    notable: true,
  });
  schedule(ctx, { kind: 'fence.issue', time: at(ctx, delay), fencer: node, victim, incarnation: ctx.world.nodes[node]!.incarnation, cause: id });
});

/**
 * The fence delay is over: the fencer's agent sends the power-off command, unless the fencer died
 * (or was fenced) during its delay — that is how pcmk_delay_base/max prevent mutual fencing in a
 * two-node cluster. Once sent, the command completes even if its sender dies: two nodes that
 * both send within fenceDeviceMs of each other power each other off (pacemaker-fenced(7)).
 */
export function issueFence(ctx: RunContext, fencer: NodeId, victim: NodeId, incarnation: number, cause: TraceId | null): void {
  const { world } = ctx;
  const f = world.nodes[fencer];
  // Down now, or down and back up since it asked (a rebooted node does not remember the request).
  if (f?.power !== 'up' || f.incarnation !== incarnation) {
    record(ctx, {
      kind: 'FENCE.ABANDONED',
      category: 'cluster',
      node: fencer,
      summary: `${fencer}'s request to fence ${victim} dies with ${fencer}: it went down before its fence delay was over`,
      rule: 'A fence delay (pcmk_delay_base/max) holds the request inside the node; a node powered off meanwhile never sends it.',
      parent: cause,
      data: { victim },
      notable: true,
    });
    return;
  }
  schedule(ctx, { kind: 'fence.complete', time: at(ctx, world.scenario.params.fenceDeviceMs), fencer, victim, incarnation, cause });
}

export function completeFence(ctx: RunContext, fencer: NodeId, victim: NodeId, incarnation: number, cause: TraceId | null): void {
  const { world } = ctx;
  const v = world.nodes[victim]!;
  const id = record(ctx, {
    kind: 'FENCE.POWER_OFF',
    category: 'cluster',
    node: victim,
    summary:
      v.power === 'crashed'
        ? `Fence device confirms ${victim} is off`
        : world.nodes[fencer]?.power === 'crashed'
          ? `Fence device powers ${victim} off: ${fencer} sent the request before it was itself fenced (mutual fencing)`
          : `Fence device powers ${victim} off (requested by ${fencer}${world.nodes[fencer]?.power === 'frozen' ? ', paused since: it hears the answer when it resumes' : ''})`,
    rule: 'Power fencing cuts the victim\'s power: whatever it had queued or was about to write is gone.',
    parent: cause,
    data: { fencer, victim },
    notable: true,
  });
  if (v.power !== 'crashed') {
    crashNode(ctx, victim, id, true);
    if (world.scenario.params.stonithAction === 'reboot') scheduleBoot(ctx, victim, id);
  }
  // The device reports to the fencer's agent: now, or when a paused fencer resumes; a fencer
  // that went down meanwhile hears nothing.
  schedule(ctx, { kind: 'fence.result', time: at(ctx, 0), fencer, victim, incarnation, cause: id });
}

/** The watchdog (fence_scsi_check) reboots its own node. */
registerEffect('node.reboot', (ctx, _actor, node, e, cause) => {
  const id = record(ctx, {
    kind: 'NODE.REBOOT',
    category: 'cluster',
    node,
    summary: `${node} reboots: ${(e.why as string) ?? 'watchdog'}`,
    rule: e.rule as string | undefined,
    parent: cause,
    notable: true,
  });
  crashNode(ctx, node, id);
  scheduleBoot(ctx, node, id);
});

/** A cluster message over the heartbeat network; lost when no link carries it. */
registerEffect('cluster.send', (ctx, _actor, node, e, cause) => {
  const { world } = ctx;
  const targets = e.to === 'all' ? world.scenario.nodes.filter((n) => n !== node) : [e.to as NodeId];
  for (const to of targets) {
    const reachable = linksBetween(world, node, to).some((l) => linkCarries(world, l, node, to));
    if (!reachable) continue;
    schedule(ctx, { kind: 'cluster.deliver', time: at(ctx, world.scenario.params.heartbeatLatencyMs), from: node, to, message: e.message as ClusterMessage, cause });
  }
});

export function deliverClusterMessage(ctx: RunContext, from: NodeId, to: NodeId, message: ClusterMessage, cause: TraceId | null): void {
  if (ctx.world.nodes[to]?.power !== 'up') return;
  dispatchTo(ctx, clusterActor(to), { type: 'CLUSTER.MESSAGE', from, message } as { type: string }, cause);
}
