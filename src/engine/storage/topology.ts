// The storage side of a scenario: each node has one HBA port per path, path P is zoned to array
// target port P, and every path is an I_T nexus to every LUN. LUN 0 is the cluster's shared disk;
// `busLuns` more LUNs sit on the same bus so resets show their collateral.

import { createLun, type LunState, type NexusDescriptor } from '../lun';
import type { NexusId, NodeId } from '../model/ids';
import type { Scenario } from '../model/scenario';
import type { LunSlot, MultipathState, PathState, TargetPortState } from '../model/world';

export const BUS_ID = 'bus0';
/** Blocks per LUN: enough for a visible block map. */
export const LUN_BLOCKS = 2048;

export const nexusOf = (node: string, path: number): NexusId => `${node}.${path}` as NexusId;

/** iSCSI initiator port name (SPC-4 TransportID format 01b: name,i,0x<ISID>). */
export function initiatorPortName(node: string, path: number): string {
  return `iqn.2026-11.lab:node-${node.toLowerCase()},i,0x${(0x23d000000 + path).toString(16).padStart(12, '0')}`;
}

export function nexusDescriptors(node: string, paths: number): NexusDescriptor[] {
  return Array.from({ length: paths }, (_, i) => ({
    id: nexusOf(node, i + 1),
    initiatorPort: initiatorPortName(node, i + 1),
    host: node,
    relativeTargetPort: i + 1,
  }));
}

export function createStorage(scenario: Scenario): {
  paths: PathState[];
  targetPorts: TargetPortState[];
  luns: LunSlot[];
  multipath: Record<string, MultipathState>;
} {
  const paths: PathState[] = [];
  const multipath: Record<string, MultipathState> = {};
  const descriptors: NexusDescriptor[] = [];
  for (const node of scenario.nodes) {
    multipath[node] = { node, paths: {} };
    for (let p = 1; p <= scenario.pathsPerNode; p++) {
      paths.push({ nexus: nexusOf(node, p), node, path: p, up: true, downBy: null });
      multipath[node]!.paths[p] = 'active';
    }
    descriptors.push(...nexusDescriptors(node, scenario.pathsPerNode));
  }
  const targetPorts: TargetPortState[] = Array.from({ length: scenario.pathsPerNode }, (_, i) => ({ port: i + 1, up: true, downBy: null }));
  const luns: LunSlot[] = [];
  for (let id = 0; id <= scenario.params.busLuns; id++) {
    const state: LunState = createLun({ lun: id, serial: `RESLAB${String(id).padStart(4, '0')}`, blocks: LUN_BLOCKS, nexuses: descriptors, bus: BUS_ID });
    luns.push({ id, state, busy: false });
  }
  return { paths, targetPorts, luns, multipath };
}

/** Adds a host outside the cluster (a standalone server) with one path to every LUN. */
export function presentToHost(world: { paths: PathState[]; luns: LunSlot[]; multipath: Record<string, MultipathState> }, node: NodeId, addNexus: (s: LunState, d: NexusDescriptor) => LunState): void {
  world.paths.push({ nexus: nexusOf(node, 1), node, path: 1, up: true, downBy: null });
  world.multipath[node] = { node, paths: { 1: 'active' } };
  for (const slot of world.luns) slot.state = addNexus(slot.state, nexusDescriptors(node, 1)[0]!);
}
