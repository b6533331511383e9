import { describe, expect, it } from 'vitest';
import { makeTrace } from './logFixtures';
import { entryStatus, statusTone, statusWord, withoutStatus } from './status';

describe('status words', () => {
  it.each([
    ['GOOD', 'GOOD', 'ok'],
    ['RESERVATION_CONFLICT', 'RESERVATION CONFLICT', 'danger'],
    ['CHECK_CONDITION', 'CHECK CONDITION', 'warn'],
    ['TIMEOUT', 'TIMEOUT', 'danger'],
  ] as const)('reads %s as %s (%s)', (raw, word, tone) => {
    expect(statusWord(raw)).toBe(word);
    expect(statusTone(word)).toBe(tone);
  });

  it('ignores what is not a status', () => {
    expect(statusWord('BUSY-ish')).toBeNull();
    expect(statusWord(3)).toBeNull();
  });

  it('takes the status of answers and marks unit-attention retries and aborts', () => {
    const [exec, done, ua, aborted, sent] = makeTrace([
      { kind: 'SCSI.EXEC', data: { status: 'RESERVATION_CONFLICT' } },
      { kind: 'SCSI.DONE', data: { status: 'TIMEOUT' } },
      { kind: 'SCSI.UA_RETRY' },
      { kind: 'SCSI.ABORTED' },
      { kind: 'SCSI.SEND', data: { status: 'GOOD' } },
    ]);
    expect(entryStatus(exec!)).toBe('RESERVATION CONFLICT');
    expect(entryStatus(done!)).toBe('TIMEOUT');
    expect(entryStatus(ua!)).toBe('UNIT ATTENTION');
    expect(entryStatus(aborted!)).toBe('ABORTED');
    expect(entryStatus(sent!)).toBeNull();
  });

  it('drops the trailing "→ STATUS" a badge replaces', () => {
    expect(withoutStatus('B.1: WRITE(10) LBA 77 → RESERVATION CONFLICT', 'RESERVATION CONFLICT')).toBe('B.1: WRITE(10) LBA 77');
    expect(withoutStatus('A reboots', 'GOOD')).toBe('A reboots');
  });
});
