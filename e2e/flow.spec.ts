// The acceptance flow: fence_scsi keeps a partitioned node off the LUN, told the way a
// learner does it — once with the pointer, once with the keyboard only.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { FaultPalette } from './pages/FaultPalette';
import { LabPage } from './pages/LabPage';
import { NodeDrawer } from './pages/NodeDrawer';
import { SetupPicker } from './pages/SetupPicker';

/** fence_scsi keys from the cluster name's MD5 prefix 3683 and the node's index. */
const KEY = { A: '0x36830000', B: '0x36830001' } as const;
type NodeName = keyof typeof KEY;

const registrations = (n: number) => new RegExp(`Registrations\\s*\\(${n}\\)`);

/** The event log entry where the LUN refuses `node`'s WRITE: "LUN 0: WRITE(10) LBA … from A.1 → RESERVATION CONFLICT". */
function conflictEntry(lab: LabPage, node: NodeName): Locator {
  return lab.eventLog
    .getByRole('listitem')
    .filter({ hasText: 'WRITE(10)' })
    .filter({ hasText: new RegExp(`from ${node}\\.\\d`) })
    .filter({ hasText: 'RESERVATION CONFLICT' })
    .first();
}

/** True once the survivor's PREEMPT AND ABORT has removed the other node's key from both its paths. */
async function oneNodeFenced(lab: LabPage): Promise<boolean> {
  return registrations(2).test((await lab.lun.textContent()) ?? '');
}

/** Checks what the LUN holds once one node is fenced, and returns who lost. */
async function expectOnlySurvivorKeys(lab: LabPage): Promise<NodeName> {
  await expect(lab.lun).toContainText(registrations(2));
  const text = (await lab.lun.textContent()) ?? '';
  const loser: NodeName = text.includes(KEY.A) ? 'B' : 'A';
  const survivor: NodeName = loser === 'A' ? 'B' : 'A';
  await expect(lab.lun).toContainText(KEY[survivor]);
  await expect(lab.lun).not.toContainText(KEY[loser]);
  return loser;
}

async function expectWhyNamesTheRule(page: Page): Promise<void> {
  const why = page.getByRole('dialog');
  await expect(why).toBeVisible();
  // SPC-4 5.7.1: under Write Exclusive – Registrants Only only registered I_T nexuses may write.
  await expect(why).toContainText(/Registrants Only/i);
  await expect(why).toContainText(/RESERVATION CONFLICT on WRITE/);
}

/**
 * Play stopped wherever the wall clock left it; the fence race's winner depends on when the
 * partition starts. The timeline's keys make it exact: Home goes to 0, → one notch (0.5 s) on.
 */
async function atHalfASecond(lab: LabPage): Promise<void> {
  await lab.timeline.focus();
  await lab.page.keyboard.press('Home');
  await expect(lab.clock).toHaveText('t = 0.000 s');
  await lab.page.keyboard.press('ArrowRight');
  await expect(lab.clock).toHaveText('t = 0.500 s');
}

