// Entry point of `npm run lab -- ...` and the `reservation-lab` bin: wires runCli to the process.

import { readFileSync } from 'node:fs';
import { runCli } from './cli';

const io = {
  out: (text: string): void => {
    process.stdout.write(text);
  },
  err: (text: string): void => {
    process.stderr.write(text);
  },
  readFile: (path: string): string => readFileSync(path, 'utf8'),
};

process.exitCode = await runCli(process.argv.slice(2), io);
