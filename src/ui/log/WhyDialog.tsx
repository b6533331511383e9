// "Why?": the rule that fired, the state before and after, and the causal chain back to the root
// cause, each link a button that seeks there. A modal <dialog>: Escape closes it, focus stays
// inside while it is open and goes back to the "Why?" button afterwards (EventLog does that).
// It keeps the entries it was opened with, so seeking back past them (which trims the trace
// mirror) does not empty it.

import { useEffect, useId, useRef } from 'react';
import type { TraceEntry } from '../../engine';
import { formatTime } from '../format';
import { CategoryIcon } from './icons';
import { CATEGORY_NAME } from './LogRow';
import { StatusBadge } from './StatusBadge';
import { diffState, stateOf } from './stateDiff';
import { entryStatus, withoutStatus } from './status';
import type { CausalChain } from './traceLookup';

export interface WhyTarget {
  entry: TraceEntry;
  chain: CausalChain;
}

interface Props {
  why: WhyTarget;
  currentStep: number;
  onClose: () => void;
  onSeek: (entry: TraceEntry) => void;
}

export function WhyDialog({ why, currentStep, onClose, onSeek }: Props) {
  const { entry, chain } = why;
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    closeRef.current?.focus();
  }, []);

  const close = () => ref.current?.close();
  const { before, after } = stateOf(entry.data);
  const state = diffState(before, after);

  return (
    <dialog
      ref={ref}
      className="why-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) close(); // a click on the backdrop
      }}
    >
      <div className="why-inner">
        <header className="why-head">
          <h2 id={titleId}>
            Why? <span className="why-subject">{entry.summary}</span>
          </h2>
          <button ref={closeRef} type="button" className="why-close" onClick={close}>
            <span aria-hidden="true">✕</span> Close
          </button>
        </header>
        <dl className="why-facts">
          <dt>Time</dt>
          <dd>{formatTime(entry.t)}</dd>
          <dt>Event</dt>
          <dd>
            <code>{entry.kind}</code> (event {entry.step})
          </dd>
          {entry.node && (
            <>
              <dt>Node</dt>
              <dd>{entry.node}</dd>
            </>
          )}
        </dl>

        <section aria-labelledby={`${titleId}-rule`}>
          <h3 id={`${titleId}-rule`}>The rule that fired</h3>
          {entry.rule ? <p className="why-rule">{entry.rule}</p> : <p className="why-none">No rule is recorded for this entry: it reports an event (a timer, a message, an answer) rather than a decision. Its causes are below.</p>}
        </section>

        {state.length > 0 && (
          <section aria-labelledby={`${titleId}-state`}>
            <h3 id={`${titleId}-state`}>State before and after</h3>
            <table className="why-state">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {state.map((r) => (
                  <tr key={r.field} className={r.changed ? 'is-changed' : undefined}>
                    <th scope="row">{r.field}</th>
                    <td>{r.before ?? '—'}</td>
                    <td>
                      {r.after ?? '—'}
                      {r.changed && <span className="why-changed">changed</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        <section aria-labelledby={`${titleId}-chain`}>
          <h3 id={`${titleId}-chain`}>How it came about</h3>
          {chain.cutShort && <p className="why-none">Earlier causes are no longer in the log (it keeps the latest entries only).</p>}
          <ol className="why-chain">
            {chain.links.map((e, i) => {
              const word = entryStatus(e);
              const here = e.step === currentStep;
              return (
                <li key={e.id} className={e.id === entry.id ? 'is-self' : undefined}>
                  <button type="button" className="why-link" onClick={() => onSeek(e)} aria-current={here ? 'step' : undefined}>
                    <span className="why-link-meta">
                      <CategoryIcon category={e.category} size={14} />
                      <span className="sr-only">Go to </span>
                      {formatTime(e.t)}
                      <span className="sr-only">, </span>
                      <span className="why-link-kind">{CATEGORY_NAME[e.category]}</span>
                      {i === 0 && !chain.cutShort && chain.links.length > 1 && <span className="why-chip root">root cause</span>}
                      {e.id === entry.id && <span className="why-chip">this event</span>}
                      {here && <span className="why-chip here">you are here</span>}
                    </span>
                    <span className="why-link-summary">
                      {withoutStatus(e.summary, word)} {word && <StatusBadge word={word} />}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </dialog>
  );
}
