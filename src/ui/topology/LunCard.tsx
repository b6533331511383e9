// The shared LUN: who holds it (SCSI-2 RESERVE, or the persistent reservation with its type and
// holder key) and, where each path arrives, a chip with that I_T nexus's registered key. The
// separate LUN panel has the full tables.

import type { MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimView } from '../../engine';
import { useSimStore } from '../../store/useSimStore';
import { Icon } from './icons';
import { lunPadTop, type ChipBox } from './layout';
import type { Rect } from './geometry';
import { nodeSlot } from '../lun/nodeColors';

interface Props {
  rect: Rect;
  chips: readonly ChipBox[];
  compact: boolean;
  topoKey: string;
  tabIndex: 0 | -1;
  menuOpen: boolean;
  onOpen: () => void;
}

/** SPC-4 names of the persistent reservation types. */
export const PR_TYPE_NAME: Record<string, string> = {
  WE: 'Write Exclusive',
  EA: 'Exclusive Access',
  WE_RO: 'Write Exclusive, Registrants Only',
  EA_RO: 'Exclusive Access, Registrants Only',
  WE_AR: 'Write Exclusive, All Registrants',
  EA_AR: 'Exclusive Access, All Registrants',
};

interface LunFacts {
  lun: number;
  mode: string;
  scsi2: string | null;
  resType: string | null;
  resKey: string | null;
  resNexus: string | null;
  generation: number;
  /** "nexus=key=holder" joined by ";". */
  regs: string;
  pendingUa: string;
  integrityOk: boolean;
  violations: number;
  nodeIds: string;
  /** The array's power lifecycle: ready, off (dark) or becoming-ready (NOT READY). */
  power: string;
}

function lunFacts(view: SimView | null): LunFacts | null {
  const l = view?.luns[0];
  if (!view || !l) return null;
  return {
    lun: l.lun,
    mode: view.mode,
    scsi2: l.scsi2Holder,
    resType: l.reservation?.type ?? null,
    resKey: l.reservation?.key ?? null,
    resNexus: l.reservation?.holderNexus ?? null,
    generation: l.generation,
    regs: l.registrations.map((r) => `${r.nexus}=${r.key}=${r.holder ? 1 : 0}`).join(';'),
    pendingUa: [...new Set(l.pendingUnitAttentions.map((u) => u.nexus))].join(', '),
    integrityOk: view.integrity.ok,
    violations: view.integrity.violations.length,
    nodeIds: view.nodes.map((n) => n.id).join(','),
    power: l.power,
  };
}

/** The last 4 hex digits of a key, for chips too narrow for all of it. */
const tail = (key: string) => `…${key.slice(-4)}`;

