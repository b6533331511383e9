// Opens a scenario file's text the way `lab check --simulate` checks it: the same parser (JSON or
// YAML), the same validator, the story played headless when it has beats. A good file loads into
// the engine like a lesson from the library; a bad one leaves the running scenario alone and
// reports every problem in the same words as the command line.
//
// The checker (with the YAML parser and a headless engine for the story check) is imported on
// first use, so it stays out of the initial bundle.

import type { Scenario } from '../../engine';
import { engine } from '../../store/engine';
import { pushNotice } from '../../store/useSimStore';
import { setFreePlay, showHome } from '../story/storyStore';
import { useLoadStore } from './loadStore';

/** Checks `text` (from the file `fileName`) and loads it, or shows why not. Never throws. */
export async function openScenarioText(fileName: string, text: string): Promise<boolean> {
  useLoadStore.setState({ checking: fileName, report: null, status: `Checking ${fileName}…` });
  try {
    const { checkScenarioText } = await import('../../scenarios/checkScenarioText');
    const plain = checkScenarioText(fileName, text);
    const hasBeats = plain.ok && (plain.scenario.beats?.length ?? 0) > 0;
    const result = hasBeats ? checkScenarioText(fileName, text, { simulate: true }) : plain;
    if (!result.ok) {
      const problems = `${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}`;
      useLoadStore.setState({ report: { fileName, problems: result.problems, ...(result.scenario ? { scenario: result.scenario as Scenario } : {}) }, status: `${fileName} was not opened: ${problems}.` });
      return false;
    }
    playScenario(result.scenario as Scenario);
    useLoadStore.setState({ status: `Opened ${fileName}: ${result.scenario.title}.` });
    return true;
  } catch (error) {
    // Only a failed chunk download gets here (the checker itself never throws).
    pushNotice('error', `Could not check ${fileName}: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`);
    return false;
  } finally {
    useLoadStore.setState({ checking: null });
  }
}

/** Runs a checked scenario from its start, guided when it has beats. */
export function playScenario(scenario: Scenario): void {
  setFreePlay(false);
  showHome(false);
  engine.load(scenario);
}

/** A scenario is a few kilobytes; anything far bigger is the wrong file. */
export const MAX_SCENARIO_BYTES = 2_000_000;

/** Reads a File (picker or drop) and opens it. */
export async function openScenarioFile(file: File): Promise<boolean> {
  if (file.size > MAX_SCENARIO_BYTES) {
    pushNotice('error', `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; a scenario file is a few kilobytes of JSON or YAML (at most 2 MB). Choose the scenario file itself.`);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    pushNotice('error', `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}. Check that the file still exists and try again.`);
    return false;
  }
  return openScenarioText(file.name, text);
}
