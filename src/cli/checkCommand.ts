// `lab check [--simulate] FILE…`: reads scenario files (JSON or YAML), parses and validates them,
// printing one line per file that is valid and one line per problem otherwise. With --simulate it
// also plays the beats headless and reports a beat that is never reached and an expectation that
// does not hold. The checking is src/scenarios/checkScenarioText.ts, which the app's file loader
// uses too, so both say the same words; this file only reads arguments and files and prints.

import { checkScenarioText } from '../scenarios/checkScenarioText';
import type { CliIo, Subcommand } from './io';

export interface CheckIo {
  /** Reads a UTF-8 text file; throws (with a Node-style `code` such as ENOENT) when it cannot. */
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const CHECK_USAGE = `Usage: lab check [--simulate] FILE...

Checks scenario files (JSON, or YAML: .yaml/.yml, or any file not starting with { or [)
against the scenario format and prints, for each FILE, either
  FILE: valid (mode scsi3, personality fence-scsi, 2 nodes × 2 paths, 3 faults)
or one line per problem
  FILE: PATH: what is wrong and what to do
Editors can check the same format with public/scenario.schema.json.

Options:
  --simulate  also run the scenario headless through its beats (playing each beat's demo) and
              report a beat that is never reached and an expectation that does not hold:
                FILE: valid (…); simulated to 52014 ms: 8 beats reached, 12 expectations hold
                FILE: beats[3] "fenced": never reached — the scenario ended at 120000 ms; …
  --help      this text

Exit status: 0 when every FILE is valid, 1 when some FILE is not valid JSON/YAML or not a valid
scenario, 2 for a usage error or a FILE that cannot be read.
`;

function readProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (code === 'ENOENT') return 'no such file; check the path';
  if (code === 'EISDIR') return 'it is a directory; give a scenario file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Checks one file; returns its exit status. */
function checkFile(file: string, io: CheckIo, simulateIt = false): number {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot read the file: ${readProblem(error)}\n`);
    return 2;
  }
  const result = checkScenarioText(file, text, { simulate: simulateIt });
  if (result.ok) {
    io.stdout(`${file}: ${result.verdict}\n`);
    return 0;
  }
  for (const problem of result.problems) io.stderr(`${file}: ${problem}\n`);
  return 1;
}

/** `lab check FILE…` with the arguments after "check"; returns the exit status. */
export function runCheck(args: string[], io: CheckIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const simulateIt = args.includes('--simulate');
  const option = args.find((a) => a.startsWith('-') && a !== '--simulate');
  if (option !== undefined) {
    io.stderr(`lab check: unknown option '${option}'; the options are --simulate and --help\nRun 'lab check --help' for the usage.\n`);
    return 2;
  }
  const files = args.filter((a) => a !== '--simulate');
  if (files.length === 0) {
    io.stderr("lab check: missing FILE: give the scenario to check, e.g. lab check src/scenarios/examples/fence-scsi-partition.json\nRun 'lab check --help' for the usage.\n");
    return 2;
  }
  return files.map((file) => checkFile(file, io, simulateIt)).reduce((worst, status) => Math.max(worst, status), 0);
}

/** For the `lab` dispatcher (cli.ts SUBCOMMANDS). */
export const checkSubcommand: Subcommand = {
  name: 'check',
  summary: 'check scenario files (JSON or YAML) against the scenario format (--simulate: also play their beats)',
  run: (args: readonly string[], io: CliIo) => runCheck([...args], { readFile: (p) => io.readFile(p), stdout: (t) => io.out(t), stderr: (t) => io.err(t) }),
};
