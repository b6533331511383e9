import { expect, type Locator, type Page } from '@playwright/test';

/** The cluster diagram, located the way a learner finds its parts: by role and name. */
export class TopologyPage {
  readonly region: Locator;
  readonly menu: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly speed: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Topology' });
    this.menu = page.getByRole('menu');
    this.play = page.getByRole('button', { name: 'Play' });
    this.pause = page.getByRole('button', { name: 'Pause' });
    this.speed = page.getByRole('combobox', { name: /^Speed/ });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    // The engine worker starts first; on a busy machine that can take a few seconds.
    await expect(this.node('A')).toBeVisible({ timeout: 15_000 });
  }

  node(id: string): Locator {
    return this.region.getByRole('group', { name: `Node ${id}` });
  }

  nodeFaults(id: string): Locator {
    return this.region.getByRole('button', { name: `Faults for node ${id}` });
  }

  /** A path (I_T nexus) such as "A.1": its HBA port and cable. */
  path(nexus: string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Path ${nexus.replace('.', '\\.')} `) });
  }

  port(n: number): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Array target port T${n}:`) });
  }

  link(a: string, b: string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Heartbeat link ${a}–${b}`) });
  }

  lun(): Locator {
    return this.region.getByRole('group', { name: 'LUN 0' });
  }

  item(label: string): Locator {
    return this.page.getByRole('menuitem', { name: label });
  }

  /** The picture of the commands travelling the paths (the ladder has them as text). */
  commands(): Locator {
    return this.region.getByRole('img', { name: 'SCSI commands on the paths' });
  }

  /** A command's or an answer's tag on its path, e.g. "WRITE 78", "GOOD". */
  tag(text: string | RegExp): Locator {
    return this.commands().getByText(text, { exact: true });
  }

  /** Distance in px between the centres of two elements' boxes (null if either is not drawn). */
  async distance(a: Locator, b: Locator): Promise<number | null> {
    const [p, q] = await Promise.all([a.boundingBox(), b.boundingBox()]);
    if (!p || !q) return null;
    return Math.hypot(p.x + p.width / 2 - (q.x + q.width / 2), p.y + p.height / 2 - (q.y + q.height / 2));
  }
}
