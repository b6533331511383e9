import { describe, expect, it } from 'vitest';
import { opcodeName, prTypeFullName, prTypeMeaning } from './prNames';

describe('reservation type names (SPC-4 table 46)', () => {
  it.each([
    ['WE', 'Write Exclusive (WE)'],
    ['EA', 'Exclusive Access (EA)'],
    ['WE_RO', 'Write Exclusive – Registrants Only (WE_RO)'],
    ['EA_RO', 'Exclusive Access – Registrants Only (EA_RO)'],
    ['WE_AR', 'Write Exclusive – All Registrants (WE_AR)'],
    ['EA_AR', 'Exclusive Access – All Registrants (EA_AR)'],
  ] as const)('%s is %s', (type, name) => {
    expect(prTypeFullName(type)).toBe(name);
  });

  it('says who may write under WE_RO', () => {
    expect(prTypeMeaning('WE_RO')).toMatch(/registered initiators may write/);
  });
});

describe('opcode names', () => {
  it('names the commands the lab sends and falls back to hex', () => {
    expect(opcodeName(0x2a)).toBe('WRITE(10)');
    expect(opcodeName(0x5f)).toBe('PERSISTENT RESERVE OUT');
    expect(opcodeName(0xc1)).toBe('opcode c1h');
  });
});
