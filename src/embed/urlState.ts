// The hash deep link: `#/s/<scenarioId>?beat=4&seed=7&speed=2&view=ladder&t=12345&inputs=…
// &embed=1&controls=min&autoplay=1&h5p=1&parentOrigin=https://lms.example`. A hash works on any
// static host, under any sub-path and from file:// without server rewrites. parseDeepLink never
// throws: a bad or stale parameter falls back to its default with a notice saying why (the UI
// shows notices; CONVENTIONS.md 14). buildDeepLink writes what parseDeepLink reads back.

import type { TimedInput } from '../engine';
import type { PanelId } from '../store/useSimStore';
import { SPEEDS } from '../worker/protocol';
import { decodeInputs, encodeInputs } from './inputsCodec';
import type { ScenarioCatalog, ScenarioFacts } from './scenarioCatalog';

export type ControlsMode = 'full' | 'min' | 'none';
export const CONTROLS_MODES: readonly ControlsMode[] = ['full', 'min', 'none'];
export const VIEWS = ['diagram', 'lun', 'ladder', 'log', 'faults', 'node'] as const satisfies readonly PanelId[];
export type ViewId = (typeof VIEWS)[number];

export interface UrlState {
  scenarioId: string;
  /** Narrated beat to start at, 1-based; null: the start. */
  beat: number | null;
  /** Null: the scenario's own seed. */
  seed: number | null;
  /** Playback speed (one of SPEEDS); null: unchanged (1×). */
  speed: number | null;
  /** Panel to show first (on narrow screens, the tab). */
  view: ViewId | null;
  /** Virtual time to go to, in ms; null: the start. */
  t: number | null;
  /** Learner inputs to replay (faults injected, console lines), in (step, at) order. */
  inputs: TimedInput[];
  /** Embedded in a course page: minimal chrome, autoplay off unless asked. */
  embed: boolean;
  controls: ControlsMode;
  autoplay: boolean;
  /** The only origin the embed API takes commands from and posts learner data to. */
  parentOrigin: string | null;
  /** The page loads h5p-resizer.js (the flag also puts "h5p" in the iframe's URL, which the resizer looks for). */
  h5p: boolean;
}

export interface UrlNotice {
  /** The parameter the notice is about ("scenario" for the path, "link" for the whole). */
  param: string;
  text: string;
}

export interface ParsedDeepLink {
  state: UrlState;
  notices: UrlNotice[];
  /**
   * False when `parentOrigin` was given but is not an origin: the author meant to restrict the
   * embed API, so it stays off rather than open to every parent (fail closed).
   */
  apiAllowed: boolean;
}

export const KNOWN_PARAMS = ['beat', 'seed', 'speed', 'view', 't', 'inputs', 'embed', 'controls', 'autoplay', 'h5p', 'parentOrigin'] as const;
const MAX_SEED = 2 ** 32 - 1;

