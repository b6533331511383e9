// `lab run FILE [--json] [--trace] [--until MS]`: runs a scenario file (JSON or YAML) headless to its end (or MS) and
// prints what happened: the integrity verdict, each node's state, the LUN's reservation state and
// the notable events.

import { createSimulation, runReport, type Scenario } from '../engine';
import { formatScenarioErrors, validateScenario } from '../scenarios/validate';
import { scenarioFormatOf } from '../scenarios/checkScenarioText';
import { parseJsonText } from '../scenarios/schema/parseJsonText';
import { parseYamlText } from '../scenarios/schema/parseYamlText';
import type { CliIo, Subcommand } from './io';

const USAGE = `Usage: lab run FILE [--json] [--trace] [--until MS]
  Runs the scenario in FILE to its duration (or to MS) and prints the outcome.
  --json   one JSON object: scenario, seed, end, integrity, nodes, lun, events
  --trace  add the whole trace to the JSON
  --until  stop at MS milliseconds of virtual time instead of the scenario's duration
`;

export function runScenarioCommand(args: readonly string[], io: CliIo): number {
  let file: string | undefined;
  let json = false;
  let trace = false;
  let until: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--trace') trace = true;
    else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a === '--until' || a.startsWith('--until=')) {
      const v = a.includes('=') ? a.slice(8) : args[++i];
      until = Number(v);
      if (v === undefined || !Number.isFinite(until) || until < 0) {
        io.err(`lab run: --until needs a number of milliseconds, got ${v === undefined ? 'nothing' : `"${v}"`}\n${USAGE}`);
        return 2;
      }
    } else if (a.startsWith('-')) {
      io.err(`lab run: unknown option '${a}'\n${USAGE}`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`lab run: one scenario file at a time; got '${file}' and '${a}'\n${USAGE}`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err(`lab run: missing FILE\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    io.err(`lab run: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const parsed = scenarioFormatOf(file, text) === 'yaml' ? parseYamlText(text) : parseJsonText(text);
  if (!parsed.ok) {
    io.err(`${file}:${parsed.line}:${parsed.column}: ${parsed.message}\n`);
    return 1;
  }
  const checked = validateScenario(parsed.value);
  if (!checked.ok) {
    io.err(formatScenarioErrors(checked.errors).replace(/^/gm, `${file}: `) + '\n');
    return 1;
  }
  const scenario = checked.scenario as Scenario;
  const sim = createSimulation({ scenario });
  sim.runUntil(until ?? scenario.duration);
  const report = runReport(sim.view(), sim.trace(), trace);
  if (json) {
    io.out(JSON.stringify(report) + '\n');
  } else {
    io.out(`${scenario.title} (${scenario.mode}/${scenario.personality}, seed ${report.seed}) — ran to ${(report.end / 1000).toFixed(3)} s\n`);
    for (const e of report.events) io.out(`  ${(e.t / 1000).toFixed(3).padStart(9)} s  ${e.node ?? '-'}  ${e.summary}\n`);
    io.out(report.integrity.ok ? 'Integrity: OK — no write from a superseded mount landed.\n' : `Integrity: CORRUPTED — ${report.integrity.violations.length} corrupting write(s), the first by ${report.integrity.violations[0]!.node} at LBA ${report.integrity.violations[0]!.lba}.\n`);
  }
  return 0;
}

export const runSubcommand: Subcommand = {
  name: 'run',
  summary: 'run a scenario file headless and print its outcome (--json for JSON)',
  run: runScenarioCommand,
};
