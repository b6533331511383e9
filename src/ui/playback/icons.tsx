// Small playback icons; every button also has its name in text.

const common = { viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2 L13 8 L4 14 Z" fill="currentColor" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...common}>
    <rect x="3" y="2" width="4" height="12" fill="currentColor" />
    <rect x="9" y="2" width="4" height="12" fill="currentColor" />
  </svg>
);
export const StepIcon = () => (
  <svg {...common}>
    <path d="M3 2 L10 8 L3 14 Z" fill="currentColor" />
    <rect x="11" y="2" width="2.5" height="12" fill="currentColor" />
  </svg>
);
export const StepBackIcon = () => (
  <svg {...common}>
    <path d="M13 2 L6 8 L13 14 Z" fill="currentColor" />
    <rect x="2.5" y="2" width="2.5" height="12" fill="currentColor" />
  </svg>
);
export const NextEventIcon = () => (
  <svg {...common}>
    <path d="M2 3 L8 8 L2 13 Z M8 3 L14 8 L8 13 Z" fill="currentColor" />
  </svg>
);
export const PrevEventIcon = () => (
  <svg {...common}>
    <path d="M14 3 L8 8 L14 13 Z M8 3 L2 8 L8 13 Z" fill="currentColor" />
  </svg>
);
export const ResetIcon = () => (
  <svg {...common}>
    <path d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    <path d="M3 1.8 L3.4 5.6 L7.1 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
