// Narrow reads of the store for the diagram. Each returns primitives (or a string key) so a
// component re-renders only when what it draws changes, not on every 30 Hz view.

import type { SimView } from '../../engine';
import type { LayoutInput } from './layout';

/** The topology's shape: everything the layout depends on, as one string (cheap to compare). */
export function shapeKey(view: SimView | null): string {
  if (!view) return '';
  const lun = view.luns[0];
  const nodes = view.nodes.map((n) => `${n.id}=${view.paths.filter((p) => p.node === n.id).map((p) => p.path).join(',')}`).join(';');
  const peers = Math.max(0, ...view.nodes.map((n) => n.peers.length));
  const links = view.links.map((l) => `${l.id}|${l.a}|${l.b}|${l.network}`).join(';');
  const chipLines = view.mode !== 'none' || (lun && (lun.registrations.length > 0 || lun.scsi2Holder !== null)) ? 2 : 1;
  return [view.mode, nodes, view.targetPorts.map((t) => t.port).join(','), links, peers, chipLines].join('#');
}

/** Rows of facts in a node card: service, mount, membership, lost, one "heard" per peer, the key. */
export function cardLinesFor(mode: string, peers: number): number {
  return 4 + peers + (mode === 'scsi3' ? 1 : 0);
}

export const LUN_LINES = 3;

/** Turns a shape key back into the layout's input. */
export function layoutInputFrom(key: string, width: number): LayoutInput | null {
  if (!key) return null;
  const [mode = 'none', nodes = '', ports = '', links = '', peers = '0', chipLines = '1'] = key.split('#');
  return {
    width,
    nodes: nodes
      ? nodes.split(';').map((s) => {
          const [id = '', paths = ''] = s.split('=');
          return { id, paths: paths ? paths.split(',').map(Number) : [] };
        })
      : [],
    ports: ports ? ports.split(',').map(Number) : [],
    links: links
      ? links.split(';').map((s) => {
          const [id = '', a = '', b = '', network = '1'] = s.split('|');
          return { id, a, b, network: Number(network) };
        })
      : [],
    cardLines: cardLinesFor(mode, Number(peers)),
    lunLines: LUN_LINES,
    chipLines: chipLines === '2' ? 2 : 1,
  };
}
