// The shell around the diagram: setup picker, fault palette, node console, playback and theme.

import { expect, test } from '@playwright/test';
import { FaultPalette } from './pages/FaultPalette';
import { LabPage } from './pages/LabPage';
import { NodeDrawer } from './pages/NodeDrawer';
import { SetupPicker } from './pages/SetupPicker';

test.describe('setup picker', () => {
  test('restarts the simulation with the chosen mode, product and topology', async ({ page }) => {
    const lab = new LabPage(page);
    const setup = new SetupPicker(page);
    await lab.open();
    await lab.play.click();
    await expect(lab.clock).not.toHaveText('t = 0.000 s');
    await lab.pause.click();

    await setup.pick({ mode: 'SCSI-3 persistent reservations', preset: '3 nodes × 1 path' });
    await expect(setup.personality).toHaveValue('fence-scsi');
    await expect(setup.scenario).toContainText('Free play: Pacemaker fence_scsi · 3 nodes × 1 path');
    await expect(lab.node('C')).toBeVisible();
    await expect(lab.clock).toHaveText('t = 0.000 s');
    await expect(lab.events).toHaveText('event 0');

    // Built-in scenarios stay listed; picking one puts its own setup back.
    await setup.scenario.selectOption({ label: 'Two nodes, HA-LVM with fencing' });
    await expect(setup.mode).toHaveValue('none');
    await expect(lab.node('C')).toBeHidden();
  });

  test('offers HA-LVM’s fencing switch, and restarts without STONITH when it is turned off', async ({ page }) => {
    const lab = new LabPage(page);
    const setup = new SetupPicker(page);
    await lab.open();
    await setup.pick({ mode: 'No reservation', preset: '2 nodes × 2 paths' });
    await expect(setup.fencing).toBeChecked();
    await setup.fencing.uncheck();
    await expect(setup.scenario).toContainText('fencing off');
    await expect(setup.fencing).not.toBeChecked();

    // Products that always fence have no switch.
    await setup.pick({ mode: 'SCSI-3 persistent reservations' });
    await expect(setup.fencing).toBeHidden();
  });

  test('a product the engine cannot run yet shows the engine’s notice and keeps the running one', async ({ page }) => {
    const lab = new LabPage(page);
    const setup = new SetupPicker(page);
    await lab.open();
    await setup.pick({ mode: 'SCSI-3 persistent reservations' });
    await setup.personality.selectOption({ label: 'WSFC (Windows Server 2008+)' });
    // Either WSFC runs, or the engine says it has no cluster machine for it (and nothing crashes).
    const refused = page.getByRole('alert').filter({ hasText: /no cluster machine for personality "wsfc-2008"/ });
    await expect(refused.or(setup.scenario.getByRole('option', { name: /WSFC/ }))).toBeAttached();
    if (await refused.isVisible()) await expect(setup.personality).toHaveValue('fence-scsi');
    await lab.stepOnce();
  });
});

test.describe('fault palette', () => {
  test('injects a fault on the chosen target, and says why a fault does not apply now', async ({ page }) => {
    const lab = new LabPage(page);
    const palette = new FaultPalette(page);
    await lab.open();
    const restore = palette.injectButton('Restore heartbeat link');
    await expect(restore).toBeDisabled();
    await expect(palette.region.getByRole('listitem').filter({ hasText: 'Restore heartbeat link' })).toContainText('Not now: no heartbeat link is in a state it applies to.');

    await palette.inject('Cut heartbeat link');
    await expect(restore).toBeEnabled();
    await expect(palette.injectButton('Cut heartbeat link')).toBeDisabled();
    await expect(lab.link('A', 'B')).toHaveAccessibleName(/cut$/);
    // The timeline marks the fault; its marker jumps there.
    await expect(page.getByRole('button', { name: /^Fault at 0\.000 s: .*heartbeat link A–B/ })).toBeVisible();
  });

  test('is operable by keyboard: pick a target, Tab to Inject, Enter', async ({ page }) => {
    const lab = new LabPage(page);
    const palette = new FaultPalette(page);
    await lab.open();
    const target = palette.target('Crash node');
    await target.focus();
    await page.keyboard.press('ArrowDown');
    await expect(target).toHaveValue('Node B');
    await page.keyboard.press('Tab');
    await expect(palette.injectButton('Crash node')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lab.node('B')).toContainText('crashed');
  });
});

