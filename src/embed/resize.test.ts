import { describe, expect, it } from 'vitest';
import type { PostTarget } from './api';
import { createResizeReporter, MAX_REPORTED_HEIGHT, type ResizeReporterOptions } from './resize';

/** Timers the test moves by hand. */
function fakeTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      queue.push({ at: now + ms, fn, id: next });
      return next++;
    },
    clearTimeout(h: unknown) {
      queue = queue.filter((t) => t.id !== h);
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const t = queue[0];
        if (!t || t.at > end) break;
        queue.shift();
        now = t.at;
        t.fn();
      }
      now = end;
    },
    pending: () => queue.length,
  };
}

function setup(options: Partial<ResizeReporterOptions> = {}) {
  const timers = fakeTimers();
  const h5p: Record<string, unknown>[] = [];
  const targets: string[] = [];
  const parent: PostTarget = {
    postMessage(message, targetOrigin) {
      h5p.push(message as Record<string, unknown>);
      targets.push(targetOrigin);
    },
  };
  const reported: number[] = [];
  let height = 500;
  let changed: () => void = () => undefined;
  let observing = true;
  const reporter = createResizeReporter({
    parent,
    emitResize: (h) => reported.push(h),
    measure: () => height,
    observe(onChange) {
      changed = onChange;
      return () => {
        observing = false;
      };
    },
    timers,
    ...options,
  });
  const grow = (h: number) => {
    height = h;
    changed();
  };
  const fromParent = (data: unknown, source: unknown = parent) => reporter.handleMessage({ data, origin: 'https://lms.example', source });
  return { reporter, timers, h5p, targets, reported, grow, fromParent, observing: () => observing };
}

describe('height reporting', () => {
  it('reports the first height at once and each change after, never the same height twice', () => {
    const r = setup();
    r.timers.advance(0);
    r.grow(640);
    r.timers.advance(100);
    r.grow(640);
    r.timers.advance(100);
    expect(r.reported).toEqual([500, 640]);
  });

  it('reports at most once per 100 ms, always ending on the last height', () => {
    const r = setup();
    r.timers.advance(0);
    for (let h = 501; h <= 530; h++) {
      r.grow(h);
      r.timers.advance(10);
    }
    r.timers.advance(200);
    expect(r.reported.length).toBeLessThanOrEqual(5);
    expect(r.reported.at(-1)).toBe(530);
  });

  it('rounds up fractional heights and caps a runaway layout', () => {
    const r = setup();
    r.timers.advance(0);
    r.grow(700.2);
    r.timers.advance(100);
    r.grow(1e9);
    r.timers.advance(100);
    expect(r.reported).toEqual([500, 701, MAX_REPORTED_HEIGHT]);
  });

  it('does not report a height of 0 (nothing rendered yet), which would collapse the frame', () => {
    const r = setup();
    r.grow(0);
    r.timers.advance(0);
    r.grow(480);
    r.timers.advance(100);
    expect(r.reported).toEqual([480]);
  });

  it('stops observing and drops a pending report on dispose', () => {
    const r = setup();
    r.timers.advance(0);
    r.grow(900);
    r.reporter.dispose();
    r.timers.advance(500);
    expect(r.reported).toEqual([500]);
    expect(r.observing()).toBe(false);
  });
});

describe('H5P resizer protocol (h5p-resizer.js as the parent)', () => {
  it('says hello at start, to "*" (heights only, as h5p-resizer expects)', () => {
    const r = setup();
    expect(r.h5p).toEqual([{ context: 'h5p', action: 'hello' }]);
    expect(r.targets).toEqual(['*']);
  });

  it('answers the resizer loading late (ready) with hello', () => {
    const r = setup();
    expect(r.fromParent({ context: 'h5p', action: 'ready' })).toBe(true);
    expect(r.h5p.at(-1)).toEqual({ context: 'h5p', action: 'hello' });
  });

  it('after the parent answers hello: prepareResize, then resize with scrollHeight when prepared', () => {
    const r = setup();
    r.timers.advance(0);
    r.fromParent({ context: 'h5p', action: 'hello' });
    expect(r.h5p.at(-1)).toEqual({ context: 'h5p', action: 'prepareResize', scrollHeight: 500, clientHeight: 500 });
    r.fromParent({ context: 'h5p', action: 'resizePrepared' });
    expect(r.h5p.at(-1)).toEqual({ context: 'h5p', action: 'resize', scrollHeight: 500, height: 500 });
    r.grow(820);
    r.timers.advance(100);
    expect(r.h5p.at(-1)).toEqual({ context: 'h5p', action: 'prepareResize', scrollHeight: 820, clientHeight: 820 });
  });

  it('prepares again when the parent window resizes', () => {
    const r = setup();
    r.fromParent({ context: 'h5p', action: 'hello' });
    const before = r.h5p.length;
    r.fromParent({ context: 'h5p', action: 'resize' });
    expect(r.h5p.length).toBe(before + 1);
    expect(r.h5p.at(-1)).toMatchObject({ action: 'prepareResize' });
  });

  it('sends no prepareResize before the parent has said hello', () => {
    const r = setup();
    r.timers.advance(0);
    r.grow(900);
    r.timers.advance(100);
    expect(r.h5p.map((m) => m.action)).toEqual(['hello']);
    expect(r.reported).toEqual([500, 900]);
  });

  it('ignores H5P messages from other windows and messages of other protocols', () => {
    const r = setup();
    expect(r.fromParent({ context: 'h5p', action: 'hello' }, {})).toBe(false);
    expect(r.fromParent({ ns: 'reservation-lab', type: 'play' })).toBe(false);
    expect(r.fromParent({ context: 'h5p', action: 'fullScreen' })).toBe(false);
    expect(r.h5p).toHaveLength(1);
  });

  it('stays silent on H5P when turned off', () => {
    const r = setup({ h5p: false });
    expect(r.h5p).toEqual([]);
    expect(r.fromParent({ context: 'h5p', action: 'hello' })).toBe(false);
  });
});
