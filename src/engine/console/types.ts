// The node console's data shapes. Everything here is plain JSON data: a console command in the
// app runs inside the deterministic simulation, so its state (the plan plus the answers so far)
// must survive a checkpoint and a structured clone. No closures, no generators.

import type { ScsiResult, Sense } from '../lun/api';

/** How the node's multipath layer currently sees one of its paths (its path checker's verdict). */
export type PathState = 'up' | 'down';

/** One path of the node: path P is the SCSI disk /dev/sd(b+P-1) on this host (sda is the boot disk). */
export interface ConsolePath {
  path: number;
  /** Multipath's view; mpathpersist only uses paths it believes are up. Defaults to 'up'. */
  state?: PathState;
}

/**
 * Small in-memory file table standing in for the node's file system, for `sg_raw -i FILE` and
 * `sg_raw -o FILE`. Names are used as given (e.g. "blk", "/tmp/blk"). The built-in files
 * `zeros`, `/dev/zero` (endless 0x00) and `ones` (endless 0xff) always exist.
 */
export type FileTable = Record<string, number[]>;

export interface ConsoleContext {
  /** The node whose console this is, e.g. "A". */
  node: string;
  /** The node's paths to the shared LUN, in order. */
  paths: ConsolePath[];
  files?: FileTable;
  /**
   * Device used when a command names none (e.g. a script line "A.2: sg_turs"), instead of the
   * tool's "no device" error. Absent in a plain terminal.
   */
  defaultDevice?: string;
}

/** When a planned request is actually sent, decided from the answers to earlier ones. */
export type RequestGate =
  /** Sent only if every request sent before it in this plan was answered GOOD. */
  | { kind: 'allGood' }
  /** Sent only if the last request sent before it was not answered GOOD (try the next path). */
  | { kind: 'lastFailed' }
  /** A retry: sent only if the last request sent got CHECK CONDITION with UNIT ATTENTION. */
  | { kind: 'lastUnitAttention' }
  /**
   * mpathpersist REGISTER rollback. A chain is one path's request and its retries; its outcome is
   * the answer to the last one sent. Sent only if chain `of` ended GOOD and some chain in `group`
   * ended in RESERVATION CONFLICT.
   */
  | { kind: 'rollback'; of: number[]; group: number[][] };

/** Why a request is in the plan; JSON output reports status and sense of the 'main' one. */
export type RequestRole = 'probe' | 'main' | 'rollback';

export interface CdbRequest {
  kind: 'cdb';
  /** Path number (1-based) of the node whose I_T nexus carries the command. */
  path: number;
  cdb: number[];
  dataOut?: number[];
  /** Data-in buffer size the tool offers (the CDB's ALLOCATION LENGTH or transfer length). */
  allocationLength?: number;
  role: RequestRole;
  gate?: RequestGate;
}

/** A task management function (sg_reset), not a CDB. */
export interface ResetRequest {
  kind: 'reset';
  path: number;
  scope: 'lun' | 'target' | 'bus';
  role: RequestRole;
  gate?: RequestGate;
}

export type PlannedRequest = CdbRequest | ResetRequest;

export type ToolName = 'sg_persist' | 'sg_turs' | 'sg_inq' | 'sg_raw' | 'sg_reset' | 'mpathpersist' | 'help';

/**
 * What a parsed command line will do. `options` is tool-specific plain data (see each tool's
 * module); `requests` is the full ordered list, some of them gated on earlier answers.
 */
export interface CommandPlan {
  tool: ToolName;
  line: string;
  /** The device the command names, as typed (e.g. "/dev/sdb"), or null. */
  device: string | null;
  options: Record<string, unknown>;
  requests: PlannedRequest[];
}

/** The answer to one request: the device server's result, or nothing (path down, lost command). */
export type TimeoutResponse = { status: 'TIMEOUT' };
export type ConsoleResponse = ScsiResult | TimeoutResponse;

export interface ConsoleOutput {
  exit: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order the tool writes them, as a terminal shows them. */
  combined: string;
  /** Files the command wrote (sg_raw -o FILE); the caller merges them into its file table. */
  writes?: FileTable;
}

export type ParseResult = { ok: true; plan: CommandPlan } | { ok: false; exit: number; stderr: string };

export type { ScsiResult, Sense };
