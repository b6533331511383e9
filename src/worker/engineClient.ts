// Main-thread side of the worker boundary: starts the engine worker, waits for its READY with
// the right protocol version, and falls back to the in-process host when a worker can't start
// (Chrome refuses workers from file://; a strict CSP may refuse them too).

import type { EnginePort } from './inProcessHost';
import { PROTOCOL_VERSION, type EngineCommand, type EngineUpdate } from './protocol';

/** How long to wait for the worker's READY before falling back. */
const READY_TIMEOUT_MS = 4000;

export type EngineMode = 'worker' | 'in-process';

export interface EngineClient extends EnginePort {
  readonly mode: EngineMode;
}

async function startInProcess(): Promise<EngineClient> {
  const { createInProcessPort } = await import('./inProcessHost');
  const port = createInProcessPort({
    now: () => performance.now(),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
  });
  return { ...port, mode: 'in-process' };
}

function startWorker(): Promise<EngineClient> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'reservation-lab-engine' });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const listeners = new Set<(u: EngineUpdate) => void>();
    let ready = false;
    const timer = window.setTimeout(() => {
      if (!ready) {
        worker.terminate();
        reject(new Error(`the engine worker did not answer within ${READY_TIMEOUT_MS} ms`));
      }
    }, READY_TIMEOUT_MS);
    worker.addEventListener('error', (e) => {
      if (!ready) {
        window.clearTimeout(timer);
        worker.terminate();
        reject(new Error(`the engine worker failed to start: ${e.message || 'blocked by the browser'}`));
      }
    });
    worker.addEventListener('message', (event: MessageEvent<EngineUpdate>) => {
      const update = event.data;
      if (!ready) {
        if (update.type !== 'ready') return;
        window.clearTimeout(timer);
        if (update.protocolVersion !== PROTOCOL_VERSION) {
          worker.terminate();
          reject(new Error(`the engine worker speaks protocol ${update.protocolVersion}, this page speaks ${PROTOCOL_VERSION}; reload the page`));
          return;
        }
        ready = true;
        resolve({
          mode: 'worker',
          send: (command: EngineCommand) => worker.postMessage(command),
          subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          dispose: () => worker.terminate(),
        });
        return;
      }
      for (const l of listeners) l(update);
    });
    worker.postMessage({ type: 'hello' } satisfies EngineCommand);
  });
}

/** Starts the engine: in a worker when possible, else in-process (with the reason logged). */
export async function startEngine(options: { preferInProcess?: boolean } = {}): Promise<EngineClient> {
  if (options.preferInProcess || typeof Worker === 'undefined') return startInProcess();
  try {
    return await startWorker();
  } catch (err) {
    console.warn(`Reservation Lab: running the engine on the main thread (${err instanceof Error ? err.message : String(err)})`);
    return startInProcess();
  }
}
