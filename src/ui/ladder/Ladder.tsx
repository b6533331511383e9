// The ladder: SCSI commands between initiator ports and the LUN over the last seconds of virtual
// time, scrolling with playback, with a "now" line; heartbeats between nodes on request; and a
// table twin with the same rows.

import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLagged } from '../../store/useLagged';
import { useElementSize } from '../common/useElementSize';
import { nodeSlot } from '../lun/nodeColors';
import { buildLanes, layoutRows } from './ladderLayout';
import { buildLadderRows, ladderWindow } from './ladderRows';
import { LadderDiagram, TIME_W } from './LadderDiagram';
import { LadderTable } from './LadderTable';
import '../lun/nodeColors.css';
import './ladder.css';

/** Virtual time shown, and the most rows drawn (the newest). */
export const WINDOW_MS = 15_000;
export const MAX_ROWS = 80;
/**
 * While playing, the diagram scrolls by itself and its 460 px show about 20 rows: drawing only the
 * newest PLAYING_ROWS keeps each redraw small. Pausing draws all MAX_ROWS again.
 */
export const PLAYING_ROWS = 28;

export function Ladder() {
  const view = useLagged((s) => s.view);
  const trace = useLagged((s) => s.trace);
  // Lagged like the rows: the switch to fewer rows at Play takes a frame of its own.
  const playing = useLagged((s) => s.playback?.playing ?? false);
  const [heartbeats, setHeartbeats] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const markerId = `ladder-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const now = view?.time ?? 0;
  const step = view?.step ?? 0;
  const from = Math.max(0, now - WINDOW_MS);
  const inflight = view?.inflight;
  const nodes = view?.nodes;
  const nodeIds = useMemo(() => nodes?.map((n) => n.id) ?? [], [nodes]);
  const peers = useMemo(() => Object.fromEntries((nodes ?? []).map((n) => [n.id, n.peers.map((p) => p.id)])), [nodes]);
  const maxRows = playing ? PLAYING_ROWS : MAX_ROWS;
  const rows = useMemo(
    () => buildLadderRows(ladderWindow(trace, step, from, now), { heartbeats, inflight, peers }).slice(-maxRows),
    [trace, step, from, now, heartbeats, inflight, peers, maxRows],
  );
  const lanes = useMemo(() => buildLanes(view?.paths ?? [], nodeIds, heartbeats, `LUN ${view?.luns[0]?.lun ?? 0}`), [view?.paths, nodeIds, heartbeats, view?.luns]);
  const layout = useMemo(() => layoutRows(rows, now, 24), [rows, now]);
  const laneX = useMemo(() => {
    const inner = Math.max(0, width - TIME_W);
    return new Map(lanes.map((l, i) => [l.id, Math.round(TIME_W + (i + 0.5) * (inner / Math.max(1, lanes.length)))]));
  }, [lanes, width]);

  // "now" is the bottom of the diagram; the scroller is column-reverse, so it stays in view by
  // itself while playing. After a step or seek while paused, bring it back if scrolled away.
  useLayoutEffect(() => {
    if (!playing && scroller.current) scroller.current.scrollTop = 0; // the bottom, in column-reverse
  }, [step, playing]);

  return (
    <section className="panel ladder" aria-label="Ladder">
      <div className="ladder-head">
        <h2>Ladder</h2>
        <span className="ladder-window">last {WINDOW_MS / 1000} s of virtual time</span>
        <button type="button" className="ladder-toggle" aria-pressed={heartbeats} onClick={() => setHeartbeats((on) => !on)}>
          <span aria-hidden="true">♥</span> Heartbeats
        </button>
      </div>
      <div className="ladder-body" ref={box}>
        {width > 0 && (
          <>
            <div className="ladder-lanes" aria-hidden="true" style={{ height: 30 }}>
              {lanes.map((l) => (
                <span key={l.id} className={`ladder-lane-label lane-${l.kind} ${l.node ? `node-c${nodeSlot(nodeIds, l.node)}` : ''}`} style={{ left: laneX.get(l.id) }}>
                  {l.kind === 'node' ? `${l.label} ♥` : l.label}
                </span>
              ))}
            </div>
            <div
              className="ladder-scroll"
              ref={scroller}
              tabIndex={0}
              role="img"
              aria-label={`Ladder diagram of the last ${WINDOW_MS / 1000} s: ${rows.length} messages. The table below has the same rows.`}
            >
              {/* Keyed like the event log's list: Play and Pause swap the diagram whole. */}
              <LadderDiagram key={playing ? 'playing' : 'paused'} lanes={lanes} laneX={laneX} rows={rows} layout={layout} width={width} now={now} step={step} nodeIds={nodeIds} markerId={markerId} />
            </div>
          </>
        )}
        {rows.length === 0 && <p className="ladder-empty">No SCSI commands in the last {WINDOW_MS / 1000} s.</p>}
      </div>
      <LadderTable rows={rows} lanes={lanes} from={from} step={step} />
    </section>
  );
}
