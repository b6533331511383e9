// The block map of LUN 0: the file system's data area and the metadata blocks, each with its last
// writer, whether an integrity violation hit it, and an accessible name that says all of that.

import type { IntegrityView, LunSummary } from '../../engine';
import { formatTime } from '../format';

// Mirrors src/engine/storage/app.ts (DATA_LBA_FIRST/COUNT) and the VG metadata block; the UI
// imports engine types only, never engine code.
export const DATA_LBA_FIRST = 64;
export const DATA_LBA_COUNT = 64;
export const METADATA_LBAS: readonly number[] = [0, 1];

export type Violation = IntegrityView['violations'][number];

export interface BlockCell {
  lba: number;
  writer: string | null;
  /** Some accepted write to this LBA came from a superseded mount. */
  corrupted: boolean;
  /** This block took the first corrupting write of the run. */
  first: boolean;
  /** The accessible name, e.g. "LBA 77: written by A" or "LBA 77: corrupted — A wrote after B mounted". */
  name: string;
}

export interface FirstCorruption {
  violation: Violation;
  /** "first corrupting write: A at 17.005 s, LBA 77" */
  text: string;
}

export interface BlockMapModel {
  metadata: BlockCell[];
  data: BlockCell[];
  /** Writers present in the map, in first-appearance order (for the legend). */
  writers: string[];
  written: number;
  corrupted: number;
  first: FirstCorruption | null;
}

/** "A wrote after B mounted", or without the mounter when the trace no longer tells. */
export function describeViolation(v: Violation, mountedBy: string | null): string {
  if (mountedBy && mountedBy !== v.node) return `${v.node} wrote after ${mountedBy} mounted`;
  return `${v.node} wrote from a superseded mount (epoch ${v.epoch})`;
}

/**
 * @param mounterOf who made the mount that superseded the violating writer's (from the trace:
 *   the violation entry's parent is that APP.MOUNT), or null when unknown.
 */
export function buildBlockMap(lun: LunSummary, violations: readonly Violation[], mounterOf: (v: Violation) => string | null): BlockMapModel {
  const writerOf = new Map(lun.blocks.map((b) => [b.lba, b.writer]));
  // The latest violation per LBA describes the block; the first of the run gets the callout.
  const violationAt = new Map<number, Violation>();
  for (const v of violations) violationAt.set(v.lba, v);
  const firstV = violations[0] ?? null;

  const cell = (lba: number, metadata: boolean): BlockCell => {
    const writer = writerOf.get(lba) ?? null;
    const v = violationAt.get(lba);
    const where = metadata ? `LBA ${lba} (metadata)` : `LBA ${lba}`;
    let name: string;
    if (v) name = `${where}: corrupted — ${describeViolation(v, mounterOf(v))}${writer && writer !== v.node ? ` (last written by ${writer})` : ''}`;
    else if (writer) name = `${where}: written by ${writer}`;
    else name = `${where}: never written`;
    return { lba, writer, corrupted: v !== undefined, first: firstV !== null && firstV.lba === lba, name };
  };

  const metadata = METADATA_LBAS.map((lba) => cell(lba, true));
  const data = Array.from({ length: DATA_LBA_COUNT }, (_, i) => cell(DATA_LBA_FIRST + i, false));
  const writers: string[] = [];
  for (const c of [...metadata, ...data]) if (c.writer && !writers.includes(c.writer)) writers.push(c.writer);
  return {
    metadata,
    data,
    writers,
    written: data.filter((c) => c.writer).length,
    corrupted: data.filter((c) => c.corrupted).length + metadata.filter((c) => c.corrupted).length,
    first: firstV ? { violation: firstV, text: `first corrupting write: ${firstV.node} at ${formatTime(firstV.at)}, LBA ${firstV.lba}` } : null,
  };
}
