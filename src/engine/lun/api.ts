// The contract of the LUN device server (issue 3), shared by the transport, the cluster
// machines, the node console and the CLI. The implementation lives beside this file; this file
// only fixes the shapes everyone codes against.
//
// The device server is a pure module: `LunState` is plain data (structured-clonable, comparable
// with a deep equal), and every operation returns a new state instead of mutating its input, so
// the engine can keep it in checkpoints and replay exactly.

import type { NexusId, PrKey } from '../model/ids';

export type ScsiStatus = 'GOOD' | 'CHECK_CONDITION' | 'RESERVATION_CONFLICT';

/** Fixed-format sense data, reduced to what a SCSI initiator acts on. */
export interface Sense {
  key: number;
  asc: number;
  ascq: number;
}

/** One command as the device server receives it on an I_T nexus. */
export interface ScsiCommand {
  nexus: NexusId;
  /** CDB bytes (6, 10 or 12 bytes). */
  cdb: readonly number[];
  /** Data-out bytes, e.g. the 24-byte PR OUT parameter list or WRITE(10) blocks. */
  dataOut?: readonly number[];
  /** Who is writing, for the block map and the integrity checker (the node id by default). */
  writer?: string;
  /** Opaque tag the engine uses to match the answer to its request (task tag). */
  tag?: number;
}

/** The device server's answer. */
export interface ScsiResult {
  status: ScsiStatus;
  sense: Sense | null;
  /** Data-in bytes (INQUIRY data, PR IN data, READ(10) blocks, ...). */
  dataIn: number[];
  /**
   * The rule that decided the answer, in words, naming the clause of the standard (or the
   * implementation the research note follows), e.g.
   * "SPC-4 5.7.11.4: PREEMPT naming the holder's key moves the reservation to the preemptor".
   * The UI shows it as the "why?" of the answer.
   */
  rule: string;
}

/** Side effects the engine must carry out beyond the LUN's own state. */
export interface LunEffects {
  /** Nexuses whose queued tasks PREEMPT AND ABORT (or a reset) aborted. */
  abortTasksOf: NexusId[];
  /**
   * Tags of the tasks removed from the LUN's own task set (see `enqueueTask`) by PREEMPT AND
   * ABORT or a reset, in task-set order. Tasks queued without a tag are removed but not listed.
   */
  abortedTags: number[];
}

// ---------------------------------------------------------------------------------------------
// Added with the device server (issue 3). Everything below is plain, JSON-able data.

/** One I_T nexus through which the LUN is presented: an initiator port talking to a target port. */
export interface NexusDescriptor {
  id: NexusId;
  /**
   * The SCSI initiator port name. For iSCSI this is "<iSCSI name>,i,0x<ISID in 12 hex digits>",
   * e.g. "iqn.2026-11.lab:node-a,i,0x000000000001" (SPC-4 iSCSI TransportID format 01b).
   */
  initiatorPort: string;
  /** The node (host) this initiator port belongs to, e.g. "A". */
  host: string;
  /** RELATIVE TARGET PORT IDENTIFIER of the array port on this path, 1-based. */
  relativeTargetPort: number;
}

export interface LunConfig {
  /** LUN number as REPORT LUNS reports it (0 for the lab's shared disk). */
  lun: number;
  /** Unit serial number (VPD page 80h, READ FULL STATUS has none). */
  serial: string;
  /** Capacity in 512-byte logical blocks. */
  blocks: number;
  nexuses: NexusDescriptor[];
  /** Bus/target the LUN sits behind; the engine uses it to find the collateral of a bus reset. */
  bus?: string;
}

/** The six persistent reservation types by their SPC-4 names (TYPE codes 1, 3, 5, 6, 7, 8). */
export type PrTypeName = 'WE' | 'EA' | 'WE_RO' | 'EA_RO' | 'WE_AR' | 'EA_AR';

/** A plain projection of the LUN for the UI, the CLI and scenario expectations. */
export interface LunSummary {
  lun: number;
  serial: string;
  bus: string | null;
  /** The I_T nexus holding an SPC-2 RESERVE(6), if any. */
  scsi2Holder: NexusId | null;
  /** PRgeneration as READ KEYS reports it. */
  generation: number;
  /** APTPL state: registrations and the reservation survive a power cycle (PTPL_A). */
  aptpl: boolean;
  registrations: { nexus: NexusId; key: PrKey; holder: boolean }[];
  reservation: {
    /** The key READ RESERVATION reports: the holder's key, "0x0" for the all-registrants types. */
    key: PrKey;
    type: PrTypeName;
    scope: 'LU';
    /** null for WE_AR / EA_AR, where every registrant is a holder. */
    holderNexus: NexusId | null;
  } | null;
  pendingUnitAttentions: { nexus: NexusId; asc: number; ascq: number; label: string }[];
  /** Only blocks that were ever written, in LBA order. */
  blocks: { lba: number; writer: string; nexus: NexusId; seq: number }[];
  /** The task set (commands queued with `enqueueTask`), in execution order. */
  queuedTasks: { nexus: NexusId; tag: number | null; opcode: number }[];
}
