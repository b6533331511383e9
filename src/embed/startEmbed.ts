// The browser glue: reads the deep link, loads what it names, and — when the app runs in a frame —
// starts the postMessage API and the height reporter. main.tsx calls startEmbed() once instead of
// loading the default scenario, and embed.connect(client) when the engine client is up.
// Everything with logic lives in the pure modules beside this one (and is tested there).

import type { Beat, Scenario } from '../engine';
import { engine } from '../store/engine';
import { pushNotice, showPanel, useSimStore } from '../store/useSimStore';
import type { EngineClient } from '../worker/engineClient';
import { createEmbedApi, type AppStateSummary, type EmbedApi } from './api';
import { newAnswers, questionAnswerFor, type AnswerRecord } from './answers';
import { applyUrlState, type StartupIntents } from './applyUrlState';
import { inputsFromTrace } from './inputsFromTrace';
import { EMBED_API_VERSION, EMBED_NS } from './messages';
import { createResizeReporter, measureContent, type ResizeReporter } from './resize';
import { BASIC_CATALOG, beatsOf, factsOf, loadFullCatalog, type ScenarioCatalog } from './scenarioCatalog';
import { buildDeepLink, parseDeepLink, type ParsedDeepLink, type UrlState } from './urlState';
import './embed.css';

export interface Embed {
  /** What the link asked for (after fixing bad parameters). */
  readonly url: UrlState;
  /** The postMessage API, when the app is framed and the link allows it. */
  readonly api: EmbedApi | null;
  /** Loads and positions what the link names (the default scenario without a link). */
  start(): void;
  /** Feeds the engine's updates to the API; call before connectEngine(client). */
  connect(client: EngineClient): () => void;
  /** Hash link reproducing the moment shown now (scenario, seed, the learner's inputs, time). */
  linkToNow(): string;
  /** The guided player's answers changed (useStoryStore's `answers`): reports the new ones to the host. */
  reportAnswers(prev: AnswerRecord, next: AnswerRecord): void;
  dispose(): void;
}

/** How long replay waits for the engine's answer to a seekStep before going on without it. */
const SEEK_ANSWER_MS = 10_000;

/**
 * Sends seekStep and resolves with the time of the engine's answer: the first view at that step
 * (a load queued before it answers at step 0, which has the same time as seekStep(0) there).
 */
function seekStepTime(step: number): Promise<number> {
  return new Promise((resolve) => {
    let timer = 0;
    const stop = useSimStore.subscribe((s, prev) => {
      if (s.view && s.view !== prev.view && s.view.step === step) finish(s.view.time);
    });
    const finish = (time: number) => {
      stop();
      window.clearTimeout(timer);
      resolve(time);
    };
    timer = window.setTimeout(() => finish(useSimStore.getState().view?.time ?? 0), SEEK_ANSWER_MS);
    engine.seekStep(step);
  });
}

const intents: StartupIntents = {
  load: (scenario, seed) => engine.load(scenario, seed),
  seekStep: engine.seekStep,
  seekStepTime,
  seek: engine.seek,
  input: engine.input,
  setSpeed: engine.setSpeed,
  play: engine.play,
  showPanel,
  // The host's guided story counts beats from 0; links and the embed API from 1.
  gotoBeat: (beat) => engine.gotoBeat(beat - 1),
};

/** Beats of a scenario the app has loaded (also one a host page sent whole). */
function beatsOfLoaded(id: string): Beat[] {
  const scenario = useSimStore.getState().scenarios[id]?.scenario;
  return scenario ? beatsOf(scenario) : [];
}

/** The scenario id a hash names, if any (before checking it). */
function linkedId(hash: string): string | null {
  const m = /^#?\/s\/([^/?]+)/.exec(hash);
  try {
    return m ? decodeURIComponent(m[1]!) : null;
  } catch {
    return null;
  }
}

/** Parses `hash`, loading the guided library first when the link names a scenario outside the basic catalog. */
async function parseLink(hash: string): Promise<{ parsed: ParsedDeepLink; catalog: ScenarioCatalog }> {
  const id = linkedId(hash);
  let catalog = BASIC_CATALOG;
  if (id !== null && !catalog.find(id)) {
    try {
      catalog = await loadFullCatalog();
    } catch {
      // The link's scenario then shows as unknown, with a notice.
    }
  }
  return { parsed: parseDeepLink(hash, catalog), catalog };
}

function runningScenario(): Scenario | undefined {
  const { view, scenarios } = useSimStore.getState();
  return view ? scenarios[view.scenarioId]?.scenario : undefined;
}

export function linkToNow(): string {
  const { view, trace, scenarios } = useSimStore.getState();
  if (!view) return '';
  const loaded = scenarios[view.scenarioId];
  const seed = loaded?.seed !== undefined && loaded.seed !== loaded.scenario.seed ? loaded.seed : null;
  return buildDeepLink({ scenarioId: view.scenarioId, seed, t: view.time, inputs: inputsFromTrace(trace, view.time) });
}

