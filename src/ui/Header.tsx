// Title bar: the product, the scenario running, the setup picker, "Copy link to this moment"
// and the theme switch. On narrow screens the scenario and the picker fold away behind a "Setup"
// button.

import { useState } from 'react';
import { ThemeToggle } from './common/ThemeToggle';
import { NARROW_QUERY, useMediaQuery } from './common/useMediaQuery';
import { ScenarioSelect, SetupPicker } from './picker/SetupPicker';
import { CopyLinkButton } from './share/CopyLinkButton';
import { engine } from '../store/engine';
import { showHome, useStoryStore } from './story/storyStore';

export function Header() {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [setupOpen, setSetupOpen] = useState(false);
  const showSetup = !narrow || setupOpen;
  return (
    <header className="header">
      <div className="header-row">
        <div className="brand">
          <svg viewBox="0 0 32 32" aria-hidden="true">
            <rect x="3" y="5" width="26" height="22" rx="4" fill="var(--accent)" />
            <rect x="7" y="9" width="18" height="4" rx="1" fill="var(--surface)" />
            <rect x="7" y="15" width="18" height="4" rx="1" fill="var(--surface)" opacity="0.6" />
          </svg>
          <h1>Reservation Lab</h1>
        </div>
        {!narrow && <ScenarioSelect />}
        <span className="spacer" />
        {narrow && (
          <button type="button" className="btn setup-toggle" aria-expanded={setupOpen} aria-controls="setup" onClick={() => setSetupOpen((o) => !o)}>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            <span className="btn-text">Setup</span>
          </button>
        )}
        <LessonsButton />
        <CopyLinkButton />
        <ThemeToggle />
      </div>
      <div id="setup" className="setup-wrap" hidden={!showSetup}>
        {narrow && <ScenarioSelect />}
        <SetupPicker />
      </div>
    </header>
  );
}

/** Switches between the lessons screen and the lab (pausing the lab, which waits where it was). */
function LessonsButton() {
  const home = useStoryStore((s) => s.home);
  return (
    <button
      type="button"
      className="btn lessons-toggle"
      aria-pressed={home}
      onClick={() => {
        if (!home) engine.pause();
        showHome(!home);
      }}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M2 3.5C4 2.5 6 2.5 8 4v9.5C6 12 4 12 2 13zM14 3.5C12 2.5 10 2.5 8 4v9.5c2-1.5 4-1.5 6-.5z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span className="btn-text">Lessons</span>
    </button>
  );
}
