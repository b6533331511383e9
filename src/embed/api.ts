// The postMessage embed API, v1 (messages.ts has the shapes, docs/embedding.md the guide).
//
// Security: commands are taken only from window.parent (never from other frames or the page
// itself) and, when the link gives `parentOrigin`, only from that origin. Events go out with an
// explicit target origin, the first known of: parentOrigin; the parent's origin as the browser
// reports it (location.ancestorOrigins, then document.referrer); the origin of the first command
// the parent sent. Replies (state, error) go to the origin of the command they answer. "*" is used
// only for events without learner data (ready, resize, error) while the parent's origin is
// unknown, and for an opaque parent ("null": file:// pages, sandboxed frames), which browsers
// cannot address any other way. Learner-data events with no known origin are dropped.
//
// Pure: the window, the intents and the state come in as plain objects, so tests run in Node.

import type { FaultTarget, Scenario, TraceEntry } from '../engine';
import { validateScenario, formatScenarioErrors } from '../scenarios';
import type { EngineUpdate } from '../worker/protocol';
import {
  COMMAND_TYPES,
  EMBED_API_VERSION,
  EMBED_NS,
  EVENT_TYPES,
  LEARNER_DATA_EVENTS,
  type EmbedCommand,
  type EmbedEnvelope,
  type EmbedEvents,
  type EmbedEventType,
  type EmbedScore,
  type ErrorReason,
  type StatePayload,
} from './messages';
import { parseCommand } from './parseCommand';
import { BASIC_CATALOG, beatsOf, loadFullCatalog, type ScenarioCatalog } from './scenarioCatalog';

export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The parts of `window` the API uses. */
export interface EmbedWindow {
  self: unknown;
  parent: PostTarget | null;
  /** document.referrer: normally the URL (or origin) of the page embedding us. */
  referrer?: string;
  /** location.ancestorOrigins (Chromium, WebKit): the embedding page's origin first. */
  ancestorOrigins?: ArrayLike<string>;
}

export interface MessageEventLike {
  data: unknown;
  origin: string;
  source: unknown;
}

/** What the API asks of the app. */
export interface EmbedIntents {
  play(): void;
  pause(): void;
  step(): void;
  stepBack(): void;
  seek(time: number): void;
  setSpeed(speed: number): void;
  injectFault(fault: string, target: FaultTarget): void;
  load(scenario: Scenario, seed?: number): void;
  /** The guided player's "go to beat" (1-based); returns why not, or null. Absent: no player. */
  gotoBeat?(beat: number): string | null;
}

/** The app's state for getState; the API adds the beat and the score it tracks itself. */
export type AppStateSummary = Omit<StatePayload, 'beat' | 'score'> & { questions: number };

export interface EmbedApiOptions {
  window: EmbedWindow;
  intents: EmbedIntents;
  /** Null until the engine has answered once. */
  getState(): AppStateSummary | null;
  /** From the deep link: the only origin commands are taken from. */
  parentOrigin?: string | null;
  /** Scenarios known at once (default: built-ins and free play). */
  catalog?: ScenarioCatalog;
  /** Loads the full catalog (default: with the guided library) when a command names a scenario `catalog` lacks. */
  loadCatalog?(): Promise<ScenarioCatalog>;
  /** Beats of a running scenario (id and title, in order), for beatChanged; default: from the catalog. */
  beatsOf?(scenarioId: string): readonly { id: string; title: string }[];
}

/** A beat reached (the host's guided story reports it through onEngineUpdate). */
export interface BeatReached {
  scenarioId: string;
  beat: number;
  beatId: string;
  title: string;
  beats: number;
  time: number;
}

/** What the guided player reports when the learner answers a question. */
export interface QuestionAnswer {
  scenarioId: string;
  beat: number;
  beatId: string;
  prompt: string;
  choice: number;
  correct: boolean;
  /** Questions in the scenario (the score's maximum). */
  questions: number;
}

