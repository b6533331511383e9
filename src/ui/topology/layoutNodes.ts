// The upper half of the layout: the servers (a row, or a column on phones), their HBA ports and
// cables down to the fabric, and the heartbeat links between them.

import { controlPoint, type Point } from './geometry';
import {
  cardHeight,
  clamp,
  GUTTER_LANE_GAP,
  HBA_H,
  HBA_W,
  isSkip,
  networkOffset,
  nexusOf,
  type HbaBox,
  type LayoutInput,
  type LinkRoute,
  type NodeBox,
  type Upper,
} from './layoutTypes';

export function rowUpper(input: LayoutInput): Upper {
  const { width: W, nodes } = input;
  const m = 16;
  const order = nodes.map((n) => n.id);
  const networks = Math.max(1, ...input.links.map((l) => l.network));
  const skips = input.links.some((l) => isSkip(order, l.a, l.b));
  const top = skips ? 14 + networks * 26 : 10;
  const n = Math.max(1, nodes.length);
  const cw = clamp((W - 2 * m - (n - 1) * 66) / n, 150, 280);
  const ch = cardHeight(input.cardLines);
  const spacing = n > 1 ? Math.min((W - 2 * m - cw) / (n - 1), cw + 330) : 0;
  const firstCx = W / 2 - (spacing * (n - 1)) / 2;
  const boxes: NodeBox[] = nodes.map((node, i) => ({ id: node.id, x: firstCx + i * spacing - cw / 2, y: top, w: cw, h: ch }));
  const hbaTop = top + ch + 6;
  const fabricTop = hbaTop + HBA_H + 46;
  const hbas: HbaBox[] = [];
  const entry: Upper['entry'] = new Map();
  nodes.forEach((node, i) => {
    const box = boxes[i]!;
    node.paths.forEach((p, k) => {
      const x = box.x + (box.w * (k + 1)) / (node.paths.length + 1);
      const nexus = nexusOf(node.id, p);
      hbas.push({ nexus, node: node.id, path: p, x: x - HBA_W / 2, y: hbaTop, w: HBA_W, h: HBA_H });
      const start = { x, y: hbaTop + HBA_H };
      const brk = { x, y: (start.y + fabricTop) / 2 + 4 };
      entry.set(nexus, {
        points: [start, brk, { x, y: fabricTop }],
        breakIndex: 1,
        own: [{ x, y: hbaTop }, { x, y: fabricTop - 2 }],
        labelAt: { x: x - 8, y: hbaTop + HBA_H + 15, anchor: 'end' },
      });
    });
  });
  const cy = top + ch / 2;
  const centre = (id: string): Point => {
    const b = boxes[order.indexOf(id)]!;
    return { x: b.x + b.w / 2, y: cy };
  };
  const links: LinkRoute[] = input.links.map((l) => {
    const from = centre(l.a);
    const to = centre(l.b);
    const k = networkOffset(l.network, networks);
    const skip = isSkip(order, l.a, l.b);
    // A link over a node arcs above the cards: its apex sits in the band reserved at the top.
    const apexY = 12 + (l.network - 1) * 26;
    const sign = from.x <= to.x ? 1 : -1;
    const bow = skip ? 2 * (apexY - cy) * sign : k * 52 * sign;
    const control = controlPoint(from, to, bow);
    const labelAt = { x: (from.x + 2 * control.x + to.x) / 4, y: (from.y + 2 * control.y + to.y) / 4 };
    return { ...l, from, to, control, labelAt, labelVertical: false };
  });
  return { nodes: boxes, hbas, entry, fabricTop, links, margin: m };
}

export function columnUpper(input: LayoutInput): Upper {
  const { width: W, nodes } = input;
  const m = 10;
  const order = nodes.map((n) => n.id);
  const networks = Math.max(1, ...input.links.map((l) => l.network));
  const skips = input.links.some((l) => isSkip(order, l.a, l.b));
  const left = m + (skips ? 12 + networks * 12 : 0);
  const lanes = nodes.reduce((s, n) => s + n.paths.length, 0);
  const gutter = Math.max(0, lanes - 1) * GUTTER_LANE_GAP + 14;
  const cw = Math.max(180, W - left - m - gutter - HBA_W - 14);
  const ch = cardHeight(input.cardLines);
  const gap = 56;
  const top = 10;
  const boxes: NodeBox[] = nodes.map((node, i) => ({ id: node.id, x: left, y: top + i * (ch + gap), w: cw, h: ch }));
  const lastBottom = top + nodes.length * (ch + gap) - gap;
  const fabricTop = lastBottom + 30;
  const hbas: HbaBox[] = [];
  const entry: Upper['entry'] = new Map();
  // Lanes in the right gutter, outermost first in path order: the upper port of a node takes the
  // outer lane, so no cable crosses another on its way down.
  let lane = 0;
  nodes.forEach((node, i) => {
    const box = boxes[i]!;
    node.paths.forEach((p, k) => {
      const y = box.y + (box.h * (k + 1)) / (node.paths.length + 1);
      const x0 = box.x + box.w + 4;
      const laneX = W - m - 4 - lane * GUTTER_LANE_GAP;
      lane += 1;
      const nexus = nexusOf(node.id, p);
      hbas.push({ nexus, node: node.id, path: p, x: x0, y: y - HBA_H / 2, w: HBA_W, h: HBA_H });
      const start = { x: x0 + HBA_W, y };
      entry.set(nexus, {
        points: [start, { x: (start.x + laneX) / 2, y }, { x: laneX, y }, { x: laneX, y: fabricTop }],
        breakIndex: 1,
        own: [{ x: x0, y }, { x: laneX, y }],
        labelAt: { x: x0 - 2, y: y + HBA_H / 2 + 12, anchor: 'start' },
      });
    });
  });
  const centre = (id: string): Point => {
    const b = boxes[order.indexOf(id)]!;
    return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  };
  const links: LinkRoute[] = input.links.map((l) => {
    const from = centre(l.a);
    const to = centre(l.b);
    const k = networkOffset(l.network, networks);
    const skip = isSkip(order, l.a, l.b);
    const sign = from.y <= to.y ? 1 : -1;
    // Around a node in between: arc through the left gutter.
    const apexX = m + 4 + (l.network - 1) * 12;
    const bow = skip ? 2 * (from.x - apexX) * sign : k * 64 * sign;
    const control = controlPoint(from, to, bow);
    const mid = { x: (from.x + 2 * control.x + to.x) / 4, y: (from.y + 2 * control.y + to.y) / 4 };
    // Parallel links between stacked cards put their labels one above the other.
    const labelAt = skip ? mid : { x: mid.x, y: mid.y + k * 28 };
    return { ...l, from, to, control, labelAt, labelVertical: skip };
  });
  return { nodes: boxes, hbas, entry, fabricTop, links, margin: m };
}
