import { describe, expect, it } from 'vitest';
import { newAnswers, questionAnswerFor } from './answers';
import { loadFullCatalog } from './scenarioCatalog';

const catalog = await loadFullCatalog();

describe('answers from the guided player', () => {
  it('finds answers given or changed, and nothing else', () => {
    const prev = { intro: { 'the-lun': 1 } };
    const next = { intro: { 'the-lun': 1, registered: 0 }, s1: { 'owner-a': 2 } };
    expect(newAnswers(prev, next)).toEqual([
      { scenarioId: 'intro', beatId: 'registered', choice: 0 },
      { scenarioId: 's1', beatId: 'owner-a', choice: 2 },
    ]);
    expect(newAnswers(next, next)).toEqual([]);
    expect(newAnswers(next, { ...next, intro: { 'the-lun': 2, registered: 0 } })).toEqual([{ scenarioId: 'intro', beatId: 'the-lun', choice: 2 }]);
  });

  it("reports the beat's question with right or wrong and the number of questions", () => {
    const intro = catalog.find('intro-lun-paths-keys')!;
    const beat = (intro.beats as { id: string; question?: { prompt: string; answer: number } }[])[1]!;
    const right = questionAnswerFor(intro, beat.id, beat.question!.answer);
    expect(right).toEqual({ scenarioId: intro.id, beat: 2, beatId: beat.id, prompt: beat.question!.prompt, choice: beat.question!.answer, correct: true, questions: 3 });
    expect(questionAnswerFor(intro, beat.id, beat.question!.answer + 1)?.correct).toBe(false);
  });

  it('reports nothing for a beat without a question or an unknown beat', () => {
    const intro = catalog.find('intro-lun-paths-keys')!;
    expect(questionAnswerFor(intro, 'reserved', 0)).toBeNull();
    expect(questionAnswerFor(intro, 'no-such-beat', 0)).toBeNull();
  });
});
