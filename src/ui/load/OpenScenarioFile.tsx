// "Open scenario file…": a real file input behind a visible button-like label, so the keyboard
// reaches it (Tab, then Enter or Space) and screen readers name it.

import { useId } from 'react';
import { openScenarioFile } from './openScenarioText';
import './load.css';

export const SCENARIO_FILE_ACCEPT = '.json,.yaml,.yml,application/json,application/yaml,text/yaml,text/x-yaml';

export function OpenScenarioFile() {
  const id = useId();
  return (
    <div className="open-file">
      <input
        id={id}
        className="open-file-input"
        type="file"
        accept={SCENARIO_FILE_ACCEPT}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Clear it so choosing the same file again (after fixing it) opens it again.
          e.target.value = '';
          if (file) void openScenarioFile(file);
        }}
      />
      <label htmlFor={id} className="btn open-file-label">
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2 4.5h4l1.5 1.5H14v7H2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
        Open scenario file…
      </label>
      <span id={`${id}-hint`} className="sr-only">
        JSON or YAML; you can also drop a file anywhere on the page.
      </span>
    </div>
  );
}
