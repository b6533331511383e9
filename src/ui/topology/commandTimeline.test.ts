import { describe, expect, it } from 'vitest';
import type { CommandView, TraceEntry } from '../../engine';
import { commandTimeline, recentScsiEntries, shortLabel, visualTiming, type TimelineInput } from './commandTimeline';

let nextId = 1;
function entry(t: number, kind: string, data: TraceEntry['data'], parent: number | null = null, node = 'A'): TraceEntry {
  return { id: nextId++ as TraceEntry['id'], t: t as TraceEntry['t'], step: 0, kind, category: 'scsi', node: node as TraceEntry['node'], summary: kind, parent: parent as TraceEntry['parent'], data };
}

/** A WRITE on A.1 sent at `t`: executed 2 ms later, answered 1 ms after that. */
function write(t: number, tag: number, status = 'GOOD'): TraceEntry[] {
  const send = entry(t, 'SCSI.SEND', { tag, nexus: 'A.1', path: 1, lun: 0, label: `WRITE(10) LBA ${tag}`, purpose: 'app.write' });
  return [send, entry(t + 2, 'SCSI.EXEC', { tag, nexus: 'A.1', status }, send.id), entry(t + 3, 'SCSI.DONE', { tag, status, path: 1, label: `WRITE(10) LBA ${tag}` }, send.id)];
}

const timing = visualTiming(1); // travel 400 ms, linger 1500 ms, GOOD lingers 240 ms, stagger 100 ms
const paths = [{ nexus: 'A.1', up: true, portUp: true }];
const run = (now: number, entries: TraceEntry[], more: Partial<TimelineInput> = {}) => commandTimeline({ now, entries, live: [], paths, timing, ioFailMs: 5000, mode: 'travel', ...more });

describe('visual timing', () => {
  it('gives a command at least 400 ms of virtual time, more at high speed', () => {
    expect(visualTiming(1).travelMs).toBe(400);
    expect(visualTiming(0.25).travelMs).toBe(400);
    expect(visualTiming(8).travelMs).toBe(1280);
    expect(visualTiming(20).travelMs).toBe(1600);
  });
});

describe('a command that really takes 3 ms, while playing', () => {
  const trace = write(1000, 7);

  it('travels HBA → LUN during the first half of its visual window', () => {
    const [c] = run(1100, trace);
    expect(c).toMatchObject({ tag: 7, stage: 'out', dir: 'out', short: 'WRITE 7' });
    expect(c!.progress).toBeCloseTo(0.5);
  });

  it('comes back with its status during the second half', () => {
    const [c] = run(1300, trace);
    expect(c).toMatchObject({ stage: 'back', dir: 'back', outcome: 'GOOD' });
    expect(c!.progress).toBeCloseTo(0.5);
  });

  it('leaves its result at the initiator briefly, then is gone', () => {
    expect(run(1450, trace)[0]).toMatchObject({ stage: 'done', outcome: 'GOOD' });
    expect(run(1700, trace)).toEqual([]);
  });

  it('is not drawn before it was sent', () => {
    expect(run(999, trace)).toEqual([]);
  });
});

describe('a RESERVATION CONFLICT', () => {
  it('travels back as CONFLICT and stays visible longer than a GOOD answer', () => {
    const trace = write(1000, 9, 'RESERVATION_CONFLICT');
    expect(run(1300, trace)[0]).toMatchObject({ stage: 'back', outcome: 'CONFLICT' });
    expect(run(2500, trace)[0]).toMatchObject({ stage: 'done', outcome: 'CONFLICT' });
    expect(run(3000, trace)).toEqual([]);
  });
});

describe('a unit attention', () => {
  it('comes back as UNIT ATTENTION, and the retry follows it on the same path', () => {
    const send = entry(1000, 'SCSI.SEND', { tag: 3, nexus: 'A.1', path: 1, lun: 0, label: 'PR IN READ KEYS', purpose: 'watchdog' });
    const exec = entry(1002, 'SCSI.EXEC', { tag: 3, nexus: 'A.1', status: 'CHECK_CONDITION' }, send.id);
    const ua = entry(1003, 'SCSI.UA_RETRY', {}, send.id);
    const retry = entry(1003, 'SCSI.SEND', { tag: 4, nexus: 'A.1', path: 1, lun: 0, label: 'PR IN READ KEYS', purpose: 'watchdog' }, ua.id);
    const cmds = run(1250, [send, exec, ua, retry]);
    expect(cmds.find((c) => c.tag === 3)).toMatchObject({ stage: 'back', outcome: 'UNIT_ATTENTION', short: 'READ KEYS' });
    // Sent right after the first on one path: drawn one stagger (100 ms) later, as a train.
    expect(cmds.find((c) => c.tag === 4)).toMatchObject({ stage: 'out' });
    expect(cmds.find((c) => c.tag === 4)!.progress).toBeCloseTo((1250 - 1100) / 200);
  });
});

