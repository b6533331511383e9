// Which line of history is showing. A fault injected in the past forks a branch; the authored run
// stays one click away.

import { useShallow } from 'zustand/react/shallow';
import { engine } from '../../store/engine';
import { useSimStore } from '../../store/useSimStore';
import { seconds } from '../common/time';

export function BranchIndicator() {
  const branch = useSimStore((s) => s.playback?.branch ?? 0);
  const branches = useSimStore(useShallow((s) => (s.playback?.branches ?? []).map((b) => `${b.id}:${b.forkTime}`)));
  if (branches.length < 2) return null;
  const forks = branches.map((b) => {
    const [id, t] = b.split(':').map(Number) as [number, number];
    return { id, label: id === 0 ? 'authored run' : `fork ${id} at ${seconds(t)}` };
  });
  const here = forks.find((f) => f.id === branch);
  return (
    <div className="branch" role="group" aria-label="Branch">
      <span className={`branch-chip ${branch === 0 ? '' : 'forked'}`}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M5 2v12M5 8c0-3 6-2 6-6M11 2v0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        Branch: {here?.label ?? `#${branch}`}
      </span>
      {branch !== 0 && (
        <button type="button" className="btn" onClick={() => engine.switchBranch(0)}>
          Back to authored run
        </button>
      )}
      {forks.length > 2 || branch === 0 ? (
        <label className="field">
          <span className="sr-only">Switch branch</span>
          <select value={branch} onChange={(e) => engine.switchBranch(Number(e.target.value))}>
            {forks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
