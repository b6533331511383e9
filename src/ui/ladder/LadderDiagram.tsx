// The ladder as SVG: a lane per initiator port and one for the LUN (plus node lanes for
// heartbeats), arrows between them, results as icon + word, and a "now" line at the bottom.
// Decorative for assistive technology: the table twin (LadderTable) carries the same rows.

import { memo } from 'react';
import type { Lane, RowLayout } from './ladderLayout';
import type { LadderRow } from './ladderRows';
import { StatusIcon } from '../log/icons';
import { statusTone } from '../log/status';
import { formatTime } from '../format';
import { nodeSlot } from '../lun/nodeColors';

export const TIME_W = 62;

interface Props {
  lanes: Lane[];
  laneX: Map<string, number>;
  rows: LadderRow[];
  layout: RowLayout;
  width: number;
  now: number;
  step: number;
  nodeIds: readonly string[];
  markerId: string;
}

// Markers do not inherit the line's colour, so there is one arrowhead per tone.
const MARKER_TONES = ['req', 'hb', 'ok', 'warn', 'danger'] as const;

function markerTone(r: LadderRow): (typeof MARKER_TONES)[number] {
  if (r.kind === 'heartbeat') return 'hb';
  if (r.status) return statusTone(r.status);
  return 'req';
}

/** Chars that fit in `px` at the label font size (about 6.1 px a char). */
const fit = (text: string, px: number) => (text.length * 6.1 <= px ? text : `${text.slice(0, Math.max(3, Math.floor(px / 6.1) - 1))}…`);

