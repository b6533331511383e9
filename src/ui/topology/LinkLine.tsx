// A heartbeat link drawn as a curve between two nodes, with its state in words and, while
// heartbeats flow, pulses travelling from sender to receiver. With reduced motion the pulses
// don't travel: a still dot sits at the sender for the same time.

import type { KeyboardEvent } from 'react';
import { useReducedMotion } from 'framer-motion';
import { useShallow } from 'zustand/react/shallow';
import type { SimView } from '../../engine';
import { useSimStore } from '../../store/useSimStore';
import { pointOnCurve, textWidth } from './geometry';
import { Icon } from './icons';
import type { LinkRoute } from './layout';

/** How long a heartbeat pulse is drawn on its link (virtual ms). The real hop takes ~1 ms. */
export const PULSE_MS = 600;

interface Props {
  route: LinkRoute;
  topoKey: string;
  tabIndex: 0 | -1;
  menuOpen: boolean;
  onOpen: () => void;
}

/** The link's state and its visible pulses as "sender:fraction" (changes only while they move). */
function linkState(view: SimView | null, id: string): { up: boolean; pulses: string } {
  const link = view?.links.find((l) => l.id === id);
  if (!view || !link) return { up: true, pulses: '' };
  const pulses = Object.entries(link.lastHeartbeat)
    .map(([sender, sentAt]) => ({ sender, age: view.time - sentAt }))
    .filter((p) => p.age >= 0 && p.age < PULSE_MS)
    .map((p) => `${p.sender}:${(p.age / PULSE_MS).toFixed(3)}`)
    .join(' ');
  return { up: link.up, pulses };
}

export function LinkLine({ route, topoKey, tabIndex, menuOpen, onOpen }: Props) {
  const reduced = useReducedMotion();
  const { up, pulses } = useSimStore(useShallow((s) => linkState(s.view, route.id)));
  const { from, to, control, labelAt } = route;
  const d = `M ${from.x} ${from.y} Q ${control.x} ${control.y} ${to.x} ${to.y}`;
  const name = `Heartbeat link ${route.a}–${route.b} on network ${route.network}: ${up ? 'up' : 'cut'}`;
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  const text = `hb${route.network}${up ? '' : ' cut'}`;
  const w = textWidth(text, 12) + 34;
  return (
    <g
      className={`link-group ${up ? 'up' : 'cut'} ${menuOpen ? 'menu-open' : ''}`}
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
      <path d={d} className="link-hit" fill="none" />
      <path d={d} className="link-line" fill="none" />
      {pulses &&
        pulses.split(' ').map((p) => {
          const [sender, frac] = p.split(':');
          const age = Number(frac);
          const forward = sender === route.a;
          const f = reduced ? 0.08 : age;
          const at = pointOnCurve(from, control, to, forward ? f : 1 - f);
          return <circle key={sender} className="pulse" cx={at.x} cy={at.y} r={6} opacity={reduced ? 1 - age : 1} aria-hidden="true" />;
        })}
      {route.labelVertical ? (
        <g className="link-label vertical" aria-hidden="true" transform={`translate(${labelAt.x} ${labelAt.y}) rotate(-90)`}>
          <rect x={-w / 2} y={-10} width={w} height={20} rx={10} />
          <text x={6} y={4} textAnchor="middle">
            {text}
          </text>
          <Icon name={up ? 'heart' : 'scissors'} size={11} x={-w / 2 + 7} y={-5.5} />
        </g>
      ) : (
        <g className="link-label" aria-hidden="true" transform={`translate(${labelAt.x} ${labelAt.y})`}>
          <rect x={-w / 2} y={-12} width={w} height={24} rx={12} />
          <Icon name={up ? 'heart' : 'scissors'} size={12} x={-w / 2 + 9} y={-6} />
          <text x={8} y={4} textAnchor="middle">
            {text}
          </text>
        </g>
      )}
    </g>
  );
}
