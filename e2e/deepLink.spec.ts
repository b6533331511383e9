// "Copy link to this moment": the link a learner copies reopens, in a fresh page, the same
// scenario, seed, the faults they injected and the time (so the same LUN state), or the same
// beat of a guided story. A bad or stale link never gives a blank page: it falls back and says
// what was wrong, parameter by parameter.

import { expect, test, type Page } from '@playwright/test';
import { FaultPalette } from './pages/FaultPalette';
import { LabPage } from './pages/LabPage';

/** Presses "Copy link to this moment" and returns the link the lab shows (and copies). */
async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link to this moment' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this moment' });
  await expect(field).toBeVisible();
  return field.inputValue();
}

test.describe('a copied link to this moment', () => {
  test('reopens the same scenario, seed, injected faults and LUN state', async ({ page, context }) => {
    const lab = new LabPage(page);
    const palette = new FaultPalette(page);
    await lab.open('/index.html#/s/free-fence-scsi-2x2?seed=7');
    for (let i = 0; i < 3; i++) await lab.nextEvent.click();
    await expect(lab.clock).not.toHaveText('t = 0.000 s');
    await palette.inject('Crash node', 'Node B');
    await expect(lab.node('B')).toContainText('crashed');
    for (let i = 0; i < 6; i++) await lab.stepOnce();
    const clock = await lab.clock.textContent();
    const events = await lab.events.textContent();
    const lun = await lab.lun.textContent();
    const nodeA = await lab.node('A').innerText();
    const nodeB = await lab.node('B').innerText();

    const link = await copyLink(page);
    expect(link).toMatch(/\/index\.html#\/s\/free-fence-scsi-2x2\?seed=7&t=\d+&inputs=1\./);

    const fresh = new LabPage(await context.newPage());
    await fresh.open(link);
    await expect(fresh.clock).toHaveText(clock!);
    await expect(fresh.events).toHaveText(events!);
    await expect(fresh.node('B')).toContainText('crashed');
    expect(await fresh.lun.textContent()).toBe(lun);
    expect(await fresh.node('A').innerText()).toBe(nodeA);
    expect(await fresh.node('B').innerText()).toBe(nodeB);
    // The fault is the learner's, as in the first page: it shows on the timeline.
    await expect(fresh.page.getByRole('button', { name: /^Fault at .*Node B/i })).toBeVisible();
  });

  test('reopens a guided scenario at the same beat', async ({ page, context }) => {
    const lab = new LabPage(page);
    await lab.open('/index.html#/s/intro-lun-paths-keys');
    const story = page.getByRole('region', { name: 'Story' });
    await story.getByRole('button', { name: 'Next beat' }).click();
    await expect(story.getByRole('heading', { level: 2 })).toHaveText(/^Beat 2 of 6: /);
    const heading = await story.getByRole('heading', { level: 2 }).textContent();
    const lun = await lab.lun.textContent();

    const link = await copyLink(page);
    expect(link).toContain('#/s/intro-lun-paths-keys?');
    const fresh = new LabPage(await context.newPage());
    await fresh.open(link);
    await expect(fresh.page.getByRole('region', { name: 'Story' }).getByRole('heading', { level: 2 })).toHaveText(heading!);
    await expect(fresh.clock).toHaveText((await lab.clock.textContent())!);
    expect(await fresh.lun.textContent()).toBe(lun);
  });
});

test.describe('a bad or stale link', () => {
  test('falls back parameter by parameter and says why', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('/index.html#/s/two-node-heartbeat?seed=abc&speed=3&view=nope&t=999999');
    const notice = page.getByRole('alert');
    await expect(notice).toContainText("seed must be a whole number from 0 to 4294967295; using the scenario's seed");
    await expect(notice).toContainText('speed 3 is not offered');
    await expect(notice).toContainText('view "nope" does not exist');
    await expect(notice).toContainText("t 999999 is after the scenario's end (120000 ms); going to the end");
    await expect(lab.clock).toHaveText('t = 120.000 s');
    await expect(lab.speed).toHaveValue('4');
  });

  test('an unknown scenario shows the default, and its stale parameters are named', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('/index.html#/s/s13-retired?beat=4&inputs=1.abc');
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('unknown scenario "s13-retired"; showing the default (two-node-heartbeat)');
    await expect(notice).toContainText('made for scenario "s13-retired"');
    await expect(lab.node('B')).toBeVisible();
    await expect(lab.clock).toHaveText('t = 0.000 s');
  });

  test('inputs that cannot be read start the run without them', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('/index.html#/s/two-node-heartbeat?inputs=1.not-base64!');
    await expect(page.getByRole('alert')).toContainText('inputs could not be read');
    await expect(lab.clock).toHaveText('t = 0.000 s');
    await expect(lab.play).toBeEnabled();
  });
});
