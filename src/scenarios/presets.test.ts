import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { defaultParams } from '../engine/model/scenario';
import { MODES, PERSONALITIES, PRESETS, defaultChoice, personalitiesFor, presetFor, presetScenario } from './presets';

describe('presetScenario', () => {
  it('builds fence_scsi with 2 nodes × 2 paths as free-fence-scsi-2x2', () => {
    const s = presetScenario({ mode: 'scsi3', personality: 'fence-scsi', preset: '2x2', fencing: true });
    expect(s.id).toBe('free-fence-scsi-2x2');
    expect(s.nodes).toEqual(['A', 'B']);
    expect(s.pathsPerNode).toBe(2);
    expect(s.params).toEqual(defaultParams('fence-scsi', ['A', 'B']));
    expect(s.faults).toEqual([]);
  });

  it.each(PRESETS.map((p) => [p.id, p.nodes.length, p.pathsPerNode] as const))('preset %s has %i nodes × %i paths', (preset, nodes, paths) => {
    const s = presetScenario({ mode: 'none', personality: 'ha-lvm', preset, fencing: true });
    expect(s.nodes).toHaveLength(nodes);
    expect(s.pathsPerNode).toBe(paths);
    expect(presetFor(nodes, paths)).toBe(preset);
  });

  it('takes each personality’s own defaults (MSCS heartbeats every 1.2 s, 6 misses)', () => {
    const s = presetScenario({ mode: 'scsi2', personality: 'mscs-2003', preset: '2x2', fencing: true });
    expect(s.params.heartbeatIntervalMs).toBe(1200);
    expect(s.params.heartbeatMisses).toBe(6);
    expect(s.params.twoNode).toBe(true);
  });

  it('turns STONITH off only for HA-LVM', () => {
    const off = presetScenario({ mode: 'none', personality: 'ha-lvm', preset: '2x2', fencing: false });
    expect(off.id).toBe('free-ha-lvm-nofence-2x2');
    expect(off.params.fencing).toBe(false);
    expect(off.title).toMatch(/fencing off/);
    const scsi3 = presetScenario({ mode: 'scsi3', personality: 'fence-scsi', preset: '2x2', fencing: false });
    expect(scsi3.id).toBe('free-fence-scsi-2x2');
    expect(scsi3.params.fencing).toBe(true);
  });

  it('gives every combination of mode, personality and preset its own id', () => {
    const ids = new Set<string>();
    for (const m of MODES) for (const p of personalitiesFor(m.id)) for (const t of PRESETS) ids.add(presetScenario({ mode: m.id, personality: p.id, preset: t.id, fencing: true }).id);
    expect(ids.size).toBe(PERSONALITIES.length * PRESETS.length);
  });

  it('refuses a personality of another mode, naming both and what fits', () => {
    expect(() => presetScenario({ mode: 'scsi2', personality: 'fence-scsi', preset: '2x2', fencing: true })).toThrow(
      'personality "fence-scsi" runs in mode "scsi3", not "scsi2"; with mode "scsi2" use mscs-2003',
    );
  });

  it('refuses an unknown preset', () => {
    expect(() => presetScenario({ ...defaultChoice(), preset: '9x9' as never })).toThrow(/preset "9x9" is unknown/);
  });

  it('is pure: the same choice gives an equal scenario', () => {
    expect(presetScenario(defaultChoice('none'))).toEqual(presetScenario(defaultChoice('none')));
  });
});

describe('free play on fence_scsi 2 nodes × 2 paths', () => {
  it('registers both nodes’ keys on all four I_T nexuses', () => {
    const sim = createSimulation({ scenario: presetScenario(defaultChoice('scsi3')) });
    expect(sim.runUntil((s) => s.view().luns[0]!.registrations.length === 4, 10_000)).toBe(true);
    expect(sim.view().luns[0]!.registrations.map((r) => `${r.nexus}=${r.key}`)).toEqual(['A.1=0x36830000', 'A.2=0x36830000', 'B.1=0x36830001', 'B.2=0x36830001']);
  });
});
