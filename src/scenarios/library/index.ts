// The library of guided scenarios: one JSON file per scenario beside this module, each checked by
// the scenario validator (which fills the personality's default timings) and listed with a card
// for the scenario picker. library.test.ts replays every one headless through its beats.

import type { Mode, Personality, Scenario } from '../../engine/model/scenario';
import { formatScenarioErrors, validateScenario, type ScenarioLevel } from '../validate';
import introLunPathsKeys from './intro-lun-paths-keys.json';
import articleNoReservation from './article-no-reservation.json';
import articleScsi2 from './article-scsi2.json';
import articlePersistent from './article-persistent.json';
import s1FailoverHaLvm from './s1-failover-ha-lvm.json';
import s2FailoverMscs from './s2-failover-mscs.json';
import s3FailoverFenceScsi from './s3-failover-fence-scsi.json';
import s4PartitionNoFencing from './s4-partition-no-fencing.json';
import s4PartitionFencing from './s4-partition-fencing.json';
import s5ChallengeDefense from './s5-challenge-defense.json';
import s6FenceScsiRace from './s6-fence-scsi-race.json';
import s6WsfcPartition from './s6-wsfc-partition.json';
import s7Scsi2PathLoss from './s7-scsi2-path-loss.json';
import s8Scsi2Crash from './s8-scsi2-crash.json';
import s9CrashFenceScsi from './s9-crash-fence-scsi.json';
import s10ZombieHaLvm from './s10-zombie-ha-lvm.json';
import s10ZombieMscs from './s10-zombie-mscs.json';
import s10ZombieFenceScsi from './s10-zombie-fence-scsi.json';
import s11PrLeftBehind from './s11-pr-left-behind.json';
import s12MultipathPr from './s12-multipath-pr.json';
import s12MultipathTrap from './s12-multipath-trap.json';
import consoleSgPersist from './console-sg-persist.json';

/** In the order the picker lists them: the introduction, the article check, then S1–S12, then hands-on. */
const FILES: readonly unknown[] = [
  introLunPathsKeys,
  articleNoReservation,
  articleScsi2,
  articlePersistent,
  s1FailoverHaLvm,
  s2FailoverMscs,
  s3FailoverFenceScsi,
  s4PartitionNoFencing,
  s4PartitionFencing,
  s5ChallengeDefense,
  s6FenceScsiRace,
  s6WsfcPartition,
  s7Scsi2PathLoss,
  s8Scsi2Crash,
  s9CrashFenceScsi,
  s10ZombieHaLvm,
  s10ZombieMscs,
  s10ZombieFenceScsi,
  s11PrLeftBehind,
  s12MultipathPr,
  s12MultipathTrap,
  consoleSgPersist,
];

export interface LibraryCard {
  id: string;
  title: string;
  summary: string;
  mode: Mode;
  personality: Personality;
  level: ScenarioLevel;
  minutes: number;
  /** Number of beats. */
  beats: number;
}

export interface LibraryEntry {
  /** Ready for `createSimulation({ scenario })`; `scenario.beats` holds the beats as written. */
  scenario: Scenario;
  card: LibraryCard;
}

export interface LibraryProblem {
  /** Index in FILES. */
  index: number;
  id: string;
  problems: string;
}

function load(files: readonly unknown[]): { entries: LibraryEntry[]; problems: LibraryProblem[] } {
  const entries: LibraryEntry[] = [];
  const problems: LibraryProblem[] = [];
  files.forEach((file, index) => {
    const checked = validateScenario(file);
    const id = typeof (file as { id?: unknown }).id === 'string' ? (file as { id: string }).id : `#${index}`;
    if (!checked.ok) {
      problems.push({ index, id, problems: formatScenarioErrors(checked.errors) });
      return;
    }
    const spec = checked.scenario;
    const missing = (['summary', 'level', 'minutes', 'beats'] as const).filter((k) => spec[k] === undefined);
    if (missing.length > 0) {
      problems.push({ index, id, problems: `A library scenario needs ${missing.join(', ')}.` });
      return;
    }
    entries.push({
      scenario: spec as unknown as Scenario,
      card: {
        id: spec.id,
        title: spec.title,
        summary: spec.summary!,
        mode: spec.mode,
        personality: spec.personality,
        level: spec.level!,
        minutes: spec.minutes!,
        beats: spec.beats!.length,
      },
    });
  });
  return { entries, problems };
}

const loaded = load(FILES);

/** Every valid library scenario, in picker order. */
export const LIBRARY: readonly LibraryEntry[] = loaded.entries;

/** Library files the validator rejected (a bug: the tests require none). */
export const LIBRARY_PROBLEMS: readonly LibraryProblem[] = loaded.problems;

export function libraryScenario(id: string): Scenario | undefined {
  return LIBRARY.find((e) => e.scenario.id === id)?.scenario;
}

/** The beats of a library scenario, typed for `runStory` and the player. */
export { beatsOf } from '../index';