describe('a command lost on a pulled cable', () => {
  const send = entry(2000, 'SCSI.SEND', { tag: 11, nexus: 'A.1', path: 1, lun: 0, label: 'WRITE(10) LBA 5', purpose: 'app.write' });
  const live: CommandView[] = [{ tag: 11, node: 'A' as CommandView['node'], nexus: 'A.1', path: 1, lun: 0, label: 'WRITE(10) LBA 5', purpose: 'app.write', phase: 'lost', sentAt: 2000 as CommandView['sentAt'], arriveAt: null, status: null }];
  const down = [{ nexus: 'A.1', up: false, portUp: true }];

  it('stops at the break and counts down to the timeout', () => {
    const [c] = run(4000, [send], { live, paths: down });
    expect(c).toMatchObject({ stage: 'lost', dir: 'out', stopAt: 'hba', progress: 1 });
    expect(c!.timeoutIn).toBe(3000);
  });

  it('stops at the array port when the port is what died', () => {
    expect(run(4000, [send], { live, paths: [{ nexus: 'A.1', up: true, portUp: false }] })[0]).toMatchObject({ stopAt: 'port' });
  });

  it('shows TIMEOUT where it stopped once the initiator gives up', () => {
    const done = entry(7000, 'SCSI.DONE', { tag: 11, status: 'TIMEOUT', path: 1, label: 'WRITE(10) LBA 5' }, send.id);
    expect(run(7100, [send, done], { paths: down })[0]).toMatchObject({ stage: 'done', outcome: 'TIMEOUT', stopAt: 'hba' });
  });

  it('still shows the timeout when its SEND is older than the lookback window', () => {
    const done = entry(7000, 'SCSI.DONE', { tag: 11, status: 'TIMEOUT', path: 1, label: 'WRITE(10) LBA 5' }, 999999);
    expect(run(7100, [done], { paths: down })[0]).toMatchObject({ stage: 'done', outcome: 'TIMEOUT', nexus: 'A.1' });
  });
});

describe('while paused or with reduced motion (still mode)', () => {
  const still = (now: number, entries: TraceEntry[], live: CommandView[]) => run(now, entries, { live, mode: 'still' });
  const view = (phase: CommandView['phase'], status: string | null = null): CommandView[] => [
    { tag: 7, node: 'A' as CommandView['node'], nexus: 'A.1', path: 1, lun: 0, label: 'WRITE(10) LBA 7', purpose: 'app.write', phase, sentAt: 1000 as CommandView['sentAt'], arriveAt: null, status },
  ];

  it('draws each command at its real phase, without travel progress', () => {
    const trace = write(1000, 7);
    expect(still(1000, trace.slice(0, 1), view('to-lun'))[0]).toMatchObject({ stage: 'out', progress: null });
    expect(still(1001, trace.slice(0, 1), view('at-lun'))[0]).toMatchObject({ stage: 'lun' });
    expect(still(1002, trace.slice(0, 2), view('to-node', 'GOOD'))[0]).toMatchObject({ stage: 'back', outcome: 'GOOD' });
    expect(still(1003, trace, [])[0]).toMatchObject({ stage: 'done', outcome: 'GOOD' });
  });

  it('keeps a GOOD answer up as long as any other, so still markers do not blink', () => {
    const trace = write(1000, 7);
    expect(still(2400, trace, [])[0]).toMatchObject({ stage: 'done', outcome: 'GOOD' });
    expect(still(2600, trace, [])).toEqual([]);
  });
});

describe('reading the trace', () => {
  it('takes the SCSI entries within the lookback, oldest first, never from the future', () => {
    const t = [entry(100, 'SCSI.SEND', { tag: 1 }), entry(150, 'HEARTBEAT.SENT', {}), entry(900, 'SCSI.DONE', { tag: 1 }), entry(2000, 'SCSI.SEND', { tag: 2 })];
    expect(recentScsiEntries(t, 1000, 950).map((e) => e.t)).toEqual([100, 900]);
    expect(recentScsiEntries(t, 1000, 500).map((e) => e.t)).toEqual([900]);
  });

  it('shortens command names for the diagram', () => {
    expect(shortLabel('PR OUT REGISTER AND IGNORE EXISTING KEY')).toBe('REGISTER & IGNORE');
    expect(shortLabel('PR OUT PREEMPT AND ABORT')).toBe('PREEMPT AND ABORT');
    expect(shortLabel('PR IN READ KEYS')).toBe('READ KEYS');
    expect(shortLabel('WRITE(10) LBA 1 (VG system_id=A)')).toBe('WRITE 1');
    expect(shortLabel('LOGICAL UNIT RESET')).toBe('LUN RESET');
  });
});
