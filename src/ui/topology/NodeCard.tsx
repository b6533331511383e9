// One server: its power state, cluster role, file-system mount, membership view and (SCSI-3) its
// reservation key; the button in its corner opens its fault menu (a click on the card does too).

import type { MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/useSimStore';
import { Icon } from './icons';
import type { NodeBox } from './layout';
import { heardText, nodeFacts, powerLook, roleLook } from './nodeFacts';
import { ServerIcon } from './ServerIcon';
import { nodeSlot } from '../lun/nodeColors';
import '../lun/nodeColors.css';

interface Props {
  box: NodeBox;
  topoKey: string;
  tabIndex: 0 | -1;
  menuOpen: boolean;
  onOpen: () => void;
}

export function NodeCard({ box, topoKey, tabIndex, menuOpen, onOpen }: Props) {
  const f = useSimStore(useShallow((s) => nodeFacts(s.view, box.id)));
  const slot = useSimStore((s) => nodeSlot(s.view?.nodes.map((n) => n.id) ?? [], box.id));
  if (!f) return null;
  const down = f.power === 'crashed';
  const power = powerLook(f.power, f.fenced);
  const role = roleLook(f.service);
  const onCardClick = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as Element).closest('button')) return;
    (e.currentTarget.querySelector('button.node-actions') as HTMLButtonElement | null)?.focus();
    onOpen();
  };
  // Narrow cards (three nodes side by side, phones) drop the server glyph and shorten the key.
  const narrow = box.w < 270;
  const classes = ['node-card', narrow ? 'narrow' : '', `power-${f.power}`, f.fenced ? 'fenced' : '', f.service === 'owner' ? 'owner' : '', menuOpen ? 'menu-open' : ''].filter(Boolean).join(' ');
  return (
    <div role="group" aria-label={`Node ${box.id}`} className={`${classes} node-c${slot}`} style={{ left: box.x, top: box.y, width: box.w, height: box.h }} data-tags={f.tags} onClick={onCardClick}>
      <div className="node-head">
        <ServerIcon crashed={down} />
        <span className="node-name">Node {box.id}</span>
        <span className={`node-badge ${power.tone}`}>
          <Icon name={power.icon} size={11} />
          {power.word}
        </span>
        <button
          type="button"
          className="node-actions"
          data-topo-key={topoKey}
          tabIndex={tabIndex}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-label={`Faults for node ${box.id}`}
          aria-describedby="topology-help"
          title={`Faults for node ${box.id}`}
          onClick={onOpen}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </div>
      <dl className="node-facts">
        <dt>Service</dt>
        <dd>
          <span className={`chip ${role.tone}`}>
            <Icon name={role.icon} size={11} />
            {role.word}
          </span>
        </dd>
        <dt>Mount</dt>
        <dd>{down ? '—' : f.mountEpoch === null ? 'not mounted' : narrow ? `epoch ${f.mountEpoch}` : `mounted (epoch ${f.mountEpoch})`}</dd>
        <dt>Membership</dt>
        <dd>{down ? 'none (node is down)' : f.standalone ? 'not in the cluster' : f.members}</dd>
        <dt>Lost</dt>
        <dd className={f.lost ? 'lost' : undefined}>{f.lost ? `⚠ ${f.lost}` : '—'}</dd>
        {f.peers ? f.peers.split(',').map((peer) => <HeardRow key={peer} node={box.id} peer={peer} down={down} />) : null}
        {f.scsi3 && (
          <>
            <dt>Key</dt>
            <dd className="key">
              <code title={f.key ?? undefined}>{f.key ? (narrow ? `…${f.key.slice(-4)}` : f.key) : 'none'}</code>{' '}
              {f.registeredOn ? (
                <span className="reg ok" title={`Registered on ${f.registeredOn.replace(/,/g, ', ')}`}>
                  <Icon name="key" size={11} /> {registeredPaths(f.registeredOn, f.paths)}
                </span>
              ) : (
                <span className="reg danger">
                  <Icon name="cross" size={11} /> unregistered
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** "2 paths", "1 of 2 paths": how many of the node's paths carry its key. */
function registeredPaths(on: string, paths: number): string {
  const n = on.split(',').length;
  return n >= paths ? `${n} path${n === 1 ? '' : 's'}` : `${n} of ${paths}`;
}

function HeardRow({ node, peer, down }: { node: string; peer: string; down: boolean }) {
  const text = useSimStore((s) => (down ? '—' : heardText(s.view, node, peer)));
  return (
    <>
      <dt>Heard {peer}</dt>
      <dd>{text}</dd>
    </>
  );
}
