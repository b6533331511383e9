// The fault menu of one diagram element: opened by click, tap, Enter or Space; arrow keys move
// between items; Escape (or Tab) closes it and gives focus back to the element; a click outside
// closes it too.

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { engine } from '../../store/engine';
import { openMenu } from '../../store/useSimStore';
import type { MenuOption } from './optionsFor';
import './faultMenu.css';

interface Props {
  title: string;
  options: MenuOption[];
  /** Position within the diagram, in pixels: left edge, and top edge or (opening upwards) bottom edge. */
  x: number;
  y?: number;
  bottom?: number;
  width: number;
  /** `data-topo-key` of the element the menu belongs to (a click on it toggles, not closes). */
  ownerKey: string;
  /** Gives focus back to the element. */
  returnFocus: () => void;
  /** Items after the faults that are not faults (e.g. "Inspect node A"). */
  extra?: { label: string; hint: string; onSelect: () => void }[];
}

export function FaultMenu({ title, options, x, y, bottom, width, ownerKey, returnFocus, extra = [] }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The first item takes focus; an empty menu takes it itself, so Escape still closes it.
    (ref.current?.querySelector<HTMLElement>('[role="menuitem"]') ?? ref.current)?.focus();
  }, []);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const t = e.target as Element | null;
      if (!t || ref.current?.contains(t)) return;
      if (t.closest(`[data-topo-key="${CSS.escape(ownerKey)}"]`)) return;
      openMenu(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [ownerKey]);

  const close = () => {
    openMenu(null);
    returnFocus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      items[(i + 1) % items.length]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i - 1 + items.length) % items.length]?.focus();
    } else if (e.key === 'Home') {
      e.preventDefault();
      items[0]?.focus();
    } else if (e.key === 'End') {
      e.preventDefault();
      items[items.length - 1]?.focus();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      close();
    }
  };

  return (
    <div ref={ref} className="menu" role="menu" aria-label={title} tabIndex={-1} style={{ left: x, top: y, bottom, width }} onKeyDown={onKeyDown}>
      <h3 aria-hidden="true">{title}</h3>
      {options.length === 0 && (
        <p className="empty" role="none">
          No fault applies here right now.
        </p>
      )}
      {options.map((o) => (
        <button
          key={`${o.faultId}:${JSON.stringify(o.target)}`}
          type="button"
          role="menuitem"
          aria-label={o.label}
          onClick={() => {
            engine.input({ type: 'fault', fault: o.faultId, target: o.target });
            close();
          }}
        >
          <span className="label">{o.label}</span>
          <span className="hint">{o.hint}</span>
        </button>
      ))}
      {extra.length > 0 && <hr role="separator" />}
      {extra.map((x) => (
        <button
          key={x.label}
          type="button"
          role="menuitem"
          aria-label={x.label}
          className="extra"
          onClick={() => {
            close();
            x.onSelect();
          }}
        >
          <span className="label">{x.label}</span>
          <span className="hint">{x.hint}</span>
        </button>
      ))}
    </div>
  );
}
