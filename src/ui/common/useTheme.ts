// Light or dark: the learner's choice if they made one, else the system's (prefers-color-scheme).
// theme.css styles both from `data-theme` on :root; without it the media query decides.

import { useEffect } from 'react';
import { setTheme, useSimStore, type ThemeChoice } from '../../store/useSimStore';
import { useMediaQuery } from './useMediaQuery';

function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

// Before the first paint, so a remembered dark theme never flashes light.
applyTheme(useSimStore.getState().theme);

export function useTheme(): { dark: boolean; toggle: () => void } {
  const choice = useSimStore((s) => s.theme);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const dark = choice === 'system' ? systemDark : choice === 'dark';
  useEffect(() => applyTheme(choice), [choice]);
  // Going back to the system's scheme forgets the choice, so the page follows the OS again.
  const toggle = () => setTheme(dark === systemDark ? (dark ? 'light' : 'dark') : 'system');
  return { dark, toggle };
}
