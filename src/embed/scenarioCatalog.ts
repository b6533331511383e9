// Which scenarios a deep link, the embed API or a SCORM launcher may name: the built-in
// scenarios, the guided library, and the free-play setups of the picker (whose ids are
// derived from the choice, e.g. "free-fence-scsi-2x2"). The library (22 files, validated when
// its module loads) is fetched only when a link or a host names one of its scenarios, so a
// plain start costs nothing more.

import type { Scenario } from '../engine';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID, beatsOf } from '../scenarios';
import { PERSONALITIES, PRESETS, presetScenario, type PresetChoice } from '../scenarios/presets';

/** What URL parsing needs to know about a scenario to check a link's parameters. */
export interface ScenarioFacts {
  id: string;
  /** The scenario's own seed (a link without `seed` uses it). */
  seed: number;
  /** Number of narrated beats (0 for free play). */
  beats: number;
  /** Beats with a predict-then-reveal question (the score's maximum). */
  questions: number;
  /** Virtual ms where playback stops by itself. */
  duration: number;
}

export interface ScenarioCatalog {
  defaultId: string;
  /** The scenario with this id, or undefined. */
  find(id: string): Scenario | undefined;
  facts(id: string): ScenarioFacts | undefined;
  /** Ids to suggest in an error message (built-ins and library, not every free-play setup). */
  suggestions(): string[];
}

/** The narrated beats of a scenario, as written (the host's story validates them on load). */
export { beatsOf };

/** Facts of a scenario object (also for scenarios a host sends whole). */
export function factsOf(scenario: Scenario): ScenarioFacts {
  const beats = beatsOf(scenario);
  return {
    id: scenario.id,
    seed: scenario.seed,
    beats: beats.length,
    questions: beats.filter((b) => b.question !== undefined).length,
    duration: scenario.duration,
  };
}

function presetChoices(): PresetChoice[] {
  const choices: PresetChoice[] = [];
  for (const p of PERSONALITIES) {
    for (const preset of PRESETS) {
      for (const fencing of p.id === 'ha-lvm' ? [true, false] : [true]) choices.push({ mode: p.mode, personality: p.id, preset: preset.id, fencing });
    }
  }
  return choices;
}

/** A catalog over the given scenarios plus the free-play setups (built lazily, cached). */
export function createScenarioCatalog(scenarios: readonly Scenario[], defaultId: string): ScenarioCatalog {
  const byId = new Map<string, Scenario>(scenarios.map((s) => [s.id, s]));
  let presets: Map<string, Scenario> | null = null;
  const presetById = (id: string): Scenario | undefined => {
    if (!id.startsWith('free-')) return undefined;
    presets ??= new Map(presetChoices().map((c) => presetScenario(c)).map((s) => [s.id, s]));
    return presets.get(id);
  };
  const find = (id: string) => byId.get(id) ?? presetById(id);
  return {
    defaultId,
    find,
    facts(id) {
      const s = find(id);
      return s ? factsOf(s) : undefined;
    },
    suggestions: () => [...byId.keys()],
  };
}

/** Built-in scenarios and free-play setups: what needs no extra loading. */
export const BASIC_CATALOG: ScenarioCatalog = createScenarioCatalog(BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID);

let full: Promise<ScenarioCatalog> | null = null;

/** Built-in scenarios first, then the guided library, then free play (loads the library once). */
export function loadFullCatalog(): Promise<ScenarioCatalog> {
  full ??= import('../scenarios/library').then(({ LIBRARY }) => createScenarioCatalog([...BUILTIN_SCENARIOS, ...LIBRARY.map((e) => e.scenario)], DEFAULT_SCENARIO_ID));
  return full;
}
