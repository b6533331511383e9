// Where Pacemaker may start a service, shared by the Pacemaker personalities (HA-LVM and
// fence_scsi): only the coordinator of a quorate partition, and only once every absent node is
// known to be fenced (startup-fencing and fencing after a membership loss).

import type { NodeId } from '../model/ids';
import type { ScenarioParams } from '../model/scenario';
import { coordinatorOf, isQuorate } from './common';

/** How long a (re)started node waits to hear who runs the service before the coordinator starts it. */
export const PLACEMENT_WAIT_MS = 2000;

export const PLACEMENT_RULE = "Pacemaker's designated coordinator starts a resource that runs nowhere in the partition; a member that runs it announces itself first.";
export const STARTUP_FENCING_RULE = 'Pacemaker startup-fencing: a node the cluster has not seen since it started may be running the service, so it is fenced before anything starts.';

export interface PlacementView {
  self: NodeId;
  nodes: NodeId[];
  members: NodeId[];
  /** Absent nodes known to be fenced since they left. */
  cleared: NodeId[];
  params: Pick<ScenarioParams, 'twoNode' | 'fencing'>;
}

/** Nodes of the cluster that are neither in this partition nor known to be fenced. */
export function unclearedLost(c: PlacementView): NodeId[] {
  return c.nodes.filter((n) => !c.members.includes(n) && !c.cleared.includes(n));
}

/** May this node start the service? It coordinates a quorate partition and every absent node is fenced. */
export function mayStart(c: PlacementView): boolean {
  return coordinatorOf(c.members) === c.self && isQuorate(c.members, c.nodes, c.params.twoNode) && (!c.params.fencing || unclearedLost(c).length === 0);
}
