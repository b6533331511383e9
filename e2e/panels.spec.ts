import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { PanelsPage } from './pages/PanelsPage';

test.describe('LUN panel', () => {
  test('shows the reservation state as tables and the block map with writers named in text', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();

    // HA-LVM uses no reservations: the tables say so in words.
    await expect(panels.lun.getByRole('heading', { name: /^LUN 0/ })).toBeVisible();
    await expect(panels.lun).toContainText('PRgeneration0');
    await expect(panels.lun).toContainText('Persistent reservationNone held.');
    await expect(panels.lun).toContainText('No I_T nexus is registered.');

    // A activates the VG (metadata, LBA 1) and, once mounted, writes data blocks.
    await lab.play.click();
    await expect(panels.block('LBA 1 (metadata): written by A')).toBeVisible();
    await expect(panels.block(/^LBA \d+: written by A$/).first()).toBeVisible();
    await lab.pause.click();
    await expect(panels.block(/^LBA \d+: never written$/).first()).toBeVisible();
    await expect(panels.lun.getByRole('list', { name: 'Legend' })).toContainText('written by A');
    await expect(panels.lun).toContainText('no corruption');
  });
});

test.describe('LUN panel under SCSI-3 persistent reservations', () => {
  test('names the reservation type in full and marks the holder among the registrations', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();
    await panels.setup({ mode: 'SCSI-3 persistent reservations' });

    const type = panels.lun.getByRole('row', { name: /^Type/ });
    await lab.stepUntil(async () => (await type.count()) > 0);
    await expect(type).toContainText('Write Exclusive – Registrants Only (WE_RO)');
    await expect(panels.lun.getByRole('row', { name: /^Scope/ })).toContainText('LU');
    await expect(panels.lun.getByRole('row', { name: /^APTPL/ })).toContainText('off');

    const registrations = panels.lun.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Holder?' }) });
    await expect(registrations.getByRole('row', { name: /★ holder/ })).toHaveCount(1);
    await expect(registrations.getByRole('row', { name: /★ holder/ })).toContainText(/[AB]\.\d\s*0x[0-9a-f]+/);
    await expect(panels.lun).not.toContainText('PRgeneration0');
  });
});

test.describe('LUN panel without fencing', () => {
  test('hatches and names corrupted blocks and points out the first corrupting write', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();
    await panels.setup({ fencing: false });
    await lab.link('A', 'B').click();
    await page.getByRole('menuitem', { name: 'Cut heartbeat link' }).click();

    // Both nodes now believe they own the volume: B mounts it, A keeps writing.
    const callout = panels.lun.getByRole('button', { name: /^first corrupting write: A at \d+\.\d{3} s, LBA \d+/ });
    await panels.nextEventUntil(() => callout.isVisible());

    const [, at, lba] = (await callout.textContent())!.match(/at (\d+\.\d{3}) s, LBA (\d+)/)!;
    await expect(panels.block(new RegExp(`^LBA ${lba}: corrupted — A wrote after B mounted`))).toBeVisible();
    await expect(panels.lun).toContainText(/\d+ corrupted/);

    // The callout goes to that write.
    await callout.click();
    await expect(lab.clock).toHaveText(`t = ${at} s`);
    await expect(panels.entries(/^.*First corrupting write/)).toHaveAttribute('aria-current', 'step');
  });
});

