// Trainers' own scenario files in the app: every malformed example shows exactly the problems
// `lab check --simulate` prints (computed here by running the CLI), the app keeps running and
// playing the scenario it had; valid JSON and YAML files open and play; drag-and-drop and
// ?scenario=<url> go the same way.

import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabPage } from './pages/LabPage';
import { ScenarioFiles } from './pages/ScenarioFiles';

const root = fileURLToPath(new URL('..', import.meta.url));
const invalidDir = join(root, 'src', 'scenarios', 'examples-invalid');
const examplesDir = join(root, 'src', 'scenarios', 'examples');
const INVALID = readdirSync(invalidDir).sort();
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

/** What `lab check --simulate` prints for each file: its problems, without the "FILE: " prefix. */
function labCheck(files: string[]): Map<string, string[]> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--simulate', ...files], { cwd: root, encoding: 'utf8' });
  const problems = new Map<string, string[]>(files.map((f) => [f, []]));
  let last: string[] | undefined;
  for (const line of run.stderr.split('\n')) {
    const file = files.find((f) => line.startsWith(`${f}: `));
    if (file) (last = problems.get(file)!).push(line.slice(file.length + 2));
    else if (line !== '' && last) last[last.length - 1] += `\n${line}`; // a problem that spans lines
  }
  return problems;
}

const expected = labCheck(INVALID.map((name) => join(invalidDir, name)));

test.describe('a malformed scenario file', () => {
  test('lab check finds problems in every example', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(12);
    for (const name of INVALID) expect(expected.get(join(invalidDir, name)), name).not.toEqual([]);
  });

  for (const name of INVALID) {
    test(`${name}: shows lab check's problems, and the lab keeps playing`, async ({ page }) => {
      const lab = new LabPage(page);
      const files = new ScenarioFiles(page);
      await lab.open();
      const running = await files.scenario.inputValue();
      await files.open(name, read(invalidDir, name));

      await expect(files.report).toBeVisible();
      await expect(files.report.getByRole('heading')).toContainText(name);
      await expect(files.problems).toHaveText(expected.get(join(invalidDir, name))!);
      await files.close.click();
      await expect(files.report).toBeHidden();

      // Still the same scenario, still running.
      await expect(files.scenario).toHaveValue(running);
      await lab.stepOnce();
      await lab.stepOnce();
    });
  }
});

test.describe('a valid scenario file', () => {
  test('JSON opens and plays', async ({ page }) => {
    const lab = new LabPage(page);
    const files = new ScenarioFiles(page);
    await lab.open();
    await files.open('fence-scsi-partition.json', read(examplesDir, 'fence-scsi-partition.json'));
    await expect(files.scenario).toContainText('fence_scsi: a heartbeat partition on a multipathed LUN');
    await expect(files.report).toBeHidden();
    await lab.stepOnce();
    await expect(lab.clock).not.toHaveText(/^0\.000/);
  });

  test('YAML opens with its beats in the story player', async ({ page }) => {
    const lab = new LabPage(page);
    const files = new ScenarioFiles(page);
    await lab.open();
    await files.open('fence-scsi-crash-story.yaml', read(examplesDir, 'fence-scsi-crash-story.yaml'));
    const story = page.getByRole('region', { name: 'Story' });
    await expect(story.getByRole('heading').first()).toHaveText('Ready: B fences a crashed A with fence_scsi (YAML)');
    await story.getByRole('button', { name: 'Next beat' }).click();
    await expect(story.getByRole('heading').first()).toContainText('Beat 1 of 4: Both nodes registered');
    await story.getByRole('button', { name: 'Next beat' }).click();
    await expect(story.getByRole('heading').first()).toContainText('Beat 2 of 4: A crashes');
  });

  test('drag-and-drop shows a drop overlay, then opens the file', async ({ page }) => {
    const lab = new LabPage(page);
    const files = new ScenarioFiles(page);
    await lab.open();
    await files.drop('fence-scsi-crash-story.yaml', read(examplesDir, 'fence-scsi-crash-story.yaml'));
    await expect(page.getByRole('region', { name: 'Story' }).getByRole('heading').first()).toHaveText('Ready: B fences a crashed A with fence_scsi (YAML)');
    await lab.stepOnce();
  });

  test('a dropped file with problems gets the same report', async ({ page }) => {
    const lab = new LabPage(page);
    const files = new ScenarioFiles(page);
    await lab.open();
    await files.drop('unknown-node.json', read(invalidDir, 'unknown-node.json'));
    await expect(files.problems).toHaveText(expected.get(join(invalidDir, 'unknown-node.json'))!);
    await expect(files.close).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(files.report).toBeHidden();
    await lab.stepOnce();
  });
});

test('the picker is a real file input the keyboard reaches from the scenario list', async ({ page }) => {
  const lab = new LabPage(page);
  const files = new ScenarioFiles(page);
  await lab.open();
  await files.scenario.focus();
  await page.keyboard.press('Tab');
  await expect(files.input).toBeFocused();
  await expect(files.input).toHaveAttribute('type', 'file');
  await expect(files.input).toHaveAttribute('accept', /\.yaml/);
});

test.describe('?scenario=<url>', () => {
  test('opens a file from an address beside the app', async ({ page }) => {
    // Any same-origin file (or one served with CORS headers); here the test serves it.
    await page.route('**/trainer/lesson.yaml', (route) => route.fulfill({ contentType: 'application/yaml', body: read(examplesDir, 'fence-scsi-crash-story.yaml') }));
    const lab = new LabPage(page);
    await lab.open('/?scenario=trainer/lesson.yaml');
    await expect(page.getByRole('region', { name: 'Story' }).getByRole('heading').first()).toHaveText('Ready: B fences a crashed A with fence_scsi (YAML)');
    await lab.stepOnce();
  });

  test('a file that is not there gives a notice that says so, and the default scenario runs', async ({ page }) => {
    await page.route('**/trainer/missing.yaml', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    const lab = new LabPage(page);
    await lab.open('/?scenario=trainer/missing.yaml');
    await expect(page.getByRole('alert')).toContainText('Could not load the scenario from ?scenario=trainer/missing.yaml: the server answered 404');
    await lab.stepOnce();
  });

  test('a file with problems gets the report, with the file name from the address', async ({ page }) => {
    await page.route('**/trainer/broken.yaml', (route) => route.fulfill({ contentType: 'text/plain', body: read(invalidDir, 'yaml-syntax-error.yaml') }));
    const files = new ScenarioFiles(page);
    await new LabPage(page).open('/?scenario=trainer/broken.yaml');
    await expect(files.report.getByRole('heading')).toContainText('broken.yaml');
    await expect(files.problems).toHaveText(expected.get(join(invalidDir, 'yaml-syntax-error.yaml'))!);
  });
});
