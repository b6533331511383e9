import { describe, expect, it } from 'vitest';
import type { SimView } from '../../engine';
import { layoutInputFrom, shapeKey } from './selectors';

function view(mode: SimView['mode'], nodes: string[], paths: number): SimView {
  return {
    mode,
    nodes: nodes.map((id) => ({ id, peers: nodes.filter((p) => p !== id).map((p) => ({ id: p, member: true, missed: 0 })) })),
    paths: nodes.flatMap((node) => Array.from({ length: paths }, (_, i) => ({ nexus: `${node}.${i + 1}`, node, path: i + 1 }))),
    targetPorts: Array.from({ length: paths }, (_, i) => ({ port: i + 1, up: true })),
    links: [{ id: 'hb1:A-B', network: 1, a: 'A', b: 'B', up: true, lastHeartbeat: {} }],
    luns: [{ registrations: [], scsi2Holder: null }],
  } as unknown as SimView;
}

describe('the shape of the topology', () => {
  it('turns into the layout input: nodes with their paths, ports, links and card sizes', () => {
    const input = layoutInputFrom(shapeKey(view('scsi3', ['A', 'B'], 2)), 880)!;
    expect(input).toEqual({
      width: 880,
      nodes: [
        { id: 'A', paths: [1, 2] },
        { id: 'B', paths: [1, 2] },
      ],
      ports: [1, 2],
      links: [{ id: 'hb1:A-B', a: 'A', b: 'B', network: 1 }],
      cardLines: 6,
      lunLines: 3,
      chipLines: 2,
    });
  });

  it('does not change while only the simulation state changes', () => {
    const a = view('none', ['A', 'B'], 1);
    const b = { ...a, time: 5000, links: [{ ...a.links[0]!, up: false }] } as SimView;
    expect(shapeKey(b)).toBe(shapeKey(a));
  });

  it('changes when a host joins (a standalone server gets the LUN)', () => {
    const a = view('none', ['A', 'B'], 1);
    expect(shapeKey(view('none', ['A', 'B', 'S'], 1))).not.toBe(shapeKey(a));
  });

  it('is empty without a view', () => {
    expect(layoutInputFrom(shapeKey(null), 880)).toBeNull();
  });
});
