// The scenario format as tables: field names, types, ranges and enums. The validator reads these
// tables, and validateSchema.test.ts checks public/scenario.schema.json against them, so the two
// cannot drift apart.

import {
  PERSONALITIES,
  PR_TYPES,
  RESET_SCOPES,
  SCENARIO_FAULT_IDS,
  SCENARIO_LEVELS,
  SCENARIO_MODES,
  SCSI2_PATH_RECOVERIES,
  STONITH_ACTIONS,
  type ScenarioFaultId,
  type ScenarioSpecParams,
} from './spec';

/** How one field's value is checked. `ms` only changes the wording of messages. */
export type ValueRule =
  | { type: 'integer'; min: number; max: number; unit?: 'ms' }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | {
      type: 'string';
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      /** What the field holds, for messages; built from the lengths when omitted. */
      expected?: string;
      /** What to do when the pattern does not match. */
      patternFix?: string;
    }
  /** A node id that must be one of the scenario's `nodes`. */
  | { type: 'nodeRef' };

export const SCENARIO_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const NODE_ID_PATTERN = /^[A-Z][A-Z0-9]{0,7}$/;
export const NODE_ID_HINT = 'a capital letter followed by up to 7 capital letters or digits, such as "A" or "NODE2"';
export const NODE_ID_RULE: ValueRule = { type: 'string', pattern: NODE_ID_PATTERN, expected: `a node id: ${NODE_ID_HINT}`, patternFix: 'rename it, such as "A" or "NODE2"' };
export const MIN_NODES = 2;
export const MAX_NODES = 4;
export const MAX_PATHS_PER_NODE = 4;
export const MAX_HEARTBEAT_NETWORKS = 3;
export const MAX_DURATION_MS = 3_600_000;

const ms = (min: number, max: number): ValueRule => ({ type: 'integer', min, max, unit: 'ms' });
const int = (min: number, max: number): ValueRule => ({ type: 'integer', min, max });
const bool: ValueRule = { type: 'boolean' };
const oneOf = (values: readonly string[]): ValueRule => ({ type: 'enum', values });

/** Top-level fields with a simple rule; `nodes`, `params`, `faults` and `beats` have their own checks. */
export const TOP_LEVEL_RULES = {
  $schema: { type: 'string', expected: 'a string (the location of scenario.schema.json, for editors)' },
  id: {
    type: 'string',
    pattern: SCENARIO_ID_PATTERN,
    expected: 'a scenario id of 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit',
    patternFix: 'rename it using only those characters, such as "split-brain-demo"',
  },
  title: { type: 'string', minLength: 1, maxLength: 120, pattern: /\S/, expected: 'a title of 1 to 120 characters', patternFix: 'write a title a learner can read' },
  summary: { type: 'string', maxLength: 400 },
  level: oneOf(SCENARIO_LEVELS),
  minutes: int(1, 120),
  mode: oneOf(SCENARIO_MODES),
  personality: oneOf(PERSONALITIES),
  pathsPerNode: int(1, MAX_PATHS_PER_NODE),
  seed: int(0, 2 ** 32 - 1),
  duration: ms(1000, MAX_DURATION_MS),
} as const satisfies Record<string, ValueRule>;

/** Every top-level field, in the order the validator checks and reports them. */
export const TOP_LEVEL_FIELDS = [
  '$schema',
  'id',
  'title',
  'summary',
  'level',
  'minutes',
  'mode',
  'personality',
  'nodes',
  'pathsPerNode',
  'seed',
  'duration',
  'params',
  'faults',
  'beats',
] as const;

export const REQUIRED_TOP_LEVEL_FIELDS: readonly string[] = ['id', 'title', 'mode', 'nodes'];

