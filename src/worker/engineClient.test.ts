// The main thread's half of the READY handshake (CONVENTIONS 7): a worker that answers READY with
// our protocol version is used; one that speaks another version, fails to start or never answers
// is dropped for the in-process host, and the reason is logged.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type EngineCommand, type EngineUpdate } from './protocol';
import { startEngine } from './engineClient';

type Behaviour = 'ready' | 'wrong-version' | 'error' | 'silent';

/** A stand-in for the browser's Worker: answers `hello` the way the test asks. */
class FakeWorker {
  static behaviour: Behaviour = 'ready';
  static last: FakeWorker | null = null;
  posted: EngineCommand[] = [];
  terminated = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  constructor(
    readonly url: URL,
    readonly options: { type: string; name: string },
  ) {
    FakeWorker.last = this;
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  emit(type: string, event: unknown) {
    for (const fn of this.listeners[type] ?? []) fn(event);
  }
  postMessage(command: EngineCommand) {
    this.posted.push(command);
    if (command.type !== 'hello') return;
    const b = FakeWorker.behaviour;
    queueMicrotask(() => {
      if (b === 'ready') this.emit('message', { data: { type: 'ready', protocolVersion: PROTOCOL_VERSION } satisfies EngineUpdate });
      if (b === 'wrong-version') this.emit('message', { data: { type: 'ready', protocolVersion: PROTOCOL_VERSION + 1 } satisfies EngineUpdate });
      if (b === 'error') this.emit('error', { message: 'Failed to fetch' });
    });
  }
  terminate() {
    this.terminated = true;
  }
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('window', { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  FakeWorker.last = null;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  warn.mockRestore();
});

describe('startEngine', () => {
  it('uses the worker once it answers hello with READY and our protocol version', async () => {
    FakeWorker.behaviour = 'ready';
    const client = await startEngine();
    expect(client.mode).toBe('worker');
    const worker = FakeWorker.last!;
    expect(worker.posted[0]).toEqual({ type: 'hello' });
    expect(worker.options.type).toBe('module');

    const seen: EngineUpdate[] = [];
    client.subscribe((u) => seen.push(u));
    worker.emit('message', { data: { type: 'error', message: 'x' } });
    expect(seen).toEqual([{ type: 'error', message: 'x' }]);
    client.send({ type: 'play' });
    expect(worker.posted.at(-1)).toEqual({ type: 'play' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses a worker that speaks another protocol version and runs in-process, saying why', async () => {
    FakeWorker.behaviour = 'wrong-version';
    const client = await startEngine();
    expect(client.mode).toBe('in-process');
    expect(FakeWorker.last!.terminated).toBe(true);
    expect(String(warn.mock.calls[0]?.[0])).toContain(`speaks protocol ${PROTOCOL_VERSION + 1}, this page speaks ${PROTOCOL_VERSION}; reload the page`);
    client.dispose();
  });

  it('falls back to in-process when the worker fails to start', async () => {
    FakeWorker.behaviour = 'error';
    const client = await startEngine();
    expect(client.mode).toBe('in-process');
    expect(String(warn.mock.calls[0]?.[0])).toContain('the engine worker failed to start: Failed to fetch');
    client.dispose();
  });

  it('falls back to in-process when the worker never answers', async () => {
    FakeWorker.behaviour = 'silent';
    const started = startEngine();
    await vi.advanceTimersByTimeAsync(4000);
    const client = await started;
    expect(client.mode).toBe('in-process');
    expect(FakeWorker.last!.terminated).toBe(true);
    expect(String(warn.mock.calls[0]?.[0])).toContain('did not answer within 4000 ms');
    client.dispose();
  });

  it('runs in-process when asked to, without starting a worker', async () => {
    const client = await startEngine({ preferInProcess: true });
    expect(client.mode).toBe('in-process');
    expect(FakeWorker.last).toBeNull();
    client.dispose();
  });
});
