// Where things go in the ladder: lanes across (ports of the first half of the nodes, the LUN in
// the middle, the rest to the right; heartbeat lanes at the outer edges), and rows down, spaced
// by time but never closer than one line (bursts of PR commands happen within milliseconds) and
// never further apart than a few lines (a gap marker says how long the pause was).

import type { LadderRow, LaneId } from './ladderRows';
import { LUN_LANE, nodeLane } from './ladderRows';

export interface Lane {
  id: LaneId;
  label: string;
  kind: 'port' | 'lun' | 'node';
  /** The node the lane belongs to (for its colour), null for the LUN. */
  node: string | null;
}

export function buildLanes(paths: readonly { nexus: string; node: string }[], nodes: readonly string[], heartbeats: boolean, lunLabel = 'LUN 0'): Lane[] {
  const half = Math.ceil(nodes.length / 2);
  const side = (ids: readonly string[], outerFirst: boolean): Lane[] => {
    const lanes: Lane[] = [];
    for (const n of ids) {
      const ports = paths.filter((p) => p.node === n).map((p): Lane => ({ id: p.nexus, label: p.nexus, kind: 'port', node: n }));
      const hb: Lane[] = heartbeats ? [{ id: nodeLane(n), label: n, kind: 'node', node: n }] : [];
      lanes.push(...(outerFirst ? [...hb, ...ports] : [...ports, ...hb]));
    }
    return lanes;
  };
  // Heartbeat lanes sit on the outside so heartbeats and SCSI arrows cross as little as possible.
  return [...side(nodes.slice(0, half), true), { id: LUN_LANE, label: lunLabel, kind: 'lun', node: null }, ...side(nodes.slice(half), false)];
}

export interface RowSpacing {
  /** Pixels per virtual millisecond while rows are far enough apart. */
  pxPerMs: number;
  minGap: number;
  maxGap: number;
}

export const DEFAULT_SPACING: RowSpacing = { pxPerMs: 0.028, minGap: 22, maxGap: 56 };

export interface RowLayout {
  /** y of each row, in row order. */
  y: number[];
  /** Where a pause longer than maxGap was squeezed: y between the rows and the real gap. */
  breaks: { y: number; ms: number }[];
  nowY: number;
  height: number;
}

export function layoutRows(rows: readonly LadderRow[], now: number, top: number, s: RowSpacing = DEFAULT_SPACING): RowLayout {
  const y: number[] = [];
  const breaks: RowLayout['breaks'] = [];
  let cur = top;
  let prevT: number | null = null;
  for (const r of rows) {
    if (prevT === null) cur = top;
    else {
      const want = (r.t - prevT) * s.pxPerMs;
      if (want > s.maxGap) breaks.push({ y: cur + s.maxGap / 2, ms: r.t - prevT });
      cur += Math.min(s.maxGap, Math.max(s.minGap, want));
    }
    y.push(cur);
    prevT = r.t;
  }
  const tail = prevT === null ? s.minGap : Math.min(s.maxGap, Math.max(s.minGap, (now - prevT) * s.pxPerMs));
  const nowY = (prevT === null ? top : cur) + tail;
  return { y, breaks, nowY, height: nowY + 18 };
}
