// Embed mode as a course author sets it in the link: embed=1 keeps the chrome minimal,
// controls=full|min|none chooses what the learner can touch, autoplay stays off unless asked,
// and whenever anything moves there is a visible Pause button, even with controls=none.

import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

/** A course page framing the lab at `hash`, with its own Play button driving the embed API. */
async function openHost(page: Page, hash: string) {
  await page.route('**/controls-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Course page</title>
        <button type="button" id="play">Play the lab</button>
        <iframe title="Lab" src="/index.html${hash}" style="width: 1100px; height: 700px; border: 0"></iframe>
        <script>
          const frame = document.querySelector('iframe');
          document.getElementById('play').onclick = () =>
            frame.contentWindow.postMessage({ ns: 'reservation-lab', v: 1, type: 'play' }, location.origin);
        </script>`,
    }),
  );
  await page.goto('/controls-host.html');
  const lab = page.frameLocator('iframe[title="Lab"]');
  await expect(lab.getByRole('group', { name: 'Node A' })).toBeVisible({ timeout: 15_000 });
  return lab;
}

test.describe('embed mode', () => {
  test('embed=1 drops the lesson list; full controls keep the scenario and setup choice', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('/index.html#/s/two-node-heartbeat?embed=1');
    await expect(page.getByRole('region', { name: 'Lessons' })).toBeHidden();
    // Nor the way to the lessons screen: the course page chose what to show.
    await expect(page.getByRole('button', { name: 'Lessons' })).toBeHidden();
    await expect(page.getByRole('form', { name: 'Setup' })).toBeVisible();
    await expect(lab.play).toBeVisible();
  });

  test('controls=min offers playback only and does not play by itself', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('/index.html#/s/two-node-heartbeat?embed=1&controls=min');
    await expect(page.getByRole('form', { name: 'Setup' })).toBeHidden();
    await expect(page.getByLabel('Scenario', { exact: true })).toBeHidden();
    await expect(page.getByText('Open scenario file…')).toBeHidden();
    await expect(lab.play).toBeVisible();
    await expect(lab.pause).toBeHidden();
    await expect(lab.step).toBeVisible();
    await expect(lab.clock).toHaveText('t = 0.000 s');
  });

  test('autoplay=1 plays at once, with Pause visible', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('/index.html#/s/two-node-heartbeat?embed=1&controls=min&autoplay=1');
    await expect(lab.pause).toBeVisible();
    await expect(lab.clock).not.toHaveText('t = 0.000 s');
    await lab.pause.click();
    await expect(lab.play).toBeVisible();
  });

  test('controls=none hides playback, but a Pause button appears while the host plays it', async ({ page }) => {
    const lab = await openHost(page, '#/s/two-node-heartbeat?embed=1&controls=none');
    const pause = lab.getByRole('button', { name: 'Pause' });
    await expect(lab.getByRole('button', { name: 'Play' })).toBeHidden();
    await expect(lab.getByRole('button', { name: 'Step', exact: true })).toBeHidden();
    await expect(lab.getByLabel('Scenario', { exact: true })).toBeHidden();
    await expect(pause).toBeHidden();

    await page.getByRole('button', { name: 'Play the lab' }).click();
    await expect(pause).toBeVisible();
    await pause.click();
    await expect(pause).toBeHidden();
    await expect(lab.getByLabel('Virtual time')).not.toHaveText('t = 0.000 s');
  });

  test('controls=none refuses autoplay, and says why', async ({ page }) => {
    const lab = await openHost(page, '#/s/two-node-heartbeat?embed=1&controls=none&autoplay=1');
    await expect(lab.getByRole('alert')).toContainText('autoplay is off because controls=none leaves no pause button');
    await expect(lab.getByRole('button', { name: 'Pause' })).toBeHidden();
  });
});
