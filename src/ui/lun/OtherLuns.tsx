// LUNs sharing LUN 0's bus, compactly: a bus reset touches them too.

import type { LunSummary } from '../../engine';

export function OtherLuns({ luns }: { luns: readonly LunSummary[] }) {
  if (luns.length === 0) return null;
  return (
    <div className="lun-section">
      <h3>Other LUNs on the bus</h3>
      <table className="lun-table">
        <thead>
          <tr>
            <th scope="col">LUN</th>
            <th scope="col">SCSI-2</th>
            <th scope="col">PR</th>
            <th scope="col">Reg.</th>
            <th scope="col">UA</th>
          </tr>
        </thead>
        <tbody>
          {luns.map((l) => (
            <tr key={l.lun}>
              <th scope="row">
                {l.lun} <span className="lun-muted">{l.serial}</span>
              </th>
              <td>{l.scsi2Holder ?? 'none'}</td>
              <td>{l.reservation ? l.reservation.type : 'none'}</td>
              <td>{l.registrations.length}</td>
              <td>{l.pendingUnitAttentions.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
