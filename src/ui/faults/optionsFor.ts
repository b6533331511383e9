// Which faults apply to one element of the diagram, read from the view's fault list (the engine's
// registry, projected), so the UI never decides what a fault can target.

import type { FaultOption, FaultTargetView, SimView } from '../../engine';

export interface MenuOption {
  faultId: string;
  /** Accessible name of the menu item: the fault's label. */
  label: string;
  hint: string;
  target: FaultTargetView;
}

export type ElementRef = { kind: 'node'; node: string } | { kind: 'link'; a: string; b: string; network: number };

export const elementKey = (el: ElementRef): string => (el.kind === 'node' ? `node:${el.node}` : `link:${el.network}:${el.a}-${el.b}`);

export function parseElementKey(key: string): ElementRef | null {
  const node = /^node:(.+)$/.exec(key);
  if (node) return { kind: 'node', node: node[1]! };
  const link = /^link:(\d+):(.+)-(.+)$/.exec(key);
  if (link) return { kind: 'link', network: Number(link[1]), a: link[2]!, b: link[3]! };
  return null;
}

function matches(el: ElementRef, f: FaultOption, t: FaultTargetView): boolean {
  if (el.kind === 'node') {
    if (f.target === 'node') return t.node === el.node;
    if (f.target === 'groups') return (t.groups ?? []).some((g) => g.length === 1 && g[0] === el.node);
    return false;
  }
  if (f.target === 'link') {
    const [x, y] = t.between ?? [];
    const samePair = (x === el.a && y === el.b) || (x === el.b && y === el.a);
    return samePair && (t.network === undefined || t.network === el.network);
  }
  return f.target === 'none' && f.id === 'heartbeat-heal';
}

export function optionsFor(view: SimView, el: ElementRef): MenuOption[] {
  const out: MenuOption[] = [];
  for (const f of view.faults) {
    for (const t of f.targets) {
      if (!matches(el, f, t.target)) continue;
      const label = f.target === 'groups' ? `${f.label}: isolate ${el.kind === 'node' ? el.node : ''}` : f.label;
      out.push({ faultId: f.id, label, hint: f.description, target: t.target });
    }
  }
  // The element's own faults (crash this node, cut this link) come before wider ones.
  const own = (o: MenuOption) => (view.faults.find((f) => f.id === o.faultId)?.target === el.kind ? 0 : 1);
  return out.sort((x, y) => own(x) - own(y));
}
