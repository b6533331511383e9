// Which machine runs each personality's cluster software.

import type { AnyStateMachine } from 'xstate';
import type { Personality } from '../model/scenario';
import { registerLogic } from '../sim/actors';
import { fenceScsiMachine } from './fenceScsiMachine';
import { haLvmMachine } from './haLvmMachine';
import { mscsMachine } from './mscsMachine';
import { standaloneMachine } from './standaloneMachine';
import { wsfcMachine } from './wsfcMachine';

const MACHINES: Partial<Record<Personality, AnyStateMachine>> = {
  'ha-lvm': haLvmMachine,
  'fence-scsi': fenceScsiMachine,
  'mscs-2003': mscsMachine,
  'wsfc-2008': wsfcMachine,
};

for (const [name, machine] of Object.entries(MACHINES)) registerLogic(`cluster:${name}`, machine);
registerLogic('cluster:standalone', standaloneMachine);

export function clusterLogicName(personality: Personality): string {
  if (!MACHINES[personality]) throw new Error(`engine: no cluster machine for personality "${personality}"`);
  return `cluster:${personality}`;
}
