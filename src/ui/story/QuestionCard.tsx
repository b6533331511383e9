// Predict-then-reveal: the learner picks an answer before the simulation shows what happens;
// the explanation appears after answering, with right/wrong said in words and an icon.

import { useId } from 'react';
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
  return (
    <fieldset className="question" aria-describedby={answered ? `${id}-result` : undefined}>
      <legend>
        Predict: <Narration source={question.prompt} />
      </legend>
      {question.choices.map((choice, i) => (
        <label key={i} className={`choice ${answered && i === question.answer ? 'right' : ''} ${answered && i === answer && !right ? 'wrong' : ''}`}>
          <input type="radio" name={id} checked={answer === i} disabled={answered} onChange={() => onAnswer(i)} />
          <span>{choice}</span>
          {answered && i === question.answer && <span className="mark"> ✓ correct answer</span>}
          {answered && i === answer && !right && <span className="mark"> ✗ your answer</span>}
        </label>
      ))}
      {answered && (
        <div id={`${id}-result`} className={`reveal ${right ? 'right' : 'wrong'}`} role="status">
          <strong>{right ? '✓ Right.' : '✗ Not quite.'}</strong> <Narration source={question.explanation} />
        </div>
      )}
    </fieldset>
  );
}
