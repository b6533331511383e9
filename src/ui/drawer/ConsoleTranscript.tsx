// What a node's console printed, as a terminal shows it: monospace, whitespace kept, newest last.

import { memo, useLayoutEffect, useRef } from 'react';
import { useSimStore } from '../../store/useSimStore';

export function ConsoleTranscript({ node }: { node: string }) {
  const history = useSimStore((s) => s.view?.nodes.find((n) => n.id === node)?.console.history);
  const screen = useRef<HTMLDivElement>(null);
  const last = history?.at(-1);
  const tail = `${history?.length ?? 0}:${last?.id}:${last?.output.length}`;
  useLayoutEffect(() => {
    const el = screen.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [tail]);
  return (
    <div className="console-screen" ref={screen} role="log" aria-label={`Output of node ${node}'s console`} tabIndex={0}>
      {!history?.length && <p className="console-empty">No commands yet.</p>}
      {history?.map((h) => (
        <Entry key={h.id} node={node} line={h.line} output={h.output} exit={h.done ? h.exit : null} />
      ))}
    </div>
  );
}

/** One command and its output; memoised, since the view is a fresh copy on every engine update. */
const Entry = memo(function Entry({ node, line, output, exit }: { node: string; line: string; output: string; exit: number | null }) {
  return (
    <div className="console-entry">
      <pre className="console-line">
        <span className="prompt">[root@{node} ~]# </span>
        {line}
      </pre>
      {output && <pre className="console-out">{output.replace(/\n+$/, '')}</pre>}
      {exit !== null && exit !== 0 && <p className="console-exit">exit status {exit}</p>}
    </div>
  );
});
