// Playback: Play/Pause (Space), Step back, Step, Previous/Next event, speed, Reset, the virtual
// clock, the timeline with its markers, and the branch being shown. Sticks to the bottom.

import type { Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engine } from '../../store/engine';
import { useSimStore } from '../../store/useSimStore';
import { SPEEDS } from '../../worker/protocol';
import { NARROW_QUERY, useMediaQuery } from '../common/useMediaQuery';
import { formatSpeed, formatTime } from '../format';
import { BranchIndicator } from './BranchIndicator';
import { NextEventIcon, PauseIcon, PlayIcon, PrevEventIcon, ResetIcon, StepBackIcon, StepIcon } from './icons';
import { Scrubber } from './Scrubber';
import { useSpaceToPlay } from './useSpaceToPlay';

/** What the buttons need: changes a few times per run, not with every view (30 a second). */
function controlsState(s: ReturnType<typeof useSimStore.getState>) {
  const p = s.playback;
  return p ? { loaded: true, playing: p.playing, ended: p.ended, atStart: p.step === 0, speed: p.speed } : { loaded: false, playing: false, ended: false, atStart: true, speed: 1 };
}

export function PlaybackBar({ ref }: { ref?: Ref<HTMLDivElement> }) {
  const { loaded, playing, ended, atStart, speed } = useSimStore(useShallow(controlsState));
  // Phones keep the bar to two rows: shorter speed labels, icon-only buttons (names stay).
  const narrow = useMediaQuery(NARROW_QUERY);
  useSpaceToPlay(playing);
  if (!loaded) return <div className="playback" role="toolbar" aria-label="Playback" ref={ref} />;
  return (
    <div className="playback" role="toolbar" aria-label="Playback" ref={ref} data-playing={playing || undefined}>
      <div className="playback-row timeline">
        <Clock />
        <Scrubber />
        <EventCount />
        <BranchIndicator />
      </div>
      <div className="playback-row controls">
        {playing ? (
          <button type="button" className="btn primary pause-btn" onClick={engine.pause} title="Pause (Space)">
            <PauseIcon /> Pause
          </button>
        ) : (
          <button type="button" className="btn primary" onClick={engine.play} disabled={ended} title="Play (Space)">
            <PlayIcon /> Play
          </button>
        )}
        <span className="btn-group">
          <button type="button" className="btn" onClick={engine.stepBack} disabled={atStart} title="Go back one engine event">
            <StepBackIcon /> <span className="btn-text">Step back</span>
          </button>
          <button type="button" className="btn" onClick={engine.step} disabled={ended} title="Run the next engine event">
            <StepIcon /> <span className="btn-text">Step</span>
          </button>
        </span>
        <span className="btn-group">
          <button type="button" className="btn" onClick={engine.prevNotable} disabled={atStart} title="Back to the previous notable event">
            <PrevEventIcon /> <span className="btn-text">Previous event</span>
          </button>
          <button type="button" className="btn" onClick={engine.nextNotable} disabled={ended} title="Run to the next notable event">
            <NextEventIcon /> <span className="btn-text">Next event</span>
          </button>
        </span>
        <label className="field speed">
          <span>Speed</span>
          <select value={speed} onChange={(e) => engine.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {narrow ? `${s}×` : formatSpeed(s)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" className="btn" onClick={engine.reset} title="Start this scenario again from the beginning">
          <ResetIcon /> <span className="btn-text">Reset</span>
        </button>
      </div>
    </div>
  );
}

/** The virtual clock: the one part of the bar that changes with every view. */
function Clock() {
  const time = useSimStore((s) => s.playback?.time ?? 0);
  return (
    <output className="clock" aria-label="Virtual time">
      t = {formatTime(time)}
    </output>
  );
}

function EventCount() {
  const step = useSimStore((s) => s.playback?.step ?? 0);
  return (
    <span className="event-count" aria-label="Events processed">
      event {step}
    </span>
  );
}
