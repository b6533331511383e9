// Where everything in the diagram sits, as a pure function of the canvas width and the topology's
// shape (never of the simulation's state, so the layout is computed once per shape and width).
//
// Two arrangements share the lower half:
//   row (wide canvases)       column (phones)
//   [A] ─hb─ [B]              [A]─A.1┐
//    │         │                  A.2┤│
//   ══ SAN fabric ══          [B]─B.1┘│
//       [T1]                  ══ SAN fabric ══
//   ┌ array ─────┐                [T1]
//   │ [A.1][B.1] │            ┌ array ─────┐
//   │   LUN 0    │            │ [A.1][B.1] │ …
// A path runs HBA port → fabric → array target port → its arrival chip on the LUN; its route is a
// polyline with named vertices (the two places a cable can break, the port, the LUN) so command
// dots, break marks and hit areas all read positions off the same route.

import { elementKey } from '../faults/optionsFor';
import { fractionAtVertex, polylineLength, type Point, type Rect } from './geometry';
import { columnUpper, rowUpper } from './layoutNodes';
import {
  CARD_LINE_PX,
  CHIP_GAP,
  chipHeight,
  clamp,
  isSkip,
  LANE_GAP,
  LUN_HEAD_PX,
  lunPadTop,
  NARROW_PX,
  nexusOf,
  PORT_H,
  type ChipBox,
  type Layout,
  type LayoutInput,
  type LinkRoute,
  type PathRoute,
  type PortBox,
  type Upper,
} from './layoutTypes';

export * from './layoutTypes';

export function computeLayout(input: LayoutInput): Layout {
  return input.width < NARROW_PX ? columnLayout(input) : rowLayout(input);
}

function rowLayout(input: LayoutInput): Layout {
  return finish(input, 'row', rowUpper(input));
}

function columnLayout(input: LayoutInput): Layout {
  return finish(input, 'column', columnUpper(input));
}

