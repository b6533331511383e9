// Defaults for omitted scenario fields: the real products' values each personality imitates.

import { defaultParams } from '../../engine/model/scenario';
import type { Personality, ScenarioMode, ScenarioSpecParams } from './spec';

/** Params whose defaults come from the node list rather than the personality. */
export type NodeDerivedParam = 'owner' | 'twoNode' | 'waitForAll';
export type PersonalityParamDefaults = Omit<ScenarioSpecParams, NodeDerivedParam>;

export const DEFAULT_PERSONALITY_BY_MODE: Readonly<Record<ScenarioMode, Personality>> = {
  none: 'ha-lvm',
  scsi2: 'mscs-2003',
  scsi3: 'fence-scsi',
};

/** Which personalities can run each mode. */
export const PERSONALITIES_BY_MODE: Readonly<Record<ScenarioMode, readonly Personality[]>> = {
  none: ['ha-lvm'],
  scsi2: ['mscs-2003'],
  scsi3: ['wsfc-2008', 'fence-scsi'],
};

export const DEFAULT_PATHS_PER_NODE = 1;
export const DEFAULT_SEED = 1;
export const DEFAULT_DURATION_MS = 120_000;

/**
 * Per-personality defaults. The one source is the engine's `defaultParams` (each value's source is
 * documented there, from research/cluster-arbitration.md §7); only the node-derived ones are left
 * out, since they depend on the scenario's node list.
 */
function personalityDefaults(personality: Personality): PersonalityParamDefaults {
  const { owner: _owner, twoNode: _twoNode, waitForAll: _waitForAll, ...rest } = defaultParams(personality, ['A', 'B']);
  return rest;
}

export const DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY: Readonly<Record<Personality, Readonly<PersonalityParamDefaults>>> = {
  'ha-lvm': personalityDefaults('ha-lvm'),
  'fence-scsi': personalityDefaults('fence-scsi'),
  'mscs-2003': personalityDefaults('mscs-2003'),
  'wsfc-2008': personalityDefaults('wsfc-2008'),
};
