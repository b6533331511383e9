import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { readFileSync } from 'node:fs';

type Lesson = { title: string; beats: { question?: { answer: number } }[] };
const lesson = (id: string): Lesson => JSON.parse(readFileSync(new URL(`../src/scenarios/library/${id}.json`, import.meta.url), 'utf8')) as Lesson;

/** The Lessons button in the title bar opens the lessons screen, its title focused. */
async function openLessons(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Guided lessons' })).toBeFocused();
}

/** Walks a lesson to its end with Next beat, answering its first question right and the others wrong. */
async function walk(page: Page, lesson: Lesson): Promise<void> {
  await openLessons(page);
  await page.getByRole('button', { name: `Start lesson: ${lesson.title}` }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario', exact: true })).toContainText(`Lesson: ${lesson.title}`);
  const story = page.getByRole('region', { name: 'Story' });
  await expect(story.getByRole('heading').first()).toContainText('Ready:');
  await story.getByRole('button', { name: 'Next beat' }).click();
  await expect(story).toContainText(/Beat 1 of (\d+)/);
  const count = Number((await story.getByRole('heading').first().innerText()).match(/of (\d+)/)![1]);
  let answered = 0;
  for (let beat = 1; beat <= count; beat++) {
    await expect(story.getByRole('heading').first()).toContainText(`Beat ${beat} of ${count}`);
    const question = story.getByRole('group').filter({ hasText: 'Predict:' });
    const right = lesson.beats[beat - 1]!.question?.answer;
    if (right !== undefined) {
      const choices = question.getByRole('radio');
      const pick = answered === 0 ? right : (right + 1) % (await choices.count());
      await choices.nth(pick).check();
      await expect(question.getByRole('status')).toContainText(answered === 0 ? '✓ Right.' : '✗ Not quite.');
      answered++;
    }
    if (beat < count) await story.getByRole('button', { name: 'Next beat' }).click();
  }
  await expect(story.getByRole('status').last()).toContainText('Summary');
}

test.describe('guided lessons', () => {
  test('walks lessons in each mode to the end, with questions revealed after answering', async ({ page }) => {
    await page.goto('/');
    for (const id of ['s1-failover-ha-lvm', 's2-failover-mscs', 's3-failover-fence-scsi']) await walk(page, lesson(id));
  });

  test('Previous beat restores the earlier state exactly', async ({ page }) => {
    const lab = new LabPage(page);
    await page.goto('/');
    await openLessons(page);
    await page.getByRole('button', { name: /^Start lesson: S2 / }).click();
    const story = page.getByRole('region', { name: 'Story' });
    await expect(story.getByRole('heading').first()).toContainText('Ready:');
    await story.getByRole('button', { name: 'Next beat' }).click();
    await expect(story.getByRole('heading').first()).toContainText('Beat 1 of');
    await story.getByRole('button', { name: 'Next beat' }).click();
    await expect(story.getByRole('heading').first()).toContainText('Beat 2 of');
    const clockAt2 = await lab.clock.innerText();
    const eventsAt2 = await lab.events.innerText();
    await story.getByRole('button', { name: 'Next beat' }).click();
    await expect(story.getByRole('heading').first()).toContainText('Beat 3 of');
    await story.getByRole('button', { name: 'Previous beat' }).click();
    await expect(story.getByRole('heading').first()).toContainText('Beat 2 of');
    await expect(lab.clock).toHaveText(clockAt2);
    // Same event and same virtual time: the same state (the engine's own tests compare whole views).
    await expect(lab.events).toHaveText(eventsAt2);
  });
});
