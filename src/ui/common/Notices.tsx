// Errors the engine reported (a rejected fault, a bad command), shown until dismissed.

import { dismissNotice, useSimStore } from '../../store/useSimStore';

export function Notices() {
  const notices = useSimStore((s) => s.notices);
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
