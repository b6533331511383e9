// The console script interpreter behind `lab script FILE`: one shared LUN, a few nodes with one or
// more paths each, and a script of console commands and faults. Pure: the run is plain data and
// each line returns the next state, so it is tested without Node.
//
// Script lines:
//   A: sg_persist -k /dev/sdb     a command on node A; the device it names picks the path
//   A.2: sg_turs                  the same, with path 2's device (/dev/sdc) when none is named
//   ! lun-reset                   a fault (see SCRIPT_FAULTS)
//   # comment, blank lines        ignored
// Each command runs to completion before the next line, driving the LUN directly with
// executeCommand. A downed path answers nothing (TIMEOUT); taking a path down is not an I_T nexus
// loss (use `! nexus-loss A.1` for that), and the node's multipath path checker notices at once,
// so mpathpersist skips a downed path.

import { formatResult, nextRequest, parseCommandLine, sentRequests } from './console';
import { pathDevice } from './devices';
import type { SentRequest } from './sequence';
import type { CommandPlan, ConsoleContext, ConsoleOutput, ConsoleResponse, FileTable, PlannedRequest, Sense } from './types';
import type { NexusId } from '../model/ids';
import {
  PR_IN,
  applyReset,
  createLun,
  decodeReadKeys,
  decodeReadReservation,
  executeCommand,
  nexusLoss,
  powerCycle,
  powerLoss,
  powerOn,
  type LunState,
  type NexusDescriptor,
} from '../lun';

export interface ScriptConfig {
  /** Node ids, e.g. ["A", "B", "C"]. */
  nodes: string[];
  /** Paths per node (each path is one I_T nexus "<node>.<path>"). */
  paths: number;
  serial?: string;
  blocks?: number;
}

export const DEFAULT_SCRIPT_CONFIG: ScriptConfig = { nodes: ['A', 'B', 'C'], paths: 1 };

export interface ScriptState {
  config: ScriptConfig;
  lun: LunState;
  /** Nexuses whose path is down. */
  down: string[];
  /** Each node's small file table (sg_raw -o / -i). */
  files: Record<string, FileTable>;
  /**
   * The array's power: `off` answers nothing (commands time out), `becoming-ready` answers NOT
   * READY 04h/01h but for INQUIRY, REPORT LUNS and REQUEST SENSE (lun/notReady.ts). A script has
   * no clock, so `! power-on` and `! ready` move it along (`! power-cycle` does all at once).
   */
  power: 'ready' | 'off' | 'becoming-ready';
}

export type PrInSummary =
  | { generation: number; keys: string[] }
  | { generation: number; reservation: { key: string; type: string; scope: string } | null };

export interface CommandRecord {
  kind: 'command';
  line: number;
  node: string;
  /**
   * The path of the main request; null when the command never reached a device (help, a syntax
   * error, a device the node lacks).
   */
  path: number | null;
  /**
   * The shell prompt for transcripts: "A#", or for a line written "A.2: ..." the node and the
   * path the command actually went down ("A.1#" when it named /dev/sdb).
   */
  prompt: string;
  /**
   * Set when the line's NODE.PATH prefix and the device the command names disagree
   * ("A.2: sg_turs /dev/sdb"): what ran, for stderr. The command runs on the device it names.
   */
  warning: string | null;
  command: string;
  exit: number;
  stdout: string;
  stderr: string;
  combined: string;
  /** Status of the main request ("TIMEOUT" when no answer came), null when nothing was sent. */
  status: ConsoleResponse['status'] | null;
  sense: Sense | null;
  prin: PrInSummary | null;
}

export interface FaultRecord {
  kind: 'fault';
  line: number;
  fault: string;
  target: string | null;
  description: string;
}

export interface ErrorRecord {
  kind: 'error';
  line: number;
  text: string;
  error: string;
}

export type ScriptRecord = CommandRecord | FaultRecord | ErrorRecord;

const NODE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The I_T nexuses of one node: path p is initiator port ISID 00023d00000p on target port p. */
export function nodeNexuses(node: string, paths: number): NexusDescriptor[] {
  return Array.from({ length: paths }, (_, i) => {
    const p = i + 1;
    return {
      id: `${node}.${p}` as NexusId,
      initiatorPort: `iqn.2026-11.lab:node-${node.toLowerCase()},i,0x00023d${p.toString(16).padStart(6, '0')}`,
      host: node,
      relativeTargetPort: p,
    };
  });
}

