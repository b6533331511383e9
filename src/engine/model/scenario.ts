// The scenario a run starts from: topology, mode and personality, parameters (timings default to
// the real products' values, see ../shared/research/cluster-arbitration.md §7), a fault schedule
// and, later, narrated beats. src/scenarios validates files into this shape.

import type { NodeId, SimMs } from './ids';
import type { FaultTarget } from '../faults/types';

export type Mode = 'none' | 'scsi2' | 'scsi3';
export type Personality = 'ha-lvm' | 'mscs-2003' | 'wsfc-2008' | 'fence-scsi';
export type PrTypeParam = 'WE' | 'EA' | 'WE_RO' | 'EA_RO' | 'WE_AR' | 'EA_AR';

export interface ScenarioParams {
  // Heartbeat and membership
  /** Time between heartbeats per peer and network (Corosync token round / WSFC SameSubnetDelay / MSCS 1.2 s). */
  heartbeatIntervalMs: number;
  /** Consecutive missed heartbeats before a peer leaves the view (token 3 s / WSFC threshold 10 / MSCS 6). */
  heartbeatMisses: number;
  heartbeatNetworks: number;
  heartbeatLatencyMs: number;
  /** Corosync consensus time after token loss before the new membership is final (1.2 × token). */
  consensusMs: number;
  // Storage transport
  /** One-way latency of a SCSI command or response on a path. */
  commandLatencyMs: number;
  /** Time the LUN takes to execute one queued task. */
  lunServiceMs: number;
  /** Time after which an initiator gives up on a command lost on a dead path (dm-multipath fast_io_fail_tmo 5 s). */
  ioFailMs: number;
  /** multipathd path checker interval (polling_interval 5 s). */
  pathCheckerMs: number;
  /** Interval between application writes of the node that has the file system mounted. */
  writeIntervalMs: number;
  // Cluster
  /** Node that owns the service at start. */
  owner: string;
  /** Pacemaker stonith-enabled. */
  fencing: boolean;
  /** pcmk_delay_base: fixed delay before fencing. */
  fenceDelayMs: number;
  /** pcmk_delay_max: random extra delay before fencing, to break fence races. */
  pcmkDelayMaxMs: number;
  /** Time a power fence device takes to act. */
  fenceDeviceMs: number;
  stonithAction: 'reboot' | 'off';
  /** Time a rebooted node takes to come back. */
  bootMs: number;
  /** votequorum two_node: both halves of a two-node cluster keep quorum. */
  twoNode: boolean;
  /** votequorum wait_for_all: a freshly started node waits until it has seen every peer. */
  waitForAll: boolean;
  // SCSI-2 (MSCS)
  /** Defender re-RESERVE interval (KB 309186: 3 s). */
  scsi2RenewMs: number;
  /** Challenger wait after its reset before RESERVE (MSCS 7 s), or before PREEMPT (WSFC 6 s). */
  challengeWaitMs: number;
  /** MSCS brings the quorum online about 10 s after the challenge began. */
  onlineAfterMs: number;
  resetScope: 'lun' | 'target' | 'bus';
  /** What the DSM does when I/O fails over to a path that does not hold the SPC-2 reservation. */
  scsi2PathRecovery: 'none' | 'reset-and-rereserve';
  /** Does a path going down make the target see an I_T nexus loss (FC logout)? */
  pathDownIsNexusLoss: boolean;
  // SCSI-3 PR
  /** WSFC DiskArbInterval: owner's scrub/defend interval (3 s). */
  diskArbIntervalMs: number;
  prType: PrTypeParam;
  aptpl: boolean;
  /** fence_scsi_check under the watchdog daemon reboots a node whose key is gone. */
  watchdog: boolean;
  watchdogIntervalMs: number;
  /** multipathd re-registers the key on reinstated paths (reservation_key set in multipath.conf). */
  mpathReservationKey: boolean;
  /** First 4 hex digits of the fence_scsi keys (from the cluster name's MD5). */
  keyPrefix: string;
  /** Extra LUNs on the same bus, to show the collateral of resets. */
  busLuns: number;
  // Array power cycle (storage/lunPowerMachine.ts)
  /** How long the array stays dark after losing power (commands get no answer and time out). */
  lunPowerOffMs: number;
  /** How long the device server answers NOT READY (04h/01h) after power returns. */
  lunBecomingReadyMs: number;
}

