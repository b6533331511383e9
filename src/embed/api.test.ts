import { describe, expect, it } from 'vitest';
import { createSimulation, type SimMs, type SimView, type TraceEntry } from '../engine';
import type { EngineUpdate, PlaybackState } from '../worker/protocol';
import { createEmbedApi, type AppStateSummary, type EmbedApiOptions, type EmbedIntents, type PostTarget } from './api';
import { COMMAND_TYPES, EMBED_NS, EVENT_TYPES } from './messages';
import { loadFullCatalog } from './scenarioCatalog';

const SCENARIO_CATALOG = await loadFullCatalog();

const LMS = 'https://lms.example';
const scenario = SCENARIO_CATALOG.find('two-node-heartbeat')!;

function fakeParent() {
  const posted: { message: { ns: string; v: number; type: string; payload: Record<string, unknown>; replyTo?: unknown }; targetOrigin: string }[] = [];
  const parent: PostTarget = { postMessage: (message, targetOrigin) => posted.push({ message: message as never, targetOrigin }) };
  return { parent, posted };
}

const summary: AppStateSummary = {
  scenarioId: 'two-node-heartbeat',
  title: 'Two nodes',
  time: 1500,
  step: 12,
  duration: 120_000,
  playing: false,
  speed: 1,
  ended: false,
  branch: 0,
  beats: 6,
  questions: 2,
  integrity: { ok: true, violations: 0 },
  engine: 'worker',
  link: '#/s/two-node-heartbeat?t=1500',
};

function setup(options: Partial<EmbedApiOptions> & { framed?: boolean; state?: AppStateSummary | null; player?: boolean } = {}) {
  const { parent, posted } = fakeParent();
  const calls: unknown[][] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const intents: EmbedIntents = {
    play: rec('play'),
    pause: rec('pause'),
    step: rec('step'),
    stepBack: rec('stepBack'),
    seek: rec('seek'),
    setSpeed: rec('setSpeed'),
    injectFault: rec('injectFault'),
    load: (s, seed) => calls.push(['load', s.id, seed]),
    ...(options.player ? { gotoBeat: (b: number) => (calls.push(['gotoBeat', b]), null) } : {}),
  };
  const self = {};
  const state = options.state === undefined ? summary : options.state;
  const api = createEmbedApi({
    window: { self, parent: options.framed === false ? (self as PostTarget) : parent, ...options.window },
    intents,
    getState: () => state,
    ...(options.parentOrigin !== undefined ? { parentOrigin: options.parentOrigin } : {}),
    ...(options.beatsOf ? { beatsOf: options.beatsOf } : {}),
    catalog: options.catalog ?? SCENARIO_CATALOG,
    ...(options.loadCatalog ? { loadCatalog: options.loadCatalog } : {}),
  });
  const send = (data: unknown, origin = LMS, source: unknown = parent) => api.handleMessage({ data, origin, source });
  const cmd = (type: string, payload?: unknown, extra: Record<string, unknown> = {}) => ({ ns: EMBED_NS, v: 1, type, ...(payload === undefined ? {} : { payload }), ...extra });
  return { api, posted, calls, send, cmd, parent };
}

