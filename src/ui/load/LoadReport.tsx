// The report of a scenario file that could not be opened: every problem, in the words
// `lab check --simulate FILE` prints after "FILE: ", as plain text (never HTML). A modal <dialog>:
// focus moves into it, Escape or Close dismisses it and focus returns where it was; the
// simulation behind it keeps the scenario it was running. Mounted (lazily) only while there is a
// report, so it costs the initial bundle nothing.

import { useEffect, useId, useRef } from 'react';
import { useSimStore } from '../../store/useSimStore';
import { dismissLoadReport, useLoadStore } from './loadStore';
import { playScenario } from './openScenarioText';

export default function LoadReport() {
  const report = useLoadStore((s) => s.report);
  const running = useSimStore((s) => s.view?.title);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const opener = document.activeElement;
    if (!d.open) d.showModal();
    // showModal focuses the first button ("Play it anyway"); the safe default is Close.
    close.current?.focus();
    return () => {
      if (d.open) d.close();
      // The dialog leaves the page when dismissed; give focus back to what opened it.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const count = report?.problems.length ?? 0;
  const storyOnly = report?.scenario !== undefined;
  return (
    <dialog ref={dialog} className="load-report" aria-labelledby={titleId} onClose={dismissLoadReport}>
      {report && (
        <>
          <h2 id={titleId}>
            <span aria-hidden="true">⚠ </span>
            Could not open <span className="file-name">{report.fileName}</span>
          </h2>
          <p className="load-report-lead">
            {storyOnly
              ? `The file is a valid scenario, but its story does not play as written: ${count === 1 ? 'one problem' : `${count} problems`}.`
              : `${count === 1 ? 'One problem' : `${count} problems`}, as lab check lists them.`}{' '}
            {running ? `The lab keeps running “${running}”.` : ''}
          </p>
          <ol className="load-problems">
            {report.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
          <p className="load-report-hint">
            Fix the file and open it again. On the command line, <code>npm run --silent lab -- check --simulate {report.fileName}</code> prints the same list.
          </p>
          <div className="load-report-actions">
            {report.scenario && (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  playScenario(report.scenario!);
                  dismissLoadReport();
                }}
              >
                Play it anyway
              </button>
            )}
            <button ref={close} type="button" className="btn primary" onClick={dismissLoadReport}>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
