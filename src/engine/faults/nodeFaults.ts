// Faults of whole nodes: crash (power loss, panic), restart, freeze (VM pause, GC, debugger,
// hung storage stack) and resume.

import type { NodeId } from '../model/ids';
import { bootNode, crashNode, freezeNode, resumeNode } from '../node/power';
import type { FaultDescriptor } from './types';
import { checkNode } from './targets';
import type { World } from '../model/world';
import type { NodePower } from '../model/world';

function inPower(world: World, node: string | undefined, wanted: NodePower, hint: string): string | null {
  const n = world.nodes[node!]!;
  return n.power === wanted ? null : `node ${node} is ${n.power}, not ${wanted}; ${hint}`;
}

const clusterNodes = (view: { nodes: { id: string; power: string; standalone?: boolean }[] }, power: string) =>
  view.nodes.filter((n) => n.power === power).map((n) => ({ target: { node: n.id }, label: `Node ${n.id}` }));

export const nodeCrash: FaultDescriptor = {
  id: 'node-crash',
  label: 'Crash node',
  description: 'The host dies at once (power loss, kernel panic): no heartbeats, no I/O, no clean release of anything it holds.',
  target: 'node',
  targets: (view) => clusterNodes(view, 'up').concat(clusterNodes(view, 'frozen')),
  validate(world, t) {
    const bad = checkNode(world, t);
    if (bad) return bad;
    return world.nodes[t.node!]!.power === 'crashed' ? `node ${t.node} is already crashed; restart it first` : null;
  },
  apply: (ctx, t, cause) => crashNode(ctx, t.node as NodeId, cause),
  describe: (t) => `node ${t.node} crashed`,
};

export const nodeRestart: FaultDescriptor = {
  id: 'node-restart',
  label: 'Restart node',
  description: 'Power the host back on; it boots, starts its cluster software and listens for heartbeats.',
  target: 'node',
  targets: (view) => clusterNodes(view, 'crashed'),
  validate(world, t) {
    const bad = checkNode(world, t);
    if (bad) return bad;
    return world.nodes[t.node!]!.power === 'crashed' ? null : `node ${t.node} is already up`;
  },
  apply: (ctx, t, cause) => bootNode(ctx, t.node as NodeId, cause),
  describe: (t) => `node ${t.node} restarted`,
};

export const nodeFreeze: FaultDescriptor = {
  id: 'node-freeze',
  label: 'Freeze node',
  description: 'The host stops running but keeps its memory (VM pause, long GC, kernel debugger, hung storage stack). It does not know it was paused.',
  target: 'node',
  targets: (view) => clusterNodes(view, 'up'),
  validate(world, t) {
    return checkNode(world, t) ?? inPower(world, t.node, 'up', 'only a running node can freeze');
  },
  apply: (ctx, t, cause) => freezeNode(ctx, t.node as NodeId, cause),
  describe: (t) => `node ${t.node} frozen`,
};

export const nodeResume: FaultDescriptor = {
  id: 'node-resume',
  label: 'Resume node',
  description: 'The paused host runs again: its timers fire late and the I/O it had queued goes out as if nothing happened.',
  target: 'node',
  targets: (view) => clusterNodes(view, 'frozen'),
  validate(world, t) {
    return checkNode(world, t) ?? inPower(world, t.node, 'frozen', 'freeze it first');
  },
  apply: (ctx, t, cause) => resumeNode(ctx, t.node as NodeId, cause),
  describe: (t) => `node ${t.node} resumed`,
};
