// SCSI status words of trace entries, so the log and the ladder can mark them with icon + text.

import type { TraceEntry } from '../../engine';

export type StatusWord = 'GOOD' | 'RESERVATION CONFLICT' | 'UNIT ATTENTION' | 'CHECK CONDITION' | 'TIMEOUT' | 'ABORTED';
export type StatusTone = 'ok' | 'warn' | 'danger';

const WORDS: Record<string, StatusWord> = {
  GOOD: 'GOOD',
  RESERVATION_CONFLICT: 'RESERVATION CONFLICT',
  CHECK_CONDITION: 'CHECK CONDITION',
  UNIT_ATTENTION: 'UNIT ATTENTION',
  TIMEOUT: 'TIMEOUT',
  ABORTED: 'ABORTED',
};

/** "RESERVATION_CONFLICT" (the engine's spelling) → "RESERVATION CONFLICT"; unknown → null. */
export function statusWord(raw: unknown): StatusWord | null {
  if (typeof raw !== 'string') return null;
  return WORDS[raw.replace(/ /g, '_')] ?? null;
}

/** The status an entry reports, if it is an answer (or the lack of one). */
export function entryStatus(e: TraceEntry): StatusWord | null {
  switch (e.kind) {
    case 'SCSI.EXEC':
    case 'SCSI.DONE':
      return statusWord(e.data?.status);
    case 'SCSI.UA_RETRY':
      return 'UNIT ATTENTION';
    case 'SCSI.ABORTED':
      return 'ABORTED';
    default:
      return null;
  }
}

export function statusTone(word: StatusWord): StatusTone {
  if (word === 'GOOD') return 'ok';
  if (word === 'UNIT ATTENTION' || word === 'CHECK CONDITION') return 'warn';
  return 'danger';
}

/** The summary without its trailing "→ STATUS" when a badge shows the status instead. */
export function withoutStatus(summary: string, word: StatusWord | null): string {
  if (!word) return summary;
  const suffix = ` → ${word}`;
  return summary.endsWith(suffix) ? summary.slice(0, -suffix.length) : summary;
}
