import { describe, expect, it } from 'vitest';
import type { FaultOption } from '../../engine';
import { elementKey, menuTitle, optionsFor, parseElementKey, type ElementRef } from './optionsFor';

const f = (id: string, label: string, target: FaultOption['target'], targets: FaultOption['targets']): FaultOption => ({ id, label, description: `${label}.`, target, targets });

const faults: FaultOption[] = [
  f('heartbeat-partition', 'Partition heartbeat network', 'groups', [{ target: { groups: [['A'], ['B']] }, label: '{A} | {B}' }]),
  f('heartbeat-heal', 'Heal heartbeat partition', 'none', [{ target: {}, label: 'all' }]),
  f('link-cut', 'Cut heartbeat link', 'link', [{ target: { between: ['A', 'B'], network: 1 }, label: 'A–B (network 1)' }]),
  f('node-crash', 'Crash node', 'node', [{ target: { node: 'A' }, label: 'Node A' }, { target: { node: 'B' }, label: 'Node B' }]),
  f('path-down', 'Take path down', 'path', [{ target: { node: 'A', path: 1 }, label: 'A.1' }, { target: { node: 'A', path: 2 }, label: 'A.2' }]),
  f('target-port-down', 'Take array port down', 'port', [{ target: { path: 2 }, label: 'array port T2' }]),
  f('lun-reset', 'LUN reset', 'lun', [{ target: { node: 'A' }, label: 'from node A' }]),
  f('array-power-cycle', 'Power-cycle the array', 'lun', [{ target: {}, label: 'the array' }]),
  f('move-service', 'Move service to node', 'node', [{ target: { to: 'B' }, label: 'to node B' }]),
  f('clear-reservations', 'Clear reservations (admin)', 'node', [{ target: { node: 'A' }, label: 'from node A' }]),
  f('standalone-host', 'Present LUN to a standalone host', 'none', [{ target: { node: 'S' }, label: 'new host S' }]),
];
const labels = (el: ElementRef) => optionsFor({ faults }, el).map((o) => o.label);

describe('fault menus of the diagram', () => {
  it("list a node's own faults first, then the ones that name it", () => {
    expect(labels({ kind: 'node', node: 'A' })).toEqual(['Crash node', 'Clear reservations (admin)', 'Partition heartbeat network: isolate A']);
    expect(labels({ kind: 'node', node: 'B' })).toEqual(['Crash node', 'Partition heartbeat network: isolate B', 'Move service to node']);
  });

  it('give a path its own faults only', () => {
    expect(optionsFor({ faults }, { kind: 'path', node: 'A', path: 2 })).toEqual([{ faultId: 'path-down', label: 'Take path down', hint: 'Take path down.', target: { node: 'A', path: 2 } }]);
    expect(labels({ kind: 'path', node: 'B', path: 1 })).toEqual([]);
  });

  it('give an array port the faults that name it by "path"', () => {
    expect(labels({ kind: 'port', port: 2 })).toEqual(['Take array port down']);
    expect(labels({ kind: 'port', port: 1 })).toEqual([]);
  });

  it('give the LUN the resets, the power cycle and presenting it to another host', () => {
    expect(labels({ kind: 'lun', lun: 0 })).toEqual(['LUN reset', 'Power-cycle the array', 'Present LUN to a standalone host']);
    expect(optionsFor({ faults }, { kind: 'lun', lun: 0 })[0]!.hint).toBe('From node A: LUN reset.');
  });

  it('give a heartbeat link its cut and the network-wide heal', () => {
    expect(labels({ kind: 'link', a: 'B', b: 'A', network: 1 })).toEqual(['Cut heartbeat link', 'Heal heartbeat partition']);
  });
});

describe('element keys', () => {
  it.each<ElementRef>([
    { kind: 'node', node: 'A' },
    { kind: 'link', a: 'A', b: 'C', network: 2 },
    { kind: 'path', node: 'B', path: 3 },
    { kind: 'port', port: 1 },
    { kind: 'lun', lun: 0 },
  ])('round-trips %o', (el) => {
    expect(parseElementKey(elementKey(el))).toEqual(el);
  });

  it('name menus after their element', () => {
    expect(menuTitle({ kind: 'path', node: 'A', path: 1 })).toBe('Faults for path A.1');
    expect(menuTitle({ kind: 'port', port: 2 })).toBe('Faults for array port T2');
  });
});
