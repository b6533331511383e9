// Faults of the heartbeat network: cut or restore links, partition the network, heal it.

import type { NodeId } from '../model/ids';
import { linksBetween } from '../heartbeat/network';
import type { FaultDescriptor, FaultTarget } from './types';
import { checkBetween, checkGroups, pairLabel } from './targets';
import type { World } from '../model/world';

function selectedLinks(world: World, t: FaultTarget) {
  const [a, b] = t.between as [NodeId, NodeId];
  return linksBetween(world, a, b).filter((l) => t.network === undefined || l.network === t.network);
}

const netSuffix = (t: FaultTarget) => (t.network !== undefined ? ` on heartbeat network ${t.network}` : '');

export const linkCut: FaultDescriptor = {
  id: 'link-cut',
  label: 'Cut heartbeat link',
  description: 'Unplug the private heartbeat cable between two nodes; both stay up and still see the storage.',
  target: 'link',
  targets: (view) =>
    view.links.filter((l) => l.up).map((l) => ({ target: { between: [l.a, l.b], network: l.network }, label: `${pairLabel(l.a, l.b)} (network ${l.network})` })),
  validate(world, t) {
    const bad = checkBetween(world, t);
    if (bad) return bad;
    if (!selectedLinks(world, t).some((l) => l.up)) return `the heartbeat link ${pairLabel(t.between![0], t.between![1])}${netSuffix(t)} is already cut; restore it first`;
    return null;
  },
  apply(ctx, t, cause) {
    for (const l of selectedLinks(ctx.world, t)) {
      if (!l.up) continue;
      l.up = false;
      l.cutBy = cause;
    }
  },
  describe: (t) => `heartbeat link ${pairLabel(t.between![0], t.between![1])}${netSuffix(t)} cut`,
};

export const linkRestore: FaultDescriptor = {
  id: 'link-restore',
  label: 'Restore heartbeat link',
  description: 'Plug the heartbeat cable back in.',
  target: 'link',
  targets: (view) =>
    view.links.filter((l) => !l.up).map((l) => ({ target: { between: [l.a, l.b], network: l.network }, label: `${pairLabel(l.a, l.b)} (network ${l.network})` })),
  validate(world, t) {
    const bad = checkBetween(world, t);
    if (bad) return bad;
    if (!selectedLinks(world, t).some((l) => !l.up)) return `the heartbeat link ${pairLabel(t.between![0], t.between![1])}${netSuffix(t)} is not cut`;
    return null;
  },
  apply(ctx, t) {
    for (const l of selectedLinks(ctx.world, t)) {
      l.up = true;
      l.cutBy = null;
    }
  },
  describe: (t) => `heartbeat link ${pairLabel(t.between![0], t.between![1])}${netSuffix(t)} restored`,
};

export const heartbeatPartition: FaultDescriptor = {
  id: 'heartbeat-partition',
  label: 'Partition heartbeat network',
  description: 'Split the heartbeat network into groups that cannot hear each other (a switch failure); storage paths are untouched.',
  target: 'groups',
  targets(view) {
    // Offer every split that isolates one node from the rest.
    const ids = view.nodes.map((n) => n.id);
    if (ids.length < 2) return [];
    return ids.map((n) => {
      const rest = ids.filter((x) => x !== n);
      return { target: { groups: [[n], rest] }, label: `{${n}} | {${rest.join(', ')}}` };
    });
  },
  validate: (world, t) => checkGroups(world, t),
  apply(ctx, t, cause) {
    ctx.world.partition = { groups: (t.groups as NodeId[][]).map((g) => [...g].sort()), by: cause };
  },
  describe: (t) => `heartbeat network partitioned: ${(t.groups ?? []).map((g) => `{${g.join(', ')}}`).join(' | ')}`,
};

export const heartbeatHeal: FaultDescriptor = {
  id: 'heartbeat-heal',
  label: 'Heal heartbeat partition',
  description: 'Repair the heartbeat network so every node can hear every other again.',
  target: 'none',
  targets: (view) => (view.partition ? [{ target: {}, label: 'heal the partition' }] : []),
  validate: (world) => (world.partition ? null : 'the heartbeat network is not partitioned'),
  apply(ctx) {
    ctx.world.partition = null;
  },
  describe: () => 'heartbeat partition healed',
};
