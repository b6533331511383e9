// What administrators do: move the service, clear reservations by hand, present the LUN to a
// server outside the cluster.

import { addNexus, buildPrOutCdb, buildPrOutParams } from '../lun';
import type { NodeId } from '../model/ids';
import { dispatchTo, registerReceiver, spawnActor } from '../sim/actors';
import { record } from '../sim/context';
import { clusterActor } from '../storage/app';
import { startPathChecker } from '../storage/multipath';
import { presentToHost } from '../storage/topology';
import { sendScsi, type ScsiResultEvent } from '../storage/transport';
import type { FaultDescriptor } from './types';
import { checkNode } from './targets';
import type { World } from '../model/world';

/** The key an administrator registers to be allowed to CLEAR (any non-zero key works). */
export const ADMIN_KEY = '0xad';

const NODE_ID = /^[A-Z][A-Z0-9]{0,7}$/;

function owners(world: World): NodeId[] {
  return Object.keys(world.nodes).filter((n) => world.actors[clusterActor(n as NodeId)]?.snapshot.hasTag('owner')) as NodeId[];
}

export const moveService: FaultDescriptor = {
  id: 'move-service',
  label: 'Move service to node',
  description: 'A planned move: the administrator asks the cluster to run the service on another node.',
  target: 'node',
  targets: (view) => view.nodes.filter((n) => n.power === 'up' && !n.tags.includes('owner') && !n.standalone).map((n) => ({ target: { to: n.id }, label: `to node ${n.id}` })),
  validate(world, t) {
    if (t.to === undefined) return `needs "to": the node to move the service to, one of ${world.scenario.nodes.join(', ')}`;
    if (!world.scenario.nodes.includes(t.to as NodeId)) return `"to": "${t.to}" is not a node of this cluster; use one of ${world.scenario.nodes.join(', ')}`;
    if (world.nodes[t.to]!.power !== 'up') return `node ${t.to} is ${world.nodes[t.to]!.power}; move the service to a running node`;
    const current = owners(world);
    if (current.length === 0) return 'no node runs the service right now, so there is nothing to move';
    if (current.includes(t.to as NodeId)) return `node ${t.to} already runs the service`;
    return null;
  },
  apply(ctx, t, cause) {
    for (const owner of owners(ctx.world)) dispatchTo(ctx, clusterActor(owner), { type: 'ADMIN.MOVE', to: t.to } as { type: string }, cause);
  },
  describe: (t) => `administrator moves the service to node ${t.to}`,
};

export const clearReservations: FaultDescriptor = {
  id: 'clear-reservations',
  label: 'Clear reservations (admin)',
  description: 'An administrator runs sg_persist -o -C (or Clear-ClusterDiskReservation): register a key, then CLEAR every registration and the reservation.',
  target: 'node',
  targets: (view) => view.nodes.filter((n) => n.power === 'up').map((n) => ({ target: { node: n.id }, label: `from node ${n.id}` })),
  validate(world, t) {
    const bad = checkNode(world, t);
    if (bad) return bad;
    return world.nodes[t.node!]!.power === 'up' ? null : `node ${t.node} is ${world.nodes[t.node!]!.power}; run the command from a running node`;
  },
  apply(ctx, t, cause) {
    sendScsi(
      ctx,
      {
        node: t.node as NodeId,
        via: 'mpath',
        cdb: buildPrOutCdb('REGISTER_AND_IGNORE_EXISTING_KEY'),
        dataOut: buildPrOutParams({ saKey: ADMIN_KEY }),
        purpose: 'admin.register',
        actor: `admin:${t.node}`,
        label: `PR OUT REGISTER AND IGNORE EXISTING KEY (admin key ${ADMIN_KEY})`,
      },
      cause,
    );
  },
  describe: (t) => `administrator clears the persistent reservations from node ${t.node}`,
};

// Step two of the administrator's clear: CLEAR once the admin key is registered.
registerReceiver('admin:', (ctx, key, event, cause) => {
  const r = event as ScsiResultEvent;
  if (r.purpose !== 'admin.register') return;
  const node = key.slice(6) as NodeId;
  if (r.status !== 'GOOD') {
    record(ctx, { kind: 'ADMIN.CLEAR_FAILED', category: 'cluster', node, summary: `Registering the admin key failed (${r.status}); nothing cleared`, parent: cause, notable: true });
    return;
  }
  sendScsi(ctx, { node, via: 'mpath', cdb: buildPrOutCdb('CLEAR'), dataOut: buildPrOutParams({ key: ADMIN_KEY }), purpose: 'admin.clear', actor: null }, cause);
});

export const standaloneHost: FaultDescriptor = {
  id: 'standalone-host',
  label: 'Present LUN to a standalone host',
  description: 'The LUN is presented to a new server outside the cluster, whose disk management tries to bring it online.',
  target: 'none',
  targets: (view) => (view.nodes.some((n) => n.id === 'S') ? [] : [{ target: { node: 'S' }, label: 'new host S' }]),
  validate(world, t) {
    if (t.node === undefined) return 'needs "node": an id for the new host, e.g. "S"';
    if (!NODE_ID.test(t.node)) return `"node": "${t.node}" is not a valid host id; use a capital letter followed by up to 7 capitals or digits, e.g. "S"`;
    if (world.nodes[t.node]) return `"node": "${t.node}" already exists; pick a new id`;
    return null;
  },
  apply(ctx, t, cause) {
    const { world } = ctx;
    const node = t.node as NodeId;
    world.nodes[node] = { id: node, power: 'up', powerBy: cause, incarnation: 1, fenced: false, standalone: true };
    world.mounts[node] = null;
    presentToHost(world, node, addNexus);
    spawnActor(ctx, clusterActor(node), 'cluster:standalone', node, { self: node });
    startPathChecker(ctx, node);
  },
  describe: (t) => `LUN presented to standalone host ${t.node}`,
};
