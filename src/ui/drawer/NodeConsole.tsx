// A node's console: type a real tool's command line, read what it printed. Commands run inside the
// simulation (their SCSI requests travel the node's paths in virtual time); the engine runs the
// clock on until the command has printed, so it answers like a terminal even while paused. Mount
// it with key={node} so switching nodes starts a fresh command line.

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engine } from '../../store/engine';
import { useSimStore } from '../../store/useSimStore';
import { ConsoleTranscript } from './ConsoleTranscript';

const SUGGESTIONS = ['sg_persist -k /dev/sdb', 'help'];

export function NodeConsole({ node }: { node: string }) {
  const uid = useId();
  const [line, setLine] = useState('');
  /** Position in the recalled lines while pressing ↑/↓; null while typing a new line. */
  const [recallAt, setRecallAt] = useState<number | null>(null);
  const draft = useRef('');
  const input = useRef<HTMLInputElement>(null);
  const recall = useSimStore(useShallow((s) => s.consoleRecall[node] ?? []));
  const busy = useSimStore((s) => s.view?.nodes.find((n) => n.id === node)?.console.busy ?? false);
  const error = useSimStore((s) => (s.inputError?.source === `console:${node}` ? s.inputError.text : null));

  const submit = () => {
    engine.console(node, line);
    setLine('');
    setRecallAt(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    if (recall.length === 0) return;
    e.preventDefault();
    if (recallAt === null) draft.current = line;
    const from = recallAt ?? recall.length;
    const to = e.key === 'ArrowUp' ? Math.max(0, from - 1) : from + 1;
    if (to >= recall.length) {
      setRecallAt(null);
      setLine(draft.current);
    } else {
      setRecallAt(to);
      setLine(recall[to]!);
    }
  };

  return (
    <section className="console" aria-label={`Console for node ${node}`}>
      <h3>Console</h3>
      <ConsoleTranscript node={node} />
      {busy && (
        <p className="console-busy" role="status">
          <span className="spinner" aria-hidden="true" />
          Running… its SCSI commands travel the paths in simulated time.
        </p>
      )}
      <form
        className="console-input"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <span className="prompt" aria-hidden="true">
          {node}#
        </span>
        <input
          ref={input}
          id={`${uid}-line`}
          aria-label={`Command for node ${node}`}
          aria-describedby={`${uid}-help${error ? ` ${uid}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={line}
          onChange={(e) => {
            setLine(e.target.value);
            setRecallAt(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="btn">
          Run
        </button>
      </form>
      <p className="console-help" id={`${uid}-help`}>
        try:{' '}
        {SUGGESTIONS.map((s, i) => (
          <span key={s}>
            {i > 0 && ' · '}
            <button
              type="button"
              className="link-btn mono"
              title={`Put “${s}” on the command line`}
              onClick={() => {
                setLine(s);
                input.current?.focus();
              }}
            >
              {s}
            </button>
          </span>
        ))}
        <span className="hint"> · ↑/↓ recall earlier lines</span>
      </p>
      {error && (
        <p className="console-error" id={`${uid}-error`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </section>
  );
}
