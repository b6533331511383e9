import { useEffect } from 'react';
import { engine } from '../../store/engine';

/** Space toggles playback unless focus is on something Space already operates. */
export function useSpaceToPlay(playing: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.defaultPrevented || e.repeat) return;
      const t = e.target as HTMLElement;
      if (t.closest('button, input, select, textarea, summary, a[href], [role="button"], [role="menuitem"], [role="tab"], [role="switch"], [contenteditable="true"]')) return;
      e.preventDefault();
      if (playing) engine.pause();
      else engine.play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playing]);
}
