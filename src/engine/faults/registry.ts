// The one fault registry. Order here is the order of the fault palette.

import { clearReservations, moveService, standaloneHost } from './adminFaults';
import { heartbeatHeal, heartbeatPartition, linkCut, linkRestore } from './heartbeatFaults';
import { nodeCrash, nodeFreeze, nodeRestart, nodeResume } from './nodeFaults';
import { arrayPowerCycle, busReset, lunReset, pathDown, pathUp, targetPortDown, targetPortUp, targetReset } from './storageFaults';
import type { FaultDescriptor } from './types';

export const FAULTS: readonly FaultDescriptor[] = [
  heartbeatPartition,
  heartbeatHeal,
  linkCut,
  linkRestore,
  nodeCrash,
  nodeRestart,
  nodeFreeze,
  nodeResume,
  pathDown,
  pathUp,
  targetPortDown,
  targetPortUp,
  lunReset,
  targetReset,
  busReset,
  arrayPowerCycle,
  moveService,
  clearReservations,
  standaloneHost,
];

const byId = new Map(FAULTS.map((f) => [f.id, f]));

export function faultById(id: string): FaultDescriptor | undefined {
  return byId.get(id);
}

export const FAULT_IDS: readonly string[] = FAULTS.map((f) => f.id);