describe('embed API: commands in', () => {
  it.each<[string, unknown, unknown[]]>([
    ['play', undefined, ['play']],
    ['pause', undefined, ['pause']],
    ['step', undefined, ['step']],
    ['stepBack', undefined, ['stepBack']],
    ['seek', { time: 12_000 }, ['seek', 12_000]],
    ['setSpeed', { speed: 4 }, ['setSpeed', 4]],
    ['injectFault', { fault: 'node-crash', target: { node: 'B' } }, ['injectFault', 'node-crash', { node: 'B' }]],
    ['injectFault', { fault: 'array-power-cycle' }, ['injectFault', 'array-power-cycle', {}]],
    ['loadScenario', { id: 's1-failover-ha-lvm' }, ['load', 's1-failover-ha-lvm', undefined]],
    ['loadScenario', { id: 'free-fence-scsi-2x2', seed: 42 }, ['load', 'free-fence-scsi-2x2', 42]],
  ])('%s %j reaches the app', (type, payload, call) => {
    const { send, cmd, calls, posted } = setup();
    expect(send(cmd(type, payload))).toEqual({ accepted: true });
    expect(calls).toEqual([call]);
    expect(posted).toEqual([]);
  });

  it('loads a whole scenario object after checking it like a file', () => {
    const { send, cmd, calls } = setup();
    const file = { id: 'my-lab', title: 'Mine', mode: 'scsi3', nodes: ['A', 'B'] };
    expect(send(cmd('loadScenario', { scenario: file }))).toEqual({ accepted: true });
    expect(calls).toEqual([['load', 'my-lab', undefined]]);
  });

  it('goes to a beat through the guided player', () => {
    const { send, cmd, calls } = setup({ player: true });
    send(cmd('gotoBeat', { beat: 3 }));
    expect(calls).toEqual([['gotoBeat', 3]]);
  });

  it('answers getState to the asking origin, with the command id, the beat and the score', () => {
    const { api, send, cmd, posted } = setup();
    api.onBeatChanged({ scenarioId: 'two-node-heartbeat', beat: 2, beatId: 'b2', title: 'Partition', beats: 6, time: 900 });
    api.onQuestionAnswered({ scenarioId: 'two-node-heartbeat', beat: 2, beatId: 'b2', prompt: 'Who writes?', choice: 1, correct: true, questions: 2 });
    posted.length = 0;
    send(cmd('getState', undefined, { id: 'q1' }));
    const { questions: _q, ...rest } = summary;
    expect(posted).toEqual([
      { targetOrigin: LMS, message: { ns: EMBED_NS, v: 1, type: 'state', replyTo: 'q1', payload: { ...rest, beat: 2, score: { raw: 1, min: 0, max: 2, answered: 1 } } } },
    ]);
  });
});

describe('embed API: scenarios of the guided library, loaded on demand', () => {
  const basicOnly = { ...SCENARIO_CATALOG, find: (id: string) => (id === 'two-node-heartbeat' ? scenario : undefined), suggestions: () => ['two-node-heartbeat'] };

  it('loads the library for an id it does not know yet, and keeps later commands in order behind it', async () => {
    let release: (c: typeof SCENARIO_CATALOG) => void = () => undefined;
    const r = setup({ catalog: basicOnly, loadCatalog: () => new Promise((resolve) => (release = resolve)) });
    r.send(r.cmd('loadScenario', { id: 's1-failover-ha-lvm' }));
    r.send(r.cmd('seek', { time: 5000 }));
    r.send(r.cmd('play'));
    expect(r.calls).toEqual([]);
    release(SCENARIO_CATALOG);
    await expect.poll(() => r.calls).toEqual([['load', 's1-failover-ha-lvm', undefined], ['seek', 5000], ['play']]);
    r.send(r.cmd('pause'));
    expect(r.calls.at(-1)).toEqual(['pause']); // the queue is empty again: at once
  });

  it('names an id the library does not have either, listing the library too', async () => {
    const r = setup({ catalog: basicOnly, loadCatalog: () => Promise.resolve(SCENARIO_CATALOG) });
    r.send(r.cmd('loadScenario', { id: 'nope' }));
    await expect.poll(() => r.posted.length).toBe(1);
    expect(r.posted[0]!.message.payload).toMatchObject({ reason: 'unknownScenario' });
    expect(String(r.posted[0]!.message.payload.message)).toMatch(/s1-failover-ha-lvm/);
  });

  it('says so when the library cannot be loaded', async () => {
    const r = setup({ catalog: basicOnly, loadCatalog: () => Promise.reject(new Error('offline')) });
    r.send(r.cmd('loadScenario', { id: 's1-failover-ha-lvm' }));
    await expect.poll(() => r.posted.length).toBe(1);
    expect(r.posted[0]!.message.payload).toMatchObject({ reason: 'unknownScenario' });
    expect(r.calls).toEqual([]);
  });
});

