// Every node's membership view as a table: the text twin of the diagram.

import { useLagged } from '../../store/useLagged';

export function MembershipPanel() {
  const nodes = useLagged((s) => s.view?.nodes, 1);
  if (!nodes) return null;
  return (
    <section className="panel" aria-label="Membership">
      <h2>Membership views</h2>
      <div className="body">
        <table className="membership">
          <caption className="sr-only">Which peers each node currently counts as cluster members</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              {nodes.map((n) => (
                <th key={n.id} scope="col">
                  sees {n.id}?
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nodes.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.id}
                  {row.power === 'crashed' ? ' (crashed)' : ''}
                </th>
                {nodes.map((col) => {
                  if (col.id === row.id) return <td key={col.id} className="self">itself</td>;
                  if (row.power !== 'up') return <td key={col.id} className="self">—</td>;
                  const peer = row.peers.find((p) => p.id === col.id);
                  return peer?.member ? (
                    <td key={col.id} className="seen">
                      ✓ member{peer.missed ? ` (${peer.missed} missed)` : ''}
                    </td>
                  ) : (
                    <td key={col.id} className="missing">
                      ✗ lost
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
