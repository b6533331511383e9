// The SCORM 1.2 bridge (scorm/scormBridge.js, a classic script served as-is inside the package)
// against a fake LMS API that records every call, as an LMS would see them.

import { beforeAll, describe, expect, it } from 'vitest';

interface Bridge {
  start(): { connected: boolean; scenarioId: string; beat: number; error?: string };
  handleEvent(type: string, payload: unknown): void;
  finish(): void;
  state(): { beat: number; answers: Record<string, boolean>; completed: boolean; finished: boolean };
}
interface ScormModule {
  findScormApi(win: unknown, maxDepth?: number): unknown;
  formatSessionTime(ms: number): string;
  encodeSuspendData(state: { scenarioId: string; beat: number; answers: Record<string, boolean> }): string;
  decodeSuspendData(text: string): { scenarioId: string; beat: number; answers: Record<string, boolean> } | null;
  createScormBridge(api: unknown, options: { scenarioId: string; now: () => number }): Bridge;
  appUrl(base: string, scenarioId: string, beat: number, parentOrigin: string): string;
  scenarioFromQuery(search: string, fallback: string): string;
  MAX_SUSPEND_DATA: number;
}

let scorm: ScormModule;
beforeAll(async () => {
  const path = '../../scorm/scormBridge.js';
  await import(/* @vite-ignore */ path);
  scorm = (globalThis as unknown as { ReservationLabScorm: ScormModule }).ReservationLabScorm;
});

/** An LMS's SCORM 1.2 API that records calls and keeps the data model. */
function fakeLms(data: Record<string, string> = {}, initializes = true) {
  const calls: string[] = [];
  const model: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', 'cmi.suspend_data': '', 'cmi.core.lesson_location': '', ...data };
  const api = {
    LMSInitialize: (arg: string) => (calls.push(`LMSInitialize(${arg})`), initializes ? 'true' : 'false'),
    LMSGetValue: (name: string) => (calls.push(`LMSGetValue(${name})`), model[name] ?? ''),
    LMSSetValue: (name: string, value: string) => {
      calls.push(`LMSSetValue(${name}, ${value})`);
      model[name] = value;
      return 'true';
    },
    LMSCommit: (arg: string) => (calls.push(`LMSCommit(${arg})`), 'true'),
    LMSFinish: (arg: string) => (calls.push(`LMSFinish(${arg})`), 'true'),
    LMSGetLastError: () => '101',
    LMSGetErrorString: () => 'General exception',
  };
  return { api, calls, model, sets: () => calls.filter((c) => c.startsWith('LMSSetValue')) };
}

function bridgeWith(lms: ReturnType<typeof fakeLms>, scenarioId = 'intro') {
  let t = 1_000;
  const bridge = scorm.createScormBridge(lms.api, { scenarioId, now: () => t });
  return { bridge, tick: (ms: number) => (t += ms) };
}

const score = (raw: number, max: number) => ({ raw, min: 0, max, answered: raw });

