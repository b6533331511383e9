import { describe, expect, it } from 'vitest';
import { commandStr, hexDump, parseHexSmall, parseSgNum } from './hex';

describe('hexDump, laid out like sg3_utils dStrHex()', () => {
  const bytes = Array.from({ length: 20 }, (_, i) => 0x41 + i);

  it('mode 0: offset, 16 bytes with a gap after the 8th, ASCII from column 60', () => {
    expect(hexDump(bytes, 0)).toBe(
      ' 00     41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50    ABCDEFGHIJKLMNOP\n' +
        ' 10     51 52 53 54                                         QRST\n',
    );
  });

  it('mode 1: offset, no ASCII, trailing blanks trimmed', () => {
    expect(hexDump(bytes, 1)).toBe(' 00     41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50\n 10     51 52 53 54\n');
  });

  it('mode -1: bytes only', () => {
    expect(hexDump(bytes.slice(0, 10), -1)).toBe('41 42 43 44 45 46 47 48  49 4a\n');
  });

  it('non-printable bytes show as dots and offsets grow past two digits', () => {
    const dump = hexDump(new Array<number>(272).fill(0), 0).split('\n');
    expect(dump[0]).toBe(` 00     ${'00 '.repeat(8)} ${'00 '.repeat(7)}00    ${'.'.repeat(16)}`);
    expect(dump[16]!.startsWith(' 100    00')).toBe(true);
  });
});

describe('numbers as the tools read them', () => {
  it('commandStr brackets the CDB like sg_get_command_str()', () => {
    expect(commandStr([0x5f, 0, 0, 0, 0, 0, 0, 0, 0x18, 0])).toBe('[5f 00 00 00 00 00 00 00 18 00]');
  });

  it.each([
    ['512', 512],
    ['0x200', 512],
    ['200h', 512],
    ['1k', 1024],
    ['1kb', 1000],
    ['2b', 1024],
    ['abc', -1],
    ['', -1],
  ])('sg_get_num("%s") is %d', (text, value) => {
    expect(parseSgNum(text)).toBe(value);
  });

  it('parseHexSmall takes hex with or without 0x', () => {
    expect(parseHexSmall('5')).toBe(5);
    expect(parseHexSmall('0x1f')).toBe(31);
    expect(parseHexSmall('g')).toBeNull();
  });
});
