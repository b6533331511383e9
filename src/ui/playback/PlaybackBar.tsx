// Play/Pause, Step, Step back, speed, the virtual clock and a scrubber that works by keyboard.

import { useEffect } from 'react';
import { engine } from '../../store/engine';
import { useSimStore } from '../../store/useSimStore';
import { SPEEDS } from '../../worker/protocol';
import { formatSpeed, formatTime } from '../format';
import { PauseIcon, PlayIcon, StepBackIcon, StepIcon } from './icons';

/** Space toggles playback unless focus is on something Space already operates. */
function useSpaceToPlay(playing: boolean) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.defaultPrevented) return;
      const t = e.target as HTMLElement;
      if (t.closest('button, input, select, textarea, [role="button"], [role="menuitem"], [contenteditable="true"]')) return;
      e.preventDefault();
      if (playing) engine.pause();
      else engine.play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playing]);
}

export function PlaybackBar() {
  const playback = useSimStore((s) => s.playback);
  const playing = playback?.playing ?? false;
  useSpaceToPlay(playing);
  if (!playback) return <div className="playback" role="toolbar" aria-label="Playback" />;
  const scrubStep = Math.max(100, Math.round(playback.duration / 600));
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      {playing ? (
        <button type="button" className="btn primary" onClick={engine.pause}>
          <PauseIcon /> Pause
        </button>
      ) : (
        <button type="button" className="btn primary" onClick={engine.play} disabled={playback.ended}>
          <PlayIcon /> Play
        </button>
      )}
      <button type="button" className="btn" onClick={engine.stepBack} disabled={playback.step === 0} title="Go back one event">
        <StepBackIcon /> Step back
      </button>
      <button type="button" className="btn" onClick={engine.step} disabled={playback.ended} title="Run the next event">
        <StepIcon /> Step
      </button>
      <label className="field">
        <span>Speed</span>
        <select value={playback.speed} onChange={(e) => engine.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {formatSpeed(s)}
            </option>
          ))}
        </select>
      </label>
      <output className="clock" aria-label="Virtual time">
        t = {formatTime(playback.time)}
      </output>
      <input
        className="scrubber"
        type="range"
        aria-label="Time"
        min={0}
        max={playback.duration}
        step={scrubStep}
        value={Math.min(playback.time, playback.duration)}
        aria-valuetext={formatTime(playback.time)}
        onChange={(e) => engine.seek(Number(e.target.value))}
      />
      <span className="event-count" aria-label="Events processed">
        event {playback.step}
      </span>
      {playback.branches.length > 1 && (
        <label className="field branch">
          <span>Branch</span>
          <select value={playback.branch} onChange={(e) => engine.switchBranch(Number(e.target.value))}>
            {playback.branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.id === 0 ? 'authored run' : `fork ${b.id} at ${formatTime(b.forkTime)}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
