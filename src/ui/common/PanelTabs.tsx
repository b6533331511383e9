// On narrow screens the panels of the main screen are tabs: a tablist (arrow keys, Home, End move
// between tabs and show them) and one tabpanel per panel. On wide screens every panel is shown and
// the tablist is not rendered; Pane is then a plain wrapper.

import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { showPanel, useSimStore, type PanelId } from '../../store/useSimStore';

export const PANELS: readonly { id: PanelId; label: string }[] = [
  { id: 'diagram', label: 'Diagram' },
  { id: 'lun', label: 'LUN' },
  { id: 'ladder', label: 'Ladder' },
  { id: 'log', label: 'Event log' },
  { id: 'faults', label: 'Faults' },
  { id: 'node', label: 'Nodes' },
];

const tabId = (id: PanelId) => `tab-${id}`;
const panelId = (id: PanelId) => `panel-${id}`;

export function PanelTabs() {
  const active = useSimStore((s) => s.panel);
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = PANELS.findIndex((p) => p.id === active);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: PANELS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = PANELS[(to + PANELS.length) % PANELS.length]!;
    showPanel(next.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(next.id)}`)?.focus();
  };
  return (
    <div className="panel-tabs" role="tablist" aria-label="Panels" ref={list} onKeyDown={onKeyDown}>
      {PANELS.map((p) => (
        <button
          key={p.id}
          id={tabId(p.id)}
          type="button"
          role="tab"
          aria-selected={p.id === active}
          aria-controls={panelId(p.id)}
          tabIndex={p.id === active ? 0 : -1}
          onClick={() => showPanel(p.id)}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}

/** One panel's place on the screen: a tabpanel when narrow, a grid cell when wide. */
export function Pane({ id, tabbed, className, children }: { id: PanelId; tabbed: boolean; className?: string; children: ReactNode }) {
  const active = useSimStore((s) => s.panel === id);
  if (!tabbed) return <div className={`pane pane-${id} ${className ?? ''}`}>{children}</div>;
  return (
    <div className={`pane pane-${id} ${className ?? ''}`} role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} hidden={!active}>
      {/* A hidden tab renders nothing, so it costs nothing while the simulation plays. */}
      {active && children}
    </div>
  );
}
