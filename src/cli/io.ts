// What a subcommand may touch: output streams and file reading, passed in so subcommands run
// in-process in tests and for real from main.ts.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a UTF-8 text file; throws with a message naming the problem. */
  readFile(path: string): string;
}

export interface Subcommand {
  name: string;
  /** One line for `lab --help`. */
  summary: string;
  /** Runs with the arguments after the subcommand name; returns the exit status. */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}
