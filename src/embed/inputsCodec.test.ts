import { describe, expect, it } from 'vitest';
import type { SimMs, TimedInput } from '../engine';
import { decodeInputs, encodeInputs, MAX_INPUTS } from './inputsCodec';

const b64 = (json: unknown) => '1.' + btoa(JSON.stringify(json)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const problem = (param: string) => {
  const r = decodeInputs(param);
  return r.ok ? null : r.problem;
};

describe('the inputs parameter', () => {
  it('encodes nothing as the empty string, and reads it back as no inputs', () => {
    expect(encodeInputs([])).toBe('');
    expect(decodeInputs('')).toEqual({ ok: true, inputs: [] });
  });

  it('round-trips faults (with and without a target) and console lines, Unicode included', () => {
    const inputs: TimedInput[] = [
      { step: 0, at: 0 as SimMs, action: { type: 'fault', fault: 'array-power-cycle', target: {} } },
      { step: 5, at: 1200.25 as SimMs, action: { type: 'fault', fault: 'heartbeat-partition', target: { groups: [['A'], ['B', 'C']] } } },
      { step: 5, at: 1300 as SimMs, action: { type: 'fault', fault: 'link-cut', target: { between: ['A', 'B'], network: 1 } } },
      { step: 77, at: 9000 as SimMs, action: { type: 'console', node: 'B', line: 'echo "näive ✓" && sg_turs /dev/sdb' } },
    ];
    expect(decodeInputs(encodeInputs(inputs))).toEqual({ ok: true, inputs });
  });

  it('is compact and URL-safe', () => {
    const inputs: TimedInput[] = Array.from({ length: 20 }, (_, i) => ({ step: i * 10, at: (i * 1000) as SimMs, action: { type: 'fault', fault: 'node-crash', target: { node: 'A' } } }));
    const param = encodeInputs(inputs);
    expect(param).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(param.length / inputs.length).toBeLessThan(60); // about 55 characters a fault
  });

  it('sorts inputs into the order the engine applies them', () => {
    const r = decodeInputs(b64([[9, 50, 'f', 'node-crash'], [2, 10, 'f', 'node-crash'], [2, 5, 'f', 'node-restart']]));
    expect(r.ok && r.inputs.map((i) => [i.step, i.at])).toEqual([[2, 5], [2, 10], [9, 50]]);
  });

  it.each<[string, unknown, string]>([
    ['not a list', { a: 1 }, 'its content is not a list of inputs'],
    ['a bad step', [[-1, 0, 'f', 'node-crash']], 'entry 1 has a step that is not a whole number ≥ 0'],
    ['a bad time', [[0, 'soon', 'f', 'node-crash']], 'entry 1 has a time that is not a number of ms ≥ 0'],
    ['an unknown kind', [[0, 0, 'x', 'node-crash']], 'entry 1 is neither a fault ("f") nor a console line ("c")'],
    ['a fault without id', [[0, 0, 'f', '']], 'entry 1 is a fault without a fault id'],
    ['a bad target', [[0, 0, 'f', 'node-crash', { node: 7 }]], 'target.node must be a node name such as "A"'],
    ['an unknown target field', [[0, 0, 'f', 'node-crash', { host: 'A' }]], 'target has an unknown field "host"; use node, path, network, between, groups or to'],
    ['a console line without text', [[0, 0, 'f', 'node-crash'], [1, 0, 'c', 'A']], 'entry 2 is a console line but has the wrong number of fields'],
  ])('names the problem: %s', (_name, json, text) => {
    expect(problem(b64(json))).toContain(text);
  });

  it('refuses what is not ours, cut off or too big, without throwing', () => {
    expect(problem('W1swLDAsImYiLCJ4Il1d')).toBe('it does not start with "1." (was it cut off or written by hand?)');
    expect(problem('1.$$$')).toBe('it is not valid base64url text (was it cut off?)');
    expect(problem(b64([[0, 0, 'f', 'node-crash']]).slice(0, 12))).toMatch(/cut off/);
    expect(problem('1.' + '_'.repeat(17_000))).toMatch(/characters long/);
    expect(problem(b64(Array.from({ length: MAX_INPUTS + 1 }, () => [0, 0, 'f', 'x'])))).toMatch(/inputs \(at most 500\)/);
    expect(problem('1.' + btoa('\xff\xfe'))).toBe('it is not valid base64url text (was it cut off?)');
  });
});
