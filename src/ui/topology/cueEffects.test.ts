import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../engine';
import { effectDuration, effectGap, effectSpec, pickEffects } from './cueEffects';

let nextId = 1;
const cue = (t: number, kind: string, extra: Partial<TraceEntry> = {}): TraceEntry =>
  ({ id: nextId++, t, step: 0, kind, category: 'scsi', summary: kind, parent: null, notable: true, ...extra }) as TraceEntry;

describe('what a cue looks like', () => {
  it('puts a power fence on the victim node, in words and an icon', () => {
    expect(effectSpec(cue(0, 'FENCE.POWER_OFF', { node: 'B' as TraceEntry['node'] }))).toEqual({ place: { kind: 'node', node: 'B' }, icon: 'power', text: 'Fenced: power off', tone: 'danger' });
  });

  it('puts a RESERVATION CONFLICT on the chip of the nexus that got it', () => {
    expect(effectSpec(cue(0, 'SCSI.EXEC', { data: { status: 'RESERVATION_CONFLICT', nexus: 'B.2' } }))).toMatchObject({ place: { kind: 'chip', nexus: 'B.2' }, text: 'CONFLICT' });
    expect(effectSpec(cue(0, 'SCSI.EXEC', { data: { status: 'GOOD', nexus: 'B.2' } }))).toBeNull();
  });

  it('names the victim of fence_scsi and the scope of a reset', () => {
    expect(effectSpec(cue(0, 'FENCE_SCSI.FENCED', { summary: 'B is fenced: its key is gone from the LUN' }))).toMatchObject({ place: { kind: 'lun' }, text: "B's key removed" });
    expect(effectSpec(cue(0, 'FENCE_SCSI.FENCED', { summary: 'fenced', data: { victim: 'C' } }))).toMatchObject({ text: "C's key removed" });
    expect(effectSpec(cue(0, 'SCSI.RESET', { data: { scope: 'bus', nexus: 'A.1' } }))).toMatchObject({ text: 'Bus reset from A.1' });
  });

  it('ignores cues the diagram does not draw', () => {
    expect(effectSpec(cue(0, 'CONSOLE.COMMAND'))).toBeNull();
  });
});

describe('which effects are on screen', () => {
  it('shows an effect for about a second of wall time, then drops it', () => {
    const c = cue(1000, 'NODE.REBOOT', { node: 'A' as TraceEntry['node'] });
    expect(pickEffects([c], 1000, 1)).toHaveLength(1);
    expect(pickEffects([c], 1000 + effectDuration(1) - 1, 1)).toHaveLength(1);
    expect(pickEffects([c], 1000 + effectDuration(1), 1)).toHaveLength(0);
    expect(pickEffects([c], 999, 1)).toHaveLength(0);
  });

  it('never restarts an effect at one place faster than 3 times a wall-clock second', () => {
    for (const speed of [0.25, 1, 8, 20]) {
      const gapWallMs = effectGap(speed) / speed;
      expect(gapWallMs).toBeGreaterThanOrEqual(333);
    }
    // Conflicts every 100 ms at 1x: only one in every 400 ms starts a new badge.
    const cues = Array.from({ length: 10 }, (_, i) => cue(1000 + i * 100, 'SCSI.EXEC', { data: { status: 'RESERVATION_CONFLICT', nexus: 'A.1' } }));
    const keys = new Set<string>();
    for (let now = 1000; now <= 2000; now += 20) for (const e of pickEffects(cues, now, 1)) keys.add(e.key);
    expect(keys.size).toBeLessThanOrEqual(1);
  });

  it('keeps the same badge when the same news repeats while it is up', () => {
    const a = cue(1000, 'SCSI.NO_PATH', { node: 'A' as TraceEntry['node'] });
    const b = cue(2000, 'SCSI.NO_PATH', { node: 'A' as TraceEntry['node'] });
    expect(pickEffects([a, b], 2100, 1)[0]!.key).toBe(`cue-${a.id}`);
  });

  it('shows one effect per place and several places at once', () => {
    const cues = [cue(1000, 'NODE.REBOOT', { node: 'A' as TraceEntry['node'] }), cue(1000, 'LUN.POWER_ON'), cue(1500, 'FENCE.POWER_OFF', { node: 'A' as TraceEntry['node'] })];
    const shown = pickEffects(cues, 1600, 1);
    expect(shown.map((e) => e.text).sort()).toEqual(['Array power-cycled', 'Fenced: power off']);
  });
});
