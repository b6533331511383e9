// Accessibility of the main screens: axe finds no serious or critical WCAG 2.2 AA violation at
// desktop and phone size, in light and dark: the lab, with the node drawer open, the lessons
// screen, and a guided lesson; focus is never hidden
// under the sticky playback bar; reduced motion is honoured. Screenshots are kept as artifacts.

import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './pages/axe';
import { LabPage } from './pages/LabPage';
import { NodeDrawer } from './pages/NodeDrawer';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Opens node A's drawer and gives its console something to show. */
async function openDrawer(page: Page, lab: LabPage, phone: boolean): Promise<NodeDrawer> {
  const drawer = new NodeDrawer(page);
  if (phone) await lab.showTab('Nodes');
  await drawer.open('A');
  await drawer.run('A', 'help');
  await expect(drawer.output('A')).toContainText('Commands on node A');
  return drawer;
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test(`no serious or critical axe violation: ${size.name} ${size.width}×${size.height}, ${scheme}`, async ({ page }, testInfo) => {
      // Four full axe scans of a large page.
      test.setTimeout(240_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme });
      const lab = new LabPage(page);
      await lab.open();
      // Some history, so the log, the ladder and the timeline have content.
      await lab.stepOnce();
      await lab.stepOnce();
      const phone = size.name === 'phone';
      if (phone) await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();

      await expectNoSeriousViolations(page, testInfo, `${size.name}-${scheme}-diagram`);
      await page.screenshot({ path: testInfo.outputPath(`main-${size.width}x${size.height}-${scheme}.png`) });

      await openDrawer(page, lab, phone);
      await expectNoSeriousViolations(page, testInfo, `${size.name}-${scheme}-drawer`);
      await page.screenshot({ path: testInfo.outputPath(`drawer-${size.width}x${size.height}-${scheme}.png`) });

      // The lessons screen (home), then a lesson with its story panel and a question.
      await page.getByRole('button', { name: 'Lessons' }).click();
      await expect(page.getByRole('button', { name: /^Start lesson: / }).first()).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `${size.name}-${scheme}-lessons`);
      await page.screenshot({ path: testInfo.outputPath(`lessons-${size.width}x${size.height}-${scheme}.png`) });
      await page.getByRole('button', { name: /^Start lesson: S4 · Split brain without fencing/ }).click();
      const story = page.getByRole('region', { name: 'Story' });
      await story.getByRole('button', { name: 'Next beat' }).click();
      await expect(story.getByRole('heading').first()).toContainText('Beat 1 of');
      await expectNoSeriousViolations(page, testInfo, `${size.name}-${scheme}-lesson`);
      await page.screenshot({ path: testInfo.outputPath(`lesson-${size.width}x${size.height}-${scheme}.png`) });
    });
  }
}

test('on a phone, the panels are tabs and keep their region names', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const lab = new LabPage(page);
  await lab.open();
  const tabs = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab');
  await expect(tabs).toHaveText(['Diagram', 'LUN', 'Ladder', 'Event log', 'Faults', 'Nodes']);
  for (const [tab, region] of [
    ['LUN', lab.lun],
    ['Ladder', lab.ladder],
    ['Event log', lab.eventLog],
    ['Diagram', lab.topology],
  ] as const) {
    await lab.showTab(tab);
    await expect(region).toBeVisible();
  }
  // Arrow keys move between tabs.
  await page.getByRole('tab', { name: 'Diagram' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'LUN' })).toBeFocused();
  await expect(lab.lun).toBeVisible();
});

test('focus is never hidden under the sticky playback bar (WCAG 2.4.11)', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await openDrawer(page, lab, false);
  await page.locator('body').focus();
  const bar = page.getByRole('toolbar', { name: 'Playback' });
  const hidden: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const problem = await bar.evaluate((toolbar) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || toolbar.contains(el)) return null;
      const r = el.getBoundingClientRect();
      const b = toolbar.getBoundingClientRect();
      // Entirely under the bar (or below the window) is what 2.4.11 forbids.
      const covered = r.top >= b.top || r.bottom > window.innerHeight + 1;
      return covered ? `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}" at ${Math.round(r.top)}–${Math.round(r.bottom)}, bar from ${Math.round(b.top)}` : null;
    });
    if (problem) hidden.push(problem);
  }
  expect(hidden).toEqual([]);
});

test('reduced motion: the screen works and the drawer appears without animating', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const lab = new LabPage(page);
  await lab.open();
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  const drawer = await openDrawer(page, lab, false);
  const running = await drawer.region.evaluate((el) => el.getAnimations({ subtree: true }).filter((a) => a.playState === 'running').length);
  expect(running).toBe(0);
  await lab.play.click();
  await expect(lab.clock).not.toHaveText('t = 0.000 s');
  await lab.pause.click();
  await expect(lab.play).toBeVisible();
});
