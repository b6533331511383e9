// Why a fault offers no target now. The view lists the targets a fault applies to (an empty list:
// none now); the reason is phrased from the kind of element it acts on.

import type { FaultOption } from '../../engine';

const ELEMENT: Record<FaultOption['target'], string> = {
  node: 'no node is in a state it applies to',
  link: 'no heartbeat link is in a state it applies to',
  groups: 'no split of the nodes applies',
  path: 'no path is in a state it applies to',
  port: 'no array port is in a state it applies to',
  lun: 'no node can send it to the LUN',
  none: 'there is nothing for it to act on',
};

export function unavailableReason(f: Pick<FaultOption, 'target'>): string {
  return `Not now: ${ELEMENT[f.target]}.`;
}
