// The learner's answers to predict-then-reveal questions and the free-play flag: UI state of the
// guided player (the simulation knows nothing of it). Embedding and SCORM read it to report.

import { create } from 'zustand';

export interface StoryUiState {
  /** Answers per scenario: beat id → chosen index. */
  answers: Record<string, Record<string, number>>;
  /** "Try it yourself": the story panel steps aside while the learner experiments. */
  freePlay: boolean;
  /** The lessons screen (cards) is shown instead of the lab. */
  home: boolean;
  /** A lesson was just started from the lessons screen: the story panel takes focus once it shows. */
  focusOnStart: boolean;
}

export const useStoryStore = create<StoryUiState>()(() => ({ answers: {}, freePlay: false, home: false, focusOnStart: false }));

/** Shows the lessons screen, or goes back to the lab. */
export function showHome(home: boolean): void {
  useStoryStore.setState({ home });
}

export function answerQuestion(scenarioId: string, beatId: string, choice: number): void {
  useStoryStore.setState((s) => ({ answers: { ...s.answers, [scenarioId]: { ...s.answers[scenarioId], [beatId]: choice } } }));
}

export function setFreePlay(freePlay: boolean): void {
  useStoryStore.setState({ freePlay });
}
