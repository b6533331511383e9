// The embed API seen from a course page: public/embed-example.html frames the lab and drives
// it with every command; a page on another origin is refused; the frame follows the content's
// height (our resize event and the H5P resizer protocol); the deep link the lab gives for a moment
// reproduces it in a fresh page. The SCORM package has its own spec (scorm.spec.ts).

import { expect, test } from '@playwright/test';
import { EmbedHostPage } from './pages/EmbedHostPage';
import { LabPage } from './pages/LabPage';

test.describe('embedded in a course page', () => {
  test('the host page drives every command and hears the events', async ({ page }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    await expect(host.clock).toHaveText('t = 0.000 s');

    // play, pause
    await host.press('Play');
    await expect(host.clock).not.toHaveText('t = 0.000 s');
    await host.press('Pause');
    await expect(host.labPlay).toBeVisible();

    // step, stepBack
    const before = await host.eventCount();
    await host.press('Step');
    await expect(host.events).toHaveText(`event ${before + 1}`);
    await host.press('Step back');
    await expect(host.events).toHaveText(`event ${before}`);

    // seek, setSpeed
    await host.fill('Time (ms)', '10000');
    await host.press('Seek');
    await expect(host.clock).toHaveText('t = 10.000 s');
    await page.getByLabel('Speed', { exact: true }).selectOption('4');
    await host.press('Set speed');
    await expect(host.labSpeed).toHaveValue('4');

    // injectFault: the lab applies it and reports it
    let seen = (await host.logged()).length;
    await host.fill('Fault', 'node-crash');
    await host.fill('Target', '{ "node": "B" }');
    await host.press('Inject fault');
    const fault = await host.next('faultInjected', seen);
    expect(fault.payload).toMatchObject({ fault: 'node-crash', target: { node: 'B' }, origin: 'learner', time: 10_000 });

    // getState answers the command it was asked by
    const state = await host.state();
    expect(state).toMatchObject({ scenarioId: 'two-node-heartbeat', time: 10_000, speed: 4, playing: false });

    // refusals come back as error events naming the reason
    seen = (await host.logged()).length;
    await host.fill('Beat', '2');
    await host.press('Go to beat');
    expect((await host.next('error', seen)).payload).toMatchObject({ reason: 'unsupported', command: 'gotoBeat', message: 'scenario "two-node-heartbeat" has no narrated beats' });
    seen = (await host.logged()).length;
    await host.fill('Id', 'no-such-scenario');
    await host.press('Load');
    expect((await host.next('error', seen)).payload).toMatchObject({ reason: 'unknownScenario', command: 'loadScenario' });

    // loadScenario by id: a guided scenario, whose beats are reported; gotoBeat runs to a beat
    seen = (await host.logged()).length;
    await host.fill('Id', 'intro-lun-paths-keys');
    await host.press('Load');
    expect((await host.next('beatChanged', seen)).payload).toMatchObject({ scenarioId: 'intro-lun-paths-keys', beat: 1, beatId: 'the-lun' });
    // The learner answers the beat's question in the lab: the host hears it, with the score.
    seen = (await host.logged()).length;
    await host.frame.getByRole('group', { name: /^Predict:/ }).getByRole('radio').first().check();
    expect((await host.next('questionAnswered', seen)).payload).toMatchObject({ scenarioId: 'intro-lun-paths-keys', beat: 1, beatId: 'the-lun', choice: 0, firstAnswer: true, score: { min: 0, max: 3, answered: 1 } });
    seen = (await host.logged()).length;
    await host.fill('Beat', '3');
    await host.press('Go to beat');
    expect((await host.next('beatChanged', seen)).payload).toMatchObject({ beat: 3, beatId: 'reserved', beats: 6 });
    expect(await host.state()).toMatchObject({ scenarioId: 'intro-lun-paths-keys', beat: 3, beats: 6 });

    // A story that runs into data corruption: the scenario's own fault, the corrupting write,
    // then completion at its last beat, with the score so far.
    seen = (await host.logged()).length;
    await host.fill('Id', 's4-partition-no-fencing');
    await host.press('Load');
    await expect.poll(async () => (await host.state()).scenarioId).toBe('s4-partition-no-fencing');
    await host.fill('Beat', '7');
    await host.press('Go to beat');
    expect((await host.next('faultInjected', seen)).payload).toMatchObject({ scenarioId: 's4-partition-no-fencing', fault: 'heartbeat-partition', origin: 'scenario' });
    expect((await host.next('integrityViolation', seen)).payload).toMatchObject({ scenarioId: 's4-partition-no-fencing', node: 'A' });
    expect((await host.next('scenarioCompleted', seen)).payload).toMatchObject({ scenarioId: 's4-partition-no-fencing', reason: 'lastBeat', score: { raw: 0, min: 0, max: 2, answered: 0 } });

    // loadScenario with a whole scenario object; free play completes when its run ends
    await host.press('Load this scenario');
    await expect.poll(async () => (await host.state()).scenarioId).toBe('my-two-nodes');
    seen = (await host.logged()).length;
    await host.fill('Time (ms)', '60000');
    await host.press('Seek');
    expect((await host.next('scenarioCompleted', seen)).payload).toMatchObject({ scenarioId: 'my-two-nodes', reason: 'ended', time: 60_000 });

    // Every event type of the API reached the page (resize is shown, not logged).
    await expect(page.getByRole('status').filter({ hasText: 'Lab content height' })).toHaveText(/^Lab content height: \d+ px/);
    const types = new Set((await host.logged()).map((e) => e.type));
    for (const type of ['ready', 'beatChanged', 'questionAnswered', 'faultInjected', 'integrityViolation', 'scenarioCompleted', 'error', 'state']) expect(types).toContain(type);
  });

  test('a page on another origin cannot drive the lab, and is told why', async ({ page, baseURL }) => {
    // The lab at http://localhost:<port> is set up for that origin only; the course page is
    // served from http://127.0.0.1:<port>, another origin to the browser.
    const labOrigin = new URL(baseURL!).origin;
    const foreign = new URL(baseURL!);
    foreign.hostname = '127.0.0.1';
    const host = new EmbedHostPage(page);
    await host.open(`${foreign.origin}/embed-example.html?lab=${encodeURIComponent(`${labOrigin}/index.html`)}&parentOrigin=${encodeURIComponent(labOrigin)}`, { ready: false });
    await expect(host.clock).toHaveText('t = 0.000 s');

    await host.press('Play');
    await expect.poll(async () => (await host.logged()).map((e) => e.payload.reason)).toContain('wrongOrigin');
    const [refusal] = (await host.logged()).filter((e) => e.type === 'error');
    expect(refusal).toMatchObject({ replyTo: '1', payload: { command: 'play', message: expect.stringContaining(`accepted only from ${labOrigin}`) } });
    // No learner data reached the foreign page, and the lab did not start.
    expect((await host.logged()).map((e) => e.type)).toEqual(['error']);
    await expect(host.labPlay).toBeVisible();
    await expect(host.clock).toHaveText('t = 0.000 s');
  });

  test("the frame's height follows the content", async ({ page }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    const frameHeight = () => host.iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height));
    const contentHeight = () => host.frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
    const wide = await frameHeight();

    // A narrow screen turns the lab's panels into tabs: a different height, followed again.
    await page.setViewportSize({ width: 700, height: 800 });
    await expect.poll(frameHeight).not.toBe(wide);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
  });

  test('a page using the H5P resizer sizes the frame through its protocol', async ({ page }) => {
    // What h5p-resizer.js does in the parent (Moodle, WordPress): answer hello, answer
    // prepareResize with resizePrepared, set the frame's height at resize; say ready on load.
    await page.route('**/h5p-host.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>H5P course page</title>
          <iframe title="Lab (H5P)" src="/index.html#/s/two-node-heartbeat?embed=1&h5p=1" style="width: 1000px; height: 300px; border: 0"></iframe>
          <script>
            const frame = document.querySelector('iframe');
            window.heard = [];
            window.addEventListener('message', (e) => {
              if (e.source !== frame.contentWindow || !e.data || e.data.context !== 'h5p') return;
              window.heard.push(e.data.action);
              const reply = (action) => frame.contentWindow.postMessage({ context: 'h5p', action }, '*');
              if (e.data.action === 'hello') reply('hello');
              if (e.data.action === 'prepareResize') reply('resizePrepared');
              if (e.data.action === 'resize') frame.style.height = e.data.scrollHeight + 'px';
            });
            frame.addEventListener('load', () => frame.contentWindow.postMessage({ context: 'h5p', action: 'ready' }, '*'));
          </script>`,
      }),
    );
    await page.goto('/h5p-host.html');
    const lab = page.frameLocator('iframe[title="Lab (H5P)"]');
    await expect(lab.getByLabel('Virtual time')).toHaveText('t = 0.000 s');
    const frameHeight = () => page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height));
    const contentHeight = () => lab.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
    expect(await frameHeight()).toBeGreaterThan(300);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard).toEqual(expect.arrayContaining(['hello', 'prepareResize', 'resize']));
  });

  test('the link the lab gives for a moment reproduces it in a fresh page', async ({ page, context }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    await host.fill('Time (ms)', '3000');
    await host.press('Seek');
    await expect(host.clock).toHaveText('t = 3.000 s');
    await host.fill('Fault', 'link-cut');
    await host.fill('Target', '{ "between": ["A", "B"], "network": 1 }');
    await host.press('Inject fault');
    await host.press('Step');
    await host.fill('Time (ms)', '14500');
    await host.press('Seek');
    await expect(host.clock).toHaveText('t = 14.500 s');
    const state = await host.state();
    expect(String(state.link)).toMatch(/^#\/s\/two-node-heartbeat\?t=14500&inputs=1\./);
    const nodeB = await host.frame.getByRole('region', { name: 'Topology' }).getByRole('group', { name: 'Node B' }).textContent();

    const fresh = new LabPage(await context.newPage());
    await fresh.open(`/index.html${String(state.link)}`);
    await expect(fresh.clock).toHaveText('t = 14.500 s');
    await expect(fresh.events).toHaveText(`event ${String(state.step)}`);
    await expect(fresh.link('A', 'B')).toHaveAccessibleName(/cut$/);
    await expect(fresh.node('B')).toHaveText(nodeB!);
  });
});