describe('SCORM 1.2 bridge', () => {
  it('initializes, marks a new attempt incomplete and commits', () => {
    const lms = fakeLms();
    const { bridge } = bridgeWith(lms);
    expect(bridge.start()).toEqual({ connected: true, scenarioId: 'intro', beat: 0 });
    expect(lms.calls).toEqual([
      'LMSInitialize()',
      'LMSGetValue(cmi.core.lesson_status)',
      'LMSSetValue(cmi.core.lesson_status, incomplete)',
      'LMSGetValue(cmi.suspend_data)',
      'LMSCommit()',
    ]);
  });

  it('resumes at the saved beat with the saved answers, and leaves a completed status alone', () => {
    const saved = scorm.encodeSuspendData({ scenarioId: 'intro', beat: 4, answers: { q1: true } });
    const lms = fakeLms({ 'cmi.core.lesson_status': 'completed', 'cmi.suspend_data': saved });
    const { bridge } = bridgeWith(lms);
    expect(bridge.start()).toEqual({ connected: true, scenarioId: 'intro', beat: 4 });
    expect(lms.sets()).toEqual([]);
    expect(bridge.state().answers).toEqual({ q1: true });
  });

  it('ignores resume data of another scenario', () => {
    const lms = fakeLms({ 'cmi.suspend_data': scorm.encodeSuspendData({ scenarioId: 'other', beat: 9, answers: {} }) });
    expect(bridgeWith(lms).bridge.start().beat).toBe(0);
  });

  it('saves the place on every beat: lesson_location and suspend_data, then commits', () => {
    const lms = fakeLms();
    const { bridge } = bridgeWith(lms);
    bridge.start();
    lms.calls.length = 0;
    bridge.handleEvent('beatChanged', { scenarioId: 'intro', beat: 3, beatId: 'b3', title: 'T', beats: 6, time: 100 });
    expect(lms.calls).toEqual(['LMSSetValue(cmi.core.lesson_location, intro:3)', 'LMSSetValue(cmi.suspend_data, {"v":1,"s":"intro","b":3,"q":{}})', 'LMSCommit()']);
  });

  it('scores first answers only: raw right answers, min 0, max the questions in the scenario', () => {
    const lms = fakeLms();
    const { bridge } = bridgeWith(lms);
    bridge.start();
    bridge.handleEvent('questionAnswered', { scenarioId: 'intro', beat: 2, beatId: 'q1', correct: false, score: score(0, 3) });
    bridge.handleEvent('questionAnswered', { scenarioId: 'intro', beat: 2, beatId: 'q1', correct: true, score: score(0, 3) });
    bridge.handleEvent('questionAnswered', { scenarioId: 'intro', beat: 5, beatId: 'q2', correct: true, score: score(1, 3) });
    expect(lms.model['cmi.core.score.raw']).toBe('1');
    expect(lms.model['cmi.core.score.min']).toBe('0');
    expect(lms.model['cmi.core.score.max']).toBe('3');
    expect(scorm.decodeSuspendData(lms.model['cmi.suspend_data']!)).toEqual({ scenarioId: 'intro', beat: 0, answers: { q1: false, q2: true } });
  });

  it('counts answers kept from an earlier session', () => {
    const lms = fakeLms({ 'cmi.suspend_data': scorm.encodeSuspendData({ scenarioId: 'intro', beat: 2, answers: { q1: true } }) });
    const { bridge } = bridgeWith(lms);
    bridge.start();
    bridge.handleEvent('questionAnswered', { scenarioId: 'intro', beat: 5, beatId: 'q2', correct: true, score: score(1, 2) });
    expect(lms.model['cmi.core.score.raw']).toBe('2');
  });

  it('completes on scenarioCompleted, and finishes with session time and a normal exit', () => {
    const lms = fakeLms();
    const { bridge, tick } = bridgeWith(lms);
    bridge.start();
    bridge.handleEvent('questionAnswered', { scenarioId: 'intro', beat: 2, beatId: 'q1', correct: true, score: score(1, 1) });
    bridge.handleEvent('scenarioCompleted', { scenarioId: 'intro', reason: 'lastBeat', time: 5000, score: score(1, 1) });
    expect(lms.model['cmi.core.lesson_status']).toBe('completed');
    tick(3_723_450);
    lms.calls.length = 0;
    bridge.finish();
    bridge.finish();
    expect(lms.calls).toEqual(['LMSSetValue(cmi.core.session_time, 0001:02:03.45)', 'LMSSetValue(cmi.core.exit, )', 'LMSCommit()', 'LMSFinish()']);
  });

  it('suspends on exit when not complete, so the LMS offers to resume', () => {
    const lms = fakeLms();
    const { bridge } = bridgeWith(lms);
    bridge.start();
    bridge.finish();
    expect(lms.model['cmi.core.exit']).toBe('suspend');
    expect(lms.model['cmi.core.lesson_status']).toBe('incomplete');
  });

  it('ignores events about another scenario and events after finishing', () => {
    const lms = fakeLms();
    const { bridge } = bridgeWith(lms);
    bridge.start();
    bridge.handleEvent('scenarioCompleted', { scenarioId: 'other', reason: 'ended', time: 1, score: score(0, 0) });
    bridge.finish();
    bridge.handleEvent('beatChanged', { scenarioId: 'intro', beat: 2 });
    expect(lms.model['cmi.core.lesson_status']).toBe('incomplete');
    expect(lms.model['cmi.core.lesson_location']).toBe('');
  });

  it('runs without an LMS (or when LMSInitialize fails), saying why, and calls nothing more', () => {
    const none = scorm.createScormBridge(null, { scenarioId: 'intro', now: () => 0 });
    expect(none.start()).toMatchObject({ connected: false, error: 'no SCORM 1.2 API found (is this page launched by an LMS?)' });
    none.handleEvent('scenarioCompleted', { scenarioId: 'intro' });
    none.finish();
    const lms = fakeLms({}, false);
    const refused = bridgeWith(lms).bridge;
    expect(refused.start()).toMatchObject({ connected: false, error: 'LMSInitialize failed: 101 General exception' });
    refused.finish();
    expect(lms.calls).toEqual(['LMSInitialize()']);
  });
});

