import { describe, expect, it } from 'vitest';
import { isRovingKey, moveFocus } from './roving';

const rows = [
  ['node:A', 'link:1:A-B', 'node:B'],
  ['path:A:1', 'path:A:2', 'path:B:1', 'path:B:2'],
  ['port:1', 'port:2'],
  ['lun:0'],
];
const at = {
  'node:A': { x: 150, y: 90 },
  'link:1:A-B': { x: 440, y: 90 },
  'node:B': { x: 730, y: 90 },
  'path:A:1': { x: 100, y: 200 },
  'path:A:2': { x: 190, y: 200 },
  'path:B:1': { x: 680, y: 200 },
  'path:B:2': { x: 770, y: 200 },
  'port:1': { x: 300, y: 330 },
  'port:2': { x: 560, y: 330 },
  'lun:0': { x: 440, y: 420 },
};

describe('roving focus in the diagram', () => {
  it('walks the reading order with Right and Left, across rows', () => {
    expect(moveFocus(rows, at, 'node:A', 'ArrowRight')).toBe('link:1:A-B');
    expect(moveFocus(rows, at, 'node:B', 'ArrowRight')).toBe('path:A:1');
    expect(moveFocus(rows, at, 'path:A:1', 'ArrowLeft')).toBe('node:B');
  });

  it('stops at the ends instead of wrapping', () => {
    expect(moveFocus(rows, at, 'lun:0', 'ArrowRight')).toBe('lun:0');
    expect(moveFocus(rows, at, 'node:A', 'ArrowLeft')).toBe('node:A');
  });

  it('jumps to the nearest element of the next or previous row with Down and Up', () => {
    expect(moveFocus(rows, at, 'node:B', 'ArrowDown')).toBe('path:B:2');
    expect(moveFocus(rows, at, 'path:A:2', 'ArrowDown')).toBe('port:1');
    expect(moveFocus(rows, at, 'port:2', 'ArrowUp')).toBe('path:B:1');
    expect(moveFocus(rows, at, 'lun:0', 'ArrowDown')).toBe('lun:0');
    expect(moveFocus(rows, at, 'node:A', 'ArrowUp')).toBe('node:A');
  });

  it('goes to the first and last element with Home and End', () => {
    expect(moveFocus(rows, at, 'port:1', 'Home')).toBe('node:A');
    expect(moveFocus(rows, at, 'node:A', 'End')).toBe('lun:0');
  });

  it('starts at the first element when the current one is gone', () => {
    expect(moveFocus(rows, at, 'path:C:1', 'ArrowRight')).toBe('node:A');
  });

  it('leaves other keys alone', () => {
    expect(isRovingKey('Enter')).toBe(false);
    expect(isRovingKey('ArrowDown')).toBe(true);
  });
});
