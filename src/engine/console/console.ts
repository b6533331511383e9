// The node console: one command line in, a plan of requests out (parseCommandLine); the answers
// in, the tool's output out (formatResult). Both steps are pure and everything between them is
// plain data, so the app can run a command inside the simulation (send nextRequest(), wait for its
// answer, repeat) and checkpoint it half-way. runCommandSync() strings the steps together for the
// CLI and tests.

import { tokenize } from './argv';
import { MPATH_DEVICE, pathDevice } from './devices';
import { formatMpathpersist, mpathpersistUsage, parseMpathpersist } from './mpathpersist';
import { Output } from './output';
import { EXIT } from './scsiText';
import { nextRequest, sentRequests, type SentRequest } from './sequence';
import { formatSgInq, parseSgInq, sgInqUsage } from './sgInq';
import { formatSgPersist, parseSgPersist, usageText as sgPersistUsage } from './sgPersist';
import { formatSgRaw, parseSgRaw, sgRawUsage } from './sgRaw';
import { formatSgReset, parseSgReset, sgResetUsage } from './sgReset';
import { formatSgTurs, parseSgTurs, sgTursUsage } from './sgTurs';
import type { CommandPlan, ConsoleContext, ConsoleOutput, ConsoleResponse, ParseResult, PlannedRequest, ToolName } from './types';

type Parser = (args: readonly string[], ctx: ConsoleContext, line: string) => ParseResult;
type Formatter = (plan: CommandPlan, sent: readonly SentRequest[]) => ConsoleOutput;

interface Tool {
  parse: Parser;
  format: Formatter;
  usage: () => string;
  summary: string;
}

const TOOLS: Record<Exclude<ToolName, 'help'>, Tool> = {
  sg_persist: {
    parse: parseSgPersist,
    format: formatSgPersist,
    usage: () => sgPersistUsage(1),
    summary: 'PERSISTENT RESERVE IN/OUT: -k keys, -r reservation, -o -G register, -o -R reserve, -o -P preempt ...',
  },
  sg_turs: { parse: parseSgTurs, format: formatSgTurs, usage: sgTursUsage, summary: 'TEST UNIT READY (silent when the LUN is ready)' },
  sg_inq: { parse: parseSgInq, format: formatSgInq, usage: sgInqUsage, summary: 'INQUIRY: vendor, product, serial number (-p sn)' },
  sg_raw: { parse: parseSgRaw, format: formatSgRaw, usage: sgRawUsage, summary: 'any CDB in hex, e.g. RESERVE(6): sg_raw /dev/sdb 16 00 00 00 00 00' },
  sg_reset: { parse: parseSgReset, format: formatSgReset, usage: sgResetUsage, summary: 'task management reset: -d logical unit, -t target, -b bus' },
  mpathpersist: {
    parse: parseMpathpersist,
    format: formatMpathpersist,
    usage: mpathpersistUsage,
    summary: `persistent reservations on ${MPATH_DEVICE}: REGISTER goes to every path`,
  },
};

const isTool = (name: string): name is Exclude<ToolName, 'help'> => Object.prototype.hasOwnProperty.call(TOOLS, name);

function helpText(ctx: ConsoleContext): string {
  let out = `Commands on node ${ctx.node} (the real tools' options and output):\n`;
  for (const [name, tool] of Object.entries(TOOLS)) out += `  ${name.padEnd(13)}${tool.summary}\n`;
  out += `  ${'help'.padEnd(13)}this list; 'help TOOL' shows a tool's options\n`;
  out += 'Devices:\n';
  for (const p of ctx.paths) out += `  ${pathDevice(p.path).padEnd(19)}the LUN through path ${p.path} (${ctx.node}.${p.path})${p.state === 'down' ? ', path down' : ''}\n`;
  out += `  ${MPATH_DEVICE.padEnd(19)}dm-multipath device over all paths\n`;
  out += "Example: sg_persist --out --register --param-sark=0xa1 /dev/sdb\n";
  return out;
}

function planOf(tool: ToolName, line: string, options: Record<string, unknown>): ParseResult {
  return { ok: true, plan: { tool, line, device: null, options, requests: [] } };
}

/** Step 1: parse a command line into a plan (or the tool's syntax error). Never throws. */
export function parseCommandLine(line: string, ctx: ConsoleContext): ParseResult {
  const t = tokenize(line);
  if (!t.ok) return { ok: false, exit: 2, stderr: `bash: ${t.error}\n` };
  let words = t.words;
  if (words[0] === 'sudo') words = words.slice(1);
  if (words.length === 0) return planOf('help', line, { text: '' });
  const [command, ...args] = words as [string, ...string[]];
  const name = command.slice(command.lastIndexOf('/') + 1);
  if (name === 'help') {
    const topic = args[0] ?? null;
    if (topic !== null && !isTool(topic)) {
      return { ok: false, exit: EXIT.SYNTAX, stderr: `help: no help topics match '${topic}'; the commands are: ${Object.keys(TOOLS).join(', ')}\n` };
    }
    // The text is made here, where the node's devices are known, so formatting needs no context.
    return planOf('help', line, { text: topic === null ? helpText(ctx) : TOOLS[topic].usage() });
  }
  if (!isTool(name)) {
    return {
      ok: false,
      exit: 127,
      stderr: `${command}: command not found\n  this console knows: ${Object.keys(TOOLS).join(', ')} (type 'help')\n`,
    };
  }
  return TOOLS[name].parse(args, ctx, line);
}

/** Step 3: the tool's output and exit status for the answers received so far (in send order). */
export function formatResult(plan: CommandPlan, responses: readonly ConsoleResponse[]): ConsoleOutput {
  if (plan.tool === 'help') return new Output().out(String(plan.options['text'] ?? '')).done(EXIT.OK);
  return TOOLS[plan.tool].format(plan, sentRequests(plan, responses));
}

export { nextRequest, sentRequests };

export interface RunResult extends ConsoleOutput {
  plan: CommandPlan | null;
  /** The requests sent, each with its answer, in order. */
  sent: SentRequest[];
}

/**
 * parse -> submit each request as the plan decides -> format. `submit` answers one request
 * synchronously (the CLI drives the LUN directly); it is called in send order.
 */
export function runCommandSync(line: string, ctx: ConsoleContext, submit: (request: PlannedRequest) => ConsoleResponse): RunResult {
  const parsed = parseCommandLine(line, ctx);
  if (!parsed.ok) return { exit: parsed.exit, stdout: '', stderr: parsed.stderr, combined: parsed.stderr, plan: null, sent: [] };
  const { plan } = parsed;
  const responses: ConsoleResponse[] = [];
  for (let request = nextRequest(plan, responses); request; request = nextRequest(plan, responses)) {
    responses.push(submit(request));
  }
  return { ...formatResult(plan, responses), plan, sent: sentRequests(plan, responses) };
}
