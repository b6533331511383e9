import { describe, expect, it } from 'vitest';
import type { LunSummary } from '../../engine';
import { buildBlockMap, describeViolation, type Violation } from './blockMap';
import { nodeSlot } from './nodeColors';

function lun(blocks: [number, string][]): LunSummary {
  return {
    lun: 0,
    serial: 'RESLAB0000',
    bus: 'bus0',
    scsi2Holder: null,
    generation: 0,
    aptpl: false,
    registrations: [],
    reservation: null,
    pendingUnitAttentions: [],
    blocks: blocks.map(([lba, writer], seq) => ({ lba, writer, nexus: `${writer}.1` as never, seq })),
    queuedTasks: [],
  };
}

const v = (lba: number, node: string, at: number, trace = 0): Violation => ({ lba, node: node as never, at: at as never, epoch: 1, trace });

describe('the block map with A as the legitimate writer', () => {
  const model = buildBlockMap(lun([[1, 'A'], [64, 'A'], [77, 'A']]), [], () => null);

  it('has the metadata blocks and the 64 data blocks', () => {
    expect(model.metadata.map((c) => c.lba)).toEqual([0, 1]);
    expect(model.data).toHaveLength(64);
    expect(model.data[0]!.lba).toBe(64);
    expect(model.data.at(-1)!.lba).toBe(127);
  });

  it('names every block by its writer', () => {
    expect(model.data.find((c) => c.lba === 77)!.name).toBe('LBA 77: written by A');
    expect(model.data.find((c) => c.lba === 78)!.name).toBe('LBA 78: never written');
    expect(model.metadata[1]!.name).toBe('LBA 1 (metadata): written by A');
    expect(model.writers).toEqual(['A']);
    expect(model.written).toBe(2);
    expect(model.first).toBeNull();
  });
});

describe('after a partition without fencing', () => {
  // B mounted at epoch 2; A, still on epoch 1, keeps writing.
  const violations = [v(77, 'A', 17_005, 40), v(90, 'A', 18_005, 44), v(77, 'A', 19_005, 48)];
  const model = buildBlockMap(lun([[77, 'A'], [90, 'A'], [100, 'B']]), violations, () => 'B');

  it('names corrupted blocks with who wrote after whose mount', () => {
    expect(model.data.find((c) => c.lba === 77)!.name).toBe('LBA 77: corrupted — A wrote after B mounted');
    expect(model.data.find((c) => c.lba === 100)!.name).toBe('LBA 100: written by B');
    // B wrote 90 again afterwards: still named as corrupted, with its last writer.
    const later = buildBlockMap(lun([[90, 'B']]), violations, () => 'B');
    expect(later.data.find((c) => c.lba === 90)!.name).toBe('LBA 90: corrupted — A wrote after B mounted (last written by B)');
    expect(model.corrupted).toBe(2);
  });

  it('points out the first corrupting write', () => {
    expect(model.first!.text).toBe('first corrupting write: A at 17.005 s, LBA 77');
    expect(model.data.filter((c) => c.first).map((c) => c.lba)).toEqual([77]);
  });

  it('falls back to the epoch when the mount is no longer in the trace', () => {
    expect(describeViolation(v(77, 'A', 1), null)).toBe('A wrote from a superseded mount (epoch 1)');
  });
});

describe('node colours', () => {
  it('follow the node order and stay stable for hosts outside the cluster', () => {
    expect(nodeSlot(['A', 'B'], 'B')).toBe(1);
    expect(nodeSlot(['A', 'B'], 'S')).toBe(nodeSlot(['A', 'B', 'C'], 'S'));
  });
});
