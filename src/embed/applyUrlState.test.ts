import { describe, expect, it } from 'vitest';
import type { SimMs, TimedInput } from '../engine';
import { applyUrlState, type StartupIntents } from './applyUrlState';
import { loadFullCatalog } from './scenarioCatalog';
import { defaultUrlState, type UrlState } from './urlState';

const SCENARIO_CATALOG = await loadFullCatalog();

const scenario = SCENARIO_CATALOG.find('two-node-heartbeat')!;
const crash = (step: number, at: number): TimedInput => ({ step, at: at as SimMs, action: { type: 'fault', fault: 'node-crash', target: { node: 'A' } } });

function recorder(extra: Partial<StartupIntents> = {}) {
  const calls: string[] = [];
  const log =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}(${args.map((a) => (typeof a === 'object' && a !== null && 'id' in a ? (a as { id: string }).id : a === undefined ? "undefined" : JSON.stringify(a))).join(', ')})`);
    };
  const intents: StartupIntents = {
    load: log('load'),
    seekStep: log('seekStep'),
    seek: log('seek'),
    input: (a) => calls.push(`input(${a.type === 'fault' ? a.fault : a.line})`),
    setSpeed: log('setSpeed'),
    play: log('play'),
    showPanel: log('showPanel'),
    ...extra,
  };
  return { calls, intents };
}

const state = (s: Partial<UrlState>): UrlState => ({ ...defaultUrlState(scenario.id), ...s });

describe('applying a deep link', () => {
  it('just loads the scenario for a bare link, and does not play', async () => {
    const { calls, intents } = recorder();
    await applyUrlState(state({}), scenario, intents);
    expect(calls).toEqual(['load(two-node-heartbeat, undefined)']);
  });

  it('loads with the seed, seeks, sets speed and panel, then plays when autoplay is asked', async () => {
    const { calls, intents } = recorder();
    await applyUrlState(state({ seed: 7, t: 5000, speed: 2, view: 'ladder', autoplay: true }), scenario, intents);
    expect(calls).toEqual(['load(two-node-heartbeat, 7)', 'seek(5000)', 'setSpeed(2)', 'showPanel("ladder")', 'play()']);
  });

  it('replays inputs one by one where they were made, then goes to t', async () => {
    const { calls, intents } = recorder();
    await applyUrlState(state({ inputs: [crash(3, 100), crash(9, 250)], t: 400 }), scenario, intents);
    expect(calls).toEqual(['load(two-node-heartbeat, undefined)', 'seekStep(3)', 'seek(100)', 'input(node-crash)', 'seekStep(9)', 'seek(250)', 'input(node-crash)', 'seek(400)']);
  });

  it("seeks to an input's time only when it lies after its event, given the engine's answer", async () => {
    const times: Record<number, number> = { 3: 100, 9: 200 };
    const { calls, intents } = recorder({
      seekStepTime: (step) => {
        calls.push(`seekStepTime(${step})`);
        return Promise.resolve(times[step]!);
      },
    });
    await applyUrlState(state({ inputs: [crash(3, 100), crash(9, 250)] }), scenario, intents);
    expect(calls).toEqual(['load(two-node-heartbeat, undefined)', 'seekStepTime(3)', 'input(node-crash)', 'seekStepTime(9)', 'seek(250)', 'input(node-crash)', 'seek(0)']);
  });

  it('hands the inputs to the load when the engine can place them itself', async () => {
    const { calls, intents } = recorder({ loadWithInputs: (s, seed, inputs) => calls.push(`loadWithInputs(${s.id}, ${seed}, ${inputs.length})`) });
    await applyUrlState(state({ inputs: [crash(3, 100)], seed: 2 }), scenario, intents);
    expect(calls).toEqual(['loadWithInputs(two-node-heartbeat, 2, 1)']);
  });

  it('lets the guided player go to the beat (instead of t) when there is one', async () => {
    const { calls, intents } = recorder({ gotoBeat: (b) => calls.push(`gotoBeat(${b})`) });
    await applyUrlState(state({ beat: 3, t: 999 }), scenario, intents);
    expect(calls).toEqual(['load(two-node-heartbeat, undefined)', 'gotoBeat(3)']);
  });

  it('falls back to t when there is no player yet', async () => {
    const { calls, intents } = recorder();
    await applyUrlState(state({ beat: 3, t: 999 }), scenario, intents);
    expect(calls).toEqual(['load(two-node-heartbeat, undefined)', 'seek(999)']);
  });
});
