// The `lab` command: a small dispatcher over subcommands. Add one by writing a Subcommand in its
// own file and listing it in SUBCOMMANDS.

import type { CliIo, Subcommand } from './io';
import { checkSubcommand } from './checkCommand';
import { runSubcommand } from './runCommand';
import { scriptSubcommand } from './scriptCommand';

export const SUBCOMMANDS: readonly Subcommand[] = [runSubcommand, checkSubcommand, scriptSubcommand];

export function labUsage(): string {
  const width = Math.max(...SUBCOMMANDS.map((s) => s.name.length));
  return (
    'Usage: lab <command> [options]\n\nCommands:\n' +
    SUBCOMMANDS.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}\n`).join('') +
    "\nRun 'lab <command> --help' for a command's options.\n"
  );
}

/** Runs `lab` with its arguments (without "node" and the script path); returns the exit status. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.err(`lab: missing command\n${labUsage()}`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(labUsage());
    return 0;
  }
  const sub = SUBCOMMANDS.find((s) => s.name === name);
  if (!sub) {
    const known = SUBCOMMANDS.map((s) => s.name).join(', ');
    io.err(`lab: unknown ${name.startsWith('-') ? 'option' : 'command'} '${name}'; the commands are: ${known}\n${labUsage()}`);
    return 2;
  }
  return sub.run(rest, io);
}
