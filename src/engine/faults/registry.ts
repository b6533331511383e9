// The one fault registry. Order here is the order of the fault palette.

import { heartbeatHeal, heartbeatPartition, linkCut, linkRestore } from './heartbeatFaults';
import { nodeCrash, nodeRestart } from './nodeFaults';
import type { FaultDescriptor } from './types';

export const FAULTS: readonly FaultDescriptor[] = [linkCut, linkRestore, heartbeatPartition, heartbeatHeal, nodeCrash, nodeRestart];

const byId = new Map(FAULTS.map((f) => [f.id, f]));

export function faultById(id: string): FaultDescriptor | undefined {
  return byId.get(id);
}

export const FAULT_IDS: readonly string[] = FAULTS.map((f) => f.id);
