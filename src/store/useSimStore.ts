// The zustand store: a mirror of what the engine host last posted, plus UI-only state. It never
// decides protocol outcomes; intents go to the engine through store/engine.ts.

import { create } from 'zustand';
import type { SimView, TraceEntry } from '../engine';
import type { PlaybackState } from '../worker/protocol';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface SimSlice {
  view: SimView | null;
  trace: TraceEntry[];
}

export interface PlaybackSlice {
  playback: PlaybackState | null;
}

export interface UiSlice {
  /** The element whose fault menu is open ("node:A", "link:hb1:A-B", ...), or null. */
  menuFor: string | null;
  notices: Notice[];
  /** Last notable events, newest last, for the live region. */
  announcements: TraceEntry[];
  engineMode: 'worker' | 'in-process' | 'starting';
}

export type SimStore = SimSlice & PlaybackSlice & UiSlice;

export const useSimStore = create<SimStore>()(() => ({
  view: null,
  trace: [],
  playback: null,
  menuFor: null,
  notices: [],
  announcements: [],
  engineMode: 'starting',
}));

let noticeId = 1;

export function pushNotice(kind: Notice['kind'], text: string): void {
  useSimStore.setState((s) => ({ notices: [...s.notices.slice(-3), { id: noticeId++, kind, text }] }));
}

export function dismissNotice(id: number): void {
  useSimStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function openMenu(target: string | null): void {
  useSimStore.setState({ menuFor: target });
}
