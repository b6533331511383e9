// WCAG 2.4.11 Focus Not Obscured: the playback bar sticks to the bottom of the window, so the page
// reserves its height as scroll padding and the browser scrolls a focused control above it.

import { useLayoutEffect, useRef } from 'react';

export function useStickyInsets() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--playback-h', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return ref;
}
