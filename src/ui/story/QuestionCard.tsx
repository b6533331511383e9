// Predict-then-reveal: the learner picks an answer before the simulation shows what happens;
// the explanation appears after answering, with right/wrong said in words and an icon.
// A click (or Space on a choice) answers. The arrow keys only move between choices, so a
// keyboard user can reach the third choice without answering with the second on the way; Space
// or Enter then answers. Answering moves focus to the explanation (the choices are disabled).

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { BeatQuestion } from '../../engine';
import { Narration } from './Narration';

interface Props {
  question: BeatQuestion;
  answer: number | undefined;
  onAnswer: (choice: number) => void;
}

export function QuestionCard({ question, answer, onAnswer }: Props) {
  const id = useId();
  const answered = answer !== undefined;
  const right = answered && answer === question.answer;
  // The choice the arrow keys moved to, not yet answered.
  const [pending, setPending] = useState<number | undefined>(undefined);
  const arrowed = useRef(false);
  const focusReveal = useRef(false);
  const reveal = useRef<HTMLDivElement>(null);
  const fieldset = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (answered && focusReveal.current) {
      focusReveal.current = false;
      reveal.current?.focus();
    }
  }, [answered]);

  const commit = (choice: number) => {
    focusReveal.current = fieldset.current?.contains(document.activeElement) ?? false;
    onAnswer(choice);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    if (answered) return;
    if (e.key.startsWith('Arrow')) arrowed.current = true;
    else if ((e.key === ' ' || e.key === 'Enter') && pending !== undefined && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      commit(pending);
    }
  };

  return (
    <fieldset ref={fieldset} className="question" aria-describedby={answered ? `${id}-result` : `${id}-hint`} onKeyDown={onKeyDown} onKeyUp={() => (arrowed.current = false)}>
      <legend>
        Predict: <Narration source={question.prompt} />
      </legend>
      {!answered && (
        <p id={`${id}-hint`} className="question-hint">
          Click an answer, or move with the arrow keys and press Space.
        </p>
      )}
      {question.choices.map((choice, i) => (
        <label key={i} className={`choice ${answered && i === question.answer ? 'right' : ''} ${answered && i === answer && !right ? 'wrong' : ''}`}>
          <input
            type="radio"
            name={id}
            checked={answered ? answer === i : pending === i}
            disabled={answered}
            onChange={() => {
              if (arrowed.current) setPending(i);
              else commit(i);
            }}
          />
          <span>{choice}</span>
          {answered && i === question.answer && <span className="mark"> ✓ correct answer</span>}
          {answered && i === answer && !right && <span className="mark"> ✗ your answer</span>}
        </label>
      ))}
      {answered && (
        <div ref={reveal} tabIndex={-1} id={`${id}-result`} className={`reveal ${right ? 'right' : 'wrong'}`} role="status">
          <strong>{right ? '✓ Right.' : '✗ Not quite.'}</strong> <Narration source={question.explanation} />
        </div>
      )}
    </fieldset>
  );
}