/** Every param, in the order the validator checks them. All are optional. */
export const PARAM_RULES: { readonly [K in keyof ScenarioSpecParams]: ValueRule } = {
  heartbeatIntervalMs: ms(100, 10_000),
  heartbeatMisses: int(1, 120),
  heartbeatNetworks: int(1, MAX_HEARTBEAT_NETWORKS),
  heartbeatLatencyMs: ms(0, 1000),
  consensusMs: ms(0, 60_000),
  commandLatencyMs: ms(0, 1000),
  lunServiceMs: ms(0, 1000),
  lunPowerOffMs: ms(0, 600_000),
  lunBecomingReadyMs: ms(0, 600_000),
  ioFailMs: ms(100, 120_000),
  pathCheckerMs: ms(500, 60_000),
  writeIntervalMs: ms(100, 60_000),
  owner: { type: 'nodeRef' },
  fencing: bool,
  fenceDelayMs: ms(0, 120_000),
  pcmkDelayMaxMs: ms(0, 120_000),
  fenceDeviceMs: ms(0, 60_000),
  stonithAction: oneOf(STONITH_ACTIONS),
  bootMs: ms(0, 600_000),
  twoNode: bool,
  waitForAll: bool,
  scsi2RenewMs: ms(500, 60_000),
  challengeWaitMs: ms(0, 120_000),
  onlineAfterMs: ms(0, 120_000),
  resetScope: oneOf(RESET_SCOPES),
  scsi2PathRecovery: oneOf(SCSI2_PATH_RECOVERIES),
  pathDownIsNexusLoss: bool,
  diskArbIntervalMs: ms(500, 60_000),
  prType: oneOf(PR_TYPES),
  aptpl: bool,
  watchdog: bool,
  watchdogIntervalMs: ms(100, 60_000),
  mpathReservationKey: bool,
  keyPrefix: { type: 'string', pattern: /^[0-9a-fA-F]{1,8}$/, expected: 'a string of 1 to 8 hexadecimal digits, such as "3683"', patternFix: 'use only the digits 0-9 and letters a-f, at most 8 of them' },
  busLuns: int(0, 3),
};

export const PARAM_FIELDS = Object.keys(PARAM_RULES) as (keyof ScenarioSpecParams)[];

export type FaultTargetField = 'node' | 'path' | 'network' | 'between' | 'groups' | 'to';

/** Rules for target fields whose checks do not depend on the rest of the scenario. */
export const FAULT_FIELD_RULES = {
  at: ms(0, MAX_DURATION_MS),
  fault: oneOf(SCENARIO_FAULT_IDS),
  path: int(1, MAX_PATHS_PER_NODE),
  network: int(1, MAX_HEARTBEAT_NETWORKS),
} as const satisfies Record<string, ValueRule>;

export interface FaultShape {
  required: readonly FaultTargetField[];
  optional: readonly FaultTargetField[];
  /** What `node` names for this fault, for messages. */
  nodeRole?: 'member' | 'issuer' | 'new-host';
  /** What `path` names for this fault, for messages. */
  pathRole?: 'node-path' | 'target-port';
}

const none: FaultShape = { required: [], optional: [] };
const onNode: FaultShape = { required: ['node'], optional: [], nodeRole: 'member' };
const link: FaultShape = { required: ['between'], optional: ['network'] };
const nodePath: FaultShape = { required: ['node', 'path'], optional: [], nodeRole: 'member', pathRole: 'node-path' };
const targetPort: FaultShape = { required: ['path'], optional: [], pathRole: 'target-port' };
const reset: FaultShape = { required: [], optional: ['node'], nodeRole: 'issuer' };

/** The target fields each fault takes (besides `at` and `fault`). */
export const FAULT_SHAPES: { readonly [F in ScenarioFaultId]: FaultShape } = {
  'heartbeat-partition': { required: ['groups'], optional: [] },
  'heartbeat-heal': none,
  'link-cut': link,
  'link-restore': link,
  'node-crash': onNode,
  'node-restart': onNode,
  'node-freeze': onNode,
  'node-resume': onNode,
  'path-down': nodePath,
  'path-up': nodePath,
  'target-port-down': targetPort,
  'target-port-up': targetPort,
  'lun-reset': reset,
  'target-reset': reset,
  'bus-reset': reset,
  'array-power-cycle': none,
  'move-service': { required: ['to'], optional: [] },
  'clear-reservations': onNode,
  'standalone-host': { required: ['node'], optional: [], nodeRole: 'new-host' },
};

/** Every field any fault may have, in the order the validator checks them. */
export const FAULT_FIELDS = ['at', 'fault', 'node', 'path', 'between', 'network', 'groups', 'to'] as const;
