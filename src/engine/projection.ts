// world → SimView. Plain data only: no snapshots, no functions, nothing shared with the live
// world (the view may be posted to the main thread while the world moves on).

import type { MembershipContext } from './heartbeat/membershipMachine';
import { membershipActor } from './heartbeat/network';
import type { NodeId, SimMs } from './model/ids';
import type { TraceEntry } from './model/trace';
import type { FaultOption, LinkView, NodeView, SimView } from './model/view';
import { FAULTS } from './faults/registry';
import type { World } from './model/world';

/** How long a notable event stays in `cues` (virtual ms). */
export const CUE_WINDOW_MS = 3000;

function nodeView(world: World, id: NodeId): NodeView {
  const node = world.nodes[id]!;
  const snap = world.actors[membershipActor(id)]?.snapshot;
  const ctx = snap?.context as MembershipContext | undefined;
  const tags = snap ? [...snap.tags].sort() : [];
  const up = node.power === 'up';
  const peers = ctx ? Object.entries(ctx.peers).map(([peer, v]) => ({ id: peer as NodeId, member: up && v.member, missed: up ? v.missed : 0 })) : [];
  const members = up ? [id, ...peers.filter((p) => p.member).map((p) => p.id)].sort() : [];
  const heard: Record<string, SimMs> = {};
  for (const p of peers) {
    const t = world.lastHeard[`${id}|${p.id}`];
    if (t !== undefined) heard[p.id] = t;
  }
  return { id, power: node.power, tags, members, peers, heard };
}

function linkView(world: World, i: number): LinkView {
  const l = world.links[i]!;
  const lastHeartbeat: Record<string, SimMs> = {};
  for (const end of [l.a, l.b]) {
    const t = world.lastHeartbeat[`${l.id}|${end}`];
    if (t !== undefined) lastHeartbeat[end] = t;
  }
  return { id: l.id, network: l.network, a: l.a, b: l.b, up: l.up, lastHeartbeat };
}

export function project(world: World, trace: readonly TraceEntry[]): SimView {
  const cues: TraceEntry[] = [];
  for (let i = world.traceLength - 1; i >= 0; i--) {
    const e = trace[i]!;
    if (e.t < world.time - CUE_WINDOW_MS) break;
    if (e.notable) cues.unshift({ ...e, data: e.data ? { ...e.data } : undefined });
  }
  const view: SimView = {
    scenarioId: world.scenario.id,
    title: world.scenario.title,
    seed: world.seed,
    time: world.time,
    step: world.step,
    duration: world.scenario.duration,
    params: { ...world.scenario.params },
    nodes: world.scenario.nodes.map((id) => nodeView(world, id)),
    links: world.links.map((_, i) => linkView(world, i)),
    partition: world.partition ? world.partition.groups.map((g) => [...g]) : null,
    inflight: world.inflight.map((m) => ({ ...m })),
    cues,
    faults: [],
    nextEventAt: world.queue[0]?.time ?? null,
  };
  view.faults = FAULTS.map(
    (f): FaultOption => ({ id: f.id, label: f.label, description: f.description, target: f.target, targets: f.targets(view) }),
  );
  return view;
}
