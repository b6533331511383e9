// What one node knows and holds: its machines' tags, the service state, its membership view, its
// paths with their states, the mount epoch and its persistent reservation key.

import type { NodeView, PathView, SimView } from '../../engine';
import { useLagged } from '../../store/useLagged';
import { seconds } from '../common/time';
import { nodeStateWord } from './nodeState';

export function NodeInspector({ node }: { node: string }) {
  const view = useLagged((s) => s.view, 2);
  const n = view?.nodes.find((x) => x.id === node);
  if (!view || !n) return null;
  const paths = view.paths.filter((p) => p.node === node);
  return (
    <div className="inspector">
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <span className={`badge state-${nodeStateWord(n)}`}>{nodeStateWord(n)}</span>
        </dd>
        <dt>Tags</dt>
        <dd className="tags">{n.tags.length ? n.tags.map((t) => <code key={t}>{t}</code>) : '—'}</dd>
        <dt>Service</dt>
        <dd>{n.serviceState}</dd>
        <dt>Membership</dt>
        <dd>
          <Membership n={n} />
        </dd>
        <dt>Mount</dt>
        <dd>{n.mount ? `epoch ${n.mount.epoch}, since ${seconds(n.mount.at)}` : 'not mounted'}</dd>
        <dt>PR key</dt>
        <dd>{n.key ? <code>{n.key}</code> : 'none'}</dd>
      </dl>
      {paths.length > 0 && <PathTable node={node} paths={paths} view={view} />}
    </div>
  );
}

function Membership({ n }: { n: NodeView }) {
  if (n.power !== 'up') return <>none (node is {n.power})</>;
  const lost = n.peers.filter((p) => !p.member);
  return (
    <>
      {n.members.join(', ')}
      {lost.length > 0 && <span className="lost"> · ⚠ lost {lost.map((p) => (p.missed ? `${p.id} (${p.missed} missed)` : p.id)).join(', ')}</span>}
    </>
  );
}

function PathTable({ node, paths, view }: { node: string; paths: PathView[]; view: SimView }) {
  const registrations = view.luns[0]?.registrations ?? [];
  const upDown = (up: boolean) => <span className={up ? 'ok' : 'bad'}>{up ? '▲ up' : '▼ down'}</span>;
  return (
    <table className="data-table paths">
      <caption>Paths of node {node} to LUN 0</caption>
      <thead>
        <tr>
          <th scope="col">I_T nexus</th>
          <th scope="col">HBA</th>
          <th scope="col">Port</th>
          <th scope="col">Multipath</th>
          <th scope="col">Key on LUN</th>
        </tr>
      </thead>
      <tbody>
        {paths.map((p) => {
          const reg = registrations.find((r) => r.nexus === p.nexus);
          return (
            <tr key={p.nexus}>
              <th scope="row">
                {p.nexus}
                {p.current && <span className="in-use">in use</span>}
              </th>
              <td>{upDown(p.up)}</td>
              <td>{upDown(p.portUp)}</td>
              <td>
                <span className={p.mpath === 'active' ? 'ok' : 'bad'}>{p.mpath === 'active' ? '✓ active' : '✗ failed'}</span>
              </td>
              <td>{reg ? <code>{reg.key}</code> : <span className="muted">none</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