describe('embed API: refusals', () => {
  const refusal = (r: ReturnType<typeof setup>) =>
    r.posted.map((p) => ({ to: p.targetOrigin, ...p.message.payload, replyTo: p.message.replyTo }) as { to: string; reason?: string; message: string; command?: string; replyTo?: unknown });

  it('ignores, silently, messages from anything but the parent window', () => {
    const r = setup();
    expect(r.send(r.cmd('play'), LMS, {})).toEqual({ accepted: false, reason: 'notFromParent' });
    expect(r.send(r.cmd('play'), LMS, null)).toEqual({ accepted: false, reason: 'notFromParent' });
    expect(r.calls).toEqual([]);
    expect(r.posted).toEqual([]);
  });

  it('takes no commands when not framed (the page itself posting to itself)', () => {
    const r = setup({ framed: false });
    expect(r.api.handleMessage({ data: r.cmd('play'), origin: LMS, source: r.parent }).accepted).toBe(false);
    expect(r.calls).toEqual([]);
  });

  it('ignores, silently, messages of other protocols (H5P, other tools)', () => {
    const r = setup();
    expect(r.send({ context: 'h5p', action: 'hello' })).toEqual({ accepted: false, reason: 'notOurs' });
    expect(r.send('play')).toEqual({ accepted: false, reason: 'notOurs' });
    expect(r.posted).toEqual([]);
  });

  it('refuses a command from another origin than parentOrigin, telling that origin why', () => {
    const r = setup({ parentOrigin: LMS });
    expect(r.send(r.cmd('play', undefined, { id: 7 }), 'https://evil.example')).toEqual({ accepted: false, reason: 'wrongOrigin' });
    expect(r.calls).toEqual([]);
    expect(refusal(r)).toEqual([
      {
        to: 'https://evil.example',
        reason: 'wrongOrigin',
        command: 'play',
        replyTo: 7,
        message: 'commands are accepted only from https://lms.example (the link\'s parentOrigin); this one came from https://evil.example',
      },
    ]);
  });

  it('refuses another version of the API', () => {
    const r = setup();
    r.send({ ns: EMBED_NS, v: 2, type: 'play' });
    expect(refusal(r)).toEqual([{ to: LMS, reason: 'wrongVersion', command: 'play', replyTo: undefined, message: 'this app speaks embed API version 1; the message said v: 2' }]);
  });

  it('refuses an unknown command, listing the known ones', () => {
    const r = setup();
    r.send(r.cmd('rewind'));
    expect(refusal(r)[0]).toMatchObject({ reason: 'unknownType', command: 'rewind', message: `unknown command "rewind"; known commands: ${COMMAND_TYPES.join(', ')}` });
  });

  it.each<[string, unknown, string]>([
    ['seek', { time: -1 }, 'seek needs payload.time: a virtual time in ms ≥ 0, e.g. { "time": 12000 }'],
    ['seek', undefined, 'seek needs payload.time'],
    ['setSpeed', { speed: 3 }, 'setSpeed needs payload.speed: one of 0.1, 0.25, 0.5, 1, 2, 4, 8, 20'],
    ['gotoBeat', { beat: 0 }, 'gotoBeat needs payload.beat: a beat number from 1'],
    ['injectFault', { target: { node: 'A' } }, 'injectFault needs payload.fault'],
    ['injectFault', { fault: 'node-crash', target: { node: ['A'] } }, 'injectFault: payload.target.node must be a node name such as "A"'],
    ['loadScenario', {}, 'loadScenario needs either payload.id'],
    ['loadScenario', { id: 'x', scenario: {} }, 'not both'],
    ['loadScenario', { id: 'two-node-heartbeat', seed: -3 }, 'payload.seed must be a whole number'],
    ['play', 'now', 'payload of "play" must be an object'],
  ])('refuses %s with payload %j: bad payload', (type, payload, text) => {
    const r = setup();
    expect(r.send(r.cmd(type, payload))).toEqual({ accepted: false, reason: 'badPayload' });
    expect(r.calls).toEqual([]);
    expect(refusal(r)[0]).toMatchObject({ reason: 'badPayload', command: type });
    expect(refusal(r)[0]!.message).toContain(text);
  });

  it('names an unknown scenario', async () => {
    const r = setup();
    r.send(r.cmd('loadScenario', { id: 'nope' }));
    await expect.poll(() => r.posted.length).toBe(1);
    expect(refusal(r)[0]).toMatchObject({ reason: 'unknownScenario' });
    expect(refusal(r)[0]!.message).toMatch(/^unknown scenario "nope"; known scenarios include two-node-heartbeat, three-node-heartbeat, /);
  });

  it('names every problem of an invalid scenario object', () => {
    const r = setup();
    r.send(r.cmd('loadScenario', { scenario: { id: 'x', mode: 'scsi9' } }));
    expect(r.calls).toEqual([]);
    expect(refusal(r)[0]).toMatchObject({ reason: 'invalidScenario' });
    expect(refusal(r)[0]!.message).toMatch(/title/);
    expect(refusal(r)[0]!.message).toMatch(/mode/);
  });

  it('says gotoBeat needs the guided player, and refuses a beat past the end', () => {
    const noPlayer = setup();
    noPlayer.send(noPlayer.cmd('gotoBeat', { beat: 1 }));
    expect(refusal(noPlayer)[0]).toMatchObject({ reason: 'unsupported' });
    const withPlayer = setup({ player: true });
    withPlayer.send(withPlayer.cmd('gotoBeat', { beat: 7 }));
    expect(refusal(withPlayer)[0]).toMatchObject({ reason: 'badPayload', message: 'beat 7 does not exist (this scenario has 6)' });
    const free = setup({ player: true, state: { ...summary, beats: 0 } });
    free.send(free.cmd('gotoBeat', { beat: 1 }));
    expect(refusal(free)[0]).toMatchObject({ reason: 'unsupported', message: 'scenario "two-node-heartbeat" has no narrated beats' });
  });

  it('says getState must wait for ready before the engine has answered', () => {
    const r = setup({ state: null });
    r.send(r.cmd('getState'));
    expect(refusal(r)[0]).toMatchObject({ reason: 'unsupported', message: 'the simulation has not started yet; wait for the "ready" event' });
  });

  it("relays the engine's refusal of a command the host sent, with its id, and only those", () => {
    const r = setup();
    r.send(r.cmd('injectFault', { fault: 'node-crash', target: { node: 'Z' } }, { id: 'f1' }));
    r.api.onEngineUpdate({ type: 'error', message: 'no node "Z"', command: 'input' });
    r.api.onEngineUpdate({ type: 'error', message: 'no node "Q"', command: 'input' }); // from the learner's own palette
    expect(refusal(r)).toEqual([{ to: LMS, reason: 'engineRefused', command: 'injectFault', message: 'no node "Z"', replyTo: 'f1' }]);
  });
});

