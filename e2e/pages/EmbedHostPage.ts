import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** A lab event as the example host page logs it: "← type (reply to id) {payload}". */
export interface LoggedEvent {
  type: string;
  replyTo: string | null;
  payload: Record<string, unknown>;
}

/**
 * public/embed-example.html: a course page framing the lab and driving it with its buttons, and
 * the lab inside the frame, found by role and name as a learner would.
 */
export class EmbedHostPage {
  readonly frame: FrameLocator;
  readonly iframe: Locator;
  readonly log: Locator;
  readonly clock: Locator;
  readonly events: Locator;
  readonly labPlay: Locator;
  readonly labSpeed: Locator;

  constructor(readonly page: Page) {
    this.iframe = page.getByTitle('Reservation Lab: cluster storage simulation');
    this.frame = page.frameLocator('iframe[title="Reservation Lab: cluster storage simulation"]');
    this.log = page.getByRole('log', { name: 'Events from the lab' });
    this.clock = this.frame.getByLabel('Virtual time');
    this.events = this.frame.getByLabel('Events processed');
    this.labPlay = this.frame.getByRole('button', { name: 'Play' });
    this.labSpeed = this.frame.getByLabel('Speed');
  }

  /** Opens the host page (by default the example beside the lab) and waits for the lab's ready. */
  async open(url = '/embed-example.html', { ready = true } = {}): Promise<void> {
    await this.page.goto(url);
    if (ready) await expect(this.log).toContainText('← ready');
    else await expect(this.frame.getByRole('button', { name: 'Play' })).toBeVisible();
  }

  /** Presses one of the host page's command buttons ("Play", "Seek", "Get state", ...). */
  async press(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async eventCount(): Promise<number> {
    return Number((await this.events.textContent())?.replace(/\D/g, '') ?? 0);
  }

  /** Every event logged so far, oldest first. */
  async logged(): Promise<LoggedEvent[]> {
    const lines = await this.log.getByRole('listitem').allTextContents();
    return lines
      .map((l) => /← (\w+)(?: \(reply to (\S+)\))? (.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ type: m[1]!, replyTo: m[2] ?? null, payload: JSON.parse(m[3]!) as Record<string, unknown> }));
  }

  /** Waits for the next event of `type` after the `after` events already logged. */
  async next(type: string, after: number): Promise<LoggedEvent> {
    await expect.poll(async () => (await this.logged()).slice(after).some((e) => e.type === type)).toBe(true);
    return (await this.logged()).slice(after).find((e) => e.type === type)!;
  }

  /** Presses Get state and returns the lab's answer. */
  async state(): Promise<Record<string, unknown>> {
    const before = (await this.logged()).length;
    await this.press('Get state');
    return (await this.next('state', before)).payload;
  }
}
