import { expect, type Locator, type Page } from '@playwright/test';

/** The node drawer: a node's inspector and its console. */
export class NodeDrawer {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Node details' });
  }

  /** The "Details for node A" button; its text also says the node's state ("up", "fenced", ...). */
  chip(node: string): Locator {
    return this.page.getByRole('button', { name: `Details for node ${node}` });
  }

  async open(node: string): Promise<void> {
    const chip = this.chip(node);
    if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
    await expect(this.console(node)).toBeVisible();
  }

  console(node: string): Locator {
    return this.page.getByRole('region', { name: `Console for node ${node}` });
  }

  commandLine(node: string): Locator {
    return this.console(node).getByRole('textbox', { name: `Command for node ${node}` });
  }

  output(node: string): Locator {
    return this.console(node).getByRole('log');
  }

  /** Types a command line and presses Enter, then waits until its prompt line is in the output. */
  async run(node: string, line: string): Promise<void> {
    await this.commandLine(node).fill(line);
    await this.commandLine(node).press('Enter');
    await expect(this.output(node).locator('pre', { hasText: `# ${line}` }).last()).toBeVisible();
  }
}
