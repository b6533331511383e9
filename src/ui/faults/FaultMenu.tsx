// The fault menu of one diagram element: opened by click, tap, Enter or Space; arrow keys move
// between items; Escape closes and returns focus to the element.

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { engine } from '../../store/engine';
import { openMenu } from '../../store/useSimStore';
import type { MenuOption } from './optionsFor';

interface Props {
  title: string;
  options: MenuOption[];
  /** Position within the topology canvas, in pixels. */
  x: number;
  y: number;
  /** Element to give focus back to when the menu closes. */
  returnFocus: () => void;
}

export function FaultMenu({ title, options, x, y, returnFocus }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

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
    } else if (e.key === 'Tab') {
      close();
    }
  };

  return (
    <div ref={ref} className="menu" role="menu" aria-label={title} style={{ left: x, top: y }} onKeyDown={onKeyDown}>
      <h3 aria-hidden="true">{title}</h3>
      {options.length === 0 && <p className="empty" role="none">No fault applies here right now.</p>}
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
          {o.label}
          <span className="hint">{o.hint}</span>
        </button>
      ))}
    </div>
  );
}
