import { expect, type Locator, type Page } from '@playwright/test';

/** Opening a trainer's scenario file: the picker, the drop target and the problem report. */
export class ScenarioFiles {
  readonly input: Locator;
  readonly report: Locator;
  readonly problems: Locator;
  readonly close: Locator;
  readonly dropOverlay: Locator;
  readonly scenario: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByLabel('Open scenario file…');
    this.report = page.getByRole('dialog', { name: /^⚠? ?Could not open/ });
    this.problems = this.report.getByRole('listitem');
    this.close = this.report.getByRole('button', { name: 'Close' });
    this.dropOverlay = page.getByTestId('drop-overlay');
    this.scenario = page.getByRole('combobox', { name: 'Scenario', exact: true });
  }

  /** Opens a file through the real <input type=file>. */
  async open(name: string, text: string): Promise<void> {
    await this.input.setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'application/yaml', buffer: Buffer.from(text) });
  }

  /** Drags a file over the page (the overlay shows) without dropping it. */
  async dragOver(name: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n, { type: n.endsWith('.json') ? 'application/json' : 'application/yaml' }));
        return dt;
      },
      [name, text] as const,
    );
    await this.page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer });
    await expect(this.dropOverlay).toBeVisible();
  }

  /** Drops a file anywhere on the page, as a trainer dragging it from the desktop. */
  async drop(name: string, text: string): Promise<void> {
    await this.dragOver(name, text);
    const dataTransfer = await this.page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n));
        return dt;
      },
      [name, text] as const,
    );
    await this.page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect(this.dropOverlay).toBeHidden();
  }
}
