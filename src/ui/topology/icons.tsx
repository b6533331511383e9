// The diagram's icons, drawn as SVG so they look the same on every system (no emoji font
// needed). Each works inside HTML or inside the diagram's SVG (pass x and y there). Icons go with
// a word; they are decoration for assistive technology.

export type IconName =
  | 'check'
  | 'cross'
  | 'noentry'
  | 'timer'
  | 'alert'
  | 'power'
  | 'bolt'
  | 'reboot'
  | 'reset'
  | 'key'
  | 'star'
  | 'disk'
  | 'skull'
  | 'snow'
  | 'heart'
  | 'scissors'
  | 'lock'
  | 'dot'
  | 'pause'
  | 'hourglass';

const S = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

function glyph(name: IconName) {
  switch (name) {
    case 'check':
      return <path d="M3 8.5 L6.5 12 L13 4.5" {...S} strokeWidth={2.2} />;
    case 'cross':
      return <path d="M4 4 L12 12 M12 4 L4 12" {...S} strokeWidth={2.2} />;
    case 'noentry':
      return (
        <>
          <circle cx="8" cy="8" r="6.8" fill="currentColor" />
          <rect x="3.8" y="6.9" width="8.4" height="2.2" rx="0.6" fill="var(--surface)" />
        </>
      );
    case 'timer':
      return (
        <>
          <circle cx="8" cy="9.2" r="5.4" {...S} />
          <path d="M8 9.2 L8 6.2 M6.3 1.8 H9.7 M12.3 4.4 L13.4 3.3" {...S} />
        </>
      );
    case 'alert':
      return (
        <>
          <path d="M8 1.8 L14.8 13.8 H1.2 Z" {...S} />
          <path d="M8 6.2 V9.6" {...S} strokeWidth={2} />
          <circle cx="8" cy="11.8" r="1.1" fill="currentColor" />
        </>
      );
    case 'power':
      return <path d="M8 1.8 V7.6 M4.6 4.2 A5.2 5.2 0 1 0 11.4 4.2" {...S} strokeWidth={2} />;
    case 'bolt':
      return <path d="M9.2 1 L3.2 9.2 H7.4 L6.6 15 L12.8 6.6 H8.6 Z" fill="currentColor" />;
    case 'reboot':
    case 'reset':
      return <path d="M13.2 8 A5.2 5.2 0 1 1 10.9 3.7 M11.6 1 L11 4.1 L7.9 3.7" {...S} />;
    case 'key':
      return (
        <>
          <circle cx="4.8" cy="8" r="2.9" {...S} />
          <path d="M7.7 8 H14.6 M12.2 8 V10.8 M14.4 8 V10" {...S} />
        </>
      );
    case 'star':
      return <path d="M8 1.2 L10 5.9 L15 6.3 L11.2 9.6 L12.4 14.6 L8 11.9 L3.6 14.6 L4.8 9.6 L1 6.3 L6 5.9 Z" fill="currentColor" />;
    case 'disk':
      return (
        <>
          <ellipse cx="8" cy="4" rx="5.6" ry="2.2" {...S} />
          <path d="M2.4 4 V12 A5.6 2.2 0 0 0 13.6 12 V4 M2.4 8 A5.6 2.2 0 0 0 13.6 8" {...S} />
        </>
      );
    case 'skull':
      return (
        <>
          <path d="M2.6 7.2 A5.4 5.4 0 0 1 13.4 7.2 V10.4 H11.2 V14 H4.8 V10.4 H2.6 Z" fill="currentColor" />
          <circle cx="5.8" cy="7.6" r="1.4" fill="var(--surface)" />
          <circle cx="10.2" cy="7.6" r="1.4" fill="var(--surface)" />
        </>
      );
    case 'snow':
      return <path d="M8 1.5 V14.5 M2.4 4.8 L13.6 11.2 M2.4 11.2 L13.6 4.8 M6.3 2.6 L8 4.2 L9.7 2.6 M6.3 13.4 L8 11.8 L9.7 13.4" {...S} strokeWidth={1.5} />;
    case 'heart':
      return <path d="M8 14 C3 10.4 1.2 8 1.2 5.4 A3.4 3.4 0 0 1 8 4 A3.4 3.4 0 0 1 14.8 5.4 C14.8 8 13 10.4 8 14 Z" fill="currentColor" />;
    case 'scissors':
      return (
        <>
          <circle cx="4" cy="11.6" r="2.2" {...S} />
          <circle cx="12" cy="11.6" r="2.2" {...S} />
          <path d="M5.6 10 L12.4 1.6 M10.4 10 L3.6 1.6" {...S} />
        </>
      );
    case 'lock':
      return (
        <>
          <rect x="2.8" y="7" width="10.4" height="7.4" rx="1.4" fill="currentColor" />
          <path d="M5 7 V5 A3 3 0 0 1 11 5 V7" {...S} />
        </>
      );
    case 'pause':
      return <path d="M5.5 3 V13 M10.5 3 V13" {...S} strokeWidth={2.6} />;
    case 'hourglass':
      return <path d="M4 1.8 H12 M4 14.2 H12 M5 1.8 C5 6 11 10 11 14.2 M11 1.8 C11 6 5 10 5 14.2" {...S} />;
    case 'dot':
      return <circle cx="8" cy="8" r="4" fill="currentColor" />;
  }
}

interface Props {
  name: IconName;
  size?: number;
  x?: number;
  y?: number;
  className?: string;
}

export function Icon({ name, size = 14, x, y, className }: Props) {
  return (
    <svg className={className ? `icon ${className}` : 'icon'} viewBox="0 0 16 16" width={size} height={size} x={x} y={y} aria-hidden="true" focusable="false">
      {glyph(name)}
    </svg>
  );
}
