// A scenario file's text, checked the one way `lab check` and the app both use: parse it (JSON, or
// YAML by extension or content), validate it, and — with `simulate` — play its beats headless.
// Problems come back as the lines `lab check` prints after "FILE: ", so the app can show exactly
// what the command line says.

import type { Beat } from '../engine/beats/types';
import type { Scenario } from '../engine/model/scenario';
import { checkStory } from './library/checkStory';
import { parseJsonText, type JsonTextResult } from './schema/parseJsonText';
import { parseYamlText } from './schema/parseYamlText';
import { validateScenario, type ScenarioSpec } from './validate';

export type ScenarioFormat = 'json' | 'yaml';

export type ScenarioTextCheck =
  /** `verdict`: "valid (mode scsi3, …)", with "; simulated to …" when simulated. */
  | { ok: true; scenario: ScenarioSpec; verdict: string }
  /** `scenario` is there when the format is right and only the played story went wrong. */
  | { ok: false; problems: string[]; scenario?: ScenarioSpec };

/** .yaml/.yml are YAML and .json is JSON; otherwise text starting with { or [ is JSON, other text YAML. */
export function scenarioFormatOf(fileName: string, text: string): ScenarioFormat {
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  if (/\.json$/i.test(fileName)) return 'json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start === '' || start.startsWith('{') || start.startsWith('[') ? 'json' : 'yaml';
}

/** The file's data, or its syntax error as `lab check` words it. */
export function parseScenarioText(fileName: string, text: string): { ok: true; value: unknown; format: ScenarioFormat } | { ok: false; problem: string; format: ScenarioFormat } {
  const format = scenarioFormatOf(fileName, text);
  const parsed: JsonTextResult = format === 'yaml' ? parseYamlText(text) : parseJsonText(text);
  if (parsed.ok) return { ok: true, value: parsed.value, format };
  return { ok: false, problem: `line ${parsed.line}, column ${parsed.column}: ${format === 'yaml' ? 'YAML' : 'JSON'} syntax error: ${parsed.message}`, format };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "mode scsi3, personality fence-scsi, 2 nodes × 2 paths, 3 faults" */
export function scenarioSummary(s: ScenarioSpec): string {
  const beats = s.beats === undefined ? '' : `, ${plural(s.beats.length, 'beat', 'beats')}`;
  return `mode ${s.mode}, personality ${s.personality}, ${plural(s.nodes.length, 'node', 'nodes')} × ${plural(s.pathsPerNode, 'path', 'paths')}, ${plural(s.faults.length, 'fault', 'faults')}${beats}`;
}

/** Parses, validates and (with `simulate`) plays a scenario file's text; never throws. */
export function checkScenarioText(fileName: string, text: string, options: { simulate?: boolean } = {}): ScenarioTextCheck {
  const parsed = parseScenarioText(fileName, text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const result = validateScenario(parsed.value);
  if (!result.ok) return { ok: false, problems: result.errors.map((e) => `${e.path === '' ? '' : `${e.path}: `}${e.message}`) };
  const verdict = `valid (${scenarioSummary(result.scenario)})`;
  if (!options.simulate) return { ok: true, scenario: result.scenario, verdict };
  return simulate(result.scenario, verdict);
}

/** Plays the beats of a valid scenario (playing each beat's demo), as `lab check --simulate`. */
function simulate(spec: ScenarioSpec, verdict: string): ScenarioTextCheck {
  const beats = (spec.beats ?? []) as unknown as Beat[];
  let result: ReturnType<typeof checkStory>;
  try {
    result = checkStory(spec as unknown as Scenario, beats);
  } catch (error) {
    return { ok: false, problems: [`the simulation failed: ${error instanceof Error ? error.message : String(error)}`], scenario: spec };
  }
  if (result.problems.length > 0) return { ok: false, problems: result.problems.map((p) => p.message), scenario: spec };
  const story = beats.length === 0 ? 'no beats to reach' : `${plural(beats.length, 'beat', 'beats')} reached, ${plural(result.expectations, 'expectation holds', 'expectations hold')}`;
  return { ok: true, scenario: spec, verdict: `${verdict}; simulated to ${result.end} ms: ${story}` };
}
