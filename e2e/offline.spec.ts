// The offline build (npm run build:offline → dist-offline/) opened straight from disk, as a
// learner double-clicks it on a USB stick or an intranet share: file://, where Chrome refuses
// module scripts and `new Worker(url)`. It must start, play in its inlined Blob worker and show
// virtual time moving. Set E2E_OFFLINE_DIST to test a given build; otherwise the spec builds one.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

let built = '';

test.beforeAll(() => {
  test.setTimeout(180_000);
  if (process.env.E2E_OFFLINE_DIST) {
    built = resolve(process.env.E2E_OFFLINE_DIST);
    if (!existsSync(join(built, 'index.html'))) throw new Error(`E2E_OFFLINE_DIST=${built} has no index.html: run npx vite build --mode offline --outDir ${built}`);
    return;
  }
  built = mkdtempSync(join(tmpdir(), 'reservation-lab-offline-'));
  const run = spawnSync('npx', ['vite', 'build', '--mode', 'offline', '--outDir', built, '--emptyOutDir'], { stdio: 'pipe', encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the offline build failed:\n${run.stdout}\n${run.stderr}`);
});

test.describe('offline build from file://', () => {
  test('is one page with a classic inline script and no module script or script file', () => {
    const html = readFileSync(join(built, 'index.html'), 'utf8');
    expect(html).not.toMatch(/type="module"/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).toMatch(/<script>\n/);
  });

  test('plays from a folder anywhere (spaces in the path), in its inlined worker', async ({ page }) => {
    const folder = join(mkdtempSync(join(tmpdir(), 'course copy ')), 'lab files');
    cpSync(built, folder, { recursive: true });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.text().includes('main thread')) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));

    const lab = new LabPage(page);
    await page.goto(pathToFileURL(join(folder, 'index.html')).href);
    await expect(lab.node('A')).toBeVisible();
    await expect(lab.clock).toHaveText('t = 0.000 s');

    await lab.play.click();
    await expect(lab.clock).not.toHaveText('t = 0.000 s');
    await lab.pause.click();
    await expect(lab.play).toBeVisible();

    // Step still works after pausing: the engine answers.
    const before = await lab.eventCount();
    await lab.stepOnce();
    expect(await lab.eventCount()).toBeGreaterThan(before);

    expect(workers.filter((u) => u.startsWith('blob:'))).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