test.describe('event log', () => {
  test('hides heartbeats by default, filters by category and search, and shows nothing after the current step', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();

    await expect(panels.filter('Heartbeat')).toHaveAttribute('aria-pressed', 'false');
    await expect(panels.filter('SCSI')).toHaveAttribute('aria-pressed', 'true');
    await expect(panels.entries('A writes system_id=A into the VG metadata')).toHaveCount(1);

    // The mount happens at event 3: not in the log before, in it after, gone again after Step back.
    const mount = panels.entries('A mounts the shared file system');
    await expect(mount).toHaveCount(0);
    await lab.stepUntil(async () => (await mount.count()) > 0);
    await expect(mount).toHaveAttribute('aria-current', 'step');
    await lab.stepBackOnce();
    await expect(mount).toHaveCount(0);

    // Heartbeats appear when switched on.
    await lab.play.click();
    await expect(lab.node('A')).toContainText(/Heard B\s*\d/);
    await lab.pause.click();
    await expect(panels.entries('sends heartbeats')).toHaveCount(0);
    await panels.filter('Heartbeat').click();
    await expect(panels.filter('Heartbeat')).toHaveAttribute('aria-pressed', 'true');
    await expect(panels.entries('sends heartbeats').first()).toBeVisible();

    // Search narrows to matching entries; SCSI off hides the writes.
    await panels.search.fill('mounts the shared');
    await expect(panels.log.getByRole('listitem')).toHaveCount(1);
    await panels.search.fill('WRITE(10)');
    await expect(panels.entries('WRITE(10)').first()).toBeVisible();
    await panels.filter('SCSI').click();
    await expect(panels.log.getByRole('listitem')).toHaveCount(0);
    await expect(panels.log).toContainText('No events match.');
  });

  test('clicking an entry seeks there', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();
    await lab.play.click();
    await expect(lab.clock).toHaveText(/t = ([2-9]|\d\d+)\./);
    await lab.pause.click();

    // The mount was written by event 3; going there puts the playback at event 3, at 0.003 s.
    await panels.goTo('A mounts the shared file system').click();
    await expect(lab.events).toHaveText('event 3');
    await expect(lab.clock).toHaveText('t = 0.003 s');
    await expect(panels.entries('A mounts the shared file system')).toHaveAttribute('aria-current', 'step');
  });

  test('"Why?" explains a fence by keyboard: rule, causal chain to the injected fault, Escape closes', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();

    // Cut the heartbeat link and run until B has fenced A.
    await lab.link('A', 'B').click();
    await page.getByRole('menuitem', { name: 'Cut heartbeat link' }).click();
    const fenced = panels.entries('Fence device powers A off');
    await panels.nextEventUntil(async () => (await fenced.count()) > 0);

    const why = panels.whyButton('Fence device powers A off');
    await why.focus();
    await page.keyboard.press('Enter');
    await expect(panels.why).toBeVisible();
    await expect(panels.why.getByRole('button', { name: 'Close' })).toBeFocused();
    await expect(panels.why).toContainText('The rule that fired');
    await expect(panels.why).toContainText(/Power fencing cuts the victim's power/);

    // The chain runs from the injected fault (the root cause) to this event.
    const links = panels.why.getByRole('listitem');
    await expect(links.first()).toContainText('root cause');
    await expect(links.first()).toContainText(/heartbeat link A–B .*cut/);
    await expect(links.last()).toContainText('this event');
    await expect(links.filter({ hasText: 'B removes A from its membership view' })).toHaveCount(1);

    await page.keyboard.press('Escape');
    await expect(panels.why).toBeHidden();
    await expect(why).toBeFocused();
  });

  test('a link of the causal chain seeks to that moment', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();
    await lab.link('A', 'B').click();
    await page.getByRole('menuitem', { name: 'Cut heartbeat link' }).click();
    const asks = panels.entries('B asks the fence device to power off A');
    await panels.nextEventUntil(async () => (await asks.count()) > 0);

    await panels.openWhy('B asks the fence device to power off A');
    const lost = panels.why.getByRole('button', { name: /B removes A from its membership view/ });
    const at = (await lost.textContent())?.match(/(\d+\.\d{3}) s/)?.[1];
    await lost.click();
    await expect(lab.clock).toHaveText(`t = ${at} s`);
    await expect(lost).toHaveAttribute('aria-current', 'step');
    await expect(panels.why).toContainText('you are here');
    await panels.why.getByRole('button', { name: 'Close' }).click();
    await expect(panels.why).toBeHidden();
  });
});

test.describe('ladder', () => {
  test('shows commands with their results, and heartbeats lost across a cut link, in its table twin', async ({ page }) => {
    const lab = new LabPage(page);
    const panels = new PanelsPage(page);
    await lab.open();
    await lab.play.click();
    await expect(lab.node('A')).toContainText(/Heard B\s*\d/);
    await expect(panels.ladder.getByRole('img', { name: /^Ladder diagram/ })).toBeVisible();
    await lab.pause.click();

    const table = await panels.ladderTable();
    await expect(table.getByRole('columnheader')).toHaveText(['Time', 'From', 'To', 'Command', 'Result']);
    const write = table.getByRole('row').filter({ hasText: /WRITE\(10\) LBA \d+/ });
    await expect(write.filter({ hasText: 'sent' }).first()).toContainText(/A\.1\s*LUN 0/);
    await expect(write.filter({ hasText: 'GOOD' }).first()).toContainText(/LUN 0\s*A\.1/);

    // Heartbeats are off until asked for; across a cut link they are lost.
    const heartbeats = panels.ladder.getByRole('button', { name: 'Heartbeats' });
    await expect(heartbeats).toHaveAttribute('aria-pressed', 'false');
    await expect(table.getByRole('row').filter({ hasText: 'heartbeat' })).toHaveCount(0);
    await heartbeats.click();
    await expect(heartbeats).toHaveAttribute('aria-pressed', 'true');
    await expect(table.getByRole('row').filter({ hasText: 'received' }).first()).toBeVisible();

    await lab.link('A', 'B').click();
    await page.getByRole('menuitem', { name: 'Cut heartbeat link' }).click();
    await lab.stepUntil(async () => (await table.getByRole('row').filter({ hasText: 'lost' }).count()) > 0);
    await expect(table.getByRole('row').filter({ hasText: 'lost' }).first()).toContainText('heartbeat');
  });
});
