// The guided lessons are a chunk of their own (about 20 KB gzipped of narration): the first screen
// does not wait for them. The lesson list asks for them when it first renders.

import { useEffect, useState } from 'react';
import type { LibraryEntry } from '../../scenarios/library';

let cache: readonly LibraryEntry[] | null = null;
let pending: Promise<readonly LibraryEntry[]> | null = null;

export function loadLibrary(): Promise<readonly LibraryEntry[]> {
  pending ??= import('../../scenarios/library').then((m) => (cache = m.LIBRARY));
  return pending;
}

/** The lessons, or null while their chunk loads; `error` when it could not be fetched. */
export function useLibrary(): { lessons: readonly LibraryEntry[] | null; error: string | null } {
  const [lessons, setLessons] = useState(cache);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (cache) return;
    let live = true;
    loadLibrary().then(
      (l) => live && setLessons(l),
      (err: unknown) => {
        pending = null;
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { lessons, error };
}
