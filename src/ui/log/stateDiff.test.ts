import { describe, expect, it } from 'vitest';
import { diffState, stateOf } from './stateDiff';

describe('diffState', () => {
  it('splits LUN states into fields and marks the changed ones', () => {
    const rows = diffState(
      'SPC-2 holder: none; registrations: none; PR reservation: none; PRgeneration 0',
      'SPC-2 holder: none; registrations: A.1=0x36830000; PR reservation: none; PRgeneration 1',
    );
    expect(rows).toEqual([
      { field: 'SPC-2 holder', before: 'none', after: 'none', changed: false },
      { field: 'registrations', before: 'none', after: 'A.1=0x36830000', changed: true },
      { field: 'PR reservation', before: 'none', after: 'none', changed: false },
      { field: 'PRgeneration', before: '0', after: '1', changed: true },
    ]);
  });

  it('treats a machine state as one field', () => {
    expect(diffState('down', 'joining')).toEqual([{ field: 'state', before: 'down', after: 'joining', changed: true }]);
    expect(diffState('online.owner', 'online.owner')[0]!.changed).toBe(false);
  });

  it('shows a lone after (or before) without claiming a change', () => {
    expect(diffState(undefined, 'fenced')).toEqual([{ field: 'state', before: null, after: 'fenced', changed: false }]);
  });

  it('lists fields that only the after state has', () => {
    expect(diffState('a: 1', 'a: 1; b: 2').map((r) => r.field)).toEqual(['a', 'b']);
  });

  it('reads before/after only when they are strings', () => {
    expect(stateOf({ before: 'x', after: 3 })).toEqual({ before: 'x', after: undefined });
    expect(stateOf(undefined)).toEqual({});
  });
});
