// `lab script FILE [--nodes A,B,C] [--paths N] [--json]`: runs a console script against one
// shared LUN and prints a terminal-like transcript, or one JSON object per line with --json.
// The interpreter itself is src/engine/console/script.ts; this file only reads arguments and the
// file and prints.

import { DEFAULT_SCRIPT_CONFIG, checkScriptConfig, jsonLines, runScript, scriptDiagnostics, transcriptText, type ScriptConfig } from '../engine/console';
import type { CliIo, Subcommand } from './io';

export const SCRIPT_USAGE = `Usage: lab script FILE [--nodes A,B,C] [--paths N] [--json]

Runs a console script against one shared LUN. Each line is one of
  NODE: command        e.g. A: sg_persist --out --register --param-sark=0xa1 /dev/sdb
  NODE.PATH: command   the same; path PATH's disk is used when the command names no device
  ! fault              lun-reset, target-reset, bus-reset, power-cycle,
                       power-off, power-on, ready (the array's power, step by step),
                       path-down NODE.PATH, path-up NODE.PATH, nexus-loss NODE.PATH
  # comment            (blank lines are ignored too)
Path P of a node is /dev/sd(b+P-1); /dev/mapper/mpatha covers all its paths.

Options:
  --nodes A,B,C   node names (default A,B,C)
  --paths N       paths per node, 1 to 8 (default 1)
  --json          one JSON object per command line instead of a transcript
                  (fault lines print nothing; bad lines are reported on stderr)
  --help          this text

A NODE.PATH prefix whose path differs from the device the command names gives a
warning on stderr; the command runs on the device it names, as a real host would.

Exit status: 0 when every line was understood, 1 when some line was not (the run goes on),
2 for a usage error or an unreadable FILE. Commands that fail do not change it.
`;

type Parsed = { ok: true; file: string; config: ScriptConfig; json: boolean } | { ok: false; message: string } | { ok: 'help' };

function parseArgs(args: readonly string[]): Parsed {
  let file: string | null = null;
  let nodes = DEFAULT_SCRIPT_CONFIG.nodes;
  let paths = DEFAULT_SCRIPT_CONFIG.paths;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    if (name === '--help' || name === '-h') return { ok: 'help' };
    if (name === '--json') {
      json = true;
    } else if (name === '--nodes') {
      const v = value();
      if (v === null) return { ok: false, message: '--nodes needs a list of node names, e.g. --nodes A,B,C' };
      nodes = v.split(',').map((n) => n.trim()).filter(Boolean);
    } else if (name === '--paths') {
      const v = value();
      if (v === null || !/^\d+$/.test(v)) return { ok: false, message: `--paths needs a whole number of paths per node, e.g. --paths 2${v === null ? '' : `; got '${v}'`}` };
      paths = Number(v);
    } else if (name.startsWith('-')) {
      return { ok: false, message: `unknown option '${arg}'; the options are --nodes, --paths, --json and --help` };
    } else if (file === null) {
      file = arg;
    } else {
      return { ok: false, message: `unexpected argument '${arg}': give one script FILE` };
    }
  }
  if (file === null) return { ok: false, message: 'missing FILE: give the script to run, e.g. lab script src/cli/examples/register-reserve-preempt.txt' };
  const config: ScriptConfig = { nodes, paths };
  const problem = checkScriptConfig(config);
  if (problem) return { ok: false, message: problem };
  return { ok: true, file, config, json };
}

export function runScriptCommand(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args);
  if (parsed.ok === 'help') {
    io.out(SCRIPT_USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.err(`lab script: ${parsed.message}\nRun 'lab script --help' for the usage.\n`);
    return 2;
  }
  let source: string;
  try {
    source = io.readFile(parsed.file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    io.err(`lab script: cannot read '${parsed.file}': ${reason}\n`);
    return 2;
  }
  const { records } = runScript(source, parsed.config);
  const errors = records.filter((r) => r.kind === 'error');
  if (parsed.json) {
    // stdout: one JSON object per command line and nothing else (fault lines print nothing);
    // stderr: bad lines and prefix/device warnings, for people.
    io.out(jsonLines(records));
    io.err(scriptDiagnostics(records));
  } else {
    const t = transcriptText(records);
    io.out(t.stdout);
    io.err(t.stderr);
  }
  return errors.length > 0 ? 1 : 0;
}

export const scriptSubcommand: Subcommand = {
  name: 'script',
  summary: 'run a console script (NODE: command, ! fault) against one shared LUN',
  run: runScriptCommand,
};
