// Faults of whole nodes: crash (power loss of the host) and restart.

import { membershipActor } from '../heartbeat/network';
import type { NodeId } from '../model/ids';
import { nextFloat } from '../rng';
import { sendToActor } from '../sim/actors';
import type { FaultDescriptor } from './types';
import { checkNode } from './targets';

export const nodeCrash: FaultDescriptor = {
  id: 'node-crash',
  label: 'Crash node',
  description: 'The host dies at once (power loss, kernel panic): no heartbeats, no I/O, no clean release of anything it holds.',
  target: 'node',
  targets: (view) => view.nodes.filter((n) => n.power === 'up').map((n) => ({ target: { node: n.id }, label: `Node ${n.id}` })),
  validate(world, t) {
    const bad = checkNode(world, t);
    if (bad) return bad;
    if (world.nodes[t.node!]!.power !== 'up') return `node ${t.node} is not up (it is ${world.nodes[t.node!]!.power}); restart it first`;
    return null;
  },
  apply(ctx, t, cause) {
    const node = ctx.world.nodes[t.node!]!;
    node.power = 'crashed';
    node.powerBy = cause;
    sendToActor(ctx, membershipActor(node.id), { type: 'NODE.CRASH' }, cause);
  },
  describe: (t) => `node ${t.node} crashed`,
};

export const nodeRestart: FaultDescriptor = {
  id: 'node-restart',
  label: 'Restart node',
  description: 'Power the host back on; it boots, starts its cluster software and listens for heartbeats.',
  target: 'node',
  targets: (view) => view.nodes.filter((n) => n.power === 'crashed').map((n) => ({ target: { node: n.id }, label: `Node ${n.id}` })),
  validate(world, t) {
    const bad = checkNode(world, t);
    if (bad) return bad;
    if (world.nodes[t.node!]!.power !== 'crashed') return `node ${t.node} is already up`;
    return null;
  },
  apply(ctx, t, cause) {
    const node = ctx.world.nodes[t.node!]!;
    node.power = 'up';
    node.powerBy = cause;
    const firstTickMs = Math.floor(nextFloat(ctx.world.rng) * ctx.world.scenario.params.heartbeatIntervalMs);
    sendToActor(ctx, membershipActor(node.id as NodeId), { type: 'NODE.RESTART', firstTickMs } as { type: string }, cause);
  },
  describe: (t) => `node ${t.node} restarted`,
};
