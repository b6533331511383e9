// The zustand store: a mirror of what the engine host last posted, plus UI-only state. It never
// decides protocol outcomes; intents go to the engine through store/engine.ts.

import { create } from 'zustand';
import type { Scenario, SimView, TraceEntry } from '../engine';
import type { EngineCommand, PlaybackState } from '../worker/protocol';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  /** The engine command that was refused, when the notice is an engine error. */
  command?: EngineCommand['type'];
  /** Where the refused input was made ("console:A", "palette"); that place shows the error itself. */
  source?: string | null;
}

export interface SimSlice {
  view: SimView | null;
  trace: TraceEntry[];
}

export interface PlaybackSlice {
  playback: PlaybackState | null;
}

/** A panel of the main screen; on narrow screens each is a tab. */
export type PanelId = 'diagram' | 'lun' | 'ladder' | 'log' | 'faults' | 'node';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface UiSlice {
  /** The element whose fault menu is open ("node:A", "link:hb1:A-B", ...), or null. */
  menuFor: string | null;
  /** The node shown in the node drawer (inspector and console), or null when it is closed. */
  selectedNode: string | null;
  /** The panel shown on narrow screens, where panels are tabs. */
  panel: PanelId;
  theme: ThemeChoice;
  notices: Notice[];
  /** Last notable events, newest last, for the live region. */
  announcements: TraceEntry[];
  engineMode: 'worker' | 'in-process' | 'starting';
  /** Every scenario asked for, by id, so Reset can load the running one again. */
  scenarios: Record<string, { scenario: Scenario; seed?: number }>;
  /** A load the engine has not answered yet (the picker shows it meanwhile). */
  requested: Scenario | null;
  /** Where the last learner input came from ("console:A", "palette", ...), to place its error. */
  inputSource: string | null;
  /** The engine's answer to a refused learner input, shown next to where it was typed. */
  inputError: { id: number; source: string | null; text: string } | null;
  /** Lines typed on each node's console, oldest first (recalled with ↑/↓). */
  consoleRecall: Record<string, string[]>;
}

export type SimStore = SimSlice & PlaybackSlice & UiSlice;

const THEME_KEY = 'reservation-lab:theme';

function storedTheme(): ThemeChoice {
  try {
    const t = globalThis.localStorage?.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system'; // storage blocked (sandboxed iframe, privacy mode)
  }
}

export const useSimStore = create<SimStore>()(() => ({
  view: null,
  trace: [],
  playback: null,
  menuFor: null,
  selectedNode: null,
  panel: 'diagram',
  theme: storedTheme(),
  notices: [],
  announcements: [],
  engineMode: 'starting',
  scenarios: {},
  requested: null,
  inputSource: null,
  inputError: null,
  consoleRecall: {},
}));

let noticeId = 1;

export function pushNotice(kind: Notice['kind'], text: string, command?: Notice['command'], source?: string | null): void {
  useSimStore.setState((s) => ({ notices: [...s.notices.slice(-3), { id: noticeId++, kind, text, command, source }] }));
}

export function dismissNotice(id: number): void {
  useSimStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function openMenu(target: string | null): void {
  useSimStore.setState({ menuFor: target });
}

/** Opens the node drawer on `node` (null closes it). The diagram may call this on a node click. */
export function selectNode(node: string | null): void {
  useSimStore.setState(node ? { selectedNode: node, panel: 'node' } : { selectedNode: null });
}

export function showPanel(panel: PanelId): void {
  useSimStore.setState({ panel });
}

export function setTheme(theme: ThemeChoice): void {
  try {
    if (theme === 'system') globalThis.localStorage?.removeItem(THEME_KEY);
    else globalThis.localStorage?.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered across visits; the choice still applies now.
  }
  useSimStore.setState({ theme });
}
