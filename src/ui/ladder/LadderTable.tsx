// The ladder as an HTML table (visualizer-anchors §5): the same rows as the diagram, for screen
// readers and for anyone who prefers to read. Collapsible, closed by default.

import { useState } from 'react';
import type { Lane } from './ladderLayout';
import type { LadderRow } from './ladderRows';
import { resultText } from './ladderRows';
import { formatTime } from '../format';
import { StatusBadge } from '../log/StatusBadge';

export function LadderTable({ rows, lanes, from, step }: { rows: LadderRow[]; lanes: Lane[]; from: number; step: number }) {
  const name = (id: string) => lanes.find((l) => l.id === id)?.label ?? id;
  // A closed <details> shows nothing to anyone: its rows are built only while it is open.
  const [open, setOpen] = useState(false);
  return (
    <details className="ladder-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Ladder as a table ({rows.length} row{rows.length === 1 ? '' : 's'})
      </summary>
      {open && (
        <div className="ladder-table-scroll" tabIndex={0} role="group" aria-label="Ladder table (scrolls)">
          <table>
            <caption className="sr-only">
              Messages from {formatTime(from)} to now, oldest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Command</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={5}>No commands in this window.</td>
                </tr>
              )}
              {rows.map((r) => (
                <tr key={r.key} className={r.step === step ? 'is-current' : undefined}>
                  <td className="num">{formatTime(r.t)}</td>
                  <td>{name(r.from)}</td>
                  <td>{r.to === r.from ? '—' : name(r.to)}</td>
                  <td>{r.label}</td>
                  <td>{r.status ? <StatusBadge word={r.status} note={r.lost ? '(lost on the way back)' : undefined} /> : resultText(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
