// Each node's console inside the simulation: a learner types a real tool's command line; the
// console plans it (src/engine/console), its requests travel the node's paths like any other
// command, one after another, and the tool's output is printed when the last answer is in.
// All of it is plain data in the world, so a command half-way through survives a checkpoint.

import { formatResult, nextRequest, parseCommandLine, type CommandPlan, type ConsoleResponse, type FileTable } from '../console';
import type { NodeId, SimMs, TraceId } from '../model/ids';
import type { World } from '../model/world';
import { registerReceiver } from '../sim/actors';
import { record, type RunContext } from '../sim/context';
import { sendScsi, type ScsiResultEvent } from '../storage/transport';

export interface ConsoleEntry {
  id: number;
  line: string;
  at: SimMs;
  done: boolean;
  exit: number | null;
  /** stdout and stderr as a terminal shows them. */
  output: string;
}

export interface ConsoleState {
  files: FileTable;
  history: ConsoleEntry[];
  running: { id: number; plan: CommandPlan; responses: ConsoleResponse[]; cause: TraceId } | null;
  nextId: number;
}

/** Lines kept per console (older ones scroll away). */
export const CONSOLE_HISTORY = 100;

export const consoleKey = (node: NodeId): string => `console:${node}`;

export function consoleOf(world: World, node: NodeId): ConsoleState {
  return (world.consoles[node] ??= { files: {}, history: [], running: null, nextId: 1 });
}

/** Why `node` can't take a command now, or null. */
export function consoleProblem(world: World, node: string, line: string): string | null {
  const n = world.nodes[node];
  if (!n) return `"node": "${node}" is not a node; use one of ${Object.keys(world.nodes).join(', ')}`;
  if (n.power !== 'up') return `node ${node} is ${n.power}: its console does not answer`;
  if (typeof line !== 'string' || line.trim() === '') return 'type a command, e.g. "sg_persist -k /dev/sdb" (or "help")';
  if (line.length > 500) return 'the command line is longer than 500 characters';
  if (world.consoles[node]?.running) return `a command is still running on node ${node}; wait for it to finish`;
  return null;
}

function push(state: ConsoleState, entry: ConsoleEntry): void {
  state.history.push(entry);
  if (state.history.length > CONSOLE_HISTORY) state.history.splice(0, state.history.length - CONSOLE_HISTORY);
}

/** Runs a command line typed on `node`'s console. The caller has checked consoleProblem. */
export function runConsoleLine(ctx: RunContext, node: NodeId, line: string, cause: TraceId): void {
  const { world } = ctx;
  const state = consoleOf(world, node);
  const id = state.nextId++;
  const paths = world.paths.filter((p) => p.node === node).map((p) => ({ path: p.path, state: world.multipath[node]?.paths[p.path] === 'failed' ? ('down' as const) : ('up' as const) }));
  const parsed = parseCommandLine(line, { node, paths, files: state.files });
  if (!parsed.ok) {
    push(state, { id, line, at: world.time, done: true, exit: parsed.exit, output: parsed.stderr });
    finishTrace(ctx, node, line, parsed.exit, cause);
    return;
  }
  push(state, { id, line, at: world.time, done: false, exit: null, output: '' });
  state.running = { id, plan: parsed.plan, responses: [], cause };
  advance(ctx, node);
}

/** Sends the plan's next request, or prints the result when there is none. */
function advance(ctx: RunContext, node: NodeId): void {
  const state = consoleOf(ctx.world, node);
  const run = state.running;
  if (!run) return;
  const next = nextRequest(run.plan, run.responses);
  if (next) {
    sendScsi(
      ctx,
      next.kind === 'reset'
        ? { node, via: next.path, cdb: [], tmf: next.scope, purpose: 'console', actor: consoleKey(node) }
        : { node, via: next.path, cdb: next.cdb, dataOut: next.dataOut, purpose: 'console', actor: consoleKey(node) },
      run.cause,
    );
    return;
  }
  const out = formatResult(run.plan, run.responses);
  if (out.writes) Object.assign(state.files, out.writes);
  const entry = state.history.find((e) => e.id === run.id);
  if (entry) {
    entry.done = true;
    entry.exit = out.exit;
    entry.output = out.combined;
  }
  state.running = null;
  finishTrace(ctx, node, run.plan.line, out.exit, run.cause);
}

function finishTrace(ctx: RunContext, node: NodeId, line: string, exit: number, cause: TraceId): void {
  record(ctx, {
    kind: 'CONSOLE.EXIT',
    category: 'input',
    node,
    summary: `${node}# ${line} → exit ${exit}`,
    rule: 'Exit statuses follow sg3_utils: 0 success, 1 syntax error, 2 not ready, 5 illegal request, 6 unit attention, 24 reservation conflict, 33 timeout, 99 other.',
    parent: cause,
    data: { exit, line },
  });
}

registerReceiver('console:', (ctx, key, event) => {
  const node = key.slice(8) as NodeId;
  const state = ctx.world.consoles[node];
  if (!state?.running) return;
  const r = event as ScsiResultEvent;
  state.running.responses.push(r.status === 'TIMEOUT' ? { status: 'TIMEOUT' } : { status: r.status, sense: r.sense, dataIn: r.dataIn, rule: '' });
  advance(ctx, node);
});

/** A crash wipes what was on the screen's running command (the history stays on screen). */
export function abandonConsole(world: World, node: NodeId): void {
  const state = world.consoles[node];
  if (!state?.running) return;
  const entry = state.history.find((e) => e.id === state.running!.id);
  if (entry) {
    entry.done = true;
    entry.output += '\n[node crashed]\n';
  }
  state.running = null;
}