/** Checks a configuration; null when fine, else what is wrong and what to do. */
export function checkScriptConfig(config: ScriptConfig): string | null {
  if (config.nodes.length === 0) return 'at least one node is needed, e.g. --nodes A,B';
  for (const n of config.nodes) {
    if (!NODE_NAME.test(n)) return `"${n}" is not a node name: use a letter followed by letters, digits, "-" or "_", e.g. --nodes A,B,C`;
  }
  if (new Set(config.nodes).size !== config.nodes.length) return `a node is listed twice in ${config.nodes.join(',')}`;
  if (!Number.isInteger(config.paths) || config.paths < 1 || config.paths > 8) return `paths per node must be a whole number from 1 to 8, got ${config.paths}`;
  return null;
}

export function createScriptState(config: ScriptConfig = DEFAULT_SCRIPT_CONFIG): ScriptState {
  const problem = checkScriptConfig(config);
  if (problem) throw new Error(problem);
  const lun = createLun({
    lun: 0,
    serial: config.serial ?? 'RESLAB0001',
    blocks: config.blocks ?? 2048,
    nexuses: config.nodes.flatMap((n) => nodeNexuses(n, config.paths)),
  });
  return { config, lun, down: [], files: Object.fromEntries(config.nodes.map((n) => [n, {}])), power: 'ready' };
}

interface ScriptFault {
  id: string;
  /** "NEXUS" when the fault takes an I_T nexus such as A.1. */
  target: 'none' | 'nexus';
  description: string;
  apply(state: ScriptState, nexus: string | null): ScriptState;
  /** Why the fault can't apply now (e.g. powering on an array that is on), else null. */
  refuse?(state: ScriptState): string | null;
}

/** The faults a script can inject, as registered descriptors. */
export const SCRIPT_FAULTS: readonly ScriptFault[] = [
  {
    id: 'lun-reset',
    target: 'none',
    description: 'LOGICAL UNIT RESET: releases an SPC-2 reservation, keeps persistent reservations, unit attention to every nexus',
    apply: (s) => ({ ...s, lun: applyReset(s.lun, 'lun').state }),
  },
  {
    id: 'target-reset',
    target: 'none',
    description: 'target reset: releases an SPC-2 reservation, keeps persistent reservations, unit attention to every nexus',
    apply: (s) => ({ ...s, lun: applyReset(s.lun, 'target').state }),
  },
  {
    id: 'bus-reset',
    target: 'none',
    description: 'bus reset: releases an SPC-2 reservation, keeps persistent reservations, unit attention to every nexus',
    apply: (s) => ({ ...s, lun: applyReset(s.lun, 'bus').state }),
  },
  {
    id: 'power-cycle',
    target: 'none',
    description: 'power loss and power on: registrations and the reservation survive only with APTPL',
    // From dark, only the power on is left to do (the loss happened at '! power-off').
    apply: (s) => ({ ...s, lun: s.power === 'off' ? powerOn(s.lun) : powerCycle(s.lun), power: 'ready' }),
  },
  {
    id: 'power-off',
    target: 'none',
    description: 'the array loses power and stays dark: commands time out; what it kept only in memory is gone (registrations survive only with APTPL)',
    refuse: (s) => (s.power === 'off' ? "the array is already off; '! power-on' brings it back" : null),
    apply: (s) => ({ ...s, lun: powerLoss(s.lun), power: 'off' }),
  },
  {
    id: 'power-on',
    target: 'none',
    description: "power is back: every nexus gets the POWER ON unit attention once, then NOT READY (04h/01h) until '! ready'",
    refuse: (s) => (s.power !== 'off' ? "the array is not off; '! power-off' first" : null),
    apply: (s) => ({ ...s, lun: powerOn(s.lun), power: 'becoming-ready' }),
  },
  {
    id: 'ready',
    target: 'none',
    description: 'the array has finished becoming ready: every command is processed again',
    refuse: (s) => (s.power !== 'becoming-ready' ? "the array is not becoming ready; '! power-off' and '! power-on' first" : null),
    apply: (s) => ({ ...s, power: 'ready' }),
  },
  {
    id: 'path-down',
    target: 'nexus',
    description: 'the path stops answering: commands sent on it time out (the LUN keeps its state)',
    apply: (s, n) => ({ ...s, down: s.down.includes(n!) ? s.down : [...s.down, n!] }),
  },
  {
    id: 'path-up',
    target: 'nexus',
    description: 'the path answers again',
    apply: (s, n) => ({ ...s, down: s.down.filter((d) => d !== n) }),
  },
  {
    id: 'nexus-loss',
    target: 'nexus',
    description: 'I_T nexus loss (logout): releases an SPC-2 reservation that nexus held; it gets a unit attention',
    apply: (s, n) => ({ ...s, lun: nexusLoss(s.lun, n as NexusId) }),
  },
];

