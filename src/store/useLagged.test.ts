import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackState } from '../worker/protocol';
import { batchUpdates } from './batchUpdates';
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

  it('take the newest value at most every lagMs while playing, a group per frame, in the frames between engine updates', () => {
    // A browser at 60 frames a second; the worker's views arrive every other frame (30 a second).
    let callbacks: ((t: number) => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: (t: number) => void) => callbacks.push(fn));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      callbacks[id - 1] = () => {};
    });
    const runFrame = (t: number) => {
      vi.advanceTimersByTime(t - performance.now());
      const due = callbacks;
      callbacks = [];
      due.forEach((fn) => fn(t));
    };
    const updates = batchUpdates((u) => {
      if (u.type === 'view') useSimStore.setState({ playback: u.playback });
    });
    const seen: { group: number; t: number; step: number }[] = [];
    const stops = ([0, 1, 2] as const).map((group) => subscribeLagged(() => seen.push({ group, t: performance.now(), step: stepNow() }), group));
    const engineFrames = new Set<number>();
    const period = lagMs(1);
    let step = 0;
    for (let f = 1; f <= 60; f++) {
      const t = Math.round(f * (1000 / 60));
      if (f % 2 === 1) {
        updates.push({ type: 'view', view: {} as never, playback: playback(true, ++step) });
        engineFrames.add(t);
      }
      runFrame(t);
    }
    for (const group of [0, 1, 2]) {
      const times = seen.filter((x) => x.group === group && x.t > 0).map((x) => x.t);
      expect(times.length).toBeGreaterThanOrEqual(Math.floor(1000 / period) - 1);
      expect(times.length).toBeLessThanOrEqual(Math.ceil(1000 / period) + 1);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(period / 2);
    }
    const redrawFrames = seen.filter((x) => x.t > 0).map((x) => x.t);
    // One group per frame, never in a frame that applied an engine update.
    expect(new Set(redrawFrames).size).toBe(redrawFrames.length);
    expect(redrawFrames.filter((t) => engineFrames.has(t))).toEqual([]);
    // Each redraw shows the newest state; pausing shows the present to every group at once.
    for (const x of seen.filter((y) => y.t > 0)) expect(x.step).toBe(stepInFrame(x.t, engineFrames));
    useSimStore.setState({ playback: playback(false, 99) });
    for (const group of [0, 1, 2]) expect(seen.filter((x) => x.group === group).at(-1)!.step).toBe(99);
    stops.forEach((stop) => stop());
    vi.unstubAllGlobals();
  });

  it('redraw anyway when every frame carries an engine update (a machine that cannot keep up)', () => {
    let callbacks: ((t: number) => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: (t: number) => void) => callbacks.push(fn));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const updates = batchUpdates((u) => {
      if (u.type === 'view') useSimStore.setState({ playback: u.playback });
    });
    const seen: number[] = [];
    const stop = subscribeLagged(() => seen.push(stepNow()), 0);
    for (let f = 1; f <= 30; f++) {
      updates.push({ type: 'view', view: {} as never, playback: playback(true, f) });
      const t = f * 33;
      vi.advanceTimersByTime(t - performance.now());
      const due = callbacks;
      callbacks = [];
      due.forEach((fn) => fn(t));
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil((30 * 33) / lagMs(1)) + 1);
    stop();
    vi.unstubAllGlobals();
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

/** The step the store held in the frame at `t`: views arrive on odd frames, one step each. */
function stepInFrame(t: number, engineFrames: Set<number>): number {
  return [...engineFrames].filter((x) => x <= t).length;
}