function stateSummary(): AppStateSummary | null {
  const { view, playback, engineMode } = useSimStore.getState();
  if (!view || !playback) return null;
  const scenario = runningScenario();
  const facts = scenario ? factsOf(scenario) : { beats: 0, questions: 0 };
  return {
    scenarioId: view.scenarioId,
    title: view.title,
    time: view.time,
    step: view.step,
    duration: view.duration,
    playing: playback.playing,
    speed: playback.speed,
    ended: playback.ended,
    branch: playback.branch,
    beats: facts.beats,
    questions: facts.questions,
    integrity: { ok: view.integrity.ok, violations: view.integrity.violations.length },
    engine: engineMode,
    link: linkToNow(),
  };
}

function showNotices(parsed: ParsedDeepLink): void {
  if (parsed.notices.length === 0) return;
  const text = parsed.notices.map((n) => n.text).join('; ');
  pushNotice('info', `This link had ${parsed.notices.length === 1 ? 'a problem' : 'problems'}: ${text}.`);
}

function applyLink(parsed: ParsedDeepLink, catalog: ScenarioCatalog): void {
  const scenario = catalog.find(parsed.state.scenarioId);
  if (!scenario) return; // the catalog's default always exists; a bug otherwise
  void applyUrlState(parsed.state, scenario, intents);
}

export function startEmbed(win: Window = window): Embed {
  // What the embed API and the page need at once; the scenario itself may wait for the library (start()).
  const parsed = parseDeepLink(win.location.hash, BASIC_CATALOG);
  const { state } = parsed;
  const framed = win.parent !== win;
  const root = win.document.documentElement;
  if (state.embed) {
    root.dataset.embed = '1';
    root.dataset.controls = state.controls;
  }

  const api =
    framed && parsed.apiAllowed
      ? createEmbedApi({
          window: { self: win, parent: win.parent, referrer: win.document.referrer, ancestorOrigins: win.location.ancestorOrigins },
          intents: {
            play: engine.play,
            pause: engine.pause,
            step: engine.step,
            stepBack: engine.stepBack,
            seek: engine.seek,
            setSpeed: engine.setSpeed,
            injectFault: (fault, target) => engine.injectFault(fault, target, 'embed'),
            load: (scenario, seed) => engine.load(scenario, seed),
            gotoBeat: (beat) => {
              engine.gotoBeat(beat - 1);
              return null; // the engine's refusal comes back as an update and is relayed
            },
          },
          getState: stateSummary,
          beatsOf: beatsOfLoaded,
          parentOrigin: state.parentOrigin,
        })
      : null;

  let resize: ResizeReporter | null = null;
  if (framed) {
    let observer: ResizeObserver | null = null;
    resize = createResizeReporter({
      parent: win.parent,
      emitResize: (height) => {
        if (api) api.emit('resize', { height });
        else win.parent.postMessage({ ns: EMBED_NS, v: EMBED_API_VERSION, type: 'resize', payload: { height } }, '*'); // heights only
      },
      measure: () => measureContent(win.document),
      observe(onChange) {
        if (typeof ResizeObserver === 'undefined') return () => undefined;
        observer = new ResizeObserver(onChange);
        observer.observe(win.document.body);
        return () => observer?.disconnect();
      },
      timers: { now: () => performance.now(), setTimeout: (fn, ms) => win.setTimeout(fn, ms), clearTimeout: (h) => win.clearTimeout(h as number) },
    });
  }

  const onMessage = (event: MessageEvent) => {
    if (resize?.handleMessage(event)) return;
    api?.handleMessage(event);
  };
  const openLink = async () => {
    const { parsed: link, catalog } = await parseLink(win.location.hash);
    showNotices(link);
    applyLink(link, catalog);
  };
  // Only deep links (#/s/…) move the lab; an in-page anchor such as the skip link's #main does not.
  const onHashChange = () => {
    if (win.location.hash.startsWith('#/')) void openLink();
  };
  win.addEventListener('message', onMessage);
  win.addEventListener('hashchange', onHashChange);

  return {
    url: state,
    api,
    start() {
      void openLink();
    },
    connect(client) {
      if (!api) return () => undefined;
      const unsubscribe = client.subscribe((u) => api.onEngineUpdate(u));
      // The in-process host answers synchronously: catch a view that arrived before we listened.
      const { view, playback } = useSimStore.getState();
      if (view && playback) api.onEngineUpdate({ type: 'view', view, playback });
      return unsubscribe;
    },
    linkToNow,
    reportAnswers(prev, next) {
      if (!api) return;
      for (const { scenarioId, beatId, choice } of newAnswers(prev, next)) {
        const scenario = useSimStore.getState().scenarios[scenarioId]?.scenario;
        const answer = scenario ? questionAnswerFor(scenario, beatId, choice) : null;
        if (answer) api.onQuestionAnswered(answer);
      }
    },
    dispose() {
      win.removeEventListener('message', onMessage);
      win.removeEventListener('hashchange', onHashChange);
      resize?.dispose();
      api?.dispose();
    },
  };
}
