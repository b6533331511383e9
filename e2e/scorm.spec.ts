// The SCORM 1.2 package (npm run package:scorm) in a made-up LMS: the zip is built from the app
// under test, its manifest says what to launch, and the LMS serves the zip's files. The LMS's
// player page holds a recording SCORM 1.2 API (window.API) two frames above the SCO, so the SCO
// must find it the standard way (climbing parents). The learner works through a guided scenario;
// the LMS must end up with completion, the score, the resume location, and a clean LMSFinish.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

type Model = Record<string, string>;

/** The files of a store-only ZIP (what package:scorm writes), by name. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error('not a ZIP without comment');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (method !== 0) throw new Error(`${name} is compressed; package:scorm stores files`);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files.set(name, zip.subarray(data, data + size));
    at += 46 + nameLength + extra;
  }
  return files;
}

let pkg: Map<string, Buffer>;
/** Launch URLs of the manifest's SCOs, in the organization's order. */
let scos: string[];

test.beforeAll(() => {
  const out = join(mkdtempSync(join(tmpdir(), 'reservation-lab-scorm-')), 'course.zip');
  const run = spawnSync('node', ['scripts/packageScorm.mjs', '--dist', resolve(process.env.E2E_DIST ?? 'dist'), '--scenarios', 'intro-lun-paths-keys,two-node-heartbeat', '--title', 'Storage lab', '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`package:scorm failed:\n${run.stdout}\n${run.stderr}`);
  pkg = readZip(readFileSync(out));
  const manifest = pkg.get('imsmanifest.xml')!.toString('utf8');
  const hrefOf = new Map([...manifest.matchAll(/<resource identifier="([^"]+)"[^>]*adlcp:scormtype="sco" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
  scos = [...manifest.matchAll(/<item identifier="[^"]+" identifierref="([^"]+)"/g)].map((m) => hrefOf.get(m[1]!)!);
});

/** The LMS's calls and its data model, as its page reports them at LMSFinish. */
let finished: Promise<{ calls: string[]; model: Model }>;

/**
 * A made-up LMS at http://lms.test: player.html holds window.API (recording every call) and frames
 * a content area, which frames the SCO at /pkg/<its launch URL>; /pkg/ serves the zip's files.
 */
async function openLms(page: Page, sco: string, model: Model): Promise<void> {
  let resolveFinish: (r: { calls: string[]; model: Model }) => void = () => undefined;
  finished = new Promise((r) => (resolveFinish = r));
  await page.exposeFunction('reportLms', (calls: string[], m: Model) => resolveFinish({ calls, model: m }));
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.xml': 'application/xml' };
  await page.route('http://lms.test/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/player.html') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>LMS</title>
          <script>
            const calls = [];
            window.model = ${JSON.stringify({ 'cmi.core.lesson_status': 'not attempted', 'cmi.suspend_data': '', 'cmi.core.lesson_location': '', ...model })};
            window.API = {
              LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
              LMSGetValue: (n) => (calls.push('get ' + n), window.model[n] ?? ''),
              LMSSetValue: (n, v) => (calls.push('set ' + n + '=' + v), (window.model[n] = String(v)), 'true'),
              LMSCommit: () => (calls.push('LMSCommit'), 'true'),
              LMSFinish: () => (calls.push('LMSFinish'), window.reportLms(calls, window.model), 'true'),
              LMSGetLastError: () => '0',
              LMSGetErrorString: () => '',
              LMSGetDiagnostic: () => '',
            };
          </script>
          <iframe title="Content area" src="/content.html" style="width: 1240px; height: 820px; border: 0"></iframe>`,
      });
    }
    if (path === '/content.html') {
      return route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Content</title><iframe title="Course item" src="/pkg/${sco}" style="width: 1200px; height: 780px; border: 0"></iframe>` });
    }
    const file = /^\/pkg\/(.+)$/.exec(path)?.[1];
    const data = file ? pkg.get(decodeURIComponent(file)) : undefined;
    if (!data) return route.fulfill({ status: 404, body: 'not in the package' });
    return route.fulfill({ contentType: types[extname(file!)] ?? 'application/octet-stream', body: data });
  });
  await page.goto('http://lms.test/player.html');
}

const labIn = (page: Page) => page.frameLocator('iframe[title="Content area"]').frameLocator('iframe[title="Course item"]').frameLocator('iframe[title="Reservation Lab simulation"]');
const modelOf = (page: Page) => page.evaluate(() => (window as unknown as { model: Model }).model);

