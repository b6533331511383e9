// The lesson library: cards filtered by mode and level; choosing one loads it. The lessons come
// in a chunk of their own (useLibrary.ts).

import { useEffect, useRef, useState } from 'react';
import { engine } from '../../store/engine';
import { setFreePlay, showHome } from './storyStore';
import { useLibrary } from './useLibrary';
import './story.css';

const MODES = [
  { id: '', label: 'All modes' },
  { id: 'none', label: 'No reservation' },
  { id: 'scsi2', label: 'SCSI-2' },
  { id: 'scsi3', label: 'SCSI-3 PR' },
];
const LEVELS = ['', 'intro', 'core', 'advanced'];

/** The lessons screen: `home` shows it as a page of its own, with a way back to the lab. */
export function LibraryPicker({ onChosen, home = false }: { onChosen?: () => void; home?: boolean }) {
  const [mode, setMode] = useState('');
  const [level, setLevel] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the screen moves focus to its title, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (home) heading.current?.focus();
  }, [home]);
  const { lessons, error } = useLibrary();
  const cards = (lessons ?? []).filter((e) => (!mode || e.card.mode === mode) && (!level || e.card.level === level));
  return (
    <section className={`panel library${home ? ' library-home' : ''}`} aria-label="Lessons">
      <div className="library-head">
        <h2 ref={heading} tabIndex={-1}>
          Guided lessons
        </h2>
        {home && (
          <button type="button" className="btn" onClick={() => showHome(false)}>
            Back to the lab
          </button>
        )}
      </div>
      <div className="body">
        <p className="library-intro">
          Each lesson runs the real simulation and stops at the moments that matter: read what happened, predict what comes next, then see it. Start with the introduction, or pick a failure you want to understand.
        </p>
        <div className="library-filters">
          <label className="field">
            <span>Mode</span>
            <select value={mode} onChange={(e) => setMode(e.target.value)}>
              {MODES.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Level</span>
            <select value={level} onChange={(e) => setLevel(e.target.value)}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l || 'All levels'}
                </option>
              ))}
            </select>
          </label>
          <span className="muted" role="status">
            {lessons ? `${cards.length} lessons` : error ? '' : 'Loading the lessons…'}
          </span>
        </div>
        {error && (
          <p className="bad" role="alert">
            The lessons could not be loaded ({error}). Check the connection and reload the page.
          </p>
        )}
        <ul className="cards">
          {cards.map(({ scenario, card }) => (
            <li key={card.id} className="card">
              <h3>{card.title}</h3>
              <p>{card.summary}</p>
              <p className="meta">
                {card.mode === 'none' ? 'No reservation' : card.mode === 'scsi2' ? 'SCSI-2' : 'SCSI-3 PR'} · {card.personality} · {card.level} · {card.minutes} min · {card.beats} beats
              </p>
              <button
                type="button"
                className="btn primary"
                aria-label={`Start lesson: ${card.title}`}
                onClick={() => {
                  setFreePlay(false);
                  engine.load(scenario);
                  onChosen?.();
                }}
              >
                Start
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
