// The guided player: beat outline, narration, the question card, Next/Previous beat, "Try it
// yourself", and a summary at the end. Beats come from the scenario; where the story stands comes
// from the engine host (playback.story).

import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { beatsOf, builtinScenario } from '../../scenarios';
import { engine } from '../../store/engine';
import { useSimStore } from '../../store/useSimStore';
import { Narration } from './Narration';
import { QuestionCard } from './QuestionCard';
import { answerQuestion, setFreePlay, useStoryStore } from './storyStore';
import './story.css';

export function StoryPanel() {
  const scenarioId = useSimStore((s) => s.view?.scenarioId);
  // A new object with every view (30 a second while playing): compare its fields, not its identity.
  const story = useSimStore(useShallow((s) => s.playback?.story));
  const answers = useStoryStore((s) => (scenarioId ? s.answers[scenarioId] : undefined));
  const freePlay = useStoryStore((s) => s.freePlay);
  // The scenario as loaded (a lesson, a file opened in src/ui/load/, a deep link), else the built-in.
  const loaded = useSimStore((s) => (scenarioId ? s.scenarios[scenarioId]?.scenario : undefined));
  const scenario = loaded ?? (scenarioId ? builtinScenario(scenarioId) : undefined);
  const beats = useMemo(() => (scenario ? beatsOf(scenario) : []), [scenario]);
  // The buttons a keyboard user pressed are replaced (Ready → beat 1, free play and back) or
  // disabled (the last beat); focus then goes to the same button again, else to the heading,
  // instead of falling to the page's start.
  const refocus = useRef<'next' | 'prev' | 'heading' | null>(null);
  const panel = useRef<HTMLElement>(null);
  const beatAt = story?.current;
  const waiting = story?.waitingForLearner;
  // A lesson just started from the lessons screen: its title takes focus (the card that had it is gone).
  const focusOnStart = useStoryStore((s) => s.focusOnStart);
  useEffect(() => {
    if (!focusOnStart || !panel.current) return;
    panel.current.querySelector<HTMLElement>('h2')?.focus();
    useStoryStore.setState({ focusOnStart: false });
  }, [focusOnStart, scenarioId, beatAt]);
  useEffect(() => {
    const want = refocus.current;
    if (!want || !panel.current) return;
    refocus.current = null;
    const button = want === 'heading' ? null : panel.current.querySelector<HTMLButtonElement>(`button[data-beat-nav="${want}"]`);
    if (button && !button.disabled) button.focus();
    else panel.current.querySelector<HTMLElement>('h2')?.focus();
  }, [beatAt, freePlay, waiting]);
  if (!scenarioId || !story || story.count === 0 || beats.length === 0) return null;

  const current = Math.max(0, story.current);
  const beat = beats[current]!;
  const next = beats[current + 1];
  const atEnd = story.current === beats.length - 1;
  const questions = beats.filter((b) => b.question);
  const right = questions.filter((b) => answers?.[b.id] === b.question!.answer).length;

  const go = (button: 'next' | 'prev', to: () => void) => {
    refocus.current = button;
    to();
  };
  const backToStory = () => {
    refocus.current = 'next';
    setFreePlay(false);
    // Whatever the learner injected in free play is dropped: the authored run is reloaded (same
    // scenario, same seed) and replayed exactly to this beat.
    engine.reset();
    engine.gotoBeat(current);
  };

  if (freePlay) {
    return (
      <section ref={panel} className="panel story" aria-label="Story">
        <h2 tabIndex={-1}>Free play</h2>
        <div className="body">
          <p>You are experimenting from beat {current + 1}: inject faults, type commands, scrub. The story waits for you.</p>
          <button type="button" className="btn primary" onClick={backToStory}>
            Back to the story
          </button>
        </div>
      </section>
    );
  }

  if (story.current < 0) {
    // Before the first beat: what the lesson is about, and a button to begin.
    return (
      <section ref={panel} className="panel story" aria-label="Story">
        <h2 tabIndex={-1}>Ready: {scenario?.title ?? 'lesson'}</h2>
        <div className="body">
          <p>{scenario?.summary}</p>
          <p>
            {beats.length} beats. Press <strong>Next beat</strong> to begin; the simulation runs to each beat and pauses there.
          </p>
          <div className="story-controls">
            <button type="button" className="btn primary" data-beat-nav="next" onClick={() => go('next', () => engine.nextBeat())}>
              Next beat
            </button>
          </div>
        </div>
      </section>
    );
  }

  return (
    <section ref={panel} className="panel story" aria-label="Story">
      <h2 tabIndex={-1}>
        Beat {current + 1} of {beats.length}: {beat.title}
      </h2>
      <div className="body">
        <progress className="story-progress" max={beats.length} value={current + 1} aria-label={`Beat ${current + 1} of ${beats.length}`} />
        <div aria-live="polite" className="story-narration">
          <Narration source={beat.narration} />
        </div>
        {beat.question && <QuestionCard key={beat.id} question={beat.question} answer={answers?.[beat.id]} onAnswer={(c) => answerQuestion(scenarioId, beat.id, c)} />}
        {story.waitingForLearner && next && (
          <p className="story-wait" role="status">
            <strong>Your turn:</strong> {next.when?.console ? <>type a command in node {next.when.console.node}'s console{next.demo?.[0]?.type === 'console' ? <> — e.g. <code>{next.demo[0].line}</code></> : null}</> : <>inject the fault “{next.when?.fault}”</>}.
          </p>
        )}
        <div className="story-controls">
          <button type="button" className="btn" data-beat-nav="prev" onClick={() => go('prev', () => engine.prevBeat())} disabled={current === 0}>
            Previous beat
          </button>
          <button type="button" className="btn primary" data-beat-nav="next" onClick={() => go('next', () => engine.nextBeat())} disabled={atEnd || story.waitingForLearner}>
            Next beat
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              refocus.current = 'heading';
              setFreePlay(true);
            }}
          >
            Try it yourself
          </button>
        </div>
        <details className="story-outline">
          <summary>Outline</summary>
          <ol>
            {beats.map((b, i) => (
              <li key={b.id} aria-current={i === current ? 'step' : undefined}>
                {i <= story.current ? (
                  <button type="button" className="linklike" onClick={() => engine.gotoBeat(i)}>
                    {i < current ? '✓ ' : ''}
                    {b.title}
                  </button>
                ) : (
                  <span className="future">{b.title}</span>
                )}
              </li>
            ))}
          </ol>
        </details>
        {atEnd && (
          <div className="story-summary" role="status">
            <h3>Summary</h3>
            {questions.length > 0 && (
              <p>
                You answered {right} of {questions.length} question{questions.length === 1 ? '' : 's'} right.
              </p>
            )}
            <p>What this lesson showed:</p>
            <ul>
              {beats.map((b) => (
                <li key={b.id}>{b.title}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
