import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackState } from '../worker/protocol';
import { LAG_MS, subscribeLagged } from './useLagged';
import { useSimStore } from './useSimStore';

const playback = (playing: boolean, step: number) => ({ playing, step }) as unknown as PlaybackState;

describe('lagging panels', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('follow every change at once while paused', () => {
    const seen: number[] = [];
    const stop = subscribeLagged(() => seen.push(useSimStore.getState().playback?.step ?? -1));
    for (let step = 1; step <= 3; step++) useSimStore.setState({ playback: playback(false, step) });
    expect(seen).toEqual([1, 2, 3]);
    stop();
  });

  it('take the newest value at most every LAG_MS while playing, all listeners together', () => {
    const a: number[] = [];
    const b: number[] = [];
    const stopA = subscribeLagged(() => a.push(useSimStore.getState().playback?.step ?? -1));
    const stopB = subscribeLagged(() => b.push(useSimStore.getState().playback?.step ?? -1));
    // A frame every ~33 ms for one second of playback.
    for (let step = 1; step <= 30; step++) {
      vi.advanceTimersByTime(33);
      useSimStore.setState({ playback: playback(true, step) });
    }
    vi.advanceTimersByTime(LAG_MS);
    expect(a).toEqual(b);
    expect(a.length).toBeLessThanOrEqual(Math.ceil((30 * 33) / LAG_MS) + 1);
    expect(a.length).toBeGreaterThanOrEqual(Math.floor((30 * 33) / LAG_MS));
    // Nothing is lost: the last notification sees the last state.
    expect(a.at(-1)).toBe(30);
    // Pausing shows the present at once.
    useSimStore.setState({ playback: playback(false, 31) });
    expect(a.at(-1)).toBe(31);
    stopA();
    stopB();
  });

  it('stop calling back after unsubscribing, even with a notification pending', () => {
    const seen: number[] = [];
    const stop = subscribeLagged(() => seen.push(1));
    useSimStore.setState({ playback: playback(true, 1) });
    useSimStore.setState({ playback: playback(true, 2) });
    stop();
    vi.advanceTimersByTime(LAG_MS * 2);
    useSimStore.setState({ playback: playback(false, 3) });
    expect(seen.length).toBeLessThanOrEqual(1);
  });
});
