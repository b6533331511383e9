// The engine must never read wall-clock time or unseeded randomness (determinism). ESLint
// enforces this too; this test keeps the guarantee even if someone disables a lint rule.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = [/\bDate\.now\b/, /\bnew Date\(/, /\bMath\.random\b/, /\bsetTimeout\b/, /\bsetInterval\b/, /\bperformance\.now\b/, /\bcrypto\.getRandomValues\b/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('engine determinism guard', () => {
  const files = sources(new URL('../src/engine', import.meta.url).pathname);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s reads no wall clock and no unseeded randomness', (file) => {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*)/.test(line))
      .join('\n');
    for (const pattern of FORBIDDEN) expect(code, `${file} matches ${pattern}`).not.toMatch(pattern);
  });
});
