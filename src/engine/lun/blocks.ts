// The medium: READ CAPACITY(10), READ(10) and WRITE(10) (SBC-3) on a sparse store of 512-byte
// blocks. Only written blocks are kept, each with its data and who wrote it last (writer, I_T
// nexus and write sequence number), so the UI can draw a block map and the integrity checker can
// find the corrupting write. Unwritten blocks read as zeros.

import type { ScsiCommand } from './api';
import { be32, fromHex, readBe16, readBe32, toHex } from './bytes';
import type { Outcome } from './sense';
import { SENSE, checkCondition, good, noEffects, unchanged } from './sense';
import type { BlockRecord, LunState } from './state';
import { BLOCK_SIZE, findNexus } from './state';

interface Extent {
  lba: number;
  count: number;
}

/** Decodes LBA and TRANSFER LENGTH of a READ(10)/WRITE(10) CDB and checks them (SBC-3). */
function extentOf(state: LunState, cmd: ScsiCommand, name: string): Extent | Outcome {
  if (((cmd.cdb[1] ?? 0) & 0xe0) !== 0) {
    const field = name === 'READ(10)' ? 'RDPROTECT' : 'WRPROTECT';
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, `SBC-3 ${name}: ${field} is not zero but this LU has no protection information`));
  }
  const lba = readBe32(cmd.cdb, 2);
  const count = readBe16(cmd.cdb, 7);
  if (lba >= state.blockCount || lba + count > state.blockCount) {
    return unchanged(
      state,
      checkCondition(
        SENSE.LBA_OUT_OF_RANGE,
        `SBC-3 ${name}: blocks ${lba}..${lba + Math.max(count, 1) - 1} run past the last LBA ${state.blockCount - 1}, so LOGICAL BLOCK ADDRESS OUT OF RANGE`,
      ),
    );
  }
  return { lba, count };
}

const isOutcome = (x: Extent | Outcome): x is Outcome => 'result' in x;

export function readCapacity10(state: LunState, cmd: ScsiCommand): Outcome {
  const pmi = ((cmd.cdb[8] ?? 0) & 0x01) !== 0;
  if (!pmi && readBe32(cmd.cdb, 2) !== 0) {
    return unchanged(state, checkCondition(SENSE.INVALID_FIELD_IN_CDB, 'SBC-3 READ CAPACITY(10): LOGICAL BLOCK ADDRESS must be zero when PMI is zero'));
  }
  const data = [...be32(state.blockCount - 1), ...be32(BLOCK_SIZE)];
  return unchanged(state, good(`SBC-3 READ CAPACITY(10): last LBA ${state.blockCount - 1}, ${BLOCK_SIZE}-byte blocks`, data));
}

export function read10(state: LunState, cmd: ScsiCommand): Outcome {
  const extent = extentOf(state, cmd, 'READ(10)');
  if (isOutcome(extent)) return extent;
  const { lba, count } = extent;
  const data = new Array<number>(count * BLOCK_SIZE).fill(0);
  for (const rec of state.blocks) {
    if (rec.lba < lba || rec.lba >= lba + count) continue;
    const bytes = fromHex(rec.data);
    const base = (rec.lba - lba) * BLOCK_SIZE;
    for (let i = 0; i < bytes.length; i++) data[base + i] = bytes[i]!;
  }
  const what = count === 0 ? 'a transfer length of 0 reads nothing and is not an error' : `read ${count} block(s) from LBA ${lba}`;
  return unchanged(state, good(`SBC-3 READ(10): ${what}`, data));
}

export function write10(state: LunState, cmd: ScsiCommand): Outcome {
  const extent = extentOf(state, cmd, 'WRITE(10)');
  if (isOutcome(extent)) return extent;
  const { lba, count } = extent;
  if (count === 0) return unchanged(state, good('SBC-3 WRITE(10): a transfer length of 0 writes nothing and is not an error'));
  const seq = state.writeSeq + 1;
  const writer = cmd.writer ?? findNexus(state, cmd.nexus)?.host ?? cmd.nexus;
  const out = cmd.dataOut ?? [];
  const written: BlockRecord[] = [];
  for (let i = 0; i < count; i++) {
    // A data-out buffer shorter than TRANSFER LENGTH x 512 is taken as padded with zeros.
    const bytes = out.slice(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE).map((b) => b & 0xff);
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] === 0) end--;
    written.push({ lba: lba + i, data: toHex(bytes.slice(0, end)), writer, nexus: cmd.nexus, seq });
  }
  const kept = state.blocks.filter((b) => b.lba < lba || b.lba >= lba + count);
  const blocks = [...kept, ...written].sort((a, b) => a.lba - b.lba);
  return {
    state: { ...state, blocks, writeSeq: seq },
    result: good(`SBC-3 WRITE(10): ${writer} wrote ${count} block(s) at LBA ${lba} through ${cmd.nexus} (write #${seq})`),
    effects: noEffects(),
  };
}
