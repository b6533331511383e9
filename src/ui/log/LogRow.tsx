// One event log entry: the row seeks there; "Why?" opens the why panel.

import { memo } from 'react';
import type { TraceEntry } from '../../engine';
import { formatTime } from '../format';
import { CategoryIcon, StarIcon } from './icons';
import { StatusBadge } from './StatusBadge';
import { entryStatus, withoutStatus } from './status';

export const CATEGORY_NAME: Record<TraceEntry['category'], string> = {
  heartbeat: 'heartbeat',
  scsi: 'SCSI',
  cluster: 'cluster',
  fault: 'fault',
  integrity: 'integrity',
  input: 'input',
};

interface Props {
  entry: TraceEntry;
  /** The last entry of the current event (where playback stands). */
  current: boolean;
  onSeek: (entry: TraceEntry) => void;
  onWhy: (entry: TraceEntry, opener: HTMLElement) => void;
}

export const LogRow = memo(function LogRow({ entry, current, onSeek, onWhy }: Props) {
  const word = entryStatus(entry);
  const time = formatTime(entry.t);
  return (
    <li className={`log-row cat-${entry.category}${current ? ' is-current' : ''}${entry.notable ? ' is-notable' : ''}`} aria-current={current ? 'step' : undefined}>
      <button type="button" className="log-seek" onClick={() => onSeek(entry)}>
        <span className="log-meta">
          <CategoryIcon category={entry.category} className="log-cat" />
          <span className="sr-only">Go to </span>
          <span className="log-time">{time}</span>
          <span className="log-kind">
            <span className="sr-only">, </span>
            {CATEGORY_NAME[entry.category]}
            <span className="sr-only">:</span>
          </span>
          {entry.notable && (
            <span className="log-notable">
              <StarIcon size={12} />
              <span className="sr-only">notable</span>
            </span>
          )}
          {current && <span className="log-here">now</span>}
        </span>
        <span className="log-summary">
          {withoutStatus(entry.summary, word)}
          {word && (
            <>
              {' '}
              <StatusBadge word={word} />
            </>
          )}
        </span>
      </button>
      <button type="button" className="log-why" aria-haspopup="dialog" onClick={(ev) => onWhy(entry, ev.currentTarget)}>
        Why?<span className="sr-only"> ({time})</span>
      </button>
    </li>
  );
});
