// The block map of LUN 0: metadata blocks (LBA 0–1) and the file system's data area (LBA 64–127),
// each cell in its last writer's colour with the writer's letter, never-written cells dashed,
// corrupted ones hatched, and the first corrupting write ringed and called out.

import { memo, useId, type ReactNode } from 'react';
import type { BlockCell, BlockMapModel } from './blockMap';
import { DATA_LBA_FIRST } from './blockMap';
import { nodeSlot } from './nodeColors';

const COLS = 8;
const CELL = 30;
const GAP = 4;
const LABEL_W = 36;
const HEAD_H = 16;
const META_GAP = 12;

interface Props {
  model: BlockMapModel;
  nodeIds: readonly string[];
  onFirst: (() => void) | null;
}

export function BlockMap({ model, nodeIds, onFirst }: Props) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const titleId = `${hatch}-title`;
  const x = (col: number) => LABEL_W + col * (CELL + GAP);
  const metaY = HEAD_H;
  const dataY = (row: number) => HEAD_H + CELL + META_GAP + row * (CELL + GAP);
  const rows = Math.ceil(model.data.length / COLS);
  const width = x(COLS) - GAP + 8;
  const height = dataY(rows) - GAP + 8;

  const counts = model.writers.map((w) => `${w} ${model.data.filter((c) => c.writer === w).length}`).join(', ');
  return (
    <figure className="block-map" aria-labelledby={titleId}>
      <h3 id={titleId}>Blocks on disk</h3>
      <p className="block-summary">
        {model.written} of {model.data.length} data blocks written{counts && ` (${counts})`}
        {model.corrupted > 0 ? (
          <strong className="block-bad"> · {model.corrupted} corrupted</strong>
        ) : (
          ' · no corruption'
        )}
      </p>
      <svg className="block-svg" viewBox={`0 0 ${width} ${height}`} width={width} role="group" aria-label="Block map: LBA 0–1 (metadata) and LBA 64–127 (file system data)">
        <defs>
          <pattern id={hatch} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="7" height="7" className="hatch-bg" />
            <rect width="3" height="7" className="hatch-stripe" />
            <rect x="3" width="1" height="7" className="hatch-edge" />
          </pattern>
        </defs>
        <g aria-hidden="true" className="block-axis">
          {Array.from({ length: COLS }, (_, c) => (
            <text key={c} x={x(c) + CELL / 2} y={HEAD_H - 5} textAnchor="middle">
              +{c}
            </text>
          ))}
          <text x={LABEL_W - 6} y={metaY + CELL / 2 + 4} textAnchor="end">
            0
          </text>
          {Array.from({ length: rows }, (_, r) => (
            <text key={r} x={LABEL_W - 6} y={dataY(r) + CELL / 2 + 4} textAnchor="end">
              {DATA_LBA_FIRST + r * COLS}
            </text>
          ))}
          <text x={x(2) + 4} y={metaY + CELL / 2 + 4} className="block-meta-label">
            metadata (LVM label, VG)
          </text>
        </g>
        {model.metadata.map((c, i) => (
          <Cell key={c.lba} {...cellProps(c, nodeIds)} x={x(i)} y={metaY} hatch={hatch} />
        ))}
        {model.data.map((c, i) => (
          <Cell key={c.lba} {...cellProps(c, nodeIds)} x={x(i % COLS)} y={dataY(Math.floor(i / COLS))} hatch={hatch} />
        ))}
      </svg>
      {model.first && onFirst && (
        <button type="button" className="block-callout" onClick={onFirst}>
          <span className="block-first-badge" aria-hidden="true">
            1
          </span>
          <span>
            {model.first.text}
            <span className="block-callout-go">
              <span className="sr-only"> — </span>go to that moment
            </span>
          </span>
        </button>
      )}
      <Legend model={model} nodeIds={nodeIds} hatch={hatch} />
    </figure>
  );
}

/** Plain props, so an unchanged block is not rendered again when the view updates. */
function cellProps(c: BlockCell, nodeIds: readonly string[]) {
  return { name: c.name, writer: c.writer, corrupted: c.corrupted, first: c.first, slot: c.writer ? `node-c${nodeSlot(nodeIds, c.writer)}` : '' };
}

interface CellProps {
  name: string;
  writer: string | null;
  corrupted: boolean;
  first: boolean;
  slot: string;
  x: number;
  y: number;
  hatch: string;
}

const Cell = memo(function Cell({ name, writer, corrupted, first, slot, x, y, hatch }: CellProps) {
  return (
    <g role="img" aria-label={name} className={`block ${slot} ${writer ? 'written' : 'empty'} ${corrupted ? 'corrupted' : ''}`}>
      <title>{name}</title>
      <rect x={x} y={y} width={CELL} height={CELL} rx={4} className="block-fill" />
      {corrupted && <rect x={x} y={y} width={CELL} height={CELL} rx={4} fill={`url(#${hatch})`} className="block-hatch" />}
      {writer && (
        <text x={x + CELL / 2} y={y + CELL / 2 + 5} textAnchor="middle" className="block-letter">
          {writer}
        </text>
      )}
      {first && (
        <>
          <rect x={x - 3.5} y={y - 3.5} width={CELL + 7} height={CELL + 7} rx={7} className="block-first-ring" />
          <circle cx={x + CELL} cy={y} r={7.5} className="block-first-dot" />
          <text x={x + CELL} y={y + 3.6} textAnchor="middle" className="block-first-num">
            1
          </text>
        </>
      )}
    </g>
  );
});

function Legend({ model, nodeIds, hatch }: { model: BlockMapModel; nodeIds: readonly string[]; hatch: string }) {
  const swatch = (cls: string, content: ReactNode) => (
    <svg viewBox="0 0 18 18" width="18" height="18" aria-hidden="true" focusable="false" className={`block ${cls}`}>
      {content}
    </svg>
  );
  return (
    <ul className="block-legend" aria-label="Legend">
      {model.writers.map((w) => (
        <li key={w}>
          {swatch(`written node-c${nodeSlot(nodeIds, w)}`, <><rect x="1" y="1" width="16" height="16" rx="3" className="block-fill" /><text x="9" y="13" textAnchor="middle" className="block-letter small">{w}</text></>)}
          written by {w}
        </li>
      ))}
      <li>
        {swatch('empty', <rect x="1" y="1" width="16" height="16" rx="3" className="block-fill" />)}
        never written
      </li>
      <li>
        {swatch('written corrupted', <><rect x="1" y="1" width="16" height="16" rx="3" className="block-fill" /><rect x="1" y="1" width="16" height="16" rx="3" fill={`url(#${hatch})`} className="block-hatch" /></>)}
        corrupted (hatched)
      </li>
      {model.first && (
        <li>
          {swatch('', <><circle cx="9" cy="9" r="8" className="block-first-dot" /><text x="9" y="12.6" textAnchor="middle" className="block-first-num">1</text></>)}
          first corrupting write
        </li>
      )}
    </ul>
  );
}
