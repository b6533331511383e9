// Announces notable events (a peer lost, a fault injected) politely; never every heartbeat.

import { useSimStore } from '../../store/useSimStore';
import { formatTime } from '../format';

export function LiveRegion() {
  const last = useSimStore((s) => s.announcements.at(-1));
  return (
    <div className="sr-only" role="status" aria-live="polite">
      {last ? `At ${formatTime(last.t)}: ${last.summary}` : ''}
    </div>
  );
}
