// One path (I_T nexus): the node's HBA port and the cable through the fabric and the array port
// to the LUN. The path multipath uses now is drawn thick; a failed path is dashed and says so;
// a pulled cable or a dead array port is drawn broken with a cross where it broke.

import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimView } from '../../engine';
import { useSimStore } from '../../store/useSimStore';
import { pointAlong, polylinePath, slicePolyline } from './geometry';
import { Icon } from './icons';
import type { HbaBox, PathRoute } from './layout';
import { nodeSlot } from '../lun/nodeColors';

interface Props {
  route: PathRoute;
  hba: HbaBox;
  /** Little room beside the port (phones): the state in fewer letters. */
  compact: boolean;
  topoKey: string;
  tabIndex: 0 | -1;
  menuOpen: boolean;
  onOpen: () => void;
}

interface PathFacts {
  up: boolean;
  portUp: boolean;
  mpath: 'active' | 'failed';
  current: boolean;
  nodeUp: boolean;
}

function pathFacts(view: SimView | null, nexus: string): PathFacts {
  const p = view?.paths.find((x) => x.nexus === nexus);
  const node = view?.nodes.find((n) => n.id === p?.node);
  return { up: p?.up ?? true, portUp: p?.portUp ?? true, mpath: p?.mpath ?? 'active', current: p?.current ?? false, nodeUp: node?.power === 'up' };
}

/** The path's state in a few words (shown beside the cable and in its accessible name). */
export function pathWords(f: PathFacts): { short: string; tiny: string; long: string; tone: 'current' | 'ready' | 'failed' | 'broken' } {
  if (!f.up) return { short: 'cable pulled', tiny: 'pulled', long: 'down (HBA cable pulled); multipath ' + (f.mpath === 'failed' ? 'has failed it' : 'has not noticed yet'), tone: 'broken' };
  if (!f.portUp) return { short: 'port down', tiny: 'no port', long: 'array port down; multipath ' + (f.mpath === 'failed' ? 'has failed it' : 'has not noticed yet'), tone: 'broken' };
  if (f.mpath === 'failed') return { short: 'failed', tiny: 'failed', long: 'up, but failed in multipath (waiting for the path checker)', tone: 'failed' };
  if (f.current) return { short: 'in use', tiny: 'in use', long: 'up, in use by multipath', tone: 'current' };
  return { short: 'ready', tiny: 'ready', long: 'up, ready (multipath standby)', tone: 'ready' };
}

const GAP = 0.012;

export function PathWire({ route, hba, compact, topoKey, tabIndex, menuOpen, onOpen }: Props) {
  const f = useSimStore(useShallow((s) => pathFacts(s.view, route.nexus)));
  const slot = useSimStore((s) => nodeSlot(s.view?.nodes.map((n) => n.id) ?? [], route.node));
  const words = pathWords(f);
  const brk = !f.up ? route.at.hbaBreak : !f.portUp ? route.at.portBreak : null;
  const pieces = brk === null ? [route.points] : [slicePolyline(route.points, 0, brk - GAP), slicePolyline(route.points, brk + GAP, 1)];
  const cross = brk === null ? null : pointAlong(route.points, brk);
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  const name = `Path ${route.nexus} from node ${route.node} to array port T${route.port}: ${words.long}`;
  const own = route.own;
  // The route is drawn apart from the button, so the button's box (the HBA port and its own
  // cable) is where a pointer lands, not the middle of a long route through the fabric.
  const tone = `${words.tone} ${f.nodeUp ? '' : 'node-down'} ${menuOpen ? 'menu-open' : ''}`;
  return (
    <>
      <g className={`path-route ${tone}`} aria-hidden="true">
        {pieces.map((pts, i) => (
          <path key={i} d={polylinePath(pts)} className="path-line" fill="none" />
        ))}
        {cross && (
          <g className="path-break" transform={`translate(${cross.x} ${cross.y})`}>
            <circle r={9} />
            <Icon name="cross" size={12} x={-6} y={-6} />
          </g>
        )}
      </g>
      <g
        className={`path-group ${tone}`}
        role="button"
        tabIndex={tabIndex}
        data-topo-key={topoKey}
        aria-label={name}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-describedby="topology-help"
        onClick={onOpen}
        onKeyDown={onKeyDown}
      >
        <path d={polylinePath(own)} className="path-hit" fill="none" />
        <path d={polylinePath(own)} className="path-own" fill="none" />
        <g className={`hba node-c${slot}`}>
          <rect x={hba.x} y={hba.y} width={hba.w} height={hba.h} rx={4} />
          <rect className="hba-tag" x={hba.x + 3} y={hba.y + 4} width={4} height={hba.h - 8} rx={1.5} />
          <text x={hba.x + hba.w / 2 + 3} y={hba.y + hba.h / 2 + 4} textAnchor="middle">
            {route.nexus}
          </text>
        </g>
        <text className="path-state" x={route.labelAt.x} y={route.labelAt.y} textAnchor={route.labelAt.anchor}>
          {words.tone === 'current' ? '▶ ' : words.tone === 'ready' ? '' : '✕ '}
          {compact ? words.tiny : words.short}
        </text>
      </g>
    </>
  );
}
