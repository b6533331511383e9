// One cluster node: state, membership view and the button that opens its fault menu.

import { forwardRef } from 'react';
import type { NodeView } from '../../engine';
import { formatAge } from '../format';
import { ServerIcon } from './ServerIcon';

interface Props {
  node: NodeView;
  now: number;
  x: number;
  y: number;
  menuOpen: boolean;
  onOpenMenu: () => void;
}

export const NodeCard = forwardRef<HTMLButtonElement, Props>(function NodeCard({ node, now, x, y, menuOpen, onOpenMenu }, ref) {
  const crashed = node.power === 'crashed';
  const lost = node.peers.filter((p) => !p.member).map((p) => p.id);
  return (
    <div role="group" aria-label={`Node ${node.id}`} className={`node-card ${crashed ? 'crashed' : ''}`} style={{ left: x, top: y }} data-tags={node.tags.join(' ')}>
      <div className="node-head">
        <ServerIcon crashed={crashed} />
        <span className="node-name">Node {node.id}</span>
        <span className={`badge ${crashed ? 'crashed' : 'up'}`}>{crashed ? '✕ crashed' : '● up'}</span>
        <button
          ref={ref}
          type="button"
          className="node-actions"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-label={`Faults for node ${node.id}`}
          title={`Faults for node ${node.id}`}
          onClick={onOpenMenu}
        >
          ⋯
        </button>
      </div>
      <dl className="node-facts">
        <dt>Membership</dt>
        <dd>{crashed ? 'none (node is down)' : node.members.join(', ')}</dd>
        {!crashed && (
          <>
            <dt>Lost</dt>
            <dd className={lost.length ? 'lost' : undefined}>{lost.length ? `⚠ ${lost.join(', ')}` : '—'}</dd>
            {node.peers.map((p) => (
              <FactHeard key={p.id} peer={p.id} missed={p.missed} at={node.heard[p.id]} now={now} />
            ))}
          </>
        )}
      </dl>
    </div>
  );
});

function FactHeard({ peer, missed, at, now }: { peer: string; missed: number; at: number | undefined; now: number }) {
  return (
    <>
      <dt>Heard {peer}</dt>
      <dd>
        {at === undefined ? 'not yet' : formatAge(now - at)}
        {missed > 0 ? ` · ${missed} missed` : ''}
      </dd>
    </>
  );
}
