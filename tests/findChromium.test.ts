// The e2e runner's browser lookup (issue: CHROMIUM_PATH, then /usr/bin/chromium, then
// Playwright's own Chromium; otherwise stop with instructions; never download).

import { describe, expect, it } from 'vitest';
import { findChromium } from '../e2e/findChromium';

const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome';
const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);
const bundled = () => PLAYWRIGHT;
const noBundle = () => {
  throw new Error('browserType.executablePath: not installed');
};

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when Debian and Playwright browsers are there', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium', PLAYWRIGHT), bundled)).toEqual({
      executablePath: '/opt/chrome/chrome',
      source: 'CHROMIUM_PATH',
    });
  });

  it('says so when CHROMIUM_PATH points at nothing, instead of quietly using another browser', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope/chrome' }, only('/usr/bin/chromium'), bundled)).toThrow(
      'CHROMIUM_PATH is set to "/nope/chrome" but no file is there. Point it at a Chromium or Chrome binary, or unset it.',
    );
  });

  it("uses Debian's /usr/bin/chromium next", () => {
    expect(findChromium({}, only('/usr/bin/chromium', PLAYWRIGHT), bundled)).toEqual({ executablePath: '/usr/bin/chromium', source: '/usr/bin/chromium' });
  });

  it("then Playwright's own installed Chromium (Playwright launches it itself)", () => {
    expect(findChromium({}, only(PLAYWRIGHT), bundled)).toEqual({ executablePath: undefined, source: `Playwright's Chromium (${PLAYWRIGHT})` });
  });

  it('stops with the ways to get a browser when there is none, never downloading one', () => {
    for (const lookup of [noBundle, bundled]) {
      let message = '';
      try {
        findChromium({}, only(), lookup);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toContain('No Chromium found for the end-to-end tests.');
      expect(message).toContain('sudo apt-get install -y chromium');
      expect(message).toContain('npx playwright install chromium');
      expect(message).toContain('CHROMIUM_PATH=/path/to/chromium');
    }
  });
});
