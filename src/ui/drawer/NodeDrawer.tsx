// The node drawer: pick a node ("Details for node A"), then read its inspector and use its
// console. The selection lives in the store (selectNode), so the diagram can open it too.

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectNode, useSimStore } from '../../store/useSimStore';
import { NodeConsole } from './NodeConsole';
import { NodeInspector } from './NodeInspector';
import { nodeStateWord } from './nodeState';

export function NodeDrawer() {
  const section = useRef<HTMLElement>(null);
  const nodes = useSimStore(useShallow((s) => (s.view?.nodes ?? []).map((n) => `${n.id}|${nodeStateWord(n)}`)));
  const selected = useSimStore((s) => (s.selectedNode && s.view?.nodes.some((n) => n.id === s.selectedNode) ? s.selectedNode : null));

  // Opened from elsewhere (the diagram may call selectNode): bring the drawer into sight.
  useEffect(() => {
    if (selected) section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  /** Escape closes the drawer (outside the command line, where it belongs to the console). */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || !selected || (e.target as HTMLElement).closest('input, select, textarea, dialog')) return;
    e.preventDefault();
    selectNode(null);
    section.current?.querySelector<HTMLElement>(`[data-node="${selected}"]`)?.focus();
  };
  return (
    <section className={`panel drawer ${selected ? 'open' : ''}`} aria-label="Node details" ref={section} onKeyDown={onKeyDown}>
      <div className="drawer-head">
        <h2>{selected ? `Node ${selected}` : 'Nodes'}</h2>
        <div className="node-chips" role="group" aria-label="Inspect a node">
          {nodes.map((entry) => {
            const [id, state] = entry.split('|') as [string, string];
            return (
              <button
                key={id}
                type="button"
                className={`node-chip state-${state.replace(/\s+/g, '-')}`}
                data-node={id}
                aria-pressed={selected === id}
                title={`Details for node ${id} (${state})`}
                onClick={() => selectNode(selected === id ? null : id)}
              >
                <span className="sr-only">Details for node </span>
                <span className="chip-id">{id}</span>
                <span className="sr-only">, </span>
                <span className="chip-state">{state}</span>
              </button>
            );
          })}
        </div>
        {selected && (
          <button
            type="button"
            className="icon-btn"
            aria-label="Close node details"
            title="Close node details (Escape)"
            onClick={() => {
              selectNode(null);
              section.current?.querySelector<HTMLElement>(`[data-node="${selected}"]`)?.focus();
            }}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </div>
      {selected ? (
        <div className="drawer-body">
          <NodeInspector node={selected} />
          <NodeConsole key={selected} node={selected} />
        </div>
      ) : (
        <p className="drawer-hint">Choose a node to see its state, paths and key, and to type commands on its console.</p>
      )}
    </section>
  );
}