/** A fault planned by the scenario author: `{ at, fault, ...target }`. */
export interface ScheduledFault extends FaultTarget {
  at: number;
  fault: string;
}

export interface Scenario {
  id: string;
  title: string;
  summary?: string;
  level?: 'intro' | 'core' | 'advanced';
  minutes?: number;
  mode: Mode;
  personality: Personality;
  nodes: NodeId[];
  pathsPerNode: number;
  seed: number;
  params: ScenarioParams;
  faults: ScheduledFault[];
  /** Where playback stops by itself. */
  duration: SimMs;
  /** Narrated beats (the guided-scenario issue defines them). */
  beats?: unknown[];
}

export const PERSONALITY_OF_MODE: Record<Mode, Personality> = { none: 'ha-lvm', scsi2: 'mscs-2003', scsi3: 'fence-scsi' };

/**
 * Real products' defaults per personality (research/cluster-arbitration.md §7): heartbeat KB 892422
 * (MSCS 1.2 s × 6), WSFC SameSubnetDelay 1 s × SameSubnetThreshold 10, corosync token 3 s and
 * consensus 1.2 × token; KB 309186 (re-reserve every 3 s, challenger waits 7 s, online after ~10 s);
 * WSFC DiskArbInterval 3 s and a 2 × DiskArbInterval challenge; dm-multipath fast_io_fail_tmo 5 s
 * and polling_interval 5 s; Pacemaker stonith-action reboot, pcmk_delay_base/max 0; fence_scsi
 * WE_RO reservations and the watchdog check. Simulator choices: 1 ms latencies, 2 s fence device,
 * 30 s boot, 1 s application writes.
 *
 * Array power cycle: 2 s dark, then 2 s NOT READY. A real array controller takes minutes to
 * restart (self test, loading its configuration and persistent reservation state), and a disk
 * spinning up takes 10–30 s; the lab compresses that to seconds so a lesson does not stall, yet
 * keeps each phase longer than a command's round trip and shorter than dm-multipath's 5 s
 * fast_io_fail_tmo and polling_interval, so a node that is writing sees its I/O time out (dark)
 * or come back NOT READY, and a lesson's power cycle is over well within the 30 s a node takes to
 * boot (S11 restarts B 5 s after the array lost power, by which time it is ready again).
 */
export function defaultParams(personality: Personality, nodes: readonly string[]): ScenarioParams {
  const pacemaker = personality === 'ha-lvm' || personality === 'fence-scsi';
  const twoNode = nodes.length === 2;
  return {
    heartbeatIntervalMs: personality === 'mscs-2003' ? 1200 : 1000,
    heartbeatMisses: personality === 'mscs-2003' ? 6 : personality === 'wsfc-2008' ? 10 : 3,
    heartbeatNetworks: 1,
    heartbeatLatencyMs: 1,
    consensusMs: pacemaker ? 3600 : 0,
    commandLatencyMs: 1,
    lunServiceMs: 1,
    ioFailMs: 5000,
    pathCheckerMs: 5000,
    writeIntervalMs: 1000,
    owner: nodes[0] ?? 'A',
    fencing: true,
    fenceDelayMs: 0,
    pcmkDelayMaxMs: 0,
    fenceDeviceMs: 2000,
    stonithAction: 'reboot',
    bootMs: 30000,
    twoNode,
    waitForAll: twoNode,
    scsi2RenewMs: 3000,
    challengeWaitMs: personality === 'wsfc-2008' ? 6000 : 7000,
    onlineAfterMs: 10000,
    resetScope: 'lun',
    scsi2PathRecovery: 'reset-and-rereserve',
    pathDownIsNexusLoss: false,
    diskArbIntervalMs: 3000,
    prType: 'WE_RO',
    aptpl: false,
    watchdog: true,
    watchdogIntervalMs: 1000,
    mpathReservationKey: true,
    keyPrefix: '3683',
    busLuns: 0,
    lunPowerOffMs: 2000,
    lunBecomingReadyMs: 2000,
  };
}

/** Kept for the heartbeat-only tests: the fence-scsi defaults for two nodes, heartbeat 1 s × 5. */
export const DEFAULT_PARAMS: ScenarioParams = { ...defaultParams('fence-scsi', ['A', 'B']), heartbeatMisses: 5, consensusMs: 0 };
