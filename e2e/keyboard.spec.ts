// A keyboard-only learner (WCAG 2.1.1): Tab, Shift+Tab, Enter, Space, the arrow keys and Escape,
// never a click. From the title bar to the lessons screen, through a guided lesson's beats, a
// question answered with the arrow keys and Space, a fault injected on the diagram in free play
// (roving focus, Enter opens the element's menu), back to the story and on to its summary. Focus
// is visible wherever it lands (WCAG 2.4.7).

import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { TopologyPage } from './pages/TopologyPage';

type Lesson = { title: string; beats: { question?: { answer: number; choices: string[] } }[] };
const S3 = JSON.parse(readFileSync(new URL('../src/scenarios/library/s3-failover-fence-scsi.json', import.meta.url), 'utf8')) as Lesson;

/** Presses Tab (or Shift+Tab) until `target` has focus, as a learner would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await target.count()) === 1 && (await target.evaluate((el) => el === document.activeElement))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** The focused element shows a focus indicator: it matches :focus-visible and draws an outline (HTML) or a focus stroke (SVG). */
async function expectFocusVisible(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const indicator = await target.evaluate((el) => {
    if (!el.matches(':focus-visible')) return 'not :focus-visible';
    if (el instanceof SVGElement) return 'ok';
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'ok' : `outline ${s.outlineStyle} ${s.outlineWidth}`;
  });
  expect(indicator).toBe('ok');
}

test('a keyboard-only learner completes a lesson, injecting a fault on the way', async ({ page }) => {
  test.setTimeout(120_000);
  const key = (k: string) => page.keyboard.press(k);
  const topo = new TopologyPage(page);
  await topo.open();

  // The title bar's Lessons button opens the lessons screen, its title focused.
  const lessons = page.getByRole('button', { name: 'Lessons' });
  await tabTo(page, lessons);
  await expectFocusVisible(lessons);
  await key('Enter');
  await expect(page.getByRole('heading', { name: 'Guided lessons' })).toBeFocused();

  const start = page.getByRole('button', { name: `Start lesson: ${S3.title}` });
  await tabTo(page, start);
  await expectFocusVisible(start);
  await key('Enter');

  const story = page.getByRole('region', { name: 'Story' });
  const heading = story.getByRole('heading').first();
  const next = story.getByRole('button', { name: 'Next beat' });
  await expect(heading).toContainText('Ready:');
  // The card is gone; the lesson's title takes focus, and Tab goes on into the story.
  await expect(heading).toBeFocused();
  await tabTo(page, next);
  await expectFocusVisible(next);
  await key('Enter');
  await expect(heading).toContainText(`Beat 1 of ${S3.beats.length}`);
  // The Ready screen's button was replaced; focus stays on Next beat.
  await expect(next).toBeFocused();

  // Beat 1 asks a question: Shift+Tab reaches a choice (the last, in Chrome); the arrow keys move
  // without answering; Space answers. Focus then goes to the explanation.
  const question = story.getByRole('group').filter({ hasText: 'Predict:' });
  const { answer: right, choices: texts } = S3.beats[0]!.question!;
  const choices = question.getByRole('radio');
  const focusedChoice = question.locator('input[type="radio"]:focus');
  await tabTo(page, focusedChoice, { back: true });
  await expectFocusVisible(focusedChoice);
  const at = await choices.evaluateAll((radios) => radios.indexOf(document.activeElement as HTMLInputElement));
  const steps = (right - at + texts.length) % texts.length || texts.length;
  for (let i = 0; i < steps; i++) await key('ArrowDown');
  await expect(choices.nth(right)).toBeFocused();
  await expect(question.getByRole('status')).toHaveCount(0);
  await key(' ');
  const reveal = question.getByRole('status');
  await expect(reveal).toContainText('✓ Right.');
  await expect(reveal).toBeFocused();

  // Try it yourself: free play, focus on its title.
  const tryIt = story.getByRole('button', { name: 'Try it yourself' });
  await tabTo(page, tryIt);
  await expectFocusVisible(tryIt);
  await key('Enter');
  await expect(story.getByRole('heading', { name: 'Free play' })).toBeFocused();

  // The diagram is one tab stop before the story; the arrow keys walk it. Take path A.2 (the spare
  // path) down with its menu: Enter opens it on its first item, Enter again injects.
  const nodeA = topo.nodeFaults('A');
  await tabTo(page, nodeA, { back: true });
  await expectFocusVisible(nodeA);
  // Right walks the reading order: the nodes and their link, then the paths.
  const pathA2 = topo.path('A.2');
  for (let i = 0; i < 10 && !(await pathA2.evaluate((el) => el === document.activeElement)); i++) await key('ArrowRight');
  await expectFocusVisible(pathA2);
  await key('Enter');
  await expect(topo.item('Take path down')).toBeFocused();
  await key('Enter');
  await expect(topo.menu).toBeHidden();
  await expect(pathA2).toBeFocused();
  await expect(pathA2).toHaveAccessibleName(/: down \(HBA cable pulled\)/);

  // Back to the story: the lesson goes on from the beat it was at.
  const back = story.getByRole('button', { name: 'Back to the story' });
  await tabTo(page, back);
  await expectFocusVisible(back);
  await key('Enter');
  await expect(heading).toContainText(`Beat 1 of ${S3.beats.length}`);
  await expect(next).toBeFocused();
  // The story is the authored run again: the path taken down in free play is back up.
  await expect(pathA2).not.toHaveAccessibleName(/: down/);

  // Next beat to the end; at the last beat the button is disabled and focus goes to the heading.
  for (let beat = 2; beat <= S3.beats.length; beat++) {
    await key('Enter');
    await expect(heading).toContainText(`Beat ${beat} of ${S3.beats.length}`);
  }
  await expect(next).toBeDisabled();
  await expect(heading).toBeFocused();
  await expect(story.getByRole('status').last()).toContainText('Summary');
  await expect(story).toContainText('You answered 1 of 1 question right.');
});
