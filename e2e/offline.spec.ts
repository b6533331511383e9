// The offline build (npm run build:offline → dist-offline/) opened straight from disk, as a
// learner double-clicks it on a USB stick or an intranet share: file://, where Chrome refuses
// module scripts and `new Worker(url)`. It must start, play in its inlined Blob worker and show
// virtual time moving. Set E2E_OFFLINE_DIST to test a given build; otherwise the spec builds one.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
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

  test('opens a deep link to a guided scenario from disk', async ({ page }) => {
    const lab = new LabPage(page);
    await page.goto(`${pathToFileURL(join(built, 'index.html')).href}#/s/s2-failover-mscs?beat=2`);
    await expect(lab.node('A')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('region', { name: 'Story' }).getByRole('heading', { level: 2 })).toHaveText(/^Beat 2 of \d+: /);
    await lab.stepOnce();
  });
});

test.describe('from a sub-path of a web server', () => {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

  for (const [name, root] of [
    ['the normal build', () => resolve(process.env.E2E_DIST ?? 'dist')],
    ['the offline build', () => built],
  ] as const) {
    test(`${name} plays from /courses/storage lab/ with a deep link`, async ({ page }) => {
      // A made-up course site: the build's files under a folder with a space, nothing at the root.
      await page.route('http://courses.test/**', (route) => {
        const m = /^\/courses\/storage%20lab\/(.+)$/.exec(new URL(route.request().url()).pathname);
        if (!m) return route.fulfill({ status: 404, body: 'not here' });
        try {
          const file = join(root(), decodeURIComponent(m[1]!));
          return route.fulfill({ contentType: types[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
        } catch {
          return route.fulfill({ status: 404, body: 'not here' });
        }
      });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      const lab = new LabPage(page);
      await lab.open('http://courses.test/courses/storage%20lab/index.html#/s/s4-partition-no-fencing?embed=1&controls=min');
      // The guided library is a separate file in the normal build: it loaded from the sub-path.
      const story = page.getByRole('region', { name: 'Story' });
      await expect(story.getByRole('heading', { level: 2 })).toHaveText(/^Ready: /);
      // Playing runs to the first beat and pauses there.
      await lab.play.click();
      await expect(story.getByRole('heading', { level: 2 })).toHaveText(/^Beat 1 of 7: /);
      await expect(lab.clock).not.toHaveText('t = 0.000 s');
      await expect(lab.play).toBeVisible();
      expect(problems).toEqual([]);
    });
  }
});
