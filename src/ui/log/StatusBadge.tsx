// A SCSI status as icon + word (never colour alone).

import { StatusIcon } from './icons';
import { statusTone, type StatusWord } from './status';
import './log.css';

export function StatusBadge({ word, note }: { word: StatusWord; note?: string }) {
  return (
    <span className={`status-badge tone-${statusTone(word)}`}>
      <StatusIcon word={word} size={14} />
      {word}
      {note ? <span className="status-note"> {note}</span> : null}
    </span>
  );
}