test.describe('the SCORM 1.2 package in an LMS', () => {
  test('has a manifest launching each chosen scenario', () => {
    const manifest = pkg.get('imsmanifest.xml')!.toString('utf8');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('<title>Storage lab</title>');
    expect(scos).toEqual(['scorm/launch.html?scenario=intro-lun-paths-keys', 'scorm/launch.html?scenario=two-node-heartbeat']);
    expect(pkg.has('app/index.html')).toBe(true);
    expect(pkg.has('scorm/scormBridge.js')).toBe(true);
  });

  test('reports completion, score and resume location of a guided scenario, and resumes there', async ({ page, context }) => {
    await openLms(page, scos[0]!, {});
    const lab = labIn(page);
    const story = lab.getByRole('region', { name: 'Story' });
    const heading = story.getByRole('heading', { level: 2 });
    const next = story.getByRole('button', { name: 'Next beat' });
    await expect(heading).toHaveText(/^Beat 1 of 6: /);
    await expect.poll(async () => (await modelOf(page))['cmi.core.lesson_status']).toBe('incomplete');

    // Two questions right, one wrong: 2 of 3.
    await story.getByRole('radio', { name: '4: one per path' }).check();
    await expect.poll(async () => (await modelOf(page))['cmi.core.score.raw']).toBe('1');
    await next.click();
    await expect(heading).toHaveText(/^Beat 2 of 6: /);
    await story.getByRole('radio', { name: /^A reserves the LUN Write Exclusive/ }).check();
    await expect.poll(async () => (await modelOf(page))['cmi.core.score.raw']).toBe('2');
    await next.click();
    await expect(heading).toHaveText(/^Beat 3 of 6: /);
    await expect.poll(async () => (await modelOf(page))['cmi.core.lesson_location']).toBe('intro-lun-paths-keys:3');
    await next.click();
    await expect(heading).toHaveText(/^Beat 4 of 6: /);
    await story.getByRole('radio', { name: /^GOOD: anyone may write/ }).check();
    await expect.poll(async () => (await modelOf(page))['cmi.core.score.max']).toBe('3');
    expect((await modelOf(page))['cmi.core.score.raw']).toBe('2');
    expect((await modelOf(page))['cmi.core.lesson_status']).toBe('incomplete');

    // Leaving mid-way: suspended, to resume at beat 4.
    await page.goto('about:blank');
    let lms = await finished;
    expect(lms.calls.at(-1)).toBe('LMSFinish');
    expect(lms.model).toMatchObject({ 'cmi.core.exit': 'suspend', 'cmi.core.lesson_location': 'intro-lun-paths-keys:4', 'cmi.core.score.raw': '2', 'cmi.core.score.max': '3', 'cmi.core.score.min': '0' });
    expect(lms.model['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);

    // The next launch, with what the LMS kept, opens at beat 4 and completes at the last beat.
    const again = await context.newPage();
    await openLms(again, scos[0]!, lms.model);
    const story2 = labIn(again).getByRole('region', { name: 'Story' });
    await expect(story2.getByRole('heading', { level: 2 })).toHaveText(/^Beat 4 of 6: /);
    await story2.getByRole('button', { name: 'Next beat' }).click();
    await expect(story2.getByRole('heading', { level: 2 })).toHaveText(/^Beat 5 of 6: /);
    await story2.getByRole('button', { name: 'Next beat' }).click();
    await expect(story2.getByRole('heading', { level: 2 })).toHaveText(/^Beat 6 of 6: /);
    await expect.poll(async () => (await modelOf(again))['cmi.core.lesson_status']).toBe('completed');
    expect(await modelOf(again)).toMatchObject({ 'cmi.core.score.raw': '2', 'cmi.core.score.max': '3', 'cmi.core.lesson_location': 'intro-lun-paths-keys:6' });
    await again.goto('about:blank');
    lms = await finished;
    expect(lms.calls.at(-1)).toBe('LMSFinish');
    expect(lms.model['cmi.core.exit']).toBe('');
  });

  test('reports completion of a free-play scenario at the end of its run', async ({ page }) => {
    await openLms(page, scos[1]!, {});
    const lab = labIn(page);
    await expect(lab.getByLabel('Virtual time')).toHaveText('t = 0.000 s');
    await expect.poll(async () => (await modelOf(page))['cmi.core.lesson_status']).toBe('incomplete');
    // The learner runs it to its end with the timeline's End key.
    await lab.getByRole('slider', { name: 'Time' }).press('End');
    await expect(lab.getByLabel('Virtual time')).toHaveText('t = 120.000 s');
    await expect.poll(async () => (await modelOf(page))['cmi.core.lesson_status']).toBe('completed');
    await page.goto('about:blank');
    const { calls } = await finished;
    expect(calls.at(-1)).toBe('LMSFinish');
    expect(calls).toContain('set cmi.core.exit=');
  });
});