describe('finding the LMS API (ADL algorithm)', () => {
  const api = { LMSInitialize: () => 'true' };
  /** A chain of windows: index 0 is ours, the last is the top. */
  function chain(n: number, apiAt: number | null) {
    const wins: Record<string, unknown>[] = Array.from({ length: n }, () => ({}));
    wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
    if (apiAt !== null) wins[apiAt]!.API = api;
    return wins;
  }

  it('finds the API in this window or a parent, up to the top', () => {
    expect(scorm.findScormApi(chain(1, 0)[0])).toBe(api);
    expect(scorm.findScormApi(chain(4, 3)[0])).toBe(api);
  });

  it('then looks in the opener and its parents', () => {
    const opener = chain(3, 2);
    const ours = chain(2, null);
    ours[0]!.opener = opener[0];
    expect(scorm.findScormApi(ours[0])).toBe(api);
  });

  it('gives up past the depth limit, and returns null when there is none', () => {
    expect(scorm.findScormApi(chain(20, 19)[0], 10)).toBeNull();
    expect(scorm.findScormApi(chain(5, null)[0])).toBeNull();
  });

  it('steps over cross-origin windows that throw on access', () => {
    const top = { API: api } as Record<string, unknown>;
    top.parent = top;
    const foreign = new Proxy({}, { get: (_t, k) => (k === 'parent' ? top : (() => { throw new Error('SecurityError'); })()) });
    expect(scorm.findScormApi({ parent: foreign })).toBe(api);
  });
});

describe('resume data and launch URL', () => {
  it('keeps suspend_data under SCORM 1.2’s 4096 characters, keeping the place', () => {
    const answers = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`question-${i}`, i % 2 === 0]));
    const text = scorm.encodeSuspendData({ scenarioId: 'intro', beat: 7, answers });
    expect(text.length).toBeLessThanOrEqual(scorm.MAX_SUSPEND_DATA);
    expect(scorm.decodeSuspendData(text)).toMatchObject({ scenarioId: 'intro', beat: 7 });
  });

  it('reads back nothing from foreign or broken data', () => {
    expect(scorm.decodeSuspendData('')).toBeNull();
    expect(scorm.decodeSuspendData('bookmark=12')).toBeNull();
    expect(scorm.decodeSuspendData('{"v":2,"s":"x"}')).toBeNull();
  });

  it('formats session time as CMITimespan', () => {
    expect(scorm.formatSessionTime(0)).toBe('0000:00:00.00');
    expect(scorm.formatSessionTime(61_010)).toBe('0000:01:01.01');
  });

  it('builds the app link with the beat, embed mode and the launcher as the only parent origin', () => {
    expect(scorm.appUrl('../app/index.html', 's1-failover-ha-lvm', 3, 'https://lms.example')).toBe('../app/index.html#/s/s1-failover-ha-lvm?beat=3&embed=1&parentOrigin=https%3A%2F%2Flms.example');
    expect(scorm.appUrl('../app/index.html', 'intro', 0, 'null')).toBe('../app/index.html#/s/intro?embed=1');
  });

  it('reads the scenario from the launch query', () => {
    expect(scorm.scenarioFromQuery('?scenario=s2-failover-mscs&x=1', 'd')).toBe('s2-failover-mscs');
    expect(scorm.scenarioFromQuery('', 'd')).toBe('d');
    expect(scorm.scenarioFromQuery('?scenario=%E0%A4', 'd')).toBe('d');
  });
});