const faultUsage = (): string => SCRIPT_FAULTS.map((f) => (f.target === 'nexus' ? `${f.id} NODE.PATH` : f.id)).join(', ');

function nexusList(state: ScriptState): string {
  return state.lun.nexuses.map((n) => n.id).join(', ');
}

function runFault(state: ScriptState, text: string, line: number): { state: ScriptState; record: ScriptRecord } {
  const words = text.slice(1).trim().split(/\s+/).filter(Boolean);
  const [id, arg, ...extra] = words;
  const error = (message: string): { state: ScriptState; record: ScriptRecord } => ({
    state,
    record: { kind: 'error', line, text, error: `line ${line}: ${message}` },
  });
  if (!id) return error(`expected a fault after '!'; one of: ${faultUsage()}`);
  const fault = SCRIPT_FAULTS.find((f) => f.id === id);
  if (!fault) return error(`unknown fault '${id}'; expected one of: ${faultUsage()}`);
  const refused = fault.refuse?.(state);
  if (refused) return error(`'${id}' does not apply now: ${refused}`);
  if (fault.target === 'none') {
    if (arg !== undefined) return error(`'${id}' takes no target, got '${words.slice(1).join(' ')}'`);
    return { state: fault.apply(state, null), record: { kind: 'fault', line, fault: id, target: null, description: fault.description } };
  }
  if (arg === undefined || extra.length > 0) return error(`'${id}' needs one I_T nexus, e.g. '! ${id} ${state.lun.nexuses[0]?.id ?? 'A.1'}'`);
  if (!state.lun.nexuses.some((n) => n.id === arg)) return error(`'${arg}' is not an I_T nexus of this run; the nexuses are ${nexusList(state)}`);
  return { state: fault.apply(state, arg), record: { kind: 'fault', line, fault: id, target: arg, description: fault.description } };
}

function consoleContext(state: ScriptState, node: string, path: number | null): ConsoleContext {
  const ctx: ConsoleContext = {
    node,
    paths: Array.from({ length: state.config.paths }, (_, i) => ({ path: i + 1, state: state.down.includes(`${node}.${i + 1}`) ? 'down' : 'up' })),
    files: state.files[node] ?? {},
  };
  if (path !== null) ctx.defaultDevice = pathDevice(path);
  return ctx;
}

/** Sends one request from `node` to the LUN: the LUN's answer, or TIMEOUT on a downed path. */
function submit(state: ScriptState, node: string, request: PlannedRequest): { state: ScriptState; response: ConsoleResponse } {
  const nexus = `${node}.${request.path}`;
  if (state.down.includes(nexus) || state.power === 'off') return { state, response: { status: 'TIMEOUT' } };
  if (request.kind === 'reset') {
    const lun = applyReset(state.lun, request.scope).state;
    return { state: { ...state, lun }, response: { status: 'GOOD', sense: null, dataIn: [], rule: `SAM-5: ${request.scope} reset from ${nexus}` } };
  }
  const cmd = { nexus: nexus as NexusId, cdb: request.cdb, writer: node, ...(request.dataOut ? { dataOut: request.dataOut } : {}) };
  const outcome = executeCommand(state.lun, cmd, state.power);
  return { state: { ...state, lun: outcome.state }, response: outcome.result };
}

/**
 * The request whose answer the JSON reports. A command that succeeded: its last main request
 * (after retries and fallbacks, the one that worked). One that failed: its first main request
 * that failed. When no main request went out (an INQUIRY before it failed), the last one sent.
 */
