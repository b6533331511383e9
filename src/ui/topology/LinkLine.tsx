// A heartbeat link drawn as a curve between two nodes, with its state in words and, while
// heartbeats flow, pulses travelling from sender to receiver. With reduced motion the pulses
// don't travel: a still dot sits at the sender for the same time.

import type { KeyboardEvent } from 'react';
import { useReducedMotion } from 'framer-motion';
import type { LinkView } from '../../engine';
import { pointOnCurve, type Point } from './geometry';

/** How long a heartbeat pulse is drawn on its link (virtual ms). The real hop takes ~1 ms. */
export const PULSE_MS = 600;

interface Props {
  link: LinkView;
  from: Point;
  to: Point;
  control: Point;
  now: number;
  onOpenMenu: (at: Point) => void;
}

export function LinkLine({ link, from, to, control, now, onOpenMenu }: Props) {
  const reduced = useReducedMotion();
  const d = `M ${from.x} ${from.y} Q ${control.x} ${control.y} ${to.x} ${to.y}`;
  const mid = pointOnCurve(from, control, to, 0.5);
  const label = link.up ? `hb${link.network} ♥` : `hb${link.network} ✂ cut`;
  const name = `Heartbeat link ${link.a}–${link.b} on network ${link.network}: ${link.up ? 'up' : 'cut'}`;
  const open = () => onOpenMenu(mid);
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  const pulses = Object.entries(link.lastHeartbeat)
    .map(([sender, sentAt]) => ({ sender, age: now - sentAt }))
    .filter((p) => p.age >= 0 && p.age < PULSE_MS);
  return (
    <g className="link-group" role="button" tabIndex={0} aria-label={name} aria-haspopup="menu" onClick={open} onKeyDown={onKeyDown}>
      <path d={d} className="link-hit" fill="none" />
      <path d={d} className={`link-line ${link.up ? '' : 'cut'}`} fill="none" />
      {pulses.map(({ sender, age }) => {
        const forward = sender === link.a;
        const f = reduced ? 0.08 : age / PULSE_MS;
        const p = pointOnCurve(from, control, to, forward ? f : 1 - f);
        return <circle key={sender} className={reduced ? 'pulse-still' : 'pulse'} cx={p.x} cy={p.y} r={6} opacity={reduced ? 1 - age / PULSE_MS : 1} aria-hidden="true" />;
      })}
      <g className={`link-label ${link.up ? '' : 'cut'}`} aria-hidden="true">
        <rect x={mid.x - 38} y={mid.y - 12} width={76} height={24} rx={12} />
        <text x={mid.x} y={mid.y + 4} textAnchor="middle">
          {label}
        </text>
      </g>
    </g>
  );
}
