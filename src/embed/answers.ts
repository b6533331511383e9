// The guided player keeps the learner's answers as { scenarioId: { beatId: choice } } (UI state,
// src/ui/story/storyStore.ts). These helpers turn a change of that record into the embed API's
// questionAnswered reports, so main.tsx can connect the two without embed/ importing ui/.

import type { Scenario } from '../engine';
import type { QuestionAnswer } from './api';
import { beatsOf } from './scenarioCatalog';

export type AnswerRecord = Readonly<Record<string, Readonly<Record<string, number>> | undefined>>;

/** Answers given or changed between `prev` and `next`, in the order of `next`. */
export function newAnswers(prev: AnswerRecord, next: AnswerRecord): { scenarioId: string; beatId: string; choice: number }[] {
  const out: { scenarioId: string; beatId: string; choice: number }[] = [];
  for (const [scenarioId, byBeat] of Object.entries(next)) {
    for (const [beatId, choice] of Object.entries(byBeat ?? {})) {
      if (prev[scenarioId]?.[beatId] !== choice) out.push({ scenarioId, beatId, choice });
    }
  }
  return out;
}

/** The report for `choice` on the question of beat `beatId`, or null when that beat asks none. */
export function questionAnswerFor(scenario: Scenario, beatId: string, choice: number): QuestionAnswer | null {
  const beats = beatsOf(scenario);
  const index = beats.findIndex((b) => b.id === beatId);
  const question = beats[index]?.question;
  if (!question) return null;
  return {
    scenarioId: scenario.id,
    beat: index + 1,
    beatId,
    prompt: question.prompt,
    choice,
    correct: choice === question.answer,
    questions: beats.filter((b) => b.question !== undefined).length,
  };
}