export function mainRequest(sent: readonly SentRequest[], exit: number): SentRequest | null {
  const mains = sent.filter((s) => s.request.role === 'main');
  const failed = exit === 0 ? undefined : mains.find((s) => s.response.status !== 'GOOD');
  return failed ?? mains[mains.length - 1] ?? sent[sent.length - 1] ?? null;
}

const TYPE_NAMES: Record<number, string> = { 1: 'WE', 3: 'EA', 5: 'WE_RO', 6: 'EA_RO', 7: 'WE_AR', 8: 'EA_AR' };

/** Decoded PR IN data of a READ KEYS or READ RESERVATION that completed, else null. */
export function prInSummary(main: SentRequest | null): PrInSummary | null {
  if (!main || main.request.kind !== 'cdb' || main.response.status !== 'GOOD') return null;
  const cdb = main.request.cdb;
  if (cdb[0] !== 0x5e) return null;
  const sa = (cdb[1] ?? 0) & 0x1f;
  const data = main.response.dataIn;
  if (sa === PR_IN.READ_KEYS) {
    const d = decodeReadKeys(data);
    return { generation: d.generation, keys: [...d.keys] };
  }
  if (sa === PR_IN.READ_RESERVATION) {
    const d = decodeReadReservation(data);
    const r = d.reservation;
    return {
      generation: d.generation,
      reservation: r ? { key: r.key, type: r.typeName ?? TYPE_NAMES[r.type] ?? `TYPE_${r.type}`, scope: r.scope === 0 ? 'LU' : String(r.scope) } : null,
    };
  }
  return null;
}

/** The prompt: "A#" for "A: ...", "A.P#" for "A.2: ..." with P the path the command used. */
function promptFor(node: string, prefixPath: number | null, usedPath: number | null): string {
  if (prefixPath === null) return `${node}#`;
  return `${node}.${usedPath ?? prefixPath}#`;
}

/**
 * "A.2: sg_turs /dev/sdb": the prefix says path 2, the command opens path 1's disk. On a real host
 * the tool opens the device it is given and nothing else, so the lab does the same and says so;
 * the prefix only supplies a device to commands that name none.
 */
function prefixMismatch(line: number, node: string, prefixPath: number | null, device: string | null, usedPath: number | null): string | null {
  if (prefixPath === null || device === null || device === pathDevice(prefixPath)) return null;
  const via = usedPath === null ? '' : usedPath === prefixPath ? ` (its I/O went down path ${usedPath})` : ` (path ${usedPath})`;
  return (
    `line ${line}: warning: the prefix ${node}.${prefixPath} names path ${prefixPath} (${pathDevice(prefixPath)}), ` +
    `but the command names ${device}${via}; it ran on ${device}, the device the command names\n`
  );
}

function runCommand(state: ScriptState, node: string, path: number | null, command: string, line: number): { state: ScriptState; record: ScriptRecord } {
  const ctx = consoleContext(state, node, path);
  const parsed = parseCommandLine(command, ctx);
  const base = { kind: 'command' as const, line, node, command };
  if (!parsed.ok) {
    // Never reached a device: no path, no status.
    return {
      state,
      record: {
        ...base,
        prompt: promptFor(node, path, null),
        warning: null,
        path: null,
        exit: parsed.exit,
        stdout: '',
        stderr: parsed.stderr,
        combined: parsed.stderr,
        status: null,
        sense: null,
        prin: null,
      },
    };
  }
  const plan: CommandPlan = parsed.plan;
  let current = state;
  const responses: ConsoleResponse[] = [];
  for (let request = nextRequest(plan, responses); request; request = nextRequest(plan, responses)) {
    const step = submit(current, node, request);
    current = step.state;
    responses.push(step.response);
  }
  const out: ConsoleOutput = formatResult(plan, responses);
  if (out.writes) current = { ...current, files: { ...current.files, [node]: { ...current.files[node], ...out.writes } } };
  const main = mainRequest(sentRequests(plan, responses), out.exit);
  const r = main?.response;
  const usedPath = main?.request.path ?? null;
  return {
    state: current,
    record: {
      ...base,
      prompt: promptFor(node, path, usedPath),
      warning: prefixMismatch(line, node, path, plan.device, usedPath),
      path: usedPath,
      exit: out.exit,
      stdout: out.stdout,
      stderr: out.stderr,
      combined: out.combined,
      status: r ? r.status : null,
      sense: r && r.status !== 'TIMEOUT' && r.sense ? { key: r.sense.key, asc: r.sense.asc, ascq: r.sense.ascq } : null,
      prin: prInSummary(main),
    },
  };
}

