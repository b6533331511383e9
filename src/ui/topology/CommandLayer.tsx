// SCSI commands on their paths: a request is an arrowhead with its name travelling HBA → LUN;
// the answer travels back with its status (icon and word); a lost command stops where its path
// broke and counts down to the initiator's timeout. Positions come from commandTimeline (view +
// virtual time); under reduced motion or while paused, commands are still markers at their real
// phase instead of travelling.

import { memo } from 'react';
import { useReducedMotion } from 'framer-motion';
import { useSimStore } from '../../store/useSimStore';
import { commandTimeline, lookbackMs, OUTCOME_TEXT, recentScsiEntries, visualTiming, type Outcome, type VisualCommand } from './commandTimeline';
import { pointAlong, type PointAlong, type Rect } from './geometry';
import { measureText } from './measureText';
import { placeLabels, type LabelRequest } from './labelPlacement';
import { Icon, type IconName } from './icons';
import type { Layout, PathRoute } from './layout';

const OUTCOME_ICON: Record<Outcome, IconName> = { GOOD: 'check', CONFLICT: 'noentry', UNIT_ATTENTION: 'alert', CHECK: 'alert', TIMEOUT: 'timer' };
const OUTCOME_TONE: Record<Outcome, string> = { GOOD: 'ok', CONFLICT: 'danger', UNIT_ATTENTION: 'warn', CHECK: 'warn', TIMEOUT: 'warn' };

export const CommandLayer = memo(function CommandLayer({ layout }: { layout: Layout }) {
  const reduced = useReducedMotion() ?? false;
  const speed = useSimStore((s) => s.playback?.speed ?? 1);
  const playing = useSimStore((s) => s.playback?.playing ?? false);
  const ioFailMs = useSimStore((s) => s.view?.params.ioFailMs ?? 5000);
  const now = useSimStore((s) => s.view?.time ?? 0);
  const timing = visualTiming(speed);
  // Read in render, not in a selector: the layer redraws with every view anyway (`now` moves), and
  // a selector's shallow compare of a few hundred entries ran on every store change for nothing.
  const trace = useSimStore((s) => s.trace);
  const entries = recentScsiEntries(trace, now, lookbackMs(timing, ioFailMs));
  const live = useSimStore((s) => s.view?.commands);
  const paths = useSimStore((s) => s.view?.paths);
  if (!live || !paths) return null;
  const mode = playing && !reduced ? 'travel' : 'still';
  const cmds = latestGoodOnly(commandTimeline({ now, entries, live, paths, timing, ioFailMs, mode }));
  const marks = cmds.flatMap((c) => {
    const route = layout.paths.find((p) => p.nexus === c.nexus);
    return route ? [markOf(c, placeOf(c, route, mode))] : [];
  });
  // Important tags claim their spots first; GOOD answers take what is left.
  const order = marks.map((_, i) => i).sort((i, j) => marks[i]!.priority - marks[j]!.priority || i - j);
  const obstacles = [
    ...layout.ports,
    ...layout.hbas,
    ...layout.chips.map((c) => ({ ...c, y: c.y - 2, h: c.h + 4 })),
    // The multipath state written beside each HBA's cable.
    ...layout.paths.map(({ labelAt: l }) => ({ x: l.anchor === 'end' ? l.x - 70 : l.anchor === 'middle' ? l.x - 35 : l.x, y: l.y - 11, w: 70, h: 14 })),
  ];
  const spots = placeLabels(
    order.map((i) => marks[i]!),
    layout.width,
    obstacles,
  );
  const spotOf = new Map(order.map((i, k) => [i, spots[k]!]));
  return (
    // An image to assistive technology: the ladder and the event log carry the same facts as text.
    <svg className="topo-over commands" width={layout.width} height={layout.height} role="img" aria-label="SCSI commands on the paths">
      {marks.map((m, i) => (
        <CommandMarker key={m.key} m={m} label={spotOf.get(i)!} />
      ))}
    </svg>
  );
});

/** Several GOOD answers landing on one path say the same thing: keep the newest. */
function latestGoodOnly(cmds: VisualCommand[]): VisualCommand[] {
  const newest = new Map<string, VisualCommand>();
  for (const c of cmds) {
    if (c.stage !== 'done' || c.outcome !== 'GOOD') continue;
    const seen = newest.get(c.nexus);
    if (!seen || c.age < seen.age) newest.set(c.nexus, c);
  }
  return cmds.filter((c) => c.stage !== 'done' || c.outcome !== 'GOOD' || newest.get(c.nexus) === c);
}

