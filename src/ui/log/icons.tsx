// Small icons for status words and log categories. Decorative: every use has its words beside it.
// They are nested <svg>s, so the ladder can place them inside its own SVG with x/y.

import type { TraceCategory } from '../../engine';
import type { StatusWord } from './status';

interface IconProps {
  x?: number;
  y?: number;
  size?: number;
  className?: string;
}

const frame = ({ x, y, size = 16, className }: IconProps) =>
  ({ x, y, width: size, height: size, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false, className }) as const;

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function StatusIcon({ word, ...p }: IconProps & { word: StatusWord }) {
  switch (word) {
    case 'GOOD':
      return (
        <svg {...frame(p)}>
          <circle cx="8" cy="8" r="6.6" {...stroke} />
          <path d="M5 8.3 L7.2 10.4 L11.2 5.8" {...stroke} />
        </svg>
      );
    case 'RESERVATION CONFLICT':
      // A "no entry" sign: the LUN refuses the command.
      return (
        <svg {...frame(p)}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <rect x="3.6" y="6.8" width="8.8" height="2.4" rx="0.6" fill="var(--surface)" />
        </svg>
      );
    case 'UNIT ATTENTION':
    case 'CHECK CONDITION':
      return (
        <svg {...frame(p)}>
          <path d="M8 1.6 L15 14 H1 Z" {...stroke} />
          <path d="M8 6 V9.6" {...stroke} />
          <circle cx="8" cy="11.9" r="1" fill="currentColor" />
        </svg>
      );
    case 'TIMEOUT':
      return (
        <svg {...frame(p)}>
          <circle cx="8" cy="8.6" r="6" {...stroke} />
          <path d="M8 5.4 V8.8 L10.4 10.2 M6 1.4 H10" {...stroke} />
        </svg>
      );
    case 'ABORTED':
      return (
        <svg {...frame(p)}>
          <circle cx="8" cy="8" r="6.6" {...stroke} />
          <path d="M5.6 5.6 L10.4 10.4 M10.4 5.6 L5.6 10.4" {...stroke} />
        </svg>
      );
  }
}

export function CategoryIcon({ category, ...p }: IconProps & { category: TraceCategory }) {
  switch (category) {
    case 'heartbeat':
      return (
        <svg {...frame(p)}>
          <path d="M1 8.5 H4.5 L6 4.5 L8.5 12 L10.2 7 L11.2 8.5 H15" {...stroke} />
        </svg>
      );
    case 'scsi':
      // A disk: the LUN.
      return (
        <svg {...frame(p)}>
          <ellipse cx="8" cy="4" rx="5.5" ry="2.2" {...stroke} />
          <path d="M2.5 4 V12 C2.5 13.2 5 14.2 8 14.2 C11 14.2 13.5 13.2 13.5 12 V4 M2.5 8 C2.5 9.2 5 10.2 8 10.2 C11 10.2 13.5 9.2 13.5 8" {...stroke} />
        </svg>
      );
    case 'cluster':
      return (
        <svg {...frame(p)}>
          <rect x="1.5" y="2.5" width="5" height="11" rx="1" {...stroke} />
          <rect x="9.5" y="2.5" width="5" height="11" rx="1" {...stroke} />
          <path d="M6.5 8 H9.5" {...stroke} />
        </svg>
      );
    case 'fault':
    case 'input':
      return (
        <svg {...frame(p)}>
          <path d="M9.5 1 L3.5 9 H8 L6.5 15 L12.5 7 H8 Z" {...stroke} />
        </svg>
      );
    case 'integrity':
      return (
        <svg {...frame(p)}>
          <path d="M8 1.2 L14 3.6 V7.6 C14 11 11.4 13.6 8 14.8 C4.6 13.6 2 11 2 7.6 V3.6 Z" {...stroke} />
          <path d="M8 5 V8.4" {...stroke} />
          <circle cx="8" cy="10.9" r="0.95" fill="currentColor" />
        </svg>
      );
  }
}

export function StarIcon(p: IconProps) {
  return (
    <svg {...frame(p)}>
      <path d="M8 1.5 L9.9 5.8 L14.5 6.2 L11 9.2 L12.1 13.8 L8 11.4 L3.9 13.8 L5 9.2 L1.5 6.2 L6.1 5.8 Z" fill="currentColor" />
    </svg>
  );
}
