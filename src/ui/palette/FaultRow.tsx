// One fault of the palette: what it does, where to inject it, and the button that does it.

import { memo, useId, useState } from 'react';
import type { FaultOption } from '../../engine';
import { engine } from '../../store/engine';
import { unavailableReason } from './unavailableReason';

export const FaultRow = memo(function FaultRow({ fault }: { fault: FaultOption }) {
  const uid = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const targets = fault.targets;
  // Targets come and go as the run moves; keep the learner's pick while it still applies.
  const index = Math.max(0, targets.findIndex((t) => t.label === chosen));
  const target = targets[index];
  const available = target !== undefined;
  return (
    <li className={`fault ${available ? '' : 'unavailable'}`} aria-labelledby={`${uid}-label`}>
      <div className="fault-text">
        <h3 id={`${uid}-label`}>{fault.label}</h3>
        <p id={`${uid}-desc`}>{available ? fault.description : unavailableReason(fault)}</p>
      </div>
      <div className="fault-controls">
        {available && targets.length > 1 && (
          <select aria-label={`Target for ${fault.label}`} value={target.label} onChange={(e) => setChosen(e.target.value)}>
            {targets.map((t) => (
              <option key={t.label} value={t.label}>
                {t.label}
              </option>
            ))}
          </select>
        )}
        {available && targets.length === 1 && <span className="target-one">{target.label}</span>}
        <button
          type="button"
          className="btn inject"
          aria-label={`Inject: ${fault.label}`}
          aria-describedby={`${uid}-desc`}
          disabled={!available}
          onClick={() => target && engine.injectFault(fault.id, target.target)}
        >
          Inject
        </button>
      </div>
    </li>
  );
});
