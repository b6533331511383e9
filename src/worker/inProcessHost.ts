// The same host without a Worker: for unit tests, and as the fallback where a worker cannot
// start (a strict CSP, or a page opened from file:// without the inlined worker). Messages are
// cloned on the way in and out so the behaviour matches the worker boundary.

import { createHost, type WallClock } from './host';
import type { EngineCommand, EngineUpdate } from './protocol';

export interface EnginePort {
  send(command: EngineCommand): void;
  subscribe(listener: (update: EngineUpdate) => void): () => void;
  dispose(): void;
}

const clone = <T>(x: T): T => structuredClone(x);

export function createInProcessPort(clock: WallClock): EnginePort {
  const listeners = new Set<(u: EngineUpdate) => void>();
  const host = createHost((u) => {
    const copy = clone(u);
    for (const l of listeners) l(copy);
  }, clock);
  return {
    send: (command) => host.handle(clone(command)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => host.dispose(),
  };
}
