// The cluster diagram: servers with their HBA ports, heartbeat links, the SAN fabric, the array's
// target ports and the LUN; SCSI commands travel the paths. Every node, link, path, target port
// and the LUN opens its fault menu by click, tap, Enter or Space; arrow keys move between them.

import { useMemo, useRef } from 'react';
import { openMenu, selectNode, useSimStore } from '../../store/useSimStore';
import { useElementSize } from '../common/useElementSize';
import { FaultMenu } from '../faults/FaultMenu';
import { menuTitle, optionsFor, parseElementKey, type ElementRef } from '../faults/optionsFor';
import { ArrayBox, Fabric } from './Backdrop';
import { CommandLayer } from './CommandLayer';
import { EffectsLayer } from './EffectsLayer';
import { computeLayout, type Layout } from './layout';
import { Legend } from './Legend';
import { LinkLine } from './LinkLine';
import { LunCard } from './LunCard';
import { NodeCard } from './NodeCard';
import { PathWire } from './PathWire';
import { layoutInputFrom, shapeKey } from './selectors';
import { TargetPort } from './TargetPort';
import { useRovingFocus } from './useRovingFocus';
import './topology.css';

const MENU_W = 290;

/** Where an element's menu opens, in canvas pixels, and whether it opens upwards. */
function menuAnchor(layout: Layout, el: ElementRef): { x: number; y: number; up: boolean } {
  switch (el.kind) {
    case 'node': {
      const b = layout.nodes.find((n) => n.id === el.node);
      return b ? { x: b.x + b.w - MENU_W + 8, y: b.y + 44, up: false } : { x: 0, y: 0, up: false };
    }
    case 'link': {
      const l = layout.links.find((x) => x.a === el.a && x.b === el.b && x.network === el.network);
      return l ? { x: l.labelAt.x - MENU_W / 2, y: l.labelAt.y + 16, up: false } : { x: 0, y: 0, up: false };
    }
    case 'path': {
      const h = layout.hbas.find((x) => x.node === el.node && x.path === el.path);
      return h ? { x: h.x, y: h.y + h.h + 6, up: false } : { x: 0, y: 0, up: false };
    }
    case 'port': {
      const t = layout.ports.find((x) => x.port === el.port);
      return t ? { x: t.x + t.w / 2 - MENU_W / 2, y: t.y - 6, up: true } : { x: 0, y: 0, up: false };
    }
    case 'lun':
      return { x: layout.lun.x + layout.lun.w - MENU_W, y: layout.lun.y + 6, up: true };
  }
}

export function Topology() {
  const canvas = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(canvas);
  const shape = useSimStore((s) => shapeKey(s.view));
  const menuFor = useSimStore((s) => s.menuFor);
  const layout = useMemo(() => {
    const input = width > 0 ? layoutInputFrom(shape, width) : null;
    return input ? computeLayout(input) : null;
  }, [shape, width]);
  const roving = useRovingFocus(canvas, layout?.focusRows ?? [], layout?.focusPoints ?? {});
  const menuEl = menuFor ? parseElementKey(menuFor) : null;

  const toggle = (key: string) => openMenu(menuFor === key ? null : key);
  const common = (key: string) => ({ topoKey: key, tabIndex: roving.tabIndexOf(key), menuOpen: menuFor === key, onOpen: () => toggle(key) });

  return (
    <section className="panel topology" aria-label="Topology">
      <h2>Topology</h2>
      <p id="topology-help" className="sr-only">
        Arrow keys move between the nodes, heartbeat links, paths, array ports and the LUN; Enter opens the faults of the one in focus.
      </p>
      <div
        className={`topology-canvas ${layout?.mode ?? ''}`}
        ref={canvas}
        style={layout ? { height: layout.height } : undefined}
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        {layout && (
          <>
            <svg className="topo-base" width={layout.width} height={layout.height} aria-label="Cluster, SAN fabric and storage array" role="group">
              <ArrayBox layout={layout} />
              <Fabric layout={layout} />
              {layout.paths.map((route) => {
                const hba = layout.hbas.find((h) => h.nexus === route.nexus)!;
                return <PathWire key={route.nexus} route={route} hba={hba} compact={layout.mode === 'column'} {...common(`path:${route.node}:${route.path}`)} />;
              })}
              {layout.ports.map((port) => (
                <TargetPort key={port.port} box={port} {...common(`port:${port.port}`)} />
              ))}
              {layout.links.map((route) => (
                <LinkLine key={`${route.id}`} route={route} {...common(`link:${route.network}:${route.a}-${route.b}`)} />
              ))}
            </svg>
            {layout.nodes.map((box) => (
              <NodeCard key={box.id} box={box} {...common(`node:${box.id}`)} />
            ))}
            <LunCard rect={layout.lun} chips={layout.chips} compact={layout.compactChips} {...common('lun:0')} />
            <CommandLayer layout={layout} />
            <EffectsLayer layout={layout} />
            {menuEl && menuFor && <Menu layout={layout} el={menuEl} ownerKey={menuFor} focusKey={roving.focusKey} />}
          </>
        )}
      </div>
      <Legend />
    </section>
  );
}

function Menu({ layout, el, ownerKey, focusKey }: { layout: Layout; el: ElementRef; ownerKey: string; focusKey: (key: string) => void }) {
  const faults = useSimStore((s) => s.view?.faults);
  const options = faults ? optionsFor({ faults }, el) : [];
  const a = menuAnchor(layout, el);
  const x = Math.max(6, Math.min(a.x, layout.width - MENU_W - 6));
  return (
    <FaultMenu
      title={menuTitle(el)}
      options={options}
      x={x}
      y={a.up ? undefined : a.y}
      bottom={a.up ? layout.height - a.y : undefined}
      width={MENU_W}
      ownerKey={ownerKey}
      returnFocus={() => focusKey(ownerKey)}
      extra={el.kind === 'node' ? [{ label: `Inspect node ${el.node}`, hint: 'Its state, paths and key, and its console (sg_persist, sg_turs, …).', onSelect: () => selectNode(el.node) }] : []}
    />
  );
}