describe('embed API: where events go', () => {
  const targets = (r: ReturnType<typeof setup>) => r.posted.map((p) => `${p.message.type} → ${p.targetOrigin}`);
  const beat = { scenarioId: 's', beat: 1, beatId: 'b1', title: 'Start', beats: 3, time: 0 };

  it('posts to parentOrigin when the link gives it', () => {
    const r = setup({ parentOrigin: LMS, window: { referrer: 'https://other.example/x' } as never });
    r.api.emit('resize', { height: 10 });
    r.api.onBeatChanged(beat);
    expect(targets(r)).toEqual([`resize → ${LMS}`, `beatChanged → ${LMS}`]);
  });

  it("otherwise to the parent's origin as the browser reports it (ancestorOrigins, then referrer)", () => {
    const a = setup({ window: { ancestorOrigins: ['https://a.example'], referrer: 'https://r.example/page' } as never });
    a.api.onBeatChanged(beat);
    const b = setup({ window: { referrer: 'https://r.example/course/1?x=2' } as never });
    b.api.onBeatChanged(beat);
    expect([...targets(a), ...targets(b)]).toEqual(['beatChanged → https://a.example', 'beatChanged → https://r.example']);
  });

  it('otherwise to the origin of the first command the parent sent', () => {
    const r = setup();
    r.api.onBeatChanged(beat); // dropped: nobody known to send learner data to
    r.send(r.cmd('pause'), 'https://host.example');
    r.api.onBeatChanged(beat);
    expect(targets(r)).toEqual(['beatChanged → https://host.example']);
  });

  it('uses "*" only for events without learner data while the origin is unknown', () => {
    const r = setup();
    expect(r.api.emit('resize', { height: 300 })).toBe(true);
    expect(r.api.emit('scenarioCompleted', { scenarioId: 's', reason: 'ended', time: 1, score: { raw: 0, min: 0, max: 0, answered: 0 } })).toBe(false);
    expect(targets(r)).toEqual(['resize → *']);
  });

  it('uses "*" for an opaque parent (file:// or sandboxed), which has no other address', () => {
    const r = setup({ window: { ancestorOrigins: ['null'] } as never });
    r.api.onBeatChanged(beat);
    r.send(r.cmd('getState'), 'null');
    expect(targets(r)).toEqual(['beatChanged → *', 'state → *']);
  });

  it('sends nothing after dispose', () => {
    const r = setup();
    r.api.dispose();
    expect(r.api.emit('resize', { height: 1 })).toBe(false);
    expect(r.send(r.cmd('play'))).toEqual({ accepted: false, reason: 'disposed' });
    expect(r.posted).toEqual([]);
  });
});

