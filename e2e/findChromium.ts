import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Finds a Chromium for the end-to-end tests without ever downloading one, in this order:
 * the CHROMIUM_PATH environment variable, Debian's /usr/bin/chromium, then Playwright's own
 * installed Chromium. Stops with instructions when none is there. The environment, the file
 * check and Playwright's lookup are parameters so tests/findChromium.test.ts can try each case.
 */
export function findChromium(
  env: { CHROMIUM_PATH?: string } = process.env,
  exists: (path: string) => boolean = existsSync,
  playwrightChromium: () => string = () => chromium.executablePath(),
): { executablePath: string | undefined; source: string } {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!exists(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}" but no file is there. Point it at a Chromium or Chrome binary, or unset it.`);
    }
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  if (exists('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', source: '/usr/bin/chromium' };
  let bundled: string | undefined;
  try {
    bundled = playwrightChromium();
  } catch {
    bundled = undefined;
  }
  if (bundled && exists(bundled)) return { executablePath: undefined, source: `Playwright's Chromium (${bundled})` };
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Do one of these, then run `npm test` again:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (installs /usr/bin/chromium)',
      '  - any OS with network access: npx playwright install chromium',
      '  - or set CHROMIUM_PATH=/path/to/chromium (or Chrome) for this shell',
    ].join('\n'),
  );
}
