import { useCallback, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, kept current. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}

/** Below this width the panels become tabs. Keep in step with theme.css (@media max-width: 759px). */
export const NARROW_QUERY = '(max-width: 759px)';
