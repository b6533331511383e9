// Title bar: the product, the scenario, and the scenario picker.

import { BUILTIN_SCENARIOS } from '../scenarios';
import { engine } from '../store/engine';
import { useSimStore } from '../store/useSimStore';

export function Header() {
  const view = useSimStore((s) => s.view);
  return (
    <header className="header">
      <div className="brand">
        <svg viewBox="0 0 32 32" aria-hidden="true">
          <rect x="3" y="5" width="26" height="22" rx="4" fill="var(--accent)" />
          <rect x="7" y="9" width="18" height="4" rx="1" fill="var(--surface)" />
          <rect x="7" y="15" width="18" height="4" rx="1" fill="var(--surface)" opacity="0.6" />
        </svg>
        <h1 style={{ font: 'inherit', margin: 0 }}>Reservation Lab</h1>
      </div>
      <span className="scenario-title">{view?.title ?? 'Starting the simulation…'}</span>
      <span className="spacer" />
      <label className="field">
        <span>Scenario</span>
        <select
          value={view?.scenarioId ?? ''}
          onChange={(e) => {
            const s = BUILTIN_SCENARIOS.find((x) => x.id === e.target.value);
            if (s) engine.load(s);
          }}
        >
          {BUILTIN_SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
