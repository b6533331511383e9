// The single place where engine updates enter the store.

import type { EngineUpdate } from '../worker/protocol';
import { pushNotice, useSimStore } from './useSimStore';

/** Entries kept for the event log; older ones are dropped from the mirror (the engine keeps all). */
const TRACE_MIRROR_LIMIT = 20_000;

let inputErrorId = 1;

export function applyEngineUpdate(update: EngineUpdate): void {
  switch (update.type) {
    case 'ready':
      return;
    case 'view':
      useSimStore.setState((s) => ({
        view: update.view,
        playback: update.playback,
        // The load asked for is running now; until then the picker showed what was asked for.
        requested: s.requested && s.requested.id === update.view.scenarioId ? null : s.requested,
      }));
      return;
    case 'trace':
      useSimStore.setState((s) => {
        // `from` is an index into the engine's trace; the mirror may have dropped old entries.
        const offset = s.trace.length > 0 ? s.trace[0]!.id : 0;
        const keep = s.trace.slice(0, Math.max(0, update.from - offset));
        const next = keep.concat(update.entries);
        return { trace: next.length > TRACE_MIRROR_LIMIT ? next.slice(next.length - TRACE_MIRROR_LIMIT) : next };
      });
      return;
    case 'cue':
      useSimStore.setState((s) => ({ announcements: [...s.announcements, ...update.cues].slice(-5) }));
      return;
    case 'error':
      if (update.command === 'input') {
        const source = useSimStore.getState().inputSource;
        pushNotice('error', update.message, update.command, source);
        useSimStore.setState({ inputError: { id: inputErrorId++, source, text: update.message } });
        return;
      }
      pushNotice('error', update.message, update.command);
      if (update.command === 'load') useSimStore.setState({ requested: null });
      return;
  }
}
