// The heartbeat network: links between every pair of nodes on each heartbeat network, a
// possible partition into groups, and the delivery of heartbeats over them.

import type { NodeId, SimMs, TraceId } from '../model/ids';
import type { LinkState, World } from '../model/world';
import { dispatchTo, registerEffect, registerLogic, sendToActor } from '../sim/actors';
import type { MembershipContext } from './membershipMachine';
import { membersOf } from './membership';
import { at, record, schedule, type RunContext } from '../sim/context';
import { membershipMachine } from './membershipMachine';

registerLogic('membership', membershipMachine);

export const membershipActor = (node: NodeId): string => `${node}/membership`;

export const linkId = (network: number, a: NodeId, b: NodeId): string => {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `hb${network}:${x}-${y}`;
};

export function createLinks(nodes: readonly NodeId[], networks: number): LinkState[] {
  const links: LinkState[] = [];
  const sorted = [...nodes].sort();
  for (let n = 1; n <= networks; n++) {
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        links.push({ id: linkId(n, sorted[i]!, sorted[j]!), network: n, a: sorted[i]!, b: sorted[j]!, up: true, cutBy: null });
      }
    }
  }
  return links;
}

export function linksBetween(world: World, x: NodeId, y: NodeId): LinkState[] {
  return world.links.filter((l) => (l.a === x && l.b === y) || (l.a === y && l.b === x));
}

/** Are x and y in the same group of the current heartbeat partition (or is there none)? */
export function samePartition(world: World, x: NodeId, y: NodeId): boolean {
  if (!world.partition) return true;
  const gx = world.partition.groups.findIndex((g) => g.includes(x));
  const gy = world.partition.groups.findIndex((g) => g.includes(y));
  return gx === gy;
}

/** Can a heartbeat cross `link` from `from` to `to` right now? */
export function linkCarries(world: World, link: LinkState, from: NodeId, to: NodeId): boolean {
  return link.up && samePartition(world, from, to) && world.nodes[from]?.power === 'up' && world.nodes[to]?.power === 'up';
}

/**
 * Why does `node` no longer hear `peer`? The fault behind the silence, for the causal chain of a
 * membership change: the peer's crash, the partition, or the cut of the last link between them.
 */
export function silenceCause(world: World, node: NodeId, peer: NodeId): TraceId | null {
  const p = world.nodes[peer];
  if (p && p.power !== 'up') return p.powerBy;
  if (world.partition && !samePartition(world, node, peer)) return world.partition.by;
  const cuts = linksBetween(world, node, peer)
    .map((l) => l.cutBy)
    .filter((c): c is TraceId => c !== null);
  return cuts.length > 0 ? (Math.max(...cuts) as TraceId) : null;
}

registerEffect('heartbeat.send', (ctx, _actor, node) => {
  const { world } = ctx;
  const sentTo: string[] = [];
  const sendId = record(ctx, {
    kind: 'HEARTBEAT.SENT',
    category: 'heartbeat',
    node,
    summary: `${node} sends heartbeats`,
    rule: 'Every heartbeat interval a node sends one heartbeat to each peer on every heartbeat network.',
    parent: null,
    data: { to: sentTo },
  });
  for (const link of world.links) {
    if (link.a !== node && link.b !== node) continue;
    const to = link.a === node ? link.b : link.a;
    if (!linkCarries(world, link, node, to)) continue;
    world.lastHeartbeat[`${link.id}|${node}`] = world.time;
    sentTo.push(to);
    const msg = world.nextMessageId++;
    const deliverAt = at(ctx, world.scenario.params.heartbeatLatencyMs);
    world.inflight.push({ id: msg, kind: 'heartbeat', from: node, to, link: link.id, sentAt: world.time, deliverAt });
    schedule(ctx, { kind: 'heartbeat.deliver', time: deliverAt, msg, from: node, to, link: link.id, cause: sendId });
  }
});

/** A heartbeat reaches the end of its link; it is lost if the link or receiver went down meanwhile. */
export function deliverHeartbeat(ctx: RunContext, msg: number, from: NodeId, to: NodeId, linkIdValue: string, cause: TraceId | null): void {
  const { world } = ctx;
  world.inflight = world.inflight.filter((m) => m.id !== msg);
  const link = world.links.find((l) => l.id === linkIdValue);
  if (!link || !linkCarries(world, link, from, to)) return;
  world.lastHeard[`${to}|${from}`] = world.time;
  const id = record(ctx, {
    kind: 'HEARTBEAT.RECEIVED',
    category: 'heartbeat',
    node: to,
    summary: `${to} hears ${from} on ${link.id}`,
    parent: cause,
    data: { from, link: link.id },
  });
  sendToActor(ctx, membershipActor(to), { type: 'HEARTBEAT.RECEIVED', from } as { type: string }, id);
}

/** Tells the node's cluster software its new membership view. */
function notifyCluster(ctx: RunContext, node: NodeId, change: { lost: NodeId[]; joined: NodeId[] }, cause: TraceId): void {
  const snap = ctx.world.actors[membershipActor(node)]?.snapshot;
  const context = snap?.context as MembershipContext | undefined;
  if (!context) return;
  dispatchTo(ctx, `${node}/cluster`, { type: 'MEMBERSHIP.CHANGED', members: membersOf(node, context.peers), ...change } as { type: string }, cause);
}

registerEffect('member.lost', (ctx, _actor, node, effect) => {
  const peer = effect.peer as NodeId;
  const { intervalMs, misses } = { intervalMs: ctx.world.scenario.params.heartbeatIntervalMs, misses: ctx.world.scenario.params.heartbeatMisses };
  const id = record(ctx, {
    kind: 'HEARTBEAT.LOST',
    category: 'heartbeat',
    node,
    summary: `${node} removes ${peer} from its membership view (${misses} missed heartbeats, ${(intervalMs * misses) / 1000} s)`,
    rule: effect.rule as string,
    parent: silenceCause(ctx.world, node, peer),
    data: { peer },
    notable: true,
  });
  notifyCluster(ctx, node, { lost: [peer], joined: [] }, id);
});

registerEffect('member.joined', (ctx, _actor, node, effect, cause) => {
  const peer = effect.peer as NodeId;
  const id = record(ctx, {
    kind: 'HEARTBEAT.JOINED',
    category: 'heartbeat',
    node,
    summary: `${node} adds ${peer} back to its membership view`,
    rule: effect.rule as string,
    parent: cause,
    data: { peer },
    notable: true,
  });
  notifyCluster(ctx, node, { lost: [], joined: [peer] }, id);
});

/** The first tick of each node lands at a seeded phase within the first interval. */
export function firstTickDelay(intervalMs: number, draw: number): SimMs {
  return Math.floor(draw * intervalMs) as SimMs;
}
