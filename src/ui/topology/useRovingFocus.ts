// One tab stop into the diagram; arrow keys move focus between its elements (see roving.ts).
// Elements carry `data-topo-key`; the one holding the tab stop gets tabIndex 0.

import { useCallback, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { Point } from './geometry';
import { isRovingKey, moveFocus } from './roving';

export interface RovingFocus {
  /** tabIndex for the element with this key. */
  tabIndexOf: (key: string) => 0 | -1;
  /** Gives focus to an element (and the tab stop with it). */
  focusKey: (key: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  onFocus: (e: FocusEvent<HTMLElement>) => void;
}

function elementFor(container: HTMLElement | null, key: string): HTMLElement | SVGElement | null {
  return container?.querySelector<HTMLElement | SVGElement>(`[data-topo-key="${CSS.escape(key)}"]`) ?? null;
}

export function useRovingFocus(container: RefObject<HTMLElement | null>, rows: readonly (readonly string[])[], points: Readonly<Record<string, Point>>): RovingFocus {
  const [active, setActive] = useState<string | null>(null);
  const all = rows.flat();
  const current = active !== null && all.includes(active) ? active : (all[0] ?? null);

  const focusKey = useCallback(
    (key: string) => {
      setActive(key);
      elementFor(container.current, key)?.focus();
    },
    [container],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.defaultPrevented || !isRovingKey(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as Element;
    if (target.closest('[role="menu"]')) return;
    const from = target.closest<HTMLElement | SVGElement>('[data-topo-key]')?.dataset.topoKey;
    if (!from) return;
    e.preventDefault();
    const next = moveFocus(rows, points, from, e.key);
    if (next !== from) focusKey(next);
  };

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const key = (e.target as Element).closest<HTMLElement | SVGElement>('[data-topo-key]')?.dataset.topoKey;
    if (key && key !== active) setActive(key);
  };

  return { tabIndexOf: (key) => (key === current ? 0 : -1), focusKey, onKeyDown, onFocus };
}
