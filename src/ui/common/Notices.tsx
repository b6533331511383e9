// Errors the engine reported (a refused scenario, a bad command), shown until dismissed. They sit
// in the page flow under the header, so they never cover what has focus. A refused input made in
// a place that shows its own error (the console, the fault palette) is not repeated here.

import { useShallow } from 'zustand/react/shallow';
import { dismissNotice, useSimStore } from '../../store/useSimStore';

export function Notices() {
  const notices = useSimStore(useShallow((s) => s.notices.filter((n) => !n.source)));
  return (
    <div className="notices" role="alert" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <span aria-hidden="true">⚠</span>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismissNotice(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
