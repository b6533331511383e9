// The notable events of the run so far, newest last.

import { useSimStore } from '../../store/useSimStore';
import { formatTime } from '../format';

export function EventLog() {
  const trace = useSimStore((s) => s.trace);
  const notable = trace.filter((e) => e.notable).slice(-50);
  return (
    <section className="panel" aria-label="Event log">
      <h2>Event log</h2>
      <ol className="body">
        {notable.map((e) => (
          <li key={e.id}>
            {formatTime(e.t)} {e.summary}
          </li>
        ))}
      </ol>
    </section>
  );
}
