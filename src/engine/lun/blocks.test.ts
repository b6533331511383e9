// The medium (SBC-3 READ CAPACITY(10), READ(10), WRITE(10)) and its block map.

import { describe, expect, it } from 'vitest';
import { buildReadCapacity10Cdb, buildReadCdb, buildWriteCdb } from './cdb';
import { describeLun } from './describe';
import { A1, A2, B1, C1, freshLun, illegal, ok, run } from './testKit';

const block = (fill: number): number[] => new Array<number>(512).fill(fill);

describe('READ CAPACITY(10) (SBC-3)', () => {
  it('returns the last LBA (2047) and the block length (512), big-endian', () => {
    const r = run(freshLun(), C1, buildReadCapacity10Cdb());
    expect(r.result).toMatchObject({ status: 'GOOD', dataIn: [0, 0, 0x07, 0xff, 0, 0, 0x02, 0x00] });
  });

  it('rejects a non-zero LOGICAL BLOCK ADDRESS with PMI = 0 as INVALID FIELD IN CDB', () => {
    const r = run(freshLun(), C1, [0x25, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(r.result.sense).toEqual(illegal(0x24, 0x00));
  });
});

describe('WRITE(10) and READ(10) (SBC-3) on the sparse block store', () => {
  it('reads back what was written and zeros where nothing was', () => {
    const data = [...block(0xaa), ...Array.from({ length: 512 }, (_, i) => i & 0xff)];
    const s = ok(run(freshLun(), A1, buildWriteCdb(100, 2), data));
    const r = run(s, B1, buildReadCdb(99, 4));
    expect(r.result.status).toBe('GOOD');
    expect(r.result.dataIn).toEqual([...block(0), ...data, ...block(0)]);
  });

  it('keeps, per written block, who wrote it last: writer, I_T nexus and write sequence number', () => {
    let s = ok(run(freshLun(), A1, buildWriteCdb(10, 2), [...block(1), ...block(2)]));
    s = ok(run(s, B1, buildWriteCdb(11), block(3), { writer: 'B-app' }));
    s = ok(run(s, A2, buildWriteCdb(5), block(4)));
    expect(describeLun(s).blocks).toEqual([
      { lba: 5, writer: 'A', nexus: A2, seq: 3 },
      { lba: 10, writer: 'A', nexus: A1, seq: 1 },
      { lba: 11, writer: 'B-app', nexus: B1, seq: 2 },
    ]);
  });

  it('stores blocks sparsely: only written blocks, trailing zero bytes trimmed', () => {
    const data = block(0);
    data[0] = 0xde;
    data[1] = 0xad;
    const s = ok(run(freshLun(), C1, buildWriteCdb(2047), data));
    expect(s.blocks).toEqual([{ lba: 2047, data: 'dead', writer: 'C', nexus: C1, seq: 1 }]);
  });

  it('pads a short data-out buffer with zeros', () => {
    const s = ok(run(freshLun(), C1, buildWriteCdb(0, 2), [7, 7]));
    expect(s.blocks.map((b) => b.data)).toEqual(['0707', '']);
  });

  it.each([
    ['READ(10) at LBA 2048', buildReadCdb(2048, 1)],
    ['READ(10) of 2 blocks at LBA 2047', buildReadCdb(2047, 2)],
    ['WRITE(10) of 2 blocks at LBA 2047', buildWriteCdb(2047, 2)],
    ['WRITE(10) at LBA FFFFFFFFh', buildWriteCdb(0xffffffff, 1)],
  ])('answers %s with CHECK CONDITION, ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE (21h/00h) and writes nothing', (_what, cdb) => {
    const s = freshLun();
    const r = run(s, A1, cdb, block(1).concat(block(1)));
    expect(r.result).toMatchObject({ status: 'CHECK_CONDITION', sense: illegal(0x21, 0x00), dataIn: [] });
    expect(r.state).toEqual(s);
  });

  it('treats a TRANSFER LENGTH of 0 as no transfer, not an error', () => {
    const s = freshLun();
    expect(run(s, A1, buildReadCdb(3, 0)).result).toMatchObject({ status: 'GOOD', dataIn: [] });
    const w = run(s, A1, buildWriteCdb(3, 0));
    expect(w.result.status).toBe('GOOD');
    expect(w.state).toEqual(s);
  });

  it('rejects RDPROTECT / WRPROTECT other than 0 with INVALID FIELD IN CDB (no protection information)', () => {
    expect(run(freshLun(), A1, [0x28, 0x20, 0, 0, 0, 0, 0, 0, 1, 0]).result.sense).toEqual(illegal(0x24, 0x00));
    expect(run(freshLun(), A1, [0x2a, 0x60, 0, 0, 0, 0, 0, 0, 1, 0], block(1)).result.sense).toEqual(illegal(0x24, 0x00));
  });
});
