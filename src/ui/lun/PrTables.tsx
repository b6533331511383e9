// The LUN's reservation state as tables: the persistent reservation, registrations per I_T
// nexus, pending unit attentions and queued tasks. Empty ones collapse to one line.

import type { LunSummary } from '../../engine';
import { nodeSlot } from './nodeColors';
import { opcodeName, prTypeFullName, prTypeMeaning } from './prNames';

const hostOf = (nexus: string) => nexus.split('.')[0] ?? nexus;

function Nexus({ id, nodeIds }: { id: string; nodeIds: readonly string[] }) {
  return <span className={`node-tag node-c${nodeSlot(nodeIds, hostOf(id))}`}>{id}</span>;
}

export function ReservationTable({ lun, nodeIds }: { lun: LunSummary; nodeIds: readonly string[] }) {
  const r = lun.reservation;
  return (
    <div className="lun-section">
      <h3>Persistent reservation</h3>
      {r ? (
        <table className="lun-table lun-kv">
          <tbody>
            <tr>
              <th scope="row">Type</th>
              <td>
                <strong>{prTypeFullName(r.type)}</strong>
                <span className="lun-hint">{prTypeMeaning(r.type)}</span>
              </td>
            </tr>
            <tr>
              <th scope="row">Key</th>
              <td>
                <code>{r.key}</code>
              </td>
            </tr>
            <tr>
              <th scope="row">Holder</th>
              <td>{r.holderNexus ? <Nexus id={r.holderNexus} nodeIds={nodeIds} /> : 'every registrant (all-registrants type)'}</td>
            </tr>
            <tr>
              <th scope="row">Scope</th>
              <td>{r.scope === 'LU' ? 'LU (the whole logical unit)' : r.scope}</td>
            </tr>
            <tr>
              <th scope="row">APTPL</th>
              <td>{lun.aptpl ? 'on: survives a power loss' : 'off: lost on power loss'}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="lun-none">None held.</p>
      )}
    </div>
  );
}

export function RegistrationsTable({ lun, nodeIds }: { lun: LunSummary; nodeIds: readonly string[] }) {
  return (
    <div className="lun-section">
      <h3>
        Registrations <span className="lun-count">({lun.registrations.length})</span>
      </h3>
      {lun.registrations.length === 0 ? (
        <p className="lun-none">No I_T nexus is registered.</p>
      ) : (
        <table className="lun-table">
          <thead>
            <tr>
              <th scope="col">I_T nexus</th>
              <th scope="col">Key</th>
              <th scope="col">Holder?</th>
            </tr>
          </thead>
          <tbody>
            {lun.registrations.map((r) => (
              <tr key={r.nexus} className={r.holder ? 'is-holder' : undefined}>
                <td>
                  <Nexus id={r.nexus} nodeIds={nodeIds} />
                </td>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>{r.holder ? <span className="lun-holder">★ holder</span> : <span className="lun-muted">no</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function UnitAttentionsTable({ lun, nodeIds }: { lun: LunSummary; nodeIds: readonly string[] }) {
  return (
    <div className="lun-section">
      <h3>
        Pending unit attentions <span className="lun-count">({lun.pendingUnitAttentions.length})</span>
      </h3>
      {lun.pendingUnitAttentions.length === 0 ? (
        <p className="lun-none">None pending.</p>
      ) : (
        <table className="lun-table">
          <thead>
            <tr>
              <th scope="col">I_T nexus</th>
              <th scope="col">Condition (reported once)</th>
            </tr>
          </thead>
          <tbody>
            {lun.pendingUnitAttentions.map((u, i) => (
              <tr key={`${u.nexus}-${i}`}>
                <td>
                  <Nexus id={u.nexus} nodeIds={nodeIds} />
                </td>
                <td className="lun-ua">
                  <span aria-hidden="true">⚠ </span>
                  {u.label}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function QueuedTasksTable({ lun, nodeIds }: { lun: LunSummary; nodeIds: readonly string[] }) {
  return (
    <div className="lun-section">
      <h3>
        Queued tasks <span className="lun-count">({lun.queuedTasks.length})</span>
      </h3>
      {lun.queuedTasks.length === 0 ? (
        <p className="lun-none">The task set is empty.</p>
      ) : (
        <table className="lun-table">
          <thead>
            <tr>
              <th scope="col">I_T nexus</th>
              <th scope="col">Tag</th>
              <th scope="col">Command</th>
            </tr>
          </thead>
          <tbody>
            {lun.queuedTasks.map((t, i) => (
              <tr key={`${t.nexus}-${t.tag ?? 'x'}-${i}`}>
                <td>
                  <Nexus id={t.nexus} nodeIds={nodeIds} />
                </td>
                <td>{t.tag ?? '—'}</td>
                <td>{opcodeName(t.opcode)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
