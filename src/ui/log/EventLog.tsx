// The event log: the trace up to the current playback step, filtered by category and search,
// newest last. One page of at most PAGE_SIZE rows is rendered however long the trace is (a
// shorter page while playing); it follows playback unless the learner paged back. A row seeks
// there; "Why?" explains it.

import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TraceEntry } from '../../engine';
import { engine } from '../../store/engine';
import { useSimStore } from '../../store/useSimStore';
import { useLagged } from '../../store/useLagged';
import { DEFAULT_FILTER, logPage, newerAnchor, olderAnchor, type LogFilter, type LogGroup } from './logFilter';
import { LogFilters } from './LogFilters';
import { LogRow } from './LogRow';
import { causalChain } from './traceLookup';
import { WhyDialog, type WhyTarget } from './WhyDialog';
import './log.css';

/** Rows rendered at most (one page). */
export const PAGE_SIZE = 200;
/**
 * While playing, rows scroll past faster than anyone reads them and only the newest seven fit the
 * 400 px list: a short page keeps each redraw small (at 8× every redraw replaces the whole page,
 * and 40 new rows cost ~50 ms of style, layout and paint on a slow laptop). Pausing brings the
 * full page back.
 */
export const PLAYING_PAGE_SIZE = 12;

const seek = (e: TraceEntry) => engine.seekStep(e.step);

export function EventLog() {
  const trace = useLagged((s) => s.trace, 2);
  const step = useLagged((s) => s.playback?.step ?? 0, 2);
  // Lagged like the rows: the switch to the short page at Play costs a frame of its own (unmounting
  // ~190 rows), not the frame that starts the diagram moving.
  const playing = useLagged((s) => s.playback?.playing ?? false, 2);

  const [groups, setGroups] = useState(DEFAULT_FILTER.groups);
  const [notableOnly, setNotableOnly] = useState(false);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  /** Id of the newest entry of the page shown, or null to follow playback. */
  const [anchor, setAnchor] = useState<number | null>(null);
  const [why, setWhy] = useState<WhyTarget | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const filter: LogFilter = useMemo(() => ({ groups, notableOnly, query: deferredQuery.trim().toLowerCase() }), [groups, notableOnly, deferredQuery]);
  const pageSize = playing ? PLAYING_PAGE_SIZE : PAGE_SIZE;
  const page = useMemo(() => logPage(trace, step, filter, pageSize, anchor), [trace, step, filter, pageSize, anchor]);
  const currentId = anchor === null ? [...page.rows].reverse().find((e) => e.step === step)?.id : undefined;

  // Follow playback: rows end at the current step, so "now" is the bottom of the list. The
  // scroller is a column-reverse flex box, which keeps its bottom in view by itself (no reading
  // scrollHeight every frame, which forced a layout of the whole page). After a step or a seek
  // while paused, bring the bottom back into view in case the learner had scrolled up.
  useLayoutEffect(() => {
    const list = scrollRef.current;
    if (list && anchor === null && !playing) list.scrollTop = 0; // 0 is the bottom in column-reverse
  }, [step, playing, anchor]);

  const changeFilter = (f: () => void) => {
    f();
    setAnchor(null);
  };
  const onWhy = useCallback((entry: TraceEntry, from: HTMLElement) => {
    opener.current = from;
    setWhy({ entry, chain: causalChain(useSimStore.getState().trace, entry) });
  }, []);
  const onCloseWhy = () => {
    setWhy(null);
    const back = opener.current;
    // The opener is gone when a seek trimmed its row away: land on the log's heading instead.
    requestAnimationFrame(() => (back?.isConnected ? back.focus() : headingRef.current?.focus()));
  };

  const hidden = (Object.keys(groups) as LogGroup[]).filter((g) => !groups[g]);
  return (
    <section className="panel event-log" aria-label="Event log">
      <h2 ref={headingRef} tabIndex={-1}>
        Event log
      </h2>
      <LogFilters
        groups={groups}
        notableOnly={notableOnly}
        query={query}
        onToggle={(g: LogGroup) => changeFilter(() => setGroups((cur) => ({ ...cur, [g]: !cur[g] })))}
        onNotableOnly={(on) => changeFilter(() => setNotableOnly(on))}
        onQuery={(text) => changeFilter(() => setQuery(text))}
      />
      <p className="log-count">
        {page.total === 0
          ? 'No events match.'
          : `${page.rows.length === page.total ? page.total.toLocaleString('en') : `${page.rows.length} of ${page.total.toLocaleString('en')}`} event${page.total === 1 ? '' : 's'}`}
        {hidden.length > 0 && ` · hidden: ${hidden.join(', ')}`}
      </p>
      {page.older > 0 && (
        <button type="button" className="log-page" onClick={() => setAnchor(olderAnchor(page))}>
          ↑ Show older events ({page.older.toLocaleString('en')} more)
        </button>
      )}
      <div className="log-scroll" ref={scrollRef}>
        {/* Keyed by the page kind: Play and Pause swap the whole list with one DOM removal instead
            of removing ~190 rows one by one (a long task at Play on a slow machine). */}
        <ol key={playing ? 'playing' : 'paused'} className="log-list" aria-label="Events, oldest first">
          {page.rows.map((e) => (
            <LogRow key={e.id} entry={e} current={e.id === currentId} onSeek={seek} onWhy={onWhy} />
          ))}
        </ol>
      </div>
      {anchor !== null && (
        <div className="log-paging">
          <button type="button" className="log-page" onClick={() => setAnchor(newerAnchor(trace, step, filter, pageSize, anchor))}>
            ↓ Show newer events ({page.newer.toLocaleString('en')} more)
          </button>
          <button type="button" className="log-page" onClick={() => setAnchor(null)}>
            ⤓ Back to now
          </button>
        </div>
      )}
      {why && <WhyDialog why={why} currentStep={step} onClose={onCloseWhy} onSeek={seek} />}
    </section>
  );
}