/** The shared lower half: fabric band, array ports, the LUN with its arrival chips. */
function finish(input: LayoutInput, mode: Layout['mode'], up: Upper): Layout {
  const { width: W } = input;
  const m = up.margin;
  // Chips are grouped by the array port their path goes through, so fans don't cross.
  const groups = input.ports.map((port) => ({
    port,
    nexuses: input.nodes.filter((n) => n.paths.includes(port)).map((n) => nexusOf(n.id, port)),
  }));
  const chipCount = groups.reduce((s, g) => s + Math.max(1, g.nexuses.length), 0);
  const groupGap = 14;
  const lunW = Math.min(W - 2 * m - (mode === 'row' ? 40 : 16), 680);
  const lunX = (W - lunW) / 2;
  const usable = lunW - 20 - (chipCount - 1) * CHIP_GAP - Math.max(0, groups.length - 1) * groupGap;
  const chipW = clamp(usable / Math.max(1, chipCount), 40, 118);
  const compactChips = chipW < 92;
  const chipH = chipHeight(input.chipLines);
  const total = chipCount * chipW + Math.max(0, chipCount - 1) * CHIP_GAP + Math.max(0, groups.length - 1) * groupGap;

  const lanes = input.nodes.reduce((s, n) => s + n.paths.length, 0);
  const fabricH = Math.max(34, 22 + Math.max(0, lanes - 1) * LANE_GAP);
  const fabric: Rect = { x: m, y: up.fabricTop, w: W - 2 * m, h: fabricH };
  const portTop = fabric.y + fabric.h + 40;
  const chipTop = portTop + PORT_H + 46;
  const lunTop = chipTop + chipH / 2;
  const lunH = 2 + lunPadTop(chipH) + LUN_HEAD_PX + input.lunLines * CARD_LINE_PX + 10 + 2;

  const chips: ChipBox[] = [];
  const ports: PortBox[] = [];
  let cx = lunX + (lunW - total) / 2;
  for (const g of groups) {
    const startX = cx;
    for (const nexus of g.nexuses) {
      chips.push({ nexus, x: cx, y: chipTop, w: chipW, h: chipH });
      cx += chipW + CHIP_GAP;
    }
    // A port no path is zoned to still gets a place (one chip wide).
    if (g.nexuses.length === 0) cx += chipW + CHIP_GAP;
    const endX = cx - CHIP_GAP;
    const pw = Math.max(46, g.nexuses.length * 10 + 26);
    ports.push({ port: g.port, x: (startX + endX) / 2 - pw / 2, y: portTop, w: pw, h: PORT_H });
    cx += groupGap;
  }

  const paths: PathRoute[] = [];
  let laneIndex = 0;
  for (const node of input.nodes) {
    for (const p of node.paths) {
      const nexus = nexusOf(node.id, p);
      const entry = up.entry.get(nexus)!;
      const port = ports.find((t) => t.port === p);
      const chip = chips.find((c) => c.nexus === nexus);
      if (!port || !chip) continue;
      const group = groups.find((g) => g.port === p)!;
      const j = group.nexuses.indexOf(nexus);
      const exitX = port.x + port.w / 2 + (j - (group.nexuses.length - 1) / 2) * 10;
      const laneY = fabric.y + 11 + laneIndex * LANE_GAP;
      laneIndex += 1;
      const last = entry.points[entry.points.length - 1]!;
      const chipX = chip.x + chip.w / 2;
      const points: Point[] = [
        ...entry.points,
        { x: last.x, y: laneY },
        { x: exitX, y: laneY },
        { x: exitX, y: (fabric.y + fabric.h + portTop) / 2 },
        { x: exitX, y: portTop },
        { x: exitX, y: portTop + PORT_H + 12 },
        { x: chipX, y: chipTop - 14 },
        { x: chipX, y: chipTop },
      ];
      const n = points.length;
      paths.push({
        nexus,
        node: node.id,
        path: p,
        port: p,
        points,
        at: {
          hbaBreak: fractionAtVertex(points, entry.breakIndex),
          fabricIn: fractionAtVertex(points, entry.points.length - 1),
          portBreak: fractionAtVertex(points, n - 5),
          port: fractionAtVertex(points, n - 4),
          lun: 1,
        },
        own: entry.own,
        labelAt: entry.labelAt,
      });
    }
  }

  const array: Rect = { x: m + 4, y: portTop + PORT_H / 2, w: W - 2 * m - 8, h: 0 };
  const lun: Rect = { x: lunX, y: lunTop, w: lunW, h: lunH };
  array.h = lun.y + lun.h + 16 - array.y;
  const height = Math.ceil(array.y + array.h + m);

  const focusPoints: Record<string, Point> = {};
  for (const b of up.nodes) focusPoints[elementKey({ kind: 'node', node: b.id })] = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  for (const l of up.links) focusPoints[elementKey({ kind: 'link', a: l.a, b: l.b, network: l.network })] = l.labelAt;
  for (const h of up.hbas) focusPoints[elementKey({ kind: 'path', node: h.node, path: h.path })] = { x: h.x + h.w / 2, y: h.y + h.h / 2 };
  for (const t of ports) focusPoints[elementKey({ kind: 'port', port: t.port })] = { x: t.x + t.w / 2, y: t.y + t.h / 2 };
  const lunKey = elementKey({ kind: 'lun', lun: 0 });
  focusPoints[lunKey] = { x: lun.x + lun.w / 2, y: lun.y + lun.h / 2 };

  const focusRows = mode === 'row' ? rowFocus(up, ports, lunKey, focusPoints) : columnFocus(input, up, ports, lunKey);
  return { mode, width: W, height, nodes: up.nodes, hbas: up.hbas, paths, fabric, ports, array, lun, chips, compactChips, links: up.links, focusRows, focusPoints };
}

const linkKey = (l: LinkRoute) => elementKey({ kind: 'link', a: l.a, b: l.b, network: l.network });
const portKeys = (ports: readonly PortBox[]) => ports.map((t) => elementKey({ kind: 'port', port: t.port }));

function rowFocus(up: Upper, ports: PortBox[], lunKey: string, at: Record<string, Point>): string[][] {
  const top = [...up.nodes.map((b) => elementKey({ kind: 'node', node: b.id })), ...up.links.map(linkKey)];
  top.sort((p, q) => at[p]!.x - at[q]!.x || at[p]!.y - at[q]!.y);
  const paths = [...up.hbas].sort((p, q) => p.x - q.x).map((h) => elementKey({ kind: 'path', node: h.node, path: h.path }));
  return [top, paths, portKeys(ports), [lunKey]].filter((r) => r.length > 0);
}

function columnFocus(input: LayoutInput, up: Upper, ports: PortBox[], lunKey: string): string[][] {
  const order = input.nodes.map((n) => n.id);
  const rows: string[][] = [];
  input.nodes.forEach((node, i) => {
    rows.push([elementKey({ kind: 'node', node: node.id }), ...node.paths.map((p) => elementKey({ kind: 'path', node: node.id, path: p }))]);
    const next = order[i + 1];
    const between = up.links.filter((l) => next !== undefined && ((l.a === node.id && l.b === next) || (l.b === node.id && l.a === next)));
    if (between.length) rows.push(between.map(linkKey));
  });
  const skips = up.links.filter((l) => isSkip(order, l.a, l.b));
  if (skips.length) rows.push(skips.map(linkKey));
  return [...rows, portKeys(ports), [lunKey]].filter((r) => r.length > 0);
}

/** Length of a route in px (for tests and for pacing). */
export const routeLength = (r: PathRoute): number => polylineLength(r.points);
