import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test.describe('heartbeat and membership', () => {
  test('plays heartbeats, loses the peer after the link is cut, and steps back to before the loss', async ({ page }) => {
    // The engine runs in its Web Worker, not in the main-thread fallback.
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    const lab = new LabPage(page);
    await lab.open();
    const nodeA = lab.node('A');
    await expect(nodeA).toContainText('MembershipA, B');
    expect(workers.filter((u) => /engine\.worker[^/]*\.js$/.test(u))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('running the engine on the main thread'))).toEqual([]);

    // Play: heartbeats arrive and each node says when it last heard its peer.
    await lab.play.click();
    await expect(nodeA).toContainText(/Heard B\s*\d+\.\d s ago/);
    await expect(lab.clock).not.toHaveText('t = 0.000 s');
    await lab.pause.click();
    await expect(lab.play).toBeVisible();

    // Cut the only heartbeat link through its menu.
    await lab.link('A', 'B').click();
    await page.getByRole('menuitem', { name: 'Cut heartbeat link' }).click();
    await expect(lab.link('A', 'B')).toHaveAccessibleName(/cut$/);

    // Step until node A has dropped B from its membership view.
    const lostB = nodeA.getByText('⚠ B');
    await lab.stepUntil(() => lostB.isVisible());
    await expect(nodeA).toContainText('MembershipA');
    await expect(page.getByRole('region', { name: 'Membership' }).getByRole('row', { name: /^A/ })).toContainText('✗ lost');

    // One step back: B is back in A's view.
    await lab.stepBackOnce();
    await expect(lostB).toBeHidden();
    await expect(nodeA).toContainText('MembershipA, B');
  });

  test('crashes and restarts a node from its menu, by keyboard', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    const actions = page.getByRole('button', { name: 'Faults for node B' });
    await actions.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Crash node' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lab.node('B')).toContainText('crashed');
    await expect(actions).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Restart node' }).press('Enter');
    await expect(lab.node('B')).toContainText('up');
  });

  test('Escape closes a fault menu without acting and gives focus back', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    // Escape closes a menu without doing anything.
    await lab.link('A', 'B').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(lab.link('A', 'B')).toBeFocused();
  });
});
