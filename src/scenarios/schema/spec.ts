// The shape of a validated scenario: what `validateScenario` returns once every field is checked
// and every omitted optional field is filled with its default. Field names match the engine's
// `Scenario` (src/engine/model/scenario.ts) so a spec can be handed to `createSimulation`.

import type { NodeId, SimMs } from '../../engine/model/ids';

export const SCENARIO_MODES = ['none', 'scsi2', 'scsi3'] as const;
/** How the cluster protects the LUN: no reservation, SCSI-2 RESERVE/RELEASE, or SCSI-3 PR. */
export type ScenarioMode = (typeof SCENARIO_MODES)[number];

export const PERSONALITIES = ['ha-lvm', 'mscs-2003', 'wsfc-2008', 'fence-scsi'] as const;
/** The product whose behaviour and default timings the cluster copies. */
export type Personality = (typeof PERSONALITIES)[number];

export const SCENARIO_LEVELS = ['intro', 'core', 'advanced'] as const;
export type ScenarioLevel = (typeof SCENARIO_LEVELS)[number];

/** SPC-3 persistent reservation types, by their sg_persist names. */
export const PR_TYPES = ['WE', 'EA', 'WE_RO', 'EA_RO', 'WE_AR', 'EA_AR'] as const;
export type PrTypeName = (typeof PR_TYPES)[number];

export const STONITH_ACTIONS = ['reboot', 'off'] as const;
export type StonithAction = (typeof STONITH_ACTIONS)[number];

export const RESET_SCOPES = ['lun', 'target', 'bus'] as const;
export type ResetScope = (typeof RESET_SCOPES)[number];

export const SCSI2_PATH_RECOVERIES = ['none', 'reset-and-rereserve'] as const;
export type Scsi2PathRecovery = (typeof SCSI2_PATH_RECOVERIES)[number];

export interface ScenarioSpecParams {
  // Heartbeat and membership
  heartbeatIntervalMs: number;
  heartbeatMisses: number;
  heartbeatNetworks: number;
  heartbeatLatencyMs: number;
  /** Corosync waits this long for consensus after losing the token before forming a new membership. */
  consensusMs: number;
  // Storage transport
  commandLatencyMs: number;
  lunServiceMs: number;
  /** dm-multipath fast_io_fail_tmo: how long I/O on a dead path waits before failing over. */
  ioFailMs: number;
  /** multipathd polling_interval: how often the path checker probes each path. */
  pathCheckerMs: number;
  /** How often the owner writes a block of application data. */
  writeIntervalMs: number;
  /** The node that owns the service at the start. */
  owner: NodeId;
  // Fencing (Pacemaker STONITH)
  fencing: boolean;
  /** pcmk_delay_base. */
  fenceDelayMs: number;
  /** pcmk_delay_max: a random extra delay up to this value. */
  pcmkDelayMaxMs: number;
  fenceDeviceMs: number;
  stonithAction: StonithAction;
  bootMs: number;
  /** corosync votequorum two_node. */
  twoNode: boolean;
  /** corosync votequorum wait_for_all. */
  waitForAll: boolean;
  // SCSI-2 (MSCS challenge/defense)
  scsi2RenewMs: number;
  challengeWaitMs: number;
  onlineAfterMs: number;
  resetScope: ResetScope;
  scsi2PathRecovery: Scsi2PathRecovery;
  pathDownIsNexusLoss: boolean;
  // SCSI-3 PR (WSFC arbitration, fence_scsi)
  diskArbIntervalMs: number;
  prType: PrTypeName;
  aptpl: boolean;
  watchdog: boolean;
  watchdogIntervalMs: number;
  mpathReservationKey: boolean;
  /** Hex digits that start every reservation key this cluster registers. */
  keyPrefix: string;
  /** Extra LUNs on the same bus, to show what a bus reset also hits. */
  busLuns: number;
  /** How long the array stays dark in a power cycle. */
  lunPowerOffMs: number;
  /** How long the LUN answers NOT READY (becoming ready) after power returns. */
  lunBecomingReadyMs: number;
}

export const SCENARIO_FAULT_IDS = [
  'heartbeat-partition',
  'heartbeat-heal',
  'link-cut',
  'link-restore',
  'node-crash',
  'node-restart',
  'node-freeze',
  'node-resume',
  'path-down',
  'path-up',
  'target-port-down',
  'target-port-up',
  'lun-reset',
  'target-reset',
  'bus-reset',
  'array-power-cycle',
  'move-service',
  'clear-reservations',
  'standalone-host',
] as const;
export type ScenarioFaultId = (typeof SCENARIO_FAULT_IDS)[number];

interface FaultAt<F extends ScenarioFaultId> {
  /** When the fault happens, in virtual ms from the start of the run. */
  at: SimMs;
  fault: F;
}

/** A planned fault, with exactly the target fields its fault id takes. */
export type ScenarioFaultSpec =
  | (FaultAt<'heartbeat-partition'> & { groups: NodeId[][] })
  | FaultAt<'heartbeat-heal' | 'array-power-cycle'>
  | (FaultAt<'link-cut' | 'link-restore'> & { between: [NodeId, NodeId]; network?: number })
  | (FaultAt<'node-crash' | 'node-restart' | 'node-freeze' | 'node-resume' | 'clear-reservations'> & { node: NodeId })
  | (FaultAt<'path-down' | 'path-up'> & { node: NodeId; path: number })
  | (FaultAt<'target-port-down' | 'target-port-up'> & { path: number })
  /** `node` is the node whose HBA issues the reset; filled with the first node when omitted. */
  | (FaultAt<'lun-reset' | 'target-reset' | 'bus-reset'> & { node: NodeId })
  | (FaultAt<'move-service'> & { to: NodeId })
  /** `node` is a host outside the cluster that the LUN is presented to. */
  | (FaultAt<'standalone-host'> & { node: NodeId });

/** A scenario after validation, with every default filled in. */
export interface ScenarioSpec {
  id: string;
  title: string;
  summary?: string;
  level?: ScenarioLevel;
  minutes?: number;
  mode: ScenarioMode;
  personality: Personality;
  nodes: NodeId[];
  pathsPerNode: number;
  seed: number;
  /** Where playback stops by itself. */
  duration: SimMs;
  params: ScenarioSpecParams;
  /** In file order (not necessarily sorted by time). */
  faults: ScenarioFaultSpec[];
  /** Narrated beats: only checked to be objects for now, and kept exactly as written. */
  beats?: Record<string, unknown>[];
}
