import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackState } from '../worker/protocol';
import { lagMs, subscribeLagged } from './useLagged';
import { useSimStore } from './useSimStore';

const playback = (playing: boolean, step: number, speed = 1) => ({ playing, step, speed }) as unknown as PlaybackState;
const stepNow = () => useSimStore.getState().playback?.step ?? -1;

describe('lagging panels', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('follow every change at once while paused, both groups', () => {
    const a: number[] = [];
    const b: number[] = [];
    const stopA = subscribeLagged(() => a.push(stepNow()), 0);
    const stopB = subscribeLagged(() => b.push(stepNow()), 1);
    for (let step = 1; step <= 3; step++) useSimStore.setState({ playback: playback(false, step) });
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([1, 2, 3]);
    stopA();
    stopB();
  });

  it('take the newest value at most every lagMs while playing; the other groups a third and two thirds of a period later', () => {
    const a: { t: number; step: number }[] = [];
    const b: { t: number; step: number }[] = [];
    const c: { t: number; step: number }[] = [];
    const stopA = subscribeLagged(() => a.push({ t: Date.now(), step: stepNow() }), 0);
    const stopB = subscribeLagged(() => b.push({ t: Date.now(), step: stepNow() }), 1);
    const stopC = subscribeLagged(() => c.push({ t: Date.now(), step: stepNow() }), 2);
    const period = lagMs(1);
    // A frame every ~33 ms for one second of playback at real time.
    for (let step = 1; step <= 30; step++) {
      vi.advanceTimersByTime(33);
      useSimStore.setState({ playback: playback(true, step) });
    }
    vi.advanceTimersByTime(period);
    expect(a.length).toBeLessThanOrEqual(Math.ceil((30 * 33) / period) + 1);
    expect(a.length).toBeGreaterThanOrEqual(Math.floor((30 * 33) / period));
    expect(b.length).toBe(a.length);
    expect(c.length).toBe(a.length);
    // Never two redraws of a group closer than the period; groups 1 and 2 run between group 0's.
    for (let i = 1; i < a.length; i++) expect(a[i]!.t - a[i - 1]!.t).toBeGreaterThanOrEqual(period - 1);
    for (let i = 0; i < b.length; i++) expect(b[i]!.t - a[i]!.t).toBe(Math.floor(period / 3));
    for (let i = 0; i < c.length; i++) expect(c[i]!.t - a[i]!.t).toBe(Math.floor((2 * period) / 3));
    // Nothing is lost: the last notifications see the last state.
    for (const g of [a, b, c]) expect(g.at(-1)!.step).toBe(30);
    // Pausing shows the present at once.
    useSimStore.setState({ playback: playback(false, 31) });
    for (const g of [a, b, c]) expect(g.at(-1)!.step).toBe(31);
    stopA();
    stopB();
    stopC();
  });

  it('redraw less often at high speed', () => {
    expect(lagMs(0.5)).toBe(125);
    expect(lagMs(8)).toBeGreaterThan(lagMs(2));
    const seen: number[] = [];
    const stop = subscribeLagged(() => seen.push(stepNow()));
    for (let step = 1; step <= 30; step++) {
      vi.advanceTimersByTime(33);
      useSimStore.setState({ playback: playback(true, step, 8) });
    }
    expect(seen.length).toBeLessThanOrEqual(Math.ceil((30 * 33) / lagMs(8)) + 1);
    stop();
  });

  it('stop calling back after unsubscribing, even with a notification pending', () => {
    const seen: number[] = [];
    const stop = subscribeLagged(() => seen.push(1), 1);
    useSimStore.setState({ playback: playback(true, 1) });
    useSimStore.setState({ playback: playback(true, 2) });
    stop();
    vi.advanceTimersByTime(1000);
    useSimStore.setState({ playback: playback(false, 3) });
    expect(seen.length).toBeLessThanOrEqual(1);
  });
});