const COMMAND_LINE = /^([^\s:.!#]+)(?:\.(\d+))?\s*:(.*)$/;

/** Runs one script line (1-based `line`); null record for blank and comment lines. */
export function runScriptLine(state: ScriptState, text: string, line: number): { state: ScriptState; record: ScriptRecord | null } {
  const t = text.trim();
  if (t === '' || t.startsWith('#')) return { state, record: null };
  if (t.startsWith('!')) return runFault(state, t, line);
  const m = COMMAND_LINE.exec(t);
  const error = (message: string): { state: ScriptState; record: ScriptRecord } => ({ state, record: { kind: 'error', line, text, error: `line ${line}: ${message}` } });
  if (!m) {
    return error("expected 'NODE: command' (e.g. 'A: sg_persist -k /dev/sdb'), 'NODE.PATH: command', '! fault', a '#' comment or a blank line");
  }
  const [, node, pathText, rest] = m as unknown as [string, string, string | undefined, string];
  if (!state.config.nodes.includes(node)) {
    return error(`unknown node '${node}'; this run has nodes ${state.config.nodes.join(', ')} (lab script --nodes adds more)`);
  }
  let path: number | null = null;
  if (pathText !== undefined) {
    path = Number(pathText);
    if (path < 1 || path > state.config.paths) {
      return error(`node ${node} has no path ${pathText}; it has paths 1..${state.config.paths} (lab script --paths N gives more)`);
    }
  }
  const command = rest.trim();
  if (command === '') return error(`expected a command after '${node}${pathText ? `.${pathText}` : ''}:', e.g. '${node}: sg_persist -k /dev/sdb'`);
  return runCommand(state, node, path, command, line);
}

/** Runs a whole script; bad lines become error records and the run goes on. */
export function runScript(source: string, config: ScriptConfig = DEFAULT_SCRIPT_CONFIG): { state: ScriptState; records: ScriptRecord[] } {
  let state = createScriptState(config);
  const records: ScriptRecord[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const step = runScriptLine(state, text, i + 1);
    state = step.state;
    if (step.record) records.push(step.record);
  });
  return { state, records };
}

/**
 * The --json object of a command line; null for fault lines and bad lines, which --json reports
 * only on stderr (scriptDiagnostics), so stdout carries command records and nothing else.
 */
export function recordJson(record: ScriptRecord): Record<string, unknown> | null {
  switch (record.kind) {
    case 'command':
      return {
        line: record.line,
        node: record.node,
        path: record.path,
        command: record.command,
        exit: record.exit,
        stdout: record.stdout,
        stderr: record.stderr,
        status: record.status,
        sense: record.sense,
        prin: record.prin,
      };
    case 'fault':
    case 'error':
      return null;
  }
}

/** The JSON lines of `lab script --json`: one per command line, in script order. */
export function jsonLines(records: readonly ScriptRecord[]): string {
  return records.map((r) => recordJson(r)).filter((j) => j !== null).map((j) => `${JSON.stringify(j)}\n`).join('');
}

/**
 * What the runner says on stderr, in both modes: each bad line ("line 14: unknown node 'D'; ...",
 * then the line as written) and each prefix/device warning.
 */
export function scriptDiagnostics(records: readonly ScriptRecord[]): string {
  let text = '';
  for (const r of records) {
    if (r.kind === 'error') text += `${r.error}\n    ${r.line} | ${r.text.trim()}\n`;
    else if (r.kind === 'command' && r.warning) text += r.warning;
  }
  return text;
}

/** A terminal-like transcript: "A# command", its output, "[exit N]" when it failed. */
export function transcriptText(records: readonly ScriptRecord[]): { stdout: string; stderr: string } {
  let stdout = '';
  const stderr = scriptDiagnostics(records);
  for (const r of records) {
    if (r.kind === 'error') continue;
    if (r.kind === 'fault') {
      stdout += `! ${r.fault}${r.target ? ` ${r.target}` : ''}\n# ${r.description}\n`;
      continue;
    }
    stdout += `${r.prompt} ${r.command}\n${r.combined}`;
    if (r.exit !== 0) stdout += `[exit ${r.exit}]\n`;
  }
  return { stdout, stderr };
}
