// The event log's filter toggles (aria-pressed) and its search box.

import type { TraceCategory } from '../../engine';
import { CategoryIcon, StarIcon } from './icons';
import { LOG_GROUPS, type LogGroup } from './logFilter';

interface Props {
  groups: Record<LogGroup, boolean>;
  notableOnly: boolean;
  query: string;
  onToggle: (group: LogGroup) => void;
  onNotableOnly: (on: boolean) => void;
  onQuery: (text: string) => void;
}

export function LogFilters({ groups, notableOnly, query, onToggle, onNotableOnly, onQuery }: Props) {
  return (
    <div className="log-filters">
      <div className="log-toggles" role="group" aria-label="Show event categories">
        {LOG_GROUPS.map((g) => (
          <button key={g.id} type="button" className="log-toggle" aria-pressed={groups[g.id]} onClick={() => onToggle(g.id)}>
            <CategoryIcon category={g.id as TraceCategory} size={14} />
            {g.label}
          </button>
        ))}
        <button type="button" className="log-toggle" aria-pressed={notableOnly} onClick={() => onNotableOnly(!notableOnly)}>
          <StarIcon size={12} />
          Notable only
        </button>
      </div>
      <label className="log-search">
        <span className="sr-only">Search events</span>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M10.4 10.4 L14 14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <input type="search" value={query} placeholder="Search events" onChange={(e) => onQuery(e.target.value)} />
      </label>
    </div>
  );
}
