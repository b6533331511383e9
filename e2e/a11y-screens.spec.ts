// axe on the screens a course uses besides the lab and the lessons (a11y.spec.ts has those): the
// embed screen with full and minimal controls, and free play ("Try it yourself" in a lesson, a
// fault injected). No serious or critical WCAG 2.2 AA violation, light and dark, desktop and
// phone. Screenshots are kept as artifacts.

import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './pages/axe';
import { FaultPalette } from './pages/FaultPalette';
import { LabPage } from './pages/LabPage';

const SCREENS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

for (const size of SCREENS) {
  for (const scheme of SCHEMES) {
    test.describe(`${size.name} ${size.width}×${size.height}, ${scheme}`, () => {
      test.beforeEach(async ({ page }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme: scheme });
      });

      test('the embed screen, full and minimal controls, has no serious or critical axe violation', async ({ page }, testInfo) => {
        test.setTimeout(120_000);
        const lab = new LabPage(page);
        for (const controls of ['full', 'min'] as const) {
          await lab.open(`/index.html#/s/two-node-heartbeat?embed=1&controls=${controls}`);
          // Some history, so the log and the ladder have content.
          await lab.stepOnce();
          await lab.stepOnce();
          await expectNoSeriousViolations(page, testInfo, `embed-${controls}-${size.name}-${scheme}`);
          await page.screenshot({ path: testInfo.outputPath(`embed-${controls}-${size.width}x${size.height}-${scheme}.png`) });
        }
      });

      test('free play in a lesson, with a fault injected, has no serious or critical axe violation', async ({ page }, testInfo) => {
        test.setTimeout(120_000);
        const lab = new LabPage(page);
        await lab.open();
        await page.getByRole('button', { name: 'Lessons' }).click();
        await page.getByRole('button', { name: /^Start lesson: S3 / }).click();
        const story = page.getByRole('region', { name: 'Story' });
        await story.getByRole('button', { name: 'Next beat' }).click();
        await expect(story.getByRole('heading').first()).toContainText('Beat 1 of');
        await story.getByRole('button', { name: 'Try it yourself' }).click();
        await expect(story.getByRole('heading', { name: 'Free play' })).toBeVisible();
        const palette = new FaultPalette(page);
        if (size.name === 'phone') await lab.showTab('Faults');
        await palette.inject('Partition heartbeat network');
        await expect(palette.injectButton('Heal heartbeat partition')).toBeEnabled();
        if (size.name === 'phone') await lab.showTab('Diagram');
        await expectNoSeriousViolations(page, testInfo, `free-play-${size.name}-${scheme}`);
        await page.screenshot({ path: testInfo.outputPath(`free-play-${size.width}x${size.height}-${scheme}.png`) });
      });
    });
  }
}
