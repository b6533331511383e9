import { describe, expect, it } from 'vitest';
import type { Rect } from './geometry';
import { pointAlong } from './geometry';
import { computeLayout, NARROW_PX, type Layout, type LayoutInput } from './layout';

function input(width: number, nodes: string[], paths: number, extra: Partial<LayoutInput> = {}): LayoutInput {
  const ports = Array.from({ length: paths }, (_, i) => i + 1);
  const links: { id: string; a: string; b: string; network: number }[] = [];
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) links.push({ id: `hb1:${nodes[i]}-${nodes[j]}`, a: nodes[i]!, b: nodes[j]!, network: 1 });
  return { width, nodes: nodes.map((id) => ({ id, paths: ports })), ports, links, cardLines: 6, lunLines: 3, chipLines: 2, ...extra };
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (r: Rect, l: Layout) => r.x >= 0 && r.y >= 0 && r.x + r.w <= l.width && r.y + r.h <= l.height;

describe.each([
  ['desktop, 2 nodes × 2 paths', input(880, ['A', 'B'], 2)],
  ['desktop, 3 nodes × 2 paths', input(880, ['A', 'B', 'C'], 2)],
  ['desktop, 2 nodes × 4 paths', input(880, ['A', 'B'], 4)],
  ['phone, 2 nodes × 1 path', input(366, ['A', 'B'], 1)],
  ['phone, 3 nodes × 2 paths', input(366, ['A', 'B', 'C'], 2)],
])('the layout of %s', (_name, inp) => {
  const l = computeLayout(inp);

  it('stacks the nodes on a phone and puts them in a row otherwise', () => {
    expect(l.mode).toBe(inp.width < NARROW_PX ? 'column' : 'row');
    const ys = new Set(l.nodes.map((n) => n.y));
    expect(ys.size).toBe(l.mode === 'row' ? 1 : inp.nodes.length);
  });

  it('keeps every card, port, chip and the LUN on the canvas, without overlaps', () => {
    const boxes: Rect[] = [...l.nodes, ...l.hbas, ...l.ports, l.lun];
    for (const b of boxes) expect(inside(b, l)).toBe(true);
    for (const n of l.nodes) for (const m of l.nodes) if (n !== m) expect(overlap(n, m)).toBe(false);
    for (const h of l.hbas) for (const n of l.nodes) expect(overlap(h, n)).toBe(false);
    for (const c of l.chips) for (const d of l.chips) if (c !== d) expect(overlap(c, d)).toBe(false);
  });

  it('routes each path from its HBA port through its array port to its chip on the LUN', () => {
    expect(l.paths).toHaveLength(inp.nodes.length * inp.ports.length);
    for (const r of l.paths) {
      const hba = l.hbas.find((h) => h.nexus === r.nexus)!;
      const port = l.ports.find((p) => p.port === r.port)!;
      const chip = l.chips.find((c) => c.nexus === r.nexus)!;
      const start = r.points[0]!;
      const end = r.points[r.points.length - 1]!;
      expect(start.x).toBeGreaterThanOrEqual(hba.x - 0.5);
      expect(start.x).toBeLessThanOrEqual(hba.x + hba.w + 0.5);
      expect(end).toEqual({ x: chip.x + chip.w / 2, y: chip.y });
      const atPort = pointAlong(r.points, r.at.port);
      expect(atPort.x).toBeGreaterThan(port.x);
      expect(atPort.x).toBeLessThan(port.x + port.w);
      expect(atPort.y).toBeCloseTo(port.y);
    }
  });

  it('puts the cable breaks in order: HBA cable, fabric, port cable, port, LUN', () => {
    for (const r of l.paths) {
      expect(0).toBeLessThan(r.at.hbaBreak);
      expect(r.at.hbaBreak).toBeLessThan(r.at.fabricIn);
      expect(r.at.fabricIn).toBeLessThan(r.at.portBreak);
      expect(r.at.portBreak).toBeLessThan(r.at.port);
      expect(r.at.port).toBeLessThan(r.at.lun);
    }
  });

  it('gives every path a hit area of its own, at least 24 px from the next', () => {
    const firsts = l.paths.map((r) => r.own[0]!);
    for (let i = 0; i < firsts.length; i++)
      for (let j = i + 1; j < firsts.length; j++) expect(Math.hypot(firsts[i]!.x - firsts[j]!.x, firsts[i]!.y - firsts[j]!.y)).toBeGreaterThanOrEqual(24);
  });

  it('groups the chips by array port, each port centred over its group', () => {
    for (const p of l.ports) {
      const group = l.chips.filter((c) => c.nexus.endsWith(`.${p.port}`));
      const mid = (group[0]!.x + group[group.length - 1]!.x + group[group.length - 1]!.w) / 2;
      expect(p.x + p.w / 2).toBeCloseTo(mid);
    }
  });

  it('offers every element to the keyboard exactly once', () => {
    const keys = l.focusRows.flat();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(inp.nodes.length + inp.links.length + l.paths.length + l.ports.length + 1);
    for (const k of keys) expect(l.focusPoints[k]).toBeDefined();
    expect(keys.at(-1)).toBe('lun:0');
  });
});

describe('heartbeat links', () => {
  it('arc a link between non-neighbours around the node in between', () => {
    const row = computeLayout(input(880, ['A', 'B', 'C'], 1));
    const ac = row.links.find((x) => x.a === 'A' && x.b === 'C')!;
    const b = row.nodes[1]!;
    expect(ac.labelAt.y).toBeLessThan(b.y);
    const col = computeLayout(input(366, ['A', 'B', 'C'], 1));
    const ac2 = col.links.find((x) => x.a === 'A' && x.b === 'C')!;
    expect(ac2.labelAt.x).toBeLessThan(col.nodes[1]!.x);
    expect(ac2.labelVertical).toBe(true);
  });

  it('separate the labels of parallel networks', () => {
    const inp = input(880, ['A', 'B'], 1);
    const l = computeLayout({ ...inp, links: [...inp.links, { id: 'hb2:A-B', a: 'A', b: 'B', network: 2 }] });
    const [one, two] = l.links;
    expect(Math.abs(one!.labelAt.y - two!.labelAt.y)).toBeGreaterThanOrEqual(24);
  });
});

describe('chips on a narrow LUN', () => {
  it('shorten the keys when they get too narrow for a whole one', () => {
    expect(computeLayout(input(880, ['A', 'B'], 2)).compactChips).toBe(false);
    expect(computeLayout(input(366, ['A', 'B'], 2)).compactChips).toBe(true);
  });
});
