import { expect, type Locator, type Page } from '@playwright/test';

/** The main screen, located the way a learner finds things: by role and name. */
export class LabPage {
  readonly play: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly stepBack: Locator;
  readonly topology: Locator;
  readonly clock: Locator;
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.play = page.getByRole('button', { name: 'Play' });
    this.pause = page.getByRole('button', { name: 'Pause' });
    this.step = page.getByRole('button', { name: 'Step', exact: true });
    this.stepBack = page.getByRole('button', { name: 'Step back' });
    this.topology = page.getByRole('region', { name: 'Topology' });
    this.clock = page.getByLabel('Virtual time');
    this.events = page.getByLabel('Events processed');
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.node('A')).toBeVisible();
  }

  node(id: string): Locator {
    return this.topology.getByRole('group', { name: `Node ${id}` });
  }

  link(a: string, b: string): Locator {
    return this.topology.getByRole('button', { name: new RegExp(`^Heartbeat link ${a}–${b}`) });
  }

  async eventCount(): Promise<number> {
    return Number((await this.events.textContent())?.replace(/\D/g, '') ?? 0);
  }

  /** Presses Step once and waits until the view shows the next event. */
  async stepOnce(): Promise<void> {
    const before = await this.eventCount();
    await this.step.click();
    await expect(this.events).not.toHaveText(`event ${before}`);
  }

  /** Presses Step back once and waits until the view shows the previous event. */
  async stepBackOnce(): Promise<void> {
    const before = await this.eventCount();
    await this.stepBack.click();
    await expect(this.events).toHaveText(`event ${before - 1}`);
  }

  /** Steps until `done` holds, at most `max` times. */
  async stepUntil(done: () => Promise<boolean>, max = 200): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await done()) return;
      await this.stepOnce();
    }
    throw new Error(`condition not reached after ${max} steps`);
  }
}
