export type { Beat, BeatWhen, BeatQuestion, BeatExpectation } from './types';
export { BEAT_EVENTS, KNOWN_EVENT_NAMES, entryMatches, waitsForEntry, waitsForLearner } from './match';
export { checkExpectation, resolvePath } from './expect';
export { runToBeat, runStory, type BeatOutcome, type BeatPosition } from './runBeats';
