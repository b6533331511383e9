// What the setup picker shows: the scenario being loaded, else the one running, as a preset choice.

import type { Mode, Personality } from '../../engine';
import { presetFor, type PresetId } from '../../scenarios/presets';

export interface ShownChoice {
  scenarioId: string;
  mode: Mode;
  personality: Personality;
  /** null when the scenario's topology is none of the presets (a built-in scenario). */
  preset: PresetId | null;
  fencing: boolean;
}

interface ScenarioLike {
  id: string;
  mode: Mode;
  personality: Personality;
  nodes: readonly string[];
  pathsPerNode: number;
  params: { fencing: boolean };
}

export function shownChoice(s: ScenarioLike): ShownChoice {
  return { scenarioId: s.id, mode: s.mode, personality: s.personality, preset: presetFor(s.nodes.length, s.pathsPerNode), fencing: s.params.fencing };
}

/** The view names its nodes rather than listing the scenario's; adapt it to the same shape. */
export function viewAsScenario(v: { scenarioId: string; mode: Mode; personality: Personality; nodes: { id: string; standalone: boolean }[]; pathsPerNode: number; params: { fencing: boolean } }): ScenarioLike {
  return { id: v.scenarioId, mode: v.mode, personality: v.personality, nodes: v.nodes.filter((n) => !n.standalone).map((n) => n.id), pathsPerNode: v.pathsPerNode, params: v.params };
}