interface Mark extends LabelRequest {
  at: PointAlong;
  key: string;
  stage: VisualCommand['stage'];
  tone: string;
  text: string;
  icon: IconName | null;
  opacity: number;
  priority: number;
}

function markOf(c: VisualCommand, at: PointAlong): Mark {
  const answer = c.stage === 'back' || c.stage === 'done' || (c.stage === 'lost' && c.outcome !== null);
  const outcome = c.stage === 'done' && c.outcome === null ? 'GOOD' : c.outcome;
  const timer = c.stage === 'lost' && c.timeoutIn !== null ? `${(c.timeoutIn / 1000).toFixed(1)} s` : null;
  let text = c.short;
  if (answer && outcome) text = outcome === 'GOOD' ? OUTCOME_TEXT.GOOD : `${OUTCOME_TEXT[outcome]} · ${c.short}`;
  else if (c.stage === 'lun') text = `${c.short} · at LUN`;
  if (timer) text = `${text} · ${timer}`;
  const icon: IconName | null = timer ? 'timer' : answer && outcome ? OUTCOME_ICON[outcome] : null;
  const tone = answer && outcome ? OUTCOME_TONE[outcome] : c.stage === 'lost' ? 'warn' : 'request';
  const priority = tone === 'ok' ? 2 : tone === 'request' ? 1 : 0;
  return {
    key: c.key,
    stage: c.stage,
    at,
    // The text at the tag's own size and weight (topology.css: 11px, 700), plus its padding and icon.
    w: measureText(text, 11, 700) + (icon ? 31 : 14),
    h: 20,
    vertical: Math.abs(at.dy) > Math.abs(at.dx),
    tone,
    text,
    icon,
    opacity: c.stage === 'done' ? Math.max(0, Math.min(1, (1 - c.age) * 2.5)) : 1,
    priority,
  };
}

/** Where a command is drawn on its route. */
export function placeOf(c: VisualCommand, route: PathRoute, mode: 'travel' | 'still'): PointAlong {
  const stop = c.stopAt === 'hba' ? route.at.hbaBreak : c.stopAt === 'port' ? route.at.portBreak : route.at.lun;
  let f: number;
  switch (c.stage) {
    case 'out':
      f = mode === 'travel' ? (c.progress ?? 0) : still(route);
      break;
    case 'lun':
      f = 1;
      break;
    case 'back':
      f = mode === 'travel' ? 1 - (c.progress ?? 0) : still(route);
      break;
    case 'lost':
      // It stops just before the break, on the side it came from.
      f = c.dir === 'out' ? Math.min(mode === 'travel' ? (c.progress ?? 1) : 1, stop - 0.03) : Math.max(mode === 'travel' ? 1 - (c.progress ?? 1) : 0, stop + 0.03);
      break;
    case 'done':
      f = c.outcome === 'TIMEOUT' && c.stopAt ? stop + (c.dir === 'out' ? -0.03 : 0.03) : 0.02;
      break;
  }
  const p = pointAlong(route.points, Math.min(Math.max(f, 0), 1));
  // Arrowheads point the way the command goes: back towards the node for answers.
  return c.dir === 'back' ? { ...p, dx: -p.dx, dy: -p.dy } : p;
}

/** Still markers sit on the path's own cable, where they can't be confused with another path. */
const still = (route: PathRoute) => route.at.hbaBreak * 0.8;

function CommandMarker({ m, label }: { m: Mark; label: Rect }) {
  const { at } = m;
  const angle = (Math.atan2(at.dy, at.dx) * 180) / Math.PI;
  return (
    <g className={`cmd ${m.tone} stage-${m.stage}`} opacity={m.opacity}>
      {m.stage === 'done' ? (
        <circle className="cmd-head" cx={at.x} cy={at.y} r={4.5} />
      ) : (
        <g transform={`translate(${at.x} ${at.y}) rotate(${angle})`}>
          <path className="cmd-head" d="M 8 0 L -7 -7.5 L -3.5 0 L -7 7.5 Z" />
        </g>
      )}
      <g className="cmd-label" transform={`translate(${label.x} ${label.y})`}>
        <rect width={m.w} height={m.h} rx={m.h / 2} />
        {m.icon && <Icon name={m.icon} size={13} x={7} y={(m.h - 13) / 2} />}
        <text x={m.icon ? 24 : 7} y={m.h / 2 + 4}>
          {m.text}
        </text>
      </g>
    </g>
  );
}