describe('embed API: events from the engine and the player', () => {
  const sim = createSimulation({ scenario });
  const view: SimView = sim.view();
  const playback = (ended: boolean, story = { count: 0, current: -1, waitingForLearner: false }): PlaybackState => ({ playing: false, speed: 1, time: 0, step: 0, duration: 120_000, ended, branch: 0, branches: [], story });
  const viewUpdate = (ended = false, v: SimView = view): EngineUpdate => ({ type: 'view', view: v, playback: playback(ended) });
  const storyUpdate = (current: number, count = 3, ended = false): EngineUpdate => ({ type: 'view', view: { ...view, scenarioId: 'g' }, playback: playback(ended, { count, current, waitingForLearner: false }) });
  const beats = [
    { id: 'intro', title: 'Two nodes' },
    { id: 'cut', title: 'The link is cut' },
    { id: 'fence', title: 'B is fenced' },
  ];
  const entry = (e: Partial<TraceEntry>): TraceEntry => ({ id: 1, t: 2500, step: 30, kind: 'X', category: 'cluster', summary: 's', parent: null, ...e }) as TraceEntry;
  const types = (r: ReturnType<typeof setup>) => r.posted.map((p) => p.message.type);

  it('says ready on the first view, listing commands and events', () => {
    const r = setup({ parentOrigin: LMS });
    r.api.onEngineUpdate(viewUpdate());
    r.api.onEngineUpdate(viewUpdate());
    expect(r.posted).toEqual([{ targetOrigin: LMS, message: { ns: EMBED_NS, v: 1, type: 'ready', payload: { app: 'reservation-lab', v: 1, commands: COMMAND_TYPES, events: EVENT_TYPES, scenarioId: 'two-node-heartbeat' } } }]);
  });

  it('reports faults injected (by the learner or the schedule) and corrupting writes', () => {
    const r = setup({ parentOrigin: LMS });
    r.api.onEngineUpdate(viewUpdate());
    r.api.onEngineUpdate({
      type: 'cue',
      cues: [
        entry({ kind: 'FAULT.NODE_CRASH', category: 'fault', summary: 'You inject: crash B', data: { fault: 'node-crash', origin: 'learner', target: '{"node":"B"}' } }),
        entry({ kind: 'FAULT.SKIPPED', category: 'fault', data: { fault: 'node-crash' } }),
        entry({ kind: 'MEMBERSHIP.CHANGED', category: 'cluster' }),
        entry({ kind: 'INTEGRITY.CORRUPTING_WRITE', category: 'integrity', t: 4000 as SimMs, node: 'A' as never, summary: 'Corrupting write', data: { lba: 128 } }),
      ],
    });
    expect(r.posted.slice(1).map((p) => [p.message.type, p.message.payload])).toEqual([
      ['faultInjected', { scenarioId: 'two-node-heartbeat', fault: 'node-crash', target: { node: 'B' }, origin: 'learner', time: 2500, step: 30, summary: 'You inject: crash B' }],
      ['integrityViolation', { scenarioId: 'two-node-heartbeat', time: 4000, node: 'A', lba: 128, summary: 'Corrupting write' }],
    ]);
  });

  it('completes a free-play run when it reaches its end, once per arrival', () => {
    const r = setup({ parentOrigin: LMS, state: { ...summary, beats: 0, questions: 0 } });
    r.api.onEngineUpdate(viewUpdate(false));
    r.api.onEngineUpdate(viewUpdate(true));
    r.api.onEngineUpdate(viewUpdate(true));
    expect(types(r)).toEqual(['ready', 'scenarioCompleted']);
    expect(r.posted[1]!.message.payload).toEqual({ scenarioId: 'two-node-heartbeat', reason: 'ended', time: 0, score: { raw: 0, min: 0, max: 0, answered: 0 } });
  });

  it("reports the guided story's beats as the host reaches them, forward and back", () => {
    const r = setup({ parentOrigin: LMS, beatsOf: () => beats });
    r.api.onEngineUpdate(storyUpdate(0));
    r.api.onEngineUpdate(storyUpdate(0));
    r.api.onEngineUpdate(storyUpdate(1));
    r.api.onEngineUpdate(storyUpdate(0));
    expect(r.posted.slice(1).map((p) => [p.message.type, p.message.payload.beat, p.message.payload.beatId, p.message.payload.title])).toEqual([
      ['beatChanged', 1, 'intro', 'Two nodes'],
      ['beatChanged', 2, 'cut', 'The link is cut'],
      ['beatChanged', 1, 'intro', 'Two nodes'],
    ]);
  });

  it('completes a guided scenario at its last beat (not when time runs out), with the score of first answers', () => {
    const r = setup({ parentOrigin: LMS, beatsOf: () => beats });
    r.api.onEngineUpdate(storyUpdate(1, 3, false));
    r.api.onEngineUpdate(storyUpdate(1, 3, true));
    r.api.onQuestionAnswered({ scenarioId: 'g', beat: 2, beatId: 'q1', prompt: 'P1', choice: 0, correct: false, questions: 2 });
    r.api.onQuestionAnswered({ scenarioId: 'g', beat: 2, beatId: 'q1', prompt: 'P1', choice: 1, correct: true, questions: 2 });
    r.api.onQuestionAnswered({ scenarioId: 'g', beat: 3, beatId: 'q2', prompt: 'P2', choice: 2, correct: true, questions: 2 });
    r.api.onEngineUpdate(storyUpdate(2, 3, true));
    expect(types(r)).toEqual(['ready', 'beatChanged', 'questionAnswered', 'questionAnswered', 'questionAnswered', 'beatChanged', 'scenarioCompleted']);
    expect(r.posted.slice(2, 5).map((p) => [p.message.payload.firstAnswer, p.message.payload.score])).toEqual([
      [true, { raw: 0, min: 0, max: 2, answered: 1 }],
      [false, { raw: 0, min: 0, max: 2, answered: 1 }],
      [true, { raw: 1, min: 0, max: 2, answered: 2 }],
    ]);
    expect(r.posted[6]!.message.payload).toEqual({ scenarioId: 'g', reason: 'lastBeat', time: 0, score: { raw: 1, min: 0, max: 2, answered: 2 } });
  });

  it('reads beat titles from the catalog by default', () => {
    const r = setup({ parentOrigin: LMS });
    const s1 = SCENARIO_CATALOG.find('s1-failover-ha-lvm')!;
    r.api.onEngineUpdate({ type: 'view', view: { ...view, scenarioId: s1.id }, playback: playback(false, { count: 5, current: 0, waitingForLearner: false }) });
    expect(r.posted[1]!.message.payload).toMatchObject({ scenarioId: s1.id, beat: 1, beatId: (s1.beats![0] as { id: string }).id });
  });

  it('relays the engine refusing a gotoBeat the host sent', () => {
    const r = setup({ player: true, state: { ...summary, beats: 6 } });
    r.send(r.cmd('gotoBeat', { beat: 4 }, { id: 'b4' }));
    r.api.onEngineUpdate({ type: 'error', message: 'beat "Crash" waits for you: inject the fault', command: 'gotoBeat' });
    expect(r.posted.map((p) => [p.message.type, p.message.payload.reason, p.message.replyTo])).toEqual([['error', 'engineRefused', 'b4']]);
  });
});
