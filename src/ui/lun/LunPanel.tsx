// LUN 0 as the array sees it: SCSI-2 and persistent reservation state, registrations, unit
// attentions and queued tasks as tables, the block map of the data area, and the LUNs sharing
// its bus. Text twins throughout: nothing is said by colour alone.

import { useMemo } from 'react';
import type { TraceEntry } from '../../engine';
import { engine } from '../../store/engine';
import { useLagged } from '../../store/useLagged';
import { entryById } from '../log/traceLookup';
import { BlockMap } from './BlockMap';
import { buildBlockMap, type Violation } from './blockMap';
import { nodeSlot } from './nodeColors';
import { OtherLuns } from './OtherLuns';
import { QueuedTasksTable, RegistrationsTable, ReservationTable, UnitAttentionsTable } from './PrTables';
import './nodeColors.css';
import './lun.css';

/** Who made the mount that superseded the writer's: the violation entry's parent is that APP.MOUNT. */
function mounterOf(trace: readonly TraceEntry[], v: Violation): string | null {
  const entry = entryById(trace, v.trace);
  const mount = entry?.parent != null ? entryById(trace, entry.parent) : undefined;
  return mount?.kind === 'APP.MOUNT' ? (mount.node ?? null) : null;
}

export function LunPanel() {
  const view = useLagged((s) => s.view, 1);
  const trace = useLagged((s) => s.trace, 1);
  const lun = view?.luns[0];
  const violations = view?.integrity.violations;
  const model = useMemo(() => (lun && violations ? buildBlockMap(lun, violations, (v) => mounterOf(trace, v)) : null), [lun, violations, trace]);

  if (!view || !lun || !model) {
    return (
      <section className="panel lun-panel" aria-label="LUN">
        <h2>LUN</h2>
        <p className="body lun-none">Waiting for the simulation…</p>
      </section>
    );
  }
  const nodeIds = view.nodes.map((n) => n.id);
  const first = model.first?.violation;
  const goToFirst = first
    ? () => {
        const entry = entryById(trace, first.trace);
        if (entry) engine.seekStep(entry.step);
        else engine.seek(first.at);
      }
    : null;

  return (
    <section className="panel lun-panel" aria-label="LUN">
      <h2>
        LUN {lun.lun}{' '}
        <span className="lun-serial">
          serial {lun.serial}
          {lun.bus ? ` · ${lun.bus}` : ''}
        </span>
      </h2>
      <div className="body">
        <dl className="lun-stats">
          <div>
            <dt>SCSI-2 holder</dt>
            <dd>{lun.scsi2Holder ? <span className={`node-tag node-c${nodeSlot(nodeIds, lun.scsi2Holder.split('.')[0]!)}`}>{lun.scsi2Holder}</span> : 'none'}</dd>
          </div>
          <div>
            <dt>PRgeneration</dt>
            <dd className="lun-num">{lun.generation}</dd>
          </div>
          <div>
            <dt>APTPL</dt>
            <dd>{lun.aptpl ? 'on' : 'off'}</dd>
          </div>
        </dl>
        <ReservationTable lun={lun} nodeIds={nodeIds} />
        <RegistrationsTable lun={lun} nodeIds={nodeIds} />
        <UnitAttentionsTable lun={lun} nodeIds={nodeIds} />
        <QueuedTasksTable lun={lun} nodeIds={nodeIds} />
        <BlockMap model={model} nodeIds={nodeIds} onFirst={goToFirst} />
        <OtherLuns luns={view.luns.slice(1)} />
      </div>
    </section>
  );
}