export function LunCard({ rect, chips, compact, topoKey, tabIndex, menuOpen, onOpen }: Props) {
  const f = useSimStore(useShallow((s) => lunFacts(s.view)));
  if (!f) return null;
  const regs = new Map(
    (f.regs ? f.regs.split(';') : []).map((s) => {
      const [nexus = '', key = '', holder = '0'] = s.split('=');
      return [nexus, { key, holder: holder === '1' }];
    }),
  );
  const onCardClick = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as Element).closest('button')) return;
    (e.currentTarget.querySelector('button.lun-actions') as HTMLButtonElement | null)?.focus();
    onOpen();
  };
  const usesPr = f.mode === 'scsi3' || regs.size > 0;
  const nodeIds = f.nodeIds.split(',');
  const usesScsi2 = f.mode === 'scsi2' || f.scsi2 !== null;
  return (
    <div role="group" aria-label={`LUN ${f.lun}`} className={`lun-card ${menuOpen ? 'menu-open' : ''}`} style={{ left: rect.x, top: rect.y, width: rect.w, height: rect.h, paddingTop: lunPadTop(chips[0]?.h ?? 24) }} onClick={onCardClick}>
      <ul className="chips-row" aria-label="Registrations by I_T nexus">
        {chips.map((c) => {
          const r = regs.get(c.nexus);
          const reserved = f.scsi2 === c.nexus;
          const holder = r?.holder ?? false;
          const state = reserved ? 'SCSI-2 reserved' : r ? `key ${r.key}${holder ? ', reservation holder' : ''}` : usesPr ? 'not registered' : '';
          return (
            <li
              key={c.nexus}
              className={`arrival ${r ? 'registered' : ''} ${holder || reserved ? 'holder' : ''} node-c${nodeSlot(nodeIds, c.nexus.split('.')[0]!)}`}
              style={{ left: c.x - rect.x - 2, top: c.y - rect.y - 2, width: c.w, height: c.h }}
              aria-label={`${c.nexus}${state ? `: ${state}` : ''}`}
              title={`${c.nexus}${state ? `: ${state}` : ''}`}
            >
              <span className="nexus">
                {(holder || reserved) && <Icon name={reserved ? 'lock' : 'star'} size={10} />}
                {c.nexus}
              </span>
              {reserved ? (
                <span className="state">RESERVED</span>
              ) : r ? (
                <span className="state">
                  <Icon name="key" size={10} />
                  <code>{compact ? tail(r.key) : r.key}</code>
                </span>
              ) : usesPr || usesScsi2 ? (
                <span className="state muted">{usesPr ? 'no key' : '—'}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="lun-head">
        <Icon name="disk" size={18} />
        <span className="lun-name">LUN {f.lun}</span>
        <span className="lun-sub">shared disk</span>
        {f.power !== 'ready' && (
          <span className="ua" title={f.power === 'off' ? 'The array is dark: commands get no answer and time out' : 'NOT READY (04h/01h) to all but INQUIRY, REPORT LUNS and REQUEST SENSE'}>
            <Icon name="power" size={11} /> {f.power === 'off' ? 'Powered off' : 'Becoming ready'}
          </span>
        )}
        <button
          type="button"
          className="lun-actions"
          data-topo-key={topoKey}
          tabIndex={tabIndex}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-label={`Faults for LUN ${f.lun}`}
          aria-describedby="topology-help"
          title={`Faults for LUN ${f.lun}`}
          onClick={onOpen}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </div>
      <dl className="lun-facts">
        {usesPr && (
          <>
            <dt>Reservation</dt>
            <dd>
              {f.resType ? (
                <>
                  <span className="chip ok">
                    <Icon name="star" size={11} />
                    {f.resType}
                  </span>{' '}
                  <span className="long">{PR_TYPE_NAME[f.resType] ?? ''} · </span>
                  holder <code>{compact ? tail(f.resKey ?? '') : f.resKey}</code>
                  {f.resNexus ? ` via ${f.resNexus}` : ' (every registrant)'}
                </>
              ) : (
                <span className="muted">none</span>
              )}
            </dd>
          </>
        )}
        {(usesScsi2 || !usesPr) && (
          <>
            <dt>SCSI-2</dt>
            <dd>
              {f.scsi2 ? (
                <span className="chip ok">
                  <Icon name="lock" size={11} />
                  RESERVE held by {f.scsi2}
                </span>
              ) : (
                <span className="muted">{f.mode === 'none' ? 'not used: nothing stops a second writer' : 'not reserved'}</span>
              )}
            </dd>
          </>
        )}
        <dt>Keys</dt>
        <dd>
          {regs.size} registered · PRgeneration {f.generation}
          {f.pendingUa && (
            <span className="ua">
              {' '}
              · <Icon name="alert" size={11} /> unit attention pending for {f.pendingUa}
            </span>
          )}
        </dd>
        <dt>Data</dt>
        <dd className={f.integrityOk ? '' : 'corrupt'}>
          {f.integrityOk ? (
            <>
              <Icon name="check" size={11} /> consistent
            </>
          ) : (
            <>
              <Icon name="skull" size={12} /> corrupted: {f.violations} write{f.violations === 1 ? '' : 's'} from a superseded mount
            </>
          )}
        </dd>
      </dl>
    </div>
  );
}
