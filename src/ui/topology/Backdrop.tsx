// The parts of the diagram that never change with the simulation: the array's outline and the
// SAN fabric (drawn as a band the paths cross, like a switch).

import type { Layout } from './layout';

export function ArrayBox({ layout }: { layout: Layout }) {
  const a = layout.array;
  return (
    <g className="array-box" aria-hidden="true">
      <rect x={a.x} y={a.y} width={a.w} height={a.h} rx={12} />
      <text x={a.x + 12} y={a.y + a.h - 8}>
        Storage array
      </text>
    </g>
  );
}

export function Fabric({ layout }: { layout: Layout }) {
  const f = layout.fabric;
  return (
    <g className="fabric" aria-hidden="true">
      <rect x={f.x} y={f.y} width={f.w} height={f.h} rx={f.h / 2} />
      <text x={f.x + 14} y={f.y + f.h / 2 + 4}>
        SAN fabric
      </text>
    </g>
  );
}
