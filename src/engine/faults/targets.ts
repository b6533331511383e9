// Validation helpers shared by fault descriptors. Every message names what was wrong and what
// the valid choices are.

import type { NodeId } from '../model/ids';
import type { World } from '../model/world';
import type { FaultTarget } from './types';

export function checkNode(world: World, target: FaultTarget): string | null {
  if (target.node === undefined) return `needs "node": one of ${Object.keys(world.nodes).join(', ')}`;
  if (!world.nodes[target.node]) return `"node": "${target.node}" is not a node of this cluster; use one of ${Object.keys(world.nodes).join(', ')}`;
  return null;
}

export function checkBetween(world: World, target: FaultTarget): string | null {
  const b = target.between;
  if (!Array.isArray(b) || b.length !== 2) return `needs "between": two node ids, e.g. ["A", "B"]`;
  for (const n of b) {
    if (!world.nodes[n]) return `"between": "${n}" is not a node of this cluster; use two of ${Object.keys(world.nodes).join(', ')}`;
  }
  if (b[0] === b[1]) return `"between": a link joins two different nodes, got "${b[0]}" twice`;
  const networks = world.scenario.params.heartbeatNetworks;
  if (target.network !== undefined && (!Number.isInteger(target.network) || target.network < 1 || target.network > networks)) {
    return `"network": ${target.network} is out of range; this cluster has heartbeat network${networks > 1 ? 's 1–' + networks : ' 1'}`;
  }
  return null;
}

export function checkGroups(world: World, target: FaultTarget): string | null {
  const groups = target.groups;
  const all = Object.keys(world.nodes);
  if (!Array.isArray(groups) || groups.length < 2) return `needs "groups": at least two arrays of node ids covering ${all.join(', ')}, e.g. [["A"], ["B"]]`;
  const seen = new Set<string>();
  for (const g of groups) {
    if (!Array.isArray(g) || g.length === 0) return `"groups": every group must be a non-empty array of node ids`;
    for (const n of g) {
      if (!world.nodes[n]) return `"groups": "${n}" is not a node of this cluster; use ${all.join(', ')}`;
      if (seen.has(n)) return `"groups": "${n}" appears in more than one group`;
      seen.add(n);
    }
  }
  const missing = all.filter((n) => !seen.has(n));
  if (missing.length > 0) return `"groups": every node must be in a group; missing ${missing.join(', ')}`;
  return null;
}

export const pairLabel = (a: string, b: string): string => `${a}–${b}`;
export const asNodes = (ids: readonly string[]): NodeId[] => ids as NodeId[];
