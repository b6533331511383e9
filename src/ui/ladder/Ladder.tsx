// SCSI commands between initiator ports and the LUN, as rows.

import { useSimStore } from '../../store/useSimStore';
import { formatTime } from '../format';

export function Ladder() {
  const trace = useSimStore((s) => s.trace);
  const rows = trace.filter((e) => e.kind === 'SCSI.DONE').slice(-20);
  return (
    <section className="panel" aria-label="Ladder">
      <h2>Ladder</h2>
      <table className="membership">
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td>{formatTime(e.t)}</td>
              <td>{e.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
