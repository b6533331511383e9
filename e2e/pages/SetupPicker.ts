import { expect, type Locator, type Page } from '@playwright/test';

/** The setup picker in the header (behind "Setup" on narrow screens). */
export class SetupPicker {
  readonly mode: Locator;
  readonly personality: Locator;
  readonly preset: Locator;
  readonly fencing: Locator;
  readonly scenario: Locator;

  constructor(readonly page: Page) {
    const form = page.getByRole('form', { name: 'Setup' });
    this.mode = form.getByLabel('Mode');
    this.personality = form.getByLabel('Personality');
    this.preset = form.getByLabel('Nodes & paths');
    this.fencing = form.getByRole('switch', { name: 'Fencing' });
    this.scenario = page.getByRole('combobox', { name: 'Scenario', exact: true });
  }

  /** Opens the folded setup on a narrow screen; does nothing where it is always shown. */
  async reveal(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: 'Setup' });
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await expect(this.mode).toBeVisible();
  }

  /** Picks a setup by the words a learner reads; each change restarts the simulation. */
  async pick(choice: { mode?: string; personality?: string; preset?: string }): Promise<void> {
    await this.reveal();
    if (choice.mode) await this.mode.selectOption({ label: choice.mode });
    if (choice.personality) await this.personality.selectOption({ label: choice.personality });
    if (choice.preset) await this.preset.selectOption({ label: choice.preset });
  }
}
