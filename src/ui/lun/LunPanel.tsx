// The LUN as tables: registrations per I_T nexus, the reservation, the SCSI-2 holder.

import { useSimStore } from '../../store/useSimStore';

export function LunPanel() {
  const lun = useSimStore((s) => s.view?.luns[0]);
  if (!lun) return null;
  return (
    <section className="panel" aria-label="LUN">
      <h2>LUN {lun.lun}</h2>
      <div className="body">
        <p>
          PRgeneration {lun.generation} · SCSI-2 holder {lun.scsi2Holder ?? 'none'} · reservation{' '}
          {lun.reservation ? `${lun.reservation.type} by ${lun.reservation.key}` : 'none'}
        </p>
        <table className="membership">
          <caption className="sr-only">Registrations</caption>
          <thead>
            <tr>
              <th scope="col">I_T nexus</th>
              <th scope="col">Key</th>
              <th scope="col">Holder?</th>
            </tr>
          </thead>
          <tbody>
            {lun.registrations.map((r) => (
              <tr key={r.nexus}>
                <td>{r.nexus}</td>
                <td>{r.key}</td>
                <td>{r.holder ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