test.describe('fence_scsi, 2 nodes × 2 paths, heartbeat partition', () => {
  test('fences one node: only the survivor’s keys stay, the loser’s write gets RESERVATION CONFLICT, Step back undoes it', async ({ page }) => {
    const lab = new LabPage(page);
    const setup = new SetupPicker(page);
    const drawer = new NodeDrawer(page);
    const palette = new FaultPalette(page);
    await lab.open();

    await setup.pick({ mode: 'SCSI-3 persistent reservations', personality: 'Pacemaker fence_scsi', preset: '2 nodes × 2 paths' });
    await drawer.open('A');
    await expect(drawer.region).toContainText(KEY.A);

    // Play until both nodes have registered their key on both of their paths.
    await lab.play.click();
    await expect(lab.lun).toContainText(registrations(4));
    await lab.pause.click();
    await expect(lab.lun).toContainText(KEY.A);
    await expect(lab.lun).toContainText(KEY.B);
    await atHalfASecond(lab);

    // Partition the heartbeat network, isolating B.
    await palette.inject('Partition heartbeat network', '{B} | {A}');
    await expect(palette.injectButton('Heal heartbeat partition')).toBeEnabled();

    // Go from one notable event to the next (membership lost, fencing starts, ...) until one node
    // has preempted the other's key.
    for (let i = 0; i < 40 && !(await oneNodeFenced(lab)); i++) {
      const before = await lab.eventCount();
      await lab.nextEvent.click();
      await expect(lab.events).not.toHaveText(`event ${before}`);
    }
    const loser = await expectOnlySurvivorKeys(lab);

    // Step until the loser's next write is refused; its cluster stack then knows it is fenced.
    const conflict = conflictEntry(lab, loser);
    await lab.stepUntil(() => conflict.isVisible(), 100);
    await expect(conflict).toContainText('RESERVATION CONFLICT');
    await lab.stepUntil(async () => (await drawer.chip(loser).textContent())?.includes('fenced') ?? false, 20);

    // "Why?" names the rule.
    await conflict.getByRole('button', { name: /^Why\?/ }).click();
    await expectWhyNamesTheRule(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    // Step back to before the preempt: the loser's registrations are back.
    await lab.stepBackUntil(async () => (await lab.lun.textContent())?.includes(KEY[loser]) ?? false, 100);
    await expect(lab.lun).toContainText(registrations(4));
  });

  test('the same, with the keyboard only', async ({ page }) => {
    // About 200 single steps, each waiting for the engine's answer.
    test.setTimeout(180_000);
    const lab = new LabPage(page);
    const setup = new SetupPicker(page);
    const drawer = new NodeDrawer(page);
    const palette = new FaultPalette(page);
    const key = (k: string) => page.keyboard.press(k);
    await lab.open();

    // Mode: the last option is SCSI-3; fence_scsi and 2 nodes × 2 paths come with it.
    await setup.mode.focus();
    await key('End');
    await expect(setup.personality).toHaveValue('fence-scsi');
    await expect(setup.preset).toHaveValue('2x2');

    // Space plays and pauses while focus is on the page rather than on a control: Shift+Tab back
    // to the skip link, which moves focus to the main area.
    const skip = page.getByRole('link', { name: 'Skip to the simulation' });
    for (let i = 0; i < 10 && !(await skip.evaluate((el) => el === document.activeElement)); i++) await key('Shift+Tab');
    await expect(skip).toBeFocused();
    await key('Enter');
    await key(' ');
    await expect(lab.lun).toContainText(registrations(4));
    await expect(lab.pause).toBeVisible();
    await key(' ');
    await expect(lab.play).toBeVisible();
    await atHalfASecond(lab);

    await drawer.chip('A').focus();
    await key('Enter');
    await expect(drawer.region).toContainText(KEY.A);

    // Pick "{B} | {A}" in the partition's target picker, Tab to Inject, press Enter.
    const target = palette.target('Partition heartbeat network');
    await target.focus();
    await key('ArrowDown');
    await expect(target).toHaveValue('{B} | {A}');
    await key('Tab');
    await expect(palette.injectButton('Partition heartbeat network')).toBeFocused();
    await key('Enter');
    await expect(palette.injectButton('Heal heartbeat partition')).toBeEnabled();

    // Step with Enter until one node is fenced, then until the loser's write is refused.
    await lab.step.focus();
    const stepUntil = async (done: () => Promise<boolean>, max: number) => {
      for (let i = 0; i < max && !(await done()); i++) {
        const before = await lab.eventCount();
        await key('Enter');
        await expect(lab.events).not.toHaveText(`event ${before}`);
      }
      expect(await done()).toBe(true);
    };
    await stepUntil(() => oneNodeFenced(lab), 400);
    const loser = await expectOnlySurvivorKeys(lab);
    const conflict = conflictEntry(lab, loser);
    await stepUntil(() => conflict.isVisible(), 100);
    await stepUntil(async () => (await drawer.chip(loser).textContent())?.includes('fenced') ?? false, 20);

    // "Why?" by keyboard; Escape closes it and gives focus back.
    const why = conflict.getByRole('button', { name: /^Why\?/ });
    await why.focus();
    await key('Enter');
    await expectWhyNamesTheRule(page);
    await key('Escape');
    await expect(why).toBeFocused();

    // Step back with Enter until the loser's keys are registered again.
    await lab.stepBack.focus();
    for (let i = 0; i < 100 && !(await lab.lun.textContent())?.includes(KEY[loser]); i++) {
      const before = await lab.eventCount();
      await key('Enter');
      await expect(lab.events).toHaveText(`event ${before - 1}`);
    }
    await expect(lab.lun).toContainText(registrations(4));
  });
});