export interface EmbedApi {
  /** Feed every `message` event of the window here. Returns what happened, for tests and logs. */
  handleMessage(event: MessageEventLike): { accepted: boolean; reason?: ErrorReason | 'notFromParent' | 'notOurs' | 'disposed' };
  /** Posts an event to the parent; false when it was not sent (no safe target origin, or disposed). */
  emit<T extends EmbedEventType>(type: T, payload: EmbedEvents[T], replyTo?: string | number): boolean;
  /**
   * Feed every engine update here: ready, beatChanged and scenarioCompleted (from the host's
   * guided story, or the end of a free-play run), faultInjected, integrityViolation and the
   * engine's refusals of commands the host page sent all come from them.
   */
  onEngineUpdate(update: EngineUpdate): void;
  /** For the guided-scenario player: the learner answered a question (only the UI knows). */
  onQuestionAnswered(answer: QuestionAnswer): void;
  /** Reports a beat; onEngineUpdate calls it when the story moves, so a player need not. */
  onBeatChanged(beat: BeatReached): void;
  /** Reports completion; onEngineUpdate calls it when the story reaches its last beat. */
  onScenarioCompleted(done: { scenarioId: string; time: number; questions: number }): void;
  dispose(): void;
}

function originOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Engine command types each embed command turns into, to relay the engine's refusals. */
const ENGINE_COMMAND_OF: Partial<Record<EmbedCommand['type'], string>> = {
  play: 'play',
  step: 'step',
  stepBack: 'stepBack',
  seek: 'seek',
  setSpeed: 'setSpeed',
  injectFault: 'input',
  loadScenario: 'load',
  gotoBeat: 'gotoBeat',
};

