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

/** An element of the diagram that has a fault menu. */
export type ElementRef =
  | { kind: 'node'; node: string }
  | { kind: 'link'; a: string; b: string; network: number }
  | { kind: 'path'; node: string; path: number }
  | { kind: 'port'; port: number }
  | { kind: 'lun'; lun: number };

export function elementKey(el: ElementRef): string {
  switch (el.kind) {
    case 'node':
      return `node:${el.node}`;
    case 'link':
      return `link:${el.network}:${el.a}-${el.b}`;
    case 'path':
      return `path:${el.node}:${el.path}`;
    case 'port':
      return `port:${el.port}`;
    case 'lun':
      return `lun:${el.lun}`;
  }
}

export function parseElementKey(key: string): ElementRef | null {
  let m = /^node:(.+)$/.exec(key);
  if (m) return { kind: 'node', node: m[1]! };
  m = /^link:(\d+):(.+)-(.+)$/.exec(key);
  if (m) return { kind: 'link', network: Number(m[1]), a: m[2]!, b: m[3]! };
  m = /^path:(.+):(\d+)$/.exec(key);
  if (m) return { kind: 'path', node: m[1]!, path: Number(m[2]) };
  m = /^port:(\d+)$/.exec(key);
  if (m) return { kind: 'port', port: Number(m[1]) };
  m = /^lun:(\d+)$/.exec(key);
  if (m) return { kind: 'lun', lun: Number(m[1]) };
  return null;
}

/** The title of an element's menu, also its accessible name. */
export function menuTitle(el: ElementRef): string {
  switch (el.kind) {
    case 'node':
      return `Faults for node ${el.node}`;
    case 'link':
      return `Faults for heartbeat link ${el.a}–${el.b}`;
    case 'path':
      return `Faults for path ${el.node}.${el.path}`;
    case 'port':
      return `Faults for array port T${el.port}`;
    case 'lun':
      return `Faults for LUN ${el.lun}`;
  }
}

/** Faults whose registry target is "none" belong to the element they are about. */
const HEARTBEAT_WIDE = /^heartbeat-/;

function matches(el: ElementRef, f: FaultOption, t: FaultTargetView): boolean {
  switch (el.kind) {
    case 'node':
      if (f.target === 'node') return t.node === el.node || (t.node === undefined && t.to === el.node);
      if (f.target === 'groups') return (t.groups ?? []).some((g) => g.length === 1 && g[0] === el.node);
      return false;
    case 'link': {
      if (f.target === 'none') return HEARTBEAT_WIDE.test(f.id);
      if (f.target !== 'link') return false;
      const [x, y] = t.between ?? [];
      const samePair = (x === el.a && y === el.b) || (x === el.b && y === el.a);
      return samePair && (t.network === undefined || t.network === el.network);
    }
    case 'path':
      return f.target === 'path' && t.node === el.node && t.path === el.path;
    case 'port':
      // A target port is named by "path": path P of every node is zoned to array port P.
      return f.target === 'port' && t.path === el.port;
    case 'lun':
      return f.target === 'lun' || (f.target === 'none' && !HEARTBEAT_WIDE.test(f.id));
  }
}

/** The kind of registry target that is an element's "own" (crash this node, cut this link). */
const OWN: Record<ElementRef['kind'], FaultOption['target']> = { node: 'node', link: 'link', path: 'path', port: 'port', lun: 'lun' };

export function optionsFor(view: Pick<SimView, 'faults'>, el: ElementRef): MenuOption[] {
  const out: (MenuOption & { own: boolean })[] = [];
  for (const f of view.faults) {
    for (const t of f.targets) {
      if (!matches(el, f, t.target)) continue;
      const label = f.target === 'groups' && el.kind === 'node' ? `${f.label}: isolate ${el.node}` : f.label;
      // A target label that says where the fault acts from or to ("from node A") goes in the hint.
      const hint = /^(from|to) /.test(t.label) ? `${t.label[0]!.toUpperCase()}${t.label.slice(1)}: ${f.description}` : f.description;
      out.push({ faultId: f.id, label, hint, target: t.target, own: f.target === OWN[el.kind] && t.target.to === undefined });
    }
  }
  // The element's own faults (crash this node, cut this link) come before wider ones; the sort is
  // stable, so the registry's order holds within each group.
  return out.sort((x, y) => Number(y.own) - Number(x.own)).map(({ own: _own, ...o }) => o);
}