export function defaultUrlState(scenarioId: string): UrlState {
  return { scenarioId, beat: null, seed: null, speed: null, view: null, t: null, inputs: [], embed: false, controls: 'full', autoplay: false, parentOrigin: null, h5p: false };
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function parseFlag(value: string): boolean | null {
  if (value === '1' || value === 'true' || value === '') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}

/** `https://lms.example` (scheme, host, port; no path), or null when `value` is not one. */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // An origin has no path, query or credentials: "https://lms.example/course" is a mistake worth naming.
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

function nearestSpeed(x: number): number {
  return SPEEDS.reduce((best, s) => (Math.abs(Math.log(s / x)) < Math.abs(Math.log(best / x)) ? s : best), 1 as number);
}

function splitHash(hash: string): { path: string; query: string } {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  return q === -1 ? { path: h, query: '' } : { path: h.slice(0, q), query: h.slice(q + 1) };
}

function decodeSegment(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Reads a location hash (with or without the leading "#"). */
export function parseDeepLink(hash: string, catalog: ScenarioCatalog): ParsedDeepLink {
  const notices: UrlNotice[] = [];
  const note = (param: string, text: string) => notices.push({ param, text });
  const { path, query } = splitHash(hash);
  const params = new URLSearchParams(query);

  // The scenario, from the path.
  let requestedId: string | null = null;
  if (path !== '' && path !== '/') {
    const m = /^\/s\/([^/]+)\/?$/.exec(path);
    requestedId = m ? decodeSegment(m[1]!) : null;
    if (requestedId === null) note('link', `the link's address "#${path}" is not a Reservation Lab link (expected #/s/<scenario>?…); showing the default scenario`);
  }
  let facts: ScenarioFacts | undefined;
  let scenarioKnown = true;
  if (requestedId !== null) {
    facts = catalog.facts(requestedId);
    if (!facts) {
      scenarioKnown = false;
      note('scenario', `unknown scenario "${requestedId}"; showing the default (${catalog.defaultId})`);
    }
  }
  facts ??= catalog.facts(catalog.defaultId);
  const state = defaultUrlState(facts?.id ?? catalog.defaultId);

  for (const key of new Set(params.keys())) {
    if (!(KNOWN_PARAMS as readonly string[]).includes(key)) note(key, `unknown parameter "${key}" ignored (known: ${KNOWN_PARAMS.join(', ')})`);
  }
  const get = (key: string): string | null => params.get(key);

  // Parameters that only mean something for the scenario the link was made for.
  const stale = (['beat', 'seed', 't', 'inputs'] as const).filter((k) => get(k) !== null);
  if (!scenarioKnown && stale.length > 0) {
    note(stale[0]!, `${stale.join(', ')} ${stale.length === 1 ? 'was' : 'were'} made for scenario "${requestedId}" and ${stale.length === 1 ? 'is' : 'are'} ignored`);
  } else if (facts) {
    readScenarioParams(get, facts, state, note);
  }

  const speed = get('speed');
  if (speed !== null) {
    if (!DECIMAL.test(speed) || Number(speed) <= 0) note('speed', `speed must be a number of times real time such as 2; using 1×`);
    else if ((SPEEDS as readonly number[]).includes(Number(speed))) state.speed = Number(speed);
    else {
      state.speed = nearestSpeed(Number(speed));
      note('speed', `speed ${speed} is not offered (${SPEEDS.join(', ')}); using the nearest, ${state.speed}×`);
    }
  }
  const view = get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as ViewId;
    else note('view', `view "${view}" does not exist; use ${VIEWS.join(', ')}`);
  }
  for (const key of ['embed', 'autoplay', 'h5p'] as const) {
    const v = get(key);
    if (v === null) continue;
    const flag = parseFlag(v);
    if (flag === null) note(key, `${key} must be 1 or 0, got "${v}"; using 0`);
    else state[key] = flag;
  }
  const controls = get('controls');
  if (controls !== null) {
    if ((CONTROLS_MODES as readonly string[]).includes(controls)) state.controls = controls as ControlsMode;
    else note('controls', `controls must be full, min or none, got "${controls}"; showing full controls`);
  }
  if (state.controls === 'none' && state.autoplay) {
    // WCAG 2.2.2: moving content that starts by itself needs a visible pause control.
    state.autoplay = false;
    note('autoplay', 'autoplay is off because controls=none leaves no pause button (WCAG 2.2.2); use controls=min to autoplay');
  }
  let apiAllowed = true;
  const origin = get('parentOrigin');
  if (origin !== null) {
    const normalized = normalizeOrigin(origin);
    if (normalized) state.parentOrigin = normalized;
    else {
      apiAllowed = false;
      note('parentOrigin', `parentOrigin "${origin}" is not an origin such as https://lms.example (scheme and host only); the embed API stays off until it is fixed`);
    }
  }
  return { state, notices, apiAllowed };
}

function readScenarioParams(get: (k: string) => string | null, facts: ScenarioFacts, state: UrlState, note: (param: string, text: string) => void): void {
  const seed = get('seed');
  if (seed !== null) {
    if (WHOLE.test(seed) && Number(seed) <= MAX_SEED) state.seed = Number(seed);
    else note('seed', `seed must be a whole number from 0 to ${MAX_SEED}; using the scenario's seed ${facts.seed}`);
  }
  const beat = get('beat');
  if (beat !== null) {
    if (facts.beats === 0) note('beat', `beat ${beat} does not exist (this scenario has no narrated beats)`);
    else if (!WHOLE.test(beat) || Number(beat) < 1) note('beat', `beat must be a whole number from 1 to ${facts.beats}; starting at the beginning`);
    else if (Number(beat) > facts.beats) note('beat', `beat ${beat} does not exist (this scenario has ${facts.beats})`);
    else state.beat = Number(beat);
  }
  const t = get('t');
  if (t !== null) {
    if (!DECIMAL.test(t)) note('t', `t must be a time in ms such as 12000; starting at the beginning`);
    else if (Number(t) > facts.duration) {
      state.t = facts.duration;
      note('t', `t ${t} is after the scenario's end (${facts.duration} ms); going to the end`);
    } else state.t = Number(t);
  }
  const inputs = get('inputs');
  if (inputs !== null) {
    const decoded = decodeInputs(inputs);
    const late = decoded.ok ? decoded.inputs.find((i) => i.at > facts.duration) : undefined;
    if (late) note('inputs', `inputs could not be used: one is at ${late.at} ms, after the scenario's end (${facts.duration} ms); was the link made for another version of the scenario?`);
    else if (decoded.ok) state.inputs = decoded.inputs;
    else note('inputs', `inputs could not be read: ${decoded.problem}; the run starts without the faults and commands the link recorded`);
  }
}

export type DeepLinkFields = Partial<UrlState> & { scenarioId: string };

/** The hash for `fields` ("#/s/…"), leaving out every default; prefix `base` (a page URL) to get a full link. */
export function buildDeepLink(fields: DeepLinkFields, base = ''): string {
  const s: UrlState = { ...defaultUrlState(fields.scenarioId), ...fields };
  const p = new URLSearchParams();
  if (s.beat !== null) p.set('beat', String(s.beat));
  if (s.seed !== null) p.set('seed', String(s.seed));
  if (s.speed !== null) p.set('speed', String(s.speed));
  if (s.view !== null) p.set('view', s.view);
  if (s.t !== null) p.set('t', String(s.t));
  if (s.inputs.length > 0) p.set('inputs', encodeInputs(s.inputs));
  if (s.embed) p.set('embed', '1');
  if (s.controls !== 'full') p.set('controls', s.controls);
  if (s.autoplay) p.set('autoplay', '1');
  if (s.h5p) p.set('h5p', '1');
  if (s.parentOrigin !== null) p.set('parentOrigin', s.parentOrigin);
  const query = p.toString();
  const root = base.replace(/#.*$/, '');
  return `${root}#/s/${encodeURIComponent(s.scenarioId)}${query ? `?${query}` : ''}`;
}
