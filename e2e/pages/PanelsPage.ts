import { expect, type Locator, type Page } from '@playwright/test';

/** The LUN panel, the event log (with its "why?" dialog) and the ladder, found by role and name. */
export class PanelsPage {
  readonly lun: Locator;
  readonly log: Locator;
  readonly ladder: Locator;
  readonly search: Locator;
  readonly why: Locator;

  constructor(readonly page: Page) {
    this.lun = page.getByRole('region', { name: 'LUN', exact: true });
    this.log = page.getByRole('region', { name: 'Event log', exact: true });
    this.ladder = page.getByRole('region', { name: 'Ladder', exact: true });
    this.search = this.log.getByRole('searchbox', { name: 'Search events' });
    this.why = page.getByRole('dialog', { name: /^Why\?/ });
  }

  /** The header's setup form (mode, fencing); each change restarts the simulation. */
  async setup(choice: { mode?: string; fencing?: boolean }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Setup' });
    if (choice.mode) await form.getByLabel('Mode').selectOption({ label: choice.mode });
    if (choice.fencing !== undefined) {
      const fencing = form.getByRole('switch', { name: 'Fencing' });
      await fencing.setChecked(choice.fencing);
      await expect(fencing).toBeChecked({ checked: choice.fencing });
    }
  }

  /**
   * Presses the playback bar's "Next event" (run to the next notable event) until `done` holds.
   * Deterministic, unlike playing and pausing at the right moment on a busy machine.
   */
  async nextEventUntil(done: () => Promise<boolean>, max = 40): Promise<void> {
    const next = this.page.getByRole('button', { name: 'Next event' });
    const events = this.page.getByLabel('Events processed');
    for (let i = 0; i < max; i++) {
      if (await done()) return;
      const before = (await events.textContent()) ?? '';
      await next.click();
      await expect(events).not.toHaveText(before);
    }
    throw new Error(`condition not reached after ${max} presses of Next event`);
  }

  /** A block of the LUN's block map, by its accessible name ("LBA 77: written by A"). */
  block(name: string | RegExp): Locator {
    return this.lun.getByRole('img', { name });
  }

  /** A filter toggle of the event log ("Heartbeat", "SCSI", ...). */
  filter(name: string): Locator {
    return this.log.getByRole('button', { name, exact: true });
  }

  /** Event log entries whose text matches. */
  entries(text: string | RegExp): Locator {
    return this.log.getByRole('listitem').filter({ hasText: text });
  }

  /** The button of an entry that seeks there (its name starts "Go to <time>"). */
  goTo(text: string | RegExp): Locator {
    return this.entries(text).last().getByRole('button', { name: /^Go to / });
  }

  whyButton(text: string | RegExp): Locator {
    return this.entries(text).last().getByRole('button', { name: /^Why\?/ });
  }

  async openWhy(text: string | RegExp): Promise<void> {
    await this.whyButton(text).click();
    await expect(this.why).toBeVisible();
  }

  /** The ladder's table twin, opened. */
  async ladderTable(): Promise<Locator> {
    const summary = this.ladder.getByText(/^Ladder as a table/);
    const details = this.ladder.locator('details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
    const table = this.ladder.getByRole('table');
    await expect(table).toBeVisible();
    return table;
  }
}
