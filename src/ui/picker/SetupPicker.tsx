// The setup picker: protection mode, product personality, topology preset and (HA-LVM) fencing.
// Every change restarts the simulation with presetScenario(...); built-in scenarios stay listed.
// Should the engine refuse a scenario (a personality not registered yet), its error shows as a
// notice and the picker falls back to what is still running.

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Mode, Personality } from '../../engine';
import { BUILTIN_SCENARIOS } from '../../scenarios';
import { MODES, PRESETS, fencingIsOptional, personalitiesFor, presetScenario, type PresetChoice, type PresetId } from '../../scenarios/presets';
import { engine } from '../../store/engine';
import { pushNotice, useSimStore } from '../../store/useSimStore';
import { OpenScenarioFile } from '../load/OpenScenarioFile';
import { shownChoice, viewAsScenario, type ShownChoice } from './currentChoice';

function useShownChoice(): ShownChoice | null {
  return useSimStore(
    useShallow((s) => {
      const source = s.requested ?? (s.view ? viewAsScenario(s.view) : null);
      return source ? shownChoice(source) : null;
    }),
  );
}

export function SetupPicker() {
  const shown = useShownChoice();
  const uid = useId();
  if (!shown) return <form className="setup" aria-label="Setup" />;

  const restart = (change: Partial<PresetChoice>) => {
    const next: PresetChoice = { mode: shown.mode, personality: shown.personality, preset: shown.preset ?? '2x2', fencing: shown.fencing, ...change };
    try {
      engine.load(presetScenario(next));
    } catch (err) {
      pushNotice('error', `That setup cannot run: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <form className="setup" aria-label="Setup" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>Mode</span>
        <select
          value={shown.mode}
          onChange={(e) => {
            const mode = e.target.value as Mode;
            restart({ mode, personality: personalitiesFor(mode)[0]!.id });
          }}
        >
          {MODES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Personality</span>
        <select value={shown.personality} onChange={(e) => restart({ personality: e.target.value as Personality })}>
          {personalitiesFor(shown.mode).map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Nodes &amp; paths</span>
        <select value={shown.preset ?? ''} onChange={(e) => restart({ preset: e.target.value as PresetId })}>
          {shown.preset === null && (
            <option value="" disabled>
              as in the scenario
            </option>
          )}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {fencingIsOptional(shown.personality) && (
        <label className="field switch" htmlFor={`${uid}-fencing`}>
          <input id={`${uid}-fencing`} type="checkbox" role="switch" checked={shown.fencing} onChange={(e) => restart({ fencing: e.target.checked })} />
          <span>Fencing</span>
          <span className="switch-state" aria-hidden="true">
            {shown.fencing ? 'on' : 'off'}
          </span>
        </label>
      )}
    </form>
  );
}

/**
 * Built-in scenarios, and free play with the setup above; it doubles as the title of the run.
 * Beside it, "Open scenario file…" (src/ui/load/) opens a trainer's own file.
 */
export function ScenarioSelect() {
  const shown = useShownChoice();
  const title = useSimStore((s) => s.requested?.title ?? s.view?.title);
  const summary = useSimStore((s) => (s.view ? s.scenarios[s.view.scenarioId]?.scenario.summary : undefined));
  // A guided lesson (a scenario with beats) is named as one; anything else runs as free play.
  const guided = useSimStore((s) => (s.view ? (s.scenarios[s.view.scenarioId]?.scenario.beats?.length ?? 0) > 0 : false));
  const builtin = BUILTIN_SCENARIOS.some((s) => s.id === shown?.scenarioId);
  return (
    <>
      <label className="field scenario-select" title={summary}>
        <span>Scenario</span>
        <select
          value={shown && builtin ? shown.scenarioId : ''}
          disabled={!shown}
          onChange={(e) => {
            const s = BUILTIN_SCENARIOS.find((x) => x.id === e.target.value);
            if (s) engine.load(s);
          }}
        >
          {!builtin && <option value="">{title ? `${guided ? 'Lesson' : 'Free play'}: ${title}` : 'Starting the simulation…'}</option>}
          {BUILTIN_SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <OpenScenarioFile />
    </>
  );
}
