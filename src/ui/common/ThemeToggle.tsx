// A switch between the light and the dark theme (the system's by default).

import { useTheme } from './useTheme';

export function ThemeToggle() {
  const { dark, toggle } = useTheme();
  return (
    <button type="button" className="icon-btn theme-toggle" aria-pressed={dark} aria-label="Dark theme" title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'} onClick={toggle}>
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        {dark ? (
          <path d="M14.5 12.6A6.5 6.5 0 0 1 7.4 5.5a6.5 6.5 0 1 0 7.1 7.1Z" fill="currentColor" />
        ) : (
          <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <circle cx="10" cy="10" r="3.6" />
            <path d="M10 1.8v2.1M10 16.1v2.1M1.8 10h2.1M16.1 10h2.1M4.2 4.2l1.5 1.5M14.3 14.3l1.5 1.5M4.2 15.8l1.5-1.5M14.3 5.7l1.5-1.5" />
          </g>
        )}
      </svg>
    </button>
  );
}