export function createEmbedApi(options: EmbedApiOptions): EmbedApi {
  const { window: win, intents, getState } = options;
  let catalog = options.catalog ?? BASIC_CATALOG;
  const loadCatalog = options.loadCatalog ?? loadFullCatalog;
  const beatsOfScenario =
    options.beatsOf ??
    ((id: string) => {
      const scenario = catalog.find(id);
      return scenario ? beatsOf(scenario) : [];
    });
  const parentOrigin = options.parentOrigin ?? null;
  const framed = win.parent !== null && win.parent !== win.self;
  const browserParentOrigin = win.ancestorOrigins?.[0] ?? originOfUrl(win.referrer);
  let learnedOrigin: string | null = null;
  let disposed = false;
  let readySent = false;
  let lastScenarioId: string | null = null;
  let endedBefore = false;
  let currentBeat: { scenarioId: string; beat: number } | null = null;
  /** The story's current beat index as last seen in a view (-1 before the first beat). */
  let storyIndex = -1;
  /** First answers, by scenario then beat id. */
  const answers = new Map<string, Map<string, boolean>>();
  /** Set while a command waits for the library to load: later commands queue behind it, in order. */
  let queue: Promise<void> | null = null;
  /** Engine command type → the embed command id waiting on it, so refusals go back to the host. */
  const awaiting = new Map<string, { command: string; replyTo?: string | number }>();

  function parentOriginNow(): string | null {
    return parentOrigin ?? browserParentOrigin ?? learnedOrigin;
  }

  function targetFor(type: EmbedEventType): string | null {
    const known = parentOriginNow();
    if (known === 'null') return '*'; // an opaque parent can be addressed no other way
    if (known) return known;
    return LEARNER_DATA_EVENTS.has(type) ? null : '*';
  }

  function post(type: string, payload: unknown, targetOrigin: string, replyTo?: string | number): void {
    const message: EmbedEnvelope = { ns: EMBED_NS, v: EMBED_API_VERSION, type, payload };
    if (replyTo !== undefined) message.replyTo = replyTo;
    try {
      win.parent?.postMessage(message, targetOrigin);
    } catch {
      // A malformed target origin or a detached parent: nothing useful to do from inside.
    }
  }

  function emit<T extends EmbedEventType>(type: T, payload: EmbedEvents[T], replyTo?: string | number): boolean {
    if (disposed || !framed) return false;
    const target = targetFor(type);
    if (target === null) return false;
    post(type, payload, target, replyTo);
    return true;
  }

  /** A reply goes to whoever asked (the parent, checked), whatever else is known. */
  function reply<T extends EmbedEventType>(origin: string, type: T, payload: EmbedEvents[T], replyTo?: string | number): void {
    post(type, payload, origin === 'null' || origin === '' ? '*' : origin, replyTo);
  }

  function scoreOf(scenarioId: string, questions: number): EmbedScore {
    const given = answers.get(scenarioId) ?? new Map<string, boolean>();
    let raw = 0;
    for (const right of given.values()) if (right) raw++;
    return { raw, min: 0, max: Math.max(questions, given.size), answered: given.size };
  }

  function refuse(origin: string, reason: ErrorReason, message: string, command?: string, replyTo?: string | number): void {
    reply(origin, 'error', command === undefined ? { reason, message } : { reason, message, command }, replyTo);
  }

  /** Runs `task` now, or after the commands still waiting; a task that returns a promise holds the ones after it. */
  function schedule(task: () => void | Promise<void>): void {
    const settle = (p: Promise<void>) => {
      queue = p;
      void p.then(() => {
        if (queue === p) queue = null;
      });
    };
    if (queue) settle(queue.then(task));
    else {
      const r = task();
      if (r instanceof Promise) settle(r);
    }
  }

  function loadById(scenarioId: string, seed: number | undefined, origin: string, id: string | number | undefined): void | Promise<void> {
    const unknown = () => {
      awaiting.delete('load');
      refuse(origin, 'unknownScenario', `unknown scenario "${scenarioId}"; known scenarios include ${catalog.suggestions().join(', ')}`, 'loadScenario', id);
    };
    const found = catalog.find(scenarioId);
    if (found) {
      intents.load(found, seed);
      return;
    }
    return loadCatalog().then(
      (full) => {
        catalog = full;
        const scenario = full.find(scenarioId);
        if (scenario) intents.load(scenario, seed);
        else unknown();
      },
      () => unknown(),
    );
  }

  function run(command: EmbedCommand, origin: string, id: string | number | undefined): void | Promise<void> {
    const engineType = ENGINE_COMMAND_OF[command.type];
    if (engineType) awaiting.set(engineType, id === undefined ? { command: command.type } : { command: command.type, replyTo: id });
    switch (command.type) {
      case 'play':
        return intents.play();
      case 'pause':
        return intents.pause();
      case 'step':
        return intents.step();
      case 'stepBack':
        return intents.stepBack();
      case 'seek':
        return intents.seek(command.time);
      case 'setSpeed':
        return intents.setSpeed(command.speed);
      case 'injectFault':
        return intents.injectFault(command.fault, command.target);
      case 'gotoBeat': {
        const state = getState();
        if (!intents.gotoBeat) return refuse(origin, 'unsupported', 'gotoBeat is not available in this build', 'gotoBeat', id);
        if (state && state.beats === 0) return refuse(origin, 'unsupported', `scenario "${state.scenarioId}" has no narrated beats`, 'gotoBeat', id);
        if (state && command.beat > state.beats) return refuse(origin, 'badPayload', `beat ${command.beat} does not exist (this scenario has ${state.beats})`, 'gotoBeat', id);
        const problem = intents.gotoBeat(command.beat);
        if (problem) refuse(origin, 'unsupported', problem, 'gotoBeat', id);
        return;
      }
      case 'loadScenario': {
        if ('id' in command) return loadById(command.id, command.seed, origin, id);
        const checked = validateScenario(command.scenario);
        if (!checked.ok) {
          awaiting.delete('load');
          return refuse(origin, 'invalidScenario', `the scenario is not valid:\n${formatScenarioErrors(checked.errors)}`, 'loadScenario', id);
        }
        return intents.load(checked.scenario as unknown as Scenario, command.seed);
      }
      case 'getState': {
        const state = getState();
        if (!state) return refuse(origin, 'unsupported', 'the simulation has not started yet; wait for the "ready" event', 'getState', id);
        const { questions, ...rest } = state;
        const beat = currentBeat && currentBeat.scenarioId === state.scenarioId ? currentBeat.beat : null;
        reply(origin, 'state', { ...rest, beat, score: scoreOf(state.scenarioId, questions) }, id);
        return;
      }
    }
  }

  function handleMessage(event: MessageEventLike): ReturnType<EmbedApi['handleMessage']> {
    if (disposed) return { accepted: false, reason: 'disposed' };
    // Only our embedding page may drive us: not other frames, not the page itself.
    if (!framed || event.source !== win.parent || event.source === null) return { accepted: false, reason: 'notFromParent' };
    const data = event.data;
    if (!isObject(data) || data.ns !== EMBED_NS) return { accepted: false, reason: 'notOurs' };
    const id = typeof data.id === 'string' || typeof data.id === 'number' ? data.id : undefined;
    if (parentOrigin !== null && event.origin !== parentOrigin) {
      refuse(event.origin, 'wrongOrigin', `commands are accepted only from ${parentOrigin} (the link's parentOrigin); this one came from ${event.origin}`, typeof data.type === 'string' ? data.type : undefined, id);
      return { accepted: false, reason: 'wrongOrigin' };
    }
    const parsed = parseCommand(data);
    if (!parsed.ok) {
      refuse(event.origin, parsed.reason, parsed.message, parsed.command, parsed.id);
      return { accepted: false, reason: parsed.reason };
    }
    learnedOrigin ??= event.origin;
    schedule(() => run(parsed.command, event.origin, parsed.id));
    return { accepted: true };
  }

  function cueEvents(scenarioId: string, cues: readonly TraceEntry[]): void {
    for (const e of cues) {
      if (e.category === 'fault' && e.kind.startsWith('FAULT.') && e.kind !== 'FAULT.SKIPPED' && typeof e.data?.fault === 'string') {
        let target: FaultTarget = {};
        try {
          const parsed: unknown = JSON.parse(String(e.data.target ?? '{}'));
          if (isObject(parsed)) target = parsed as FaultTarget;
        } catch {
          // keep {}
        }
        emit('faultInjected', { scenarioId, fault: e.data.fault, target, origin: String(e.data.origin ?? 'scenario'), time: e.t, step: e.step, summary: e.summary });
      } else if (e.kind === 'INTEGRITY.CORRUPTING_WRITE') {
        const lba = e.data?.lba;
        emit('integrityViolation', { scenarioId, time: e.t, node: e.node ?? null, lba: typeof lba === 'number' ? lba : null, summary: e.summary });
      }
    }
  }

  function onEngineUpdate(update: EngineUpdate): void {
    if (disposed) return;
    switch (update.type) {
      case 'view': {
        const id = update.view.scenarioId;
        const { story, ended } = update.playback;
        if (id !== lastScenarioId) {
          lastScenarioId = id;
          endedBefore = ended;
          storyIndex = -1;
          currentBeat = null;
        }
        if (!readySent) {
          readySent = true;
          emit('ready', { app: 'reservation-lab', v: EMBED_API_VERSION, commands: COMMAND_TYPES, events: EVENT_TYPES, scenarioId: id });
        }
        if (story.count > 0 && story.current !== storyIndex) {
          const reachedLast = story.current === story.count - 1 && storyIndex < story.current;
          storyIndex = story.current;
          if (story.current >= 0) {
            const beat = beatsOfScenario(id)[story.current];
            api.onBeatChanged({ scenarioId: id, beat: story.current + 1, beatId: beat?.id ?? `beat-${story.current + 1}`, title: beat?.title ?? '', beats: story.count, time: update.view.time });
          } else currentBeat = null;
          // A guided scenario is complete when its last beat is reached, not when time runs out.
          if (reachedLast) api.onScenarioCompleted({ scenarioId: id, time: update.view.time, questions: getState()?.questions ?? 0 });
        }
        if (ended && !endedBefore && story.count === 0) {
          emit('scenarioCompleted', { scenarioId: id, reason: 'ended', time: update.view.time, score: scoreOf(id, getState()?.questions ?? 0) });
        }
        endedBefore = ended;
        return;
      }
      case 'cue':
        if (lastScenarioId !== null) cueEvents(lastScenarioId, update.cues);
        return;
      case 'error': {
        const waiting = update.command ? awaiting.get(update.command) : undefined;
        if (!waiting || !update.command) return;
        awaiting.delete(update.command);
        const target = targetFor('error');
        if (target !== null) post('error', { reason: 'engineRefused', message: update.message, command: waiting.command }, target, waiting.replyTo);
        return;
      }
      default:
        return;
    }
  }

  const api: EmbedApi = {
    handleMessage,
    emit,
    onEngineUpdate,
    onBeatChanged(b) {
      currentBeat = { scenarioId: b.scenarioId, beat: b.beat };
      emit('beatChanged', { scenarioId: b.scenarioId, beat: b.beat, beatId: b.beatId, title: b.title, beats: b.beats, time: b.time });
    },
    onQuestionAnswered(a) {
      let given = answers.get(a.scenarioId);
      if (!given) answers.set(a.scenarioId, (given = new Map()));
      const firstAnswer = !given.has(a.beatId);
      if (firstAnswer) given.set(a.beatId, a.correct);
      emit('questionAnswered', {
        scenarioId: a.scenarioId,
        beat: a.beat,
        beatId: a.beatId,
        prompt: a.prompt,
        choice: a.choice,
        correct: a.correct,
        firstAnswer,
        score: scoreOf(a.scenarioId, a.questions),
      });
    },
    onScenarioCompleted(d) {
      emit('scenarioCompleted', { scenarioId: d.scenarioId, reason: 'lastBeat', time: d.time, score: scoreOf(d.scenarioId, d.questions) });
    },
    dispose() {
      disposed = true;
      awaiting.clear();
    },
  };
  return api;
}
