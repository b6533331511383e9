import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineUpdate } from '../worker/protocol';
import { batchUpdates } from './batchUpdates';

const view = (step: number) => ({ type: 'view', view: { step }, playback: { step } }) as unknown as EngineUpdate;
const trace = (from: number): EngineUpdate => ({ type: 'trace', from, entries: [] });

describe('batchUpdates', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('applies a frame’s updates together: every trace update in order, only the newest view', () => {
    let frame: (() => void) | null = null;
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => ((frame = fn), 1));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const applied: EngineUpdate[] = [];
    const b = batchUpdates((u) => applied.push(u));
    b.push(trace(0));
    b.push(view(1));
    b.push(trace(5));
    b.push(view(2));
    expect(applied).toEqual([]);
    frame!();
    expect(applied).toEqual([trace(0), trace(5), view(2)]);
  });

  it('applies an error at once, with what was queued before it', () => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const applied: string[] = [];
    const b = batchUpdates((u) => applied.push(u.type));
    b.push(view(1));
    b.push({ type: 'error', message: 'no' });
    expect(applied).toEqual(['view', 'error']);
  });

  it('flushes on a timer when no animation frame comes (a hidden tab)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const applied: string[] = [];
    const b = batchUpdates((u) => applied.push(u.type));
    b.push(view(1));
    vi.advanceTimersByTime(100);
    expect(applied).toEqual(['view']);
    vi.useRealTimers();
  });
});
