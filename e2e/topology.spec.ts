import { expect, test } from '@playwright/test';
import { TopologyPage } from './pages/TopologyPage';

// The default scenario: two nodes, HA-LVM, one path each (A.1, B.1) through array port T1. Node A
// owns the service and writes to the LUN once a second.

test.describe('fault injection on the diagram', () => {
  test('takes a path down from its menu, by pointer', async ({ page }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    await expect(topo.path('A.1')).toHaveAccessibleName(/: up, in use by multipath$/);

    await topo.path('A.1').click();
    await expect(topo.menu).toHaveAccessibleName('Faults for path A.1');
    await topo.item('Take path down').click();

    await expect(topo.menu).toBeHidden();
    await expect(topo.path('A.1')).toHaveAccessibleName(/: down \(HBA cable pulled\)/);
    // Its own menu now offers the way back, and nothing else.
    await topo.path('A.1').click();
    await expect(topo.item('Bring path up')).toBeVisible();
    await expect(topo.item('Take path down')).toHaveCount(0);
  });

  test('moves between elements with the arrow keys and acts on one by keyboard', async ({ page }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    // One tab stop into the diagram: the first node holds it.
    const nodeA = topo.nodeFaults('A');
    await expect(nodeA).toHaveAttribute('tabindex', '0');
    await expect(topo.path('A.1')).toHaveAttribute('tabindex', '-1');
    await nodeA.focus();

    // Right walks the reading order: node A, the heartbeat link, node B, then the paths.
    await page.keyboard.press('ArrowRight');
    await expect(topo.link('A', 'B')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(topo.nodeFaults('B')).toBeFocused();
    // Down goes to the nearest element below: B's path; Left goes back to A's.
    await page.keyboard.press('ArrowDown');
    await expect(topo.path('B.1')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(topo.path('A.1')).toBeFocused();
    // The tab stop moved with focus.
    await expect(topo.path('A.1')).toHaveAttribute('tabindex', '0');
    await expect(nodeA).toHaveAttribute('tabindex', '-1');

    // Escape closes a menu without acting and gives focus back.
    await page.keyboard.press('Enter');
    await expect(topo.item('Take path down')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(topo.menu).toBeHidden();
    await expect(topo.path('A.1')).toBeFocused();
    await expect(topo.path('A.1')).toHaveAccessibleName(/: up,/);

    // Space opens it again; Enter on the item takes the path down; focus returns to the path.
    await page.keyboard.press(' ');
    await expect(topo.item('Take path down')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(topo.menu).toBeHidden();
    await expect(topo.path('A.1')).toBeFocused();
    await expect(topo.path('A.1')).toHaveAccessibleName(/: down \(HBA cable pulled\)/);

    // Down from the paths reaches the array port, then the LUN, whose menu has the resets.
    await page.keyboard.press('ArrowDown');
    await expect(topo.port(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const lunFaults = topo.lun().getByRole('button', { name: 'Faults for LUN 0' });
    await expect(lunFaults).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(topo.item('LUN reset')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(lunFaults).toBeFocused();
  });

  test('takes an array port down, which breaks every path zoned to it', async ({ page }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    await topo.port(1).click();
    await topo.item('Take array port down').click();
    await expect(topo.port(1)).toHaveAccessibleName('Array target port T1: down');
    await expect(topo.path('A.1')).toHaveAccessibleName(/: array port down/);
    await expect(topo.path('B.1')).toHaveAccessibleName(/: array port down/);
  });
});

test.describe('commands on the paths', () => {
  test('travel: an answer is seen on its way back, away from the initiator', async ({ page }) => {
    const topo = new TopologyPage(page);
    await topo.open();
    await topo.speed.selectOption({ label: '0.25×' });
    await topo.play.click();
    const hba = topo.path('A.1');
    const answer = topo.tag('GOOD').first();
    // At a quarter of real time an answer takes about a second to come back up the path.
    await expect.poll(async () => (await answer.isVisible()) && ((await topo.distance(answer, hba)) ?? 0) > 120, { timeout: 30_000 }).toBe(true);
    await topo.pause.click();
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('shows commands as still markers: an answer appears at the initiator and does not travel', async ({ page }) => {
      const topo = new TopologyPage(page);
      await topo.open();
      await topo.speed.selectOption({ label: '0.25×' });
      await topo.play.click();
      const hba = topo.path('A.1');
      const answer = topo.tag('GOOD').first();
      // Sample every answer drawn over several writes: each sits next to A's HBA port.
      const seen: number[] = [];
      await expect
        .poll(
          async () => {
            if (await answer.isVisible()) {
              const d = await topo.distance(answer, hba);
              if (d !== null) seen.push(d);
            }
            return seen.length;
          },
          { timeout: 30_000, intervals: [200] },
        )
        .toBeGreaterThanOrEqual(3);
      await topo.pause.click();
      expect(Math.max(...seen)).toBeLessThan(90);
    });
  });
});
