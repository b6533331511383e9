// The timeline: a range input (arrow keys, Page Up/Down, Home/End; click or drag) with markers
// for faults and integrity violations. Markers are one tab stop; arrow keys move between them and
// Enter jumps to just after the event. Dragging pauses playback first, as in RaftScope.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { engine } from '../../store/engine';
import { useSimStore } from '../../store/useSimStore';
import { useLagged } from '../../store/useLagged';
import { formatTime } from '../format';
import { markersOf, type Marker } from './markers';

export function Scrubber() {
  const time = useSimStore((s) => s.playback?.time ?? 0);
  const duration = useSimStore((s) => s.playback?.duration ?? 1);
  const playing = useSimStore((s) => s.playback?.playing ?? false);
  const trace = useLagged((s) => s.trace, 1);
  const markers = useMemo(() => markersOf(trace, duration), [trace, duration]);
  const group = useRef<HTMLDivElement>(null);
  const pending = usePendingSeek();
  const shown = pending.value ?? time;
  const pct = Math.min(100, (shown / duration) * 100);
  const step = Math.max(100, Math.round(duration / 600));
  // The input holds the time rounded to its step: a value off the step would be rounded by the
  // browser behind React's back, and React would report that as the learner seeking there.
  const value = Math.min(duration, Math.round(shown / step) * step);

  const onMarkerKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(group.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (to === undefined || i < 0) return;
    e.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, to))]!;
    buttons.forEach((b) => (b.tabIndex = b === next ? 0 : -1));
    next.focus();
  };

  return (
    <div className="scrubber-wrap" style={{ ['--pct' as string]: `${pct}%` }}>
      <input
        className="scrubber"
        type="range"
        aria-label="Time"
        min={0}
        max={duration}
        step={step}
        value={value}
        aria-valuetext={formatTime(shown)}
        onPointerDown={() => playing && engine.pause()}
        onChange={(e) => pending.seek(Number(e.target.value))}
      />
      {markers.length > 0 && (
        <div className="markers" role="group" aria-label="Faults and integrity violations on the timeline" ref={group} onKeyDown={onMarkerKey}>
          {markers.map((m, i) => (
            <MarkerButton key={`${m.kind}-${m.first.id}`} marker={m} first={i === 0} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The time asked for, shown until the engine is there. Without it, keys pressed faster than the
 * engine answers would each start again from the last time the engine reported.
 */
function usePendingSeek(): { value: number | null; seek: (t: number) => void } {
  const [value, setValue] = useState<number | null>(null);
  const target = useRef<number | null>(null);
  const giveUp = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const unsubscribe = useSimStore.subscribe((s) => {
      if (target.current === null || !s.playback) return;
      if (s.playback.time === target.current || s.playback.playing) {
        target.current = null;
        setValue(null);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(giveUp.current);
    };
  }, []);
  const seek = (t: number) => {
    target.current = t;
    setValue(t);
    engine.seek(t);
    // Should the engine refuse the seek, follow what it reports again.
    clearTimeout(giveUp.current);
    giveUp.current = setTimeout(() => {
      target.current = null;
      setValue(null);
    }, 2000);
  };
  return { value, seek };
}

function MarkerButton({ marker, first }: { marker: Marker; first: boolean }) {
  const what = marker.kind === 'fault' ? 'Fault' : 'Integrity violation';
  const more = marker.count > 1 ? ` (and ${marker.count - 1} more close by)` : '';
  const label = `${what} at ${formatTime(marker.first.t)}: ${marker.first.summary}${more}`;
  return (
    <button
      type="button"
      className={`marker ${marker.kind}`}
      style={{ left: `${marker.at * 100}%` }}
      tabIndex={first ? 0 : -1}
      aria-label={label}
      title={label}
      onClick={() => engine.seekStep(marker.first.step)}
    >
      <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        {marker.kind === 'fault' ? <path d="M6 1 L11 10 L1 10 Z" /> : <rect x="2" y="2" width="8" height="8" transform="rotate(45 6 6)" />}
      </svg>
    </button>
  );
}
