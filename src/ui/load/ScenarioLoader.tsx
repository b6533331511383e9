// Everything about opening a trainer's scenario file that is not the picker button: the drop
// overlay, the problem report, `?scenario=<url>` at start-up, and a polite status line.

import { lazy, Suspense, useEffect } from 'react';
import { pushNotice } from '../../store/useSimStore';
import { DropOverlay } from './DropOverlay';
import { useLoadStore } from './loadStore';
import './load.css';

const LoadReport = lazy(() => import('./LoadReport'));

/** The address is opened once per page load (StrictMode runs effects twice in development). */
let urlOpened = false;

export function ScenarioLoader() {
  const status = useLoadStore((s) => s.status);
  const hasReport = useLoadStore((s) => s.report !== null);
  useEffect(() => {
    if (urlOpened || !new URLSearchParams(window.location.search).has('scenario')) return;
    urlOpened = true;
    // Fetching code only for pages that ask for it.
    void import('./scenarioUrl').then(({ openScenarioUrl, scenarioParam }) => {
      const param = scenarioParam(window.location.search);
      if (param !== null) void openScenarioUrl(param, window.location.href);
    }, (error: unknown) => pushNotice('error', `Could not open the scenario address: ${error instanceof Error ? error.message : String(error)}. Reload the page.`));
  }, []);
  return (
    <>
      <DropOverlay />
      {hasReport && (
        <Suspense fallback={null}>
          <LoadReport />
        </Suspense>
      )}
      <div className="sr-only" role="status" aria-live="polite">
        {status}
      </div>
    </>
  );
}
