import type { Locator, Page } from '@playwright/test';

/** The fault palette: every fault with its target picker and an Inject button. */
export class FaultPalette {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Faults' });
  }

  target(fault: string): Locator {
    return this.region.getByRole('combobox', { name: `Target for ${fault}` });
  }

  injectButton(fault: string): Locator {
    return this.region.getByRole('button', { name: `Inject: ${fault}` });
  }

  /** Injects `fault`, on `target` (its label in the picker) when the fault has several. */
  async inject(fault: string, target?: string): Promise<void> {
    if (target) await this.target(fault).selectOption({ label: target });
    await this.injectButton(fault).click();
  }
}
