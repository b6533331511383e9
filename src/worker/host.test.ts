import { describe, expect, it } from 'vitest';
import { createInProcessPort } from './inProcessHost';
import type { EngineUpdate } from './protocol';
import { builtinScenario } from '../scenarios';

/** A wall clock the test moves by hand. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(h: unknown) {
      timers = timers.filter((t) => t.id !== h);
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > end) break;
        timers.shift();
        now = t.at;
        t.fn();
      }
      now = end;
    },
  };
}

function connect() {
  const clock = fakeClock();
  const port = createInProcessPort(clock);
  const updates: EngineUpdate[] = [];
  port.subscribe((u) => updates.push(u));
  const lastView = () => [...updates].reverse().find((u) => u.type === 'view') as Extract<EngineUpdate, { type: 'view' }>;
  return { clock, port, updates, lastView };
}

const scenario = builtinScenario('two-node-heartbeat')!;

describe('engine host', () => {
  it('answers hello with the protocol version', () => {
    const { port, updates } = connect();
    port.send({ type: 'hello' });
    expect(updates).toEqual([{ type: 'ready', protocolVersion: 1 }]);
  });

  it('refuses commands before a scenario is loaded, saying what to do', () => {
    const { port, updates } = connect();
    port.send({ type: 'step' });
    expect(updates[0]).toEqual({ type: 'error', message: '"step" needs a scenario: send "load" first', command: 'step' });
  });

  it('reports a malformed message instead of throwing', () => {
    const { port, updates } = connect();
    port.send({ type: 'explode' } as never);
    expect(updates[0]!.type).toBe('error');
  });

  it('steps and steps back through the same states', () => {
    const { port, lastView } = connect();
    port.send({ type: 'load', scenario });
    for (let i = 0; i < 10; i++) port.send({ type: 'step' });
    const at10 = JSON.stringify(lastView().view);
    port.send({ type: 'step' });
    port.send({ type: 'stepBack' });
    expect(JSON.stringify(lastView().view)).toBe(at10);
    expect(lastView().playback.step).toBe(10);
  });

  it('steps no further than the end of the scenario', () => {
    const { port, lastView } = connect();
    port.send({ type: 'load', scenario: { ...scenario, duration: 3000 as never } });
    for (let i = 0; i < 500 && !lastView().playback.ended; i++) port.send({ type: 'step' });
    expect(lastView().playback).toMatchObject({ time: 3000, ended: true });
    const step = lastView().playback.step;
    port.send({ type: 'step' });
    expect(lastView().playback).toMatchObject({ time: 3000, step });
  });

  it('paces virtual time against wall time at the chosen speed', () => {
    const { port, clock, lastView } = connect();
    port.send({ type: 'load', scenario });
    port.send({ type: 'setSpeed', speed: 4 });
    port.send({ type: 'play' });
    clock.advance(1000);
    const t = lastView().playback.time;
    expect(t).toBeGreaterThan(3500);
    expect(t).toBeLessThanOrEqual(4000);
    port.send({ type: 'pause' });
    clock.advance(1000);
    expect(lastView().playback.time).toBe(t);
    expect(lastView().playback.playing).toBe(false);
  });

  it('sends only the changed tail of the trace, and a rewrite point after stepping back', () => {
    const { port, updates } = connect();
    port.send({ type: 'load', scenario });
    const traces = () => updates.filter((u): u is Extract<EngineUpdate, { type: 'trace' }> => u.type === 'trace');
    const atLoad = traces().reduce((n, t) => t.from + t.entries.length, 0);
    port.send({ type: 'seek', time: 5000 });
    const afterSeek = traces().at(-1)!;
    expect(afterSeek.from).toBe(atLoad);
    const len = afterSeek.from + afterSeek.entries.length;
    port.send({ type: 'stepBack' });
    const afterBack = traces().at(-1)!;
    expect(afterBack.from).toBeLessThan(len);
  });

  it('posts views whose size does not grow with the length of the run', () => {
    // Every view crosses the worker boundary by structured clone, 30 times a second while playing:
    // its cost must not grow with the run (a leak of each branch's whole trace once made it so).
    const { port, clock, lastView } = connect();
    port.send({ type: 'load', scenario });
    port.send({ type: 'setSpeed', speed: 8 });
    port.send({ type: 'play' });
    clock.advance(2000);
    const early = JSON.stringify(lastView()).length;
    clock.advance(20_000);
    expect(lastView().playback.time).toBeGreaterThan(100_000);
    expect(JSON.stringify(lastView()).length).toBeLessThan(early * 1.5);
  });

  it('reports a rejected fault input with its reason', () => {
    const { port, updates } = connect();
    port.send({ type: 'load', scenario });
    port.send({ type: 'input', action: { type: 'fault', fault: 'node-restart', target: { node: 'A' } } });
    expect(updates.find((u) => u.type === 'error')).toEqual({ type: 'error', message: 'node A is already up', command: 'input' });
  });
});

describe('notable-event navigation', () => {
  it('runs forward to the next notable event and back to the previous one', () => {
    const { port, lastView, updates } = connect();
    const withFault = { ...scenario, faults: [{ at: 5000, fault: 'node-crash', node: 'B' }] };
    port.send({ type: 'load', scenario: withFault });
    port.send({ type: 'seek', time: 1000 });
    port.send({ type: 'nextNotable' });
    expect(lastView().playback.time).toBe(5000);
    const traces = updates.filter((u) => u.type === 'trace') as Extract<EngineUpdate, { type: 'trace' }>[];
    expect(traces.flatMap((t) => t.entries).some((e) => e.kind === 'FAULT.NODE_CRASH')).toBe(true);
    const at = lastView().playback.step;
    port.send({ type: 'nextNotable' });
    expect(lastView().playback.step).toBeGreaterThan(at);
    port.send({ type: 'prevNotable' });
    expect(lastView().playback.step).toBeLessThanOrEqual(at);
  });
});

describe('guided stories in the host', () => {
  const story = {
    ...builtinScenario('two-node-heartbeat')!,
    beats: [
      { id: 'intro', title: 'Intro', narration: 'Two nodes.' },
      { id: 'cut', title: 'Cut', when: { fault: 'link-cut' }, narration: 'You cut the link.' },
      { id: 'lost', title: 'Lost', when: { event: 'membership-lost', node: 'A' }, narration: 'A loses B.' },
    ],
  };

  it('shows the first beat at once, waits for the learner, then runs to the next model event and back', () => {
    const { port, lastView, updates } = connect();
    port.send({ type: 'load', scenario: story });
    expect(lastView().playback.story).toEqual({ count: 3, current: 0, waitingForLearner: true });
    port.send({ type: 'nextBeat' });
    expect(updates.at(-2)).toMatchObject({ type: 'error', command: 'nextBeat' });
    port.send({ type: 'input', action: { type: 'fault', fault: 'link-cut', target: { between: ['A', 'B'] } } });
    expect(lastView().playback.story.current).toBe(1);
    port.send({ type: 'nextBeat' });
    const atLost = lastView();
    expect(atLost.playback.story.current).toBe(2);
    expect(atLost.view.nodes.find((n) => n.id === 'A')!.members).toEqual(['A']);
    port.send({ type: 'prevBeat' });
    expect(lastView().playback.story.current).toBe(1);
    expect(lastView().view.nodes.find((n) => n.id === 'A')!.members).toEqual(['A', 'B']);
    port.send({ type: 'nextBeat' });
    expect(JSON.stringify(lastView().view)).toBe(JSON.stringify(atLost.view));
  });

  it('pauses playback when a beat is reached', () => {
    const { port, clock, lastView } = connect();
    port.send({ type: 'load', scenario: { ...story, beats: [story.beats[0]!, { id: 't', title: 'T', when: { at: 3000 }, narration: 'Three seconds.' }] } });
    port.send({ type: 'play' });
    clock.advance(10_000);
    expect(lastView().playback).toMatchObject({ playing: false, time: 3000, story: { current: 1 } });
  });

  it('answers a console command while paused', () => {
    const { port, lastView } = connect();
    port.send({ type: 'load', scenario });
    port.send({ type: 'input', action: { type: 'console', node: 'A', line: 'sg_turs /dev/sdb' } });
    const entry = lastView().view.nodes.find((n) => n.id === 'A')!.console.history.at(-1)!;
    expect(entry).toMatchObject({ done: true, exit: 0 });
  });
});