export function LadderDiagram({ lanes, laneX, rows, layout, width, now, step, nodeIds, markerId }: Props) {
  const laneGap = lanes.length > 1 ? (laneX.get(lanes[1]!.id)! - laneX.get(lanes[0]!.id)!) : width;
  return (
    <svg className="ladder-svg" width={width} height={layout.height} aria-hidden="true" focusable="false">
      <defs>
        {MARKER_TONES.map((tone) => (
          <marker key={tone} id={`${markerId}-${tone}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 Z" className={`ladder-arrowhead tone-${tone}`} />
          </marker>
        ))}
      </defs>
      {lanes.map((l) => (
        <line key={l.id} x1={laneX.get(l.id)} x2={laneX.get(l.id)} y1={0} y2={layout.height} className={`ladder-lane lane-${l.kind} ${l.node ? `node-c${nodeSlot(nodeIds, l.node)}` : ''}`} />
      ))}
      {layout.breaks.map((b, i) => (
        <g key={`b${i}`} className="ladder-break">
          <line x1={TIME_W - 4} x2={width} y1={b.y} y2={b.y} />
          <text x={4} y={b.y + 4}>
            ⋯ {(b.ms / 1000).toFixed(1)} s
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const x1 = laneX.get(r.from);
        const x2 = laneX.get(r.to);
        if (x1 === undefined || x2 === undefined) return null;
        return <RowView key={r.key} row={r} y={layout.y[i]!} x1={x1} x2={x2} current={r.step === step} laneGap={laneGap} markerId={markerId} width={width} />;
      })}
      <g className="ladder-now">
        <line x1={TIME_W - 4} x2={width} y1={layout.nowY} y2={layout.nowY} />
        <text x={4} y={layout.nowY + 4}>
          now
        </text>
        <text x={width - 4} y={layout.nowY - 4} textAnchor="end">
          {formatTime(now)}
        </text>
      </g>
    </svg>
  );
}

interface RowProps {
  row: LadderRow;
  y: number;
  x1: number;
  x2: number;
  current: boolean;
  laneGap: number;
  markerId: string;
  width: number;
}

// Rows are rebuilt from the trace every frame; redraw one only when something it shows changed.
const sameRow = (a: RowProps, b: RowProps) =>
  a.row.key === b.row.key && a.row.status === b.row.status && a.row.lost === b.row.lost && a.row.inFlight === b.row.inFlight && a.row.noLink === b.row.noLink &&
  a.y === b.y && a.x1 === b.x1 && a.x2 === b.x2 && a.current === b.current && a.laneGap === b.laneGap && a.width === b.width && a.markerId === b.markerId;

const RowView = memo(function RowView({ row: r, y, x1, x2, current, laneGap, markerId, width }: RowProps) {
  const cls = `ladder-row kind-${r.kind}${current ? ' is-current' : ''}${r.status ? ` tone-${statusTone(r.status)}` : ''}${r.lost ? ' is-lost' : ''}${r.inFlight ? ' is-inflight' : ''}`;
  return (
    <g className={cls}>
      {current && <rect x={0} y={y - 11} width={width} height={20} className="ladder-current" />}
      <text x={4} y={y + 4} className="ladder-time">
        {formatTime(r.t).replace(' s', '')}
      </text>
      <RowShape row={r} x1={x1} x2={x2} y={y} laneGap={laneGap} markerId={markerId} width={width} />
    </g>
  );
}, sameRow);

function RowShape({ row: r, x1, x2, y, laneGap, markerId, width }: { row: LadderRow; x1: number; x2: number; y: number; laneGap: number; markerId: string; width: number }) {
  if (r.kind === 'note' || r.kind === 'timeout') {
    // A mark on one lane, its words on the roomier side.
    const right = x1 < width / 2;
    const tx = right ? x1 + 12 : x1 - 12;
    return (
      <>
        {r.status ? <StatusIcon word={r.status} x={x1 - 7} y={y - 7} size={14} className="ladder-icon" /> : <circle cx={x1} cy={y} r={4} className="ladder-dot" />}
        <text x={tx} y={y + 4} textAnchor={right ? 'start' : 'end'} className="ladder-label note">
          {r.status ? `${r.status}: ` : ''}
          {fit(r.label, width / 2 - 20)}
        </text>
      </>
    );
  }
  const dir = x2 > x1 ? 1 : -1;
  const span = Math.abs(x2 - x1);
  // A lost answer dies on the way; a heartbeat with no link never leaves its sender.
  const lostAt = x1 + dir * span * (r.noLink ? 0.12 : 0.55);
  const end = r.lost ? lostAt : x2 - dir * 2;
  const mid = (x1 + x2) / 2;
  return (
    <>
      <line x1={x1} x2={end} y1={y} y2={y} className="ladder-arrow" markerEnd={r.lost ? undefined : `url(#${markerId}-${markerTone(r)})`} />
      {r.lost && (
        <path d={`M${lostAt - 4} ${y - 4} L${lostAt + 4} ${y + 4} M${lostAt + 4} ${y - 4} L${lostAt - 4} ${y + 4}`} className="ladder-lost" />
      )}
      {r.kind === 'request' && <RequestLabel text={r.label} mid={mid} y={y} room={Math.max(span, laneGap) * 1.7} width={width} />}
      {r.kind === 'answer' && r.status && (
        <>
          <StatusIcon word={r.status} x={x2 - dir * 12 - 7} y={y - 16} size={13} className="ladder-icon" />
          <text x={x2 - dir * 22} y={y - 5} textAnchor={dir > 0 ? 'end' : 'start'} className="ladder-label status">
            {fit(r.lost ? `${r.status} (lost)` : r.status, Math.max(span - 30, laneGap * 2))}
          </text>
        </>
      )}
      {r.kind === 'heartbeat' &&
        (r.lost ? (
          // The words go right after the cross, where the heartbeat died.
          <text x={lostAt + dir * 9} y={y + 4} textAnchor={dir > 0 ? 'start' : 'end'} className="ladder-label hb">
            {r.noLink ? '♥ lost: no link' : '♥ lost'}
          </text>
        ) : (
          <text x={mid} y={y - 4} textAnchor="middle" className="ladder-label hb">
            {r.inFlight ? '♥ in flight' : '♥'}
          </text>
        ))}
    </>
  );
}

/** The command above its arrow: centred, allowed past the lanes' spacing, kept inside the diagram. */
function RequestLabel({ text, mid, y, room, width }: { text: string; mid: number; y: number; room: number; width: number }) {
  const shown = fit(text, Math.min(room, width - TIME_W - 8));
  const half = (shown.length * 6.1) / 2;
  const x = Math.min(Math.max(mid, TIME_W + half), width - 4 - half);
  return (
    <text x={x} y={y - 4} textAnchor="middle" className="ladder-label">
      {shown}
    </text>
  );
}
