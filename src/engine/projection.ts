// world → SimView. Plain data only: no snapshots, no functions, nothing shared with the live
// world (the view may be posted to the main thread while the world moves on).

import type { MembershipContext } from './heartbeat/membershipMachine';
import { membershipActor } from './heartbeat/network';
import { describeLun } from './lun';
import type { NodeId, SimMs } from './model/ids';
import type { TraceEntry } from './model/trace';
import type { CommandView, FaultOption, LinkView, NodeView, PathView, SimView } from './model/view';
import type { World } from './model/world';
import { FAULTS } from './faults/registry';
import { clusterActor } from './storage/app';
import { lunPower } from './storage/lunPower';
import { activePath } from './storage/multipath';

/** How long a notable event stays in `cues` (virtual ms). */
export const CUE_WINDOW_MS = 3000;

/** Tags in the order that names a node's service state best. */
const SERVICE_STATES = ['down', 'fenced', 'stopped', 'inquorate', 'challenging', 'arbitrating', 'fencing', 'activating', 'owner', 'joining', 'standalone', 'standby'] as const;

function serviceState(tags: readonly string[], power: string): string {
  if (power === 'crashed') return 'down';
  if (power === 'frozen') return 'frozen';
  return SERVICE_STATES.find((t) => tags.includes(t)) ?? 'starting';
}

function nodeView(world: World, id: NodeId): NodeView {
  const node = world.nodes[id]!;
  const snap = world.actors[membershipActor(id)]?.snapshot;
  const ctx = snap?.context as MembershipContext | undefined;
  const cluster = world.actors[clusterActor(id)]?.snapshot;
  const tags = [...new Set([...(snap ? [...snap.tags] : []), ...(cluster ? [...cluster.tags] : [])])].sort();
  const alive = node.power !== 'crashed';
  const peers = ctx ? Object.entries(ctx.peers).map(([peer, v]) => ({ id: peer as NodeId, member: alive && v.member, missed: alive ? v.missed : 0 })) : [];
  const members = alive && !node.standalone ? [id, ...peers.filter((p) => p.member).map((p) => p.id)].sort() : [];
  const heard: Record<string, SimMs> = {};
  for (const p of peers) {
    const t = world.lastHeard[`${id}|${p.id}`];
    if (t !== undefined) heard[p.id] = t;
  }
  const m = world.mounts[id];
  return {
    id,
    power: node.power,
    tags,
    members,
    peers,
    heard,
    standalone: node.standalone,
    fenced: node.fenced,
    serviceState: serviceState(tags, node.power),
    mount: m ? { epoch: m.epoch, at: m.at } : null,
    key: world.scenario.mode === 'scsi3' && !node.standalone ? (world.keys[id] ?? null) : null,
    console: {
      busy: !!world.consoles[id]?.running,
      history: (world.consoles[id]?.history ?? []).map((e) => ({ ...e })),
    },
  };
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

function pathViews(world: World): PathView[] {
  return world.paths.map((p) => ({
    nexus: p.nexus,
    node: p.node,
    path: p.path,
    up: p.up,
    portUp: world.targetPorts.find((t) => t.port === p.path)?.up ?? true,
    mpath: world.multipath[p.node]?.paths[p.path] ?? 'failed',
    current: activePath(world, p.node) === p.path,
  }));
}

function commandViews(world: World): CommandView[] {
  return world.inflightScsi.map((c) => ({
    tag: c.tag,
    node: c.node,
    nexus: c.nexus,
    path: c.path,
    lun: c.lun,
    label: c.label,
    purpose: c.purpose,
    phase: c.phase,
    sentAt: c.sentAt,
    arriveAt: c.arriveAt,
    status: c.result?.status ?? null,
  }));
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
    mode: world.scenario.mode,
    personality: world.scenario.personality,
    pathsPerNode: world.scenario.pathsPerNode,
    seed: world.seed,
    time: world.time,
    step: world.step,
    duration: world.scenario.duration,
    params: { ...world.scenario.params },
    nodes: (Object.keys(world.nodes) as NodeId[]).map((id) => nodeView(world, id)),
    links: world.links.map((_, i) => linkView(world, i)),
    partition: world.partition ? world.partition.groups.map((g) => [...g]) : null,
    inflight: world.inflight.map((m) => ({ ...m })),
    paths: pathViews(world),
    targetPorts: world.targetPorts.map((t) => ({ port: t.port, up: t.up })),
    luns: world.luns.map((l) => ({ ...describeLun(l.state), power: lunPower(world, l.id) })),
    commands: commandViews(world),
    integrity: {
      ok: world.violations.length === 0,
      latestEpoch: world.latestEpoch,
      violations: world.violations.map((v) => ({ at: v.at, node: v.node, lba: v.lba, epoch: v.epoch, trace: v.trace })),
    },
    cues,
    faults: [],
    nextEventAt: world.queue[0]?.time ?? null,
  };
  view.faults = FAULTS.map((f): FaultOption => ({ id: f.id, label: f.label, description: f.description, target: f.target, targets: f.targets(view) }));
  return view;
}