test.describe('node console', () => {
  test('runs sg_persist -k /dev/sdb on node A and prints the registered keys', async ({ page }) => {
    const lab = new LabPage(page);
    const setup = new SetupPicker(page);
    const drawer = new NodeDrawer(page);
    await lab.open();
    await setup.pick({ mode: 'SCSI-3 persistent reservations', preset: '2 nodes × 2 paths' });
    await lab.stepUntil(async () => /Registrations\s*\(4\)/.test((await lab.lun.textContent()) ?? ''), 50);

    await drawer.open('A');
    const console = drawer.console('A');
    await expect(console).toContainText('try: sg_persist -k /dev/sdb · help');
    // Paused, it still answers like a terminal: the engine runs the clock until it has printed.
    await drawer.run('A', 'sg_persist -k /dev/sdb');
    const output = drawer.output('A');
    await expect(output).toContainText('PR generation=0x4, 4 registered reservation keys follow:');
    await expect(output).toContainText('0x36830000');
    await expect(output).toContainText('0x36830001');
    await expect(console.getByRole('status')).toBeHidden();
    // Output keeps its columns: a terminal's whitespace is preserved.
    await expect(output.locator('pre').filter({ hasText: 'Peripheral device type' })).toHaveCSS('white-space', 'pre-wrap');

    // ↑ recalls the last line; an empty line is refused with the engine's explanation.
    await drawer.commandLine('A').press('ArrowUp');
    await expect(drawer.commandLine('A')).toHaveValue('sg_persist -k /dev/sdb');
    await drawer.commandLine('A').fill('');
    await drawer.commandLine('A').press('Enter');
    await expect(console.getByRole('alert')).toContainText('type a command');
    await expect(drawer.commandLine('A')).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('playback', () => {
  test('Next event and Previous event move between notable events; Reset starts again', async ({ page }) => {
    const lab = new LabPage(page);
    const palette = new FaultPalette(page);
    await lab.open();
    await lab.nextEvent.click();
    await expect(lab.events).not.toHaveText('event 0');
    const first = await lab.eventCount();
    await lab.nextEvent.click();
    await expect(lab.events).not.toHaveText(`event ${first}`);
    const second = await lab.eventCount();
    expect(second).toBeGreaterThan(first);
    await lab.prevEvent.click();
    await expect(lab.events).not.toHaveText(`event ${second}`);
    expect(await lab.eventCount()).toBeLessThan(second);

    await palette.inject('Cut heartbeat link');
    await expect(palette.injectButton('Restore heartbeat link')).toBeEnabled();
    await lab.reset.click();
    await expect(lab.events).toHaveText('event 0');
    await expect(lab.clock).toHaveText('t = 0.000 s');
    await expect(palette.injectButton('Restore heartbeat link')).toBeDisabled();
  });

  test('a fault injected in the past forks a branch; one button goes back to the authored run', async ({ page }) => {
    const lab = new LabPage(page);
    const palette = new FaultPalette(page);
    await lab.open();
    // The timeline by keyboard: → runs forward one notch, ← goes back one.
    await lab.timeline.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(lab.clock).toHaveText('t = 1.000 s');
    await page.keyboard.press('ArrowLeft');
    await expect(lab.clock).toHaveText('t = 0.800 s');

    await palette.inject('Crash node', 'Node B');
    await expect(page.getByText(/^Branch: fork 1 at 0\.8 s$/)).toBeVisible();
    await page.getByRole('button', { name: 'Back to authored run' }).click();
    await expect(page.getByText('Branch: authored run')).toBeVisible();
    await expect(lab.node('B')).not.toContainText('crashed');
  });

  test('speed goes from 0.1× to 20× with real time in between', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await expect(lab.speed.locator('option')).toHaveText(['0.1×', '0.25×', '0.5×', '1× (real time)', '2×', '4×', '8×', '20×']);
    await lab.speed.selectOption({ label: '20×' });
    await expect(lab.speed).toHaveValue('20');
  });
});

test.describe('theme', () => {
  test('follows the system, toggles between light and dark, and remembers the choice', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const lab = new LabPage(page);
    await lab.open();
    const root = page.locator('html');
    await expect(root).not.toHaveAttribute('data-theme');
    await expect(lab.themeToggle).toHaveAttribute('aria-pressed', 'false');
    const lightBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    await lab.themeToggle.click();
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect(lab.themeToggle).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(lightBg);

    await page.reload();
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await lab.themeToggle.click();
    await expect(root).not.toHaveAttribute('data-theme');
  });
});
