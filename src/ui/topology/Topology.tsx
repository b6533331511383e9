// The cluster diagram: nodes as cards, heartbeat links between them, and fault menus on both.

import { useRef, useState } from 'react';
import { openMenu, useSimStore } from '../../store/useSimStore';
import { useElementSize } from '../common/useElementSize';
import { FaultMenu } from '../faults/FaultMenu';
import { elementKey, optionsFor, parseElementKey } from '../faults/optionsFor';
import { controlPoint, nodeSlots, passesNear, type Point } from './geometry';
import { LinkLine } from './LinkLine';
import { NodeCard } from './NodeCard';

const NARROW_PX = 600;

export function Topology() {
  const canvas = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(canvas);
  const view = useSimStore((s) => s.view);
  const menuFor = useSimStore((s) => s.menuFor);
  const [menuAnchor, setMenuAnchor] = useState<Point>({ x: 0, y: 0 });
  const returnTo = useRef<(() => void) | null>(null);
  const nodeButtons = useRef<Record<string, HTMLButtonElement | null>>({});

  const narrow = width > 0 && width < NARROW_PX;
  const ids = view?.nodes.map((n) => n.id) ?? [];
  const slots = nodeSlots(ids.length, narrow);
  const centre: Record<string, Point> = {};
  ids.forEach((id, i) => {
    const s = slots[i]!;
    centre[id] = { x: s.x * width, y: s.y * height };
  });

  const menuEl = menuFor ? parseElementKey(menuFor) : null;

  return (
    <section className="panel topology" aria-label="Topology">
      <h2>Topology</h2>
      <div className="topology-canvas" ref={canvas}>
        {view && width > 0 && (
          <>
            <svg className="links" width={width} height={height} aria-label="Heartbeat links">
              {view.links.map((link) => {
                const p = centre[link.a]!;
                const q = centre[link.b]!;
                const networks = view.params.heartbeatNetworks;
                const spread = (link.network - 1 - (networks - 1) / 2) * 34;
                const detour = ids.some((id) => id !== link.a && id !== link.b && passesNear(p, q, centre[id]!, 80)) ? 150 : 0;
                const control = controlPoint(p, q, spread + detour);
                const key = elementKey({ kind: 'link', a: link.a, b: link.b, network: link.network });
                return (
                  <LinkLine
                    key={link.id}
                    link={link}
                    from={p}
                    to={q}
                    control={control}
                    now={view.time}
                    onOpenMenu={(at) => {
                      setMenuAnchor(at);
                      const active = document.activeElement as HTMLElement | SVGElement | null;
                      returnTo.current = () => active?.focus();
                      openMenu(menuFor === key ? null : key);
                    }}
                  />
                );
              })}
            </svg>
            {view.nodes.map((node) => {
              const c = centre[node.id]!;
              const key = elementKey({ kind: 'node', node: node.id });
              return (
                <NodeCard
                  key={node.id}
                  ref={(el) => {
                    nodeButtons.current[node.id] = el;
                  }}
                  node={node}
                  now={view.time}
                  x={c.x}
                  y={c.y}
                  menuOpen={menuFor === key}
                  onOpenMenu={() => {
                    setMenuAnchor({ x: Math.min(c.x, width - 240), y: c.y + 40 });
                    returnTo.current = () => nodeButtons.current[node.id]?.focus();
                    openMenu(menuFor === key ? null : key);
                  }}
                />
              );
            })}
            {menuEl && (
              <FaultMenu
                title={menuEl.kind === 'node' ? `Faults for node ${menuEl.node}` : `Faults for heartbeat link ${menuEl.a}–${menuEl.b}`}
                options={optionsFor(view, menuEl)}
                x={Math.max(8, Math.min(menuAnchor.x, width - 240))}
                y={Math.max(8, Math.min(menuAnchor.y, height - 160))}
                returnFocus={() => returnTo.current?.()}
              />
            )}
          </>
        )}
      </div>
      <div className="legend" aria-hidden="true">
        <span>♥ heartbeat link up</span>
        <span>✂ dashed: link cut</span>
        <span>● moving dot: a heartbeat in transit</span>
        <span>⚠ lost: peer removed from the view</span>
      </div>
    </section>
  );
}
