// The Web Worker entry: wires the host to postMessage. All logic is in host.ts.

import { createHost } from './host';
import { PROTOCOL_VERSION, type EngineUpdate } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = createHost((update: EngineUpdate) => scope.postMessage(update), {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

scope.addEventListener('message', (event: MessageEvent<unknown>) => host.handle(event.data));
// Announce readiness unprompted too, so a client that attached its listener late still learns it.
scope.postMessage({ type: 'ready', protocolVersion: PROTOCOL_VERSION } satisfies EngineUpdate);
