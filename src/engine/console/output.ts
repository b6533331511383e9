// Collects what a tool writes to stdout and stderr, keeping the order so a transcript can show
// them interleaved as a terminal would. Lives only for one formatResult call.

import type { ConsoleOutput, FileTable } from './types';

export class Output {
  private readonly chunks: { stream: 'out' | 'err'; text: string }[] = [];
  private files: FileTable | undefined;

  out(text: string): this {
    if (text) this.chunks.push({ stream: 'out', text });
    return this;
  }

  err(text: string): this {
    if (text) this.chunks.push({ stream: 'err', text });
    return this;
  }

  writeFile(name: string, bytes: number[]): this {
    this.files = { ...this.files, [name]: bytes };
    return this;
  }

  done(exit: number): ConsoleOutput {
    const pick = (stream: 'out' | 'err'): string =>
      this.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
    const result: ConsoleOutput = {
      exit,
      stdout: pick('out'),
      stderr: pick('err'),
      combined: this.chunks.map((c) => c.text).join(''),
    };
    if (this.files) result.writes = this.files;
    return result;
  }
}
