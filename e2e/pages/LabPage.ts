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
  readonly nextEvent: Locator;
  readonly prevEvent: Locator;
  readonly reset: Locator;
  readonly speed: Locator;
  readonly timeline: Locator;
  readonly lun: Locator;
  readonly eventLog: Locator;
  readonly ladder: Locator;
  readonly themeToggle: Locator;

  constructor(readonly page: Page) {
    this.play = page.getByRole('button', { name: 'Play' });
    this.pause = page.getByRole('button', { name: 'Pause' });
    this.step = page.getByRole('button', { name: 'Step', exact: true });
    this.stepBack = page.getByRole('button', { name: 'Step back' });
    this.topology = page.getByRole('region', { name: 'Topology' });
    this.clock = page.getByLabel('Virtual time');
    this.events = page.getByLabel('Events processed');
    this.nextEvent = page.getByRole('button', { name: 'Next event' });
    this.prevEvent = page.getByRole('button', { name: 'Previous event' });
    this.reset = page.getByRole('button', { name: 'Reset', exact: true });
    this.speed = page.getByLabel('Speed');
    this.timeline = page.getByRole('slider', { name: 'Time', exact: true });
    this.lun = page.getByRole('region', { name: 'LUN', exact: true });
    this.eventLog = page.getByRole('region', { name: 'Event log', exact: true });
    this.ladder = page.getByRole('region', { name: 'Ladder', exact: true });
    this.themeToggle = page.getByRole('button', { name: 'Dark theme' });
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    // The first view waits for the engine worker to start; on a busy machine that takes seconds.
    await expect(this.node('A')).toBeVisible({ timeout: 15_000 });
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

  /** Presses Step back until `done` holds, at most `max` times. */
  async stepBackUntil(done: () => Promise<boolean>, max = 200): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await done()) return;
      await this.stepBackOnce();
    }
    throw new Error(`condition not reached after ${max} steps back`);
  }

  /** On a narrow screen, shows one panel ("Diagram", "LUN", "Ladder", "Event log", "Faults", "Nodes"). */
  async showTab(name: string): Promise<void> {
    const tab = this.page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
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
