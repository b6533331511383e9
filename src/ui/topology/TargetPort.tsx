// An array target port (T1, T2, …): path P of every node is zoned to port P. A dead port is
// crossed out and says so.

import type { KeyboardEvent } from 'react';
import { useSimStore } from '../../store/useSimStore';
import { Icon } from './icons';
import type { PortBox } from './layout';

interface Props {
  box: PortBox;
  topoKey: string;
  tabIndex: 0 | -1;
  menuOpen: boolean;
  onOpen: () => void;
}

export function TargetPort({ box, topoKey, tabIndex, menuOpen, onOpen }: Props) {
  const up = useSimStore((s) => s.view?.targetPorts.find((t) => t.port === box.port)?.up ?? true);
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  const cx = box.x + box.w / 2;
  return (
    <g
      className={`port-group ${up ? 'up' : 'down'} ${menuOpen ? 'menu-open' : ''}`}
      role="button"
      tabIndex={tabIndex}
      data-topo-key={topoKey}
      aria-label={`Array target port T${box.port}: ${up ? 'up' : 'down'}`}
      aria-haspopup="menu"
      aria-expanded={menuOpen}
      aria-describedby="topology-help"
      onClick={onOpen}
      onKeyDown={onKeyDown}
    >
      <rect className="port-hit" x={box.x - 4} y={box.y - 6} width={box.w + 8} height={box.h + 12} />
      <rect className="port" x={box.x} y={box.y} width={box.w} height={box.h} rx={5} />
      <text x={up ? cx : cx + 7} y={box.y + box.h / 2 + 4} textAnchor="middle" aria-hidden="true">
        T{box.port}
      </text>
      {!up && <Icon name="cross" size={12} x={box.x + 5} y={box.y + box.h / 2 - 6} className="port-cross" />}
      {!up && (
        <text className="port-state" x={box.x + box.w + 6} y={box.y + box.h / 2 + 4} aria-hidden="true">
          down
        </text>
      )}
    </g>
  );
}
