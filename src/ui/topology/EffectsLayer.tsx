// One-shot effects of notable events (fencing, resets, CONFLICT, a corrupting write, a reboot),
// drawn as small badges next to the element they concern. Keyed by cue id in AnimatePresence:
// each fades in once and out once, never blinking (see cueEffects.ts for the rate limit). Under
// reduced motion MotionConfig drops the slide; only the fade remains.

import { memo } from 'react';
import { AnimatePresence, m } from 'framer-motion';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/useSimStore';
import { pickEffects, type Effect } from './cueEffects';
import { textWidth, type Point } from './geometry';
import { Icon } from './icons';
import type { Layout } from './layout';

export const EffectsLayer = memo(function EffectsLayer({ layout }: { layout: Layout }) {
  const speed = useSimStore((s) => s.playback?.speed ?? 1);
  // Serialised with the age rounded, so the layer re-renders only while an effect fades, not
  // with every view.
  const list = useSimStore(useShallow((s) => (s.view ? pickEffects(s.view.cues, s.view.time, speed).map(serialise) : [])));
  return (
    <svg className="topo-over effects" width={layout.width} height={layout.height} aria-hidden="true">
      <AnimatePresence initial={false}>
        {list.map((json) => {
          const e = JSON.parse(json) as Effect;
          const at = anchorOf(e, layout);
          return at ? <EffectBadge key={e.key} effect={e} at={at} width={layout.width} /> : null;
        })}
      </AnimatePresence>
    </svg>
  );
});

const serialise = (e: Effect) => JSON.stringify({ ...e, age: Math.round(e.age * 40) / 40 });

/** Where an effect is drawn: over the top edge of a node card, below the LUN, above a chip. */
function anchorOf(e: Effect, layout: Layout): Point | null {
  const p = e.place;
  switch (p.kind) {
    case 'node': {
      const b = layout.nodes.find((n) => n.id === p.node);
      return b ? { x: b.x + b.w / 2, y: b.y - 2 } : null;
    }
    case 'lun':
      return { x: layout.lun.x + layout.lun.w / 2, y: layout.lun.y + layout.lun.h + 2 };
    case 'chip': {
      const c = layout.chips.find((x) => x.nexus === p.nexus);
      return c ? { x: c.x + c.w / 2, y: c.y - c.h / 2 - 16 } : null;
    }
    case 'hba': {
      const h = layout.hbas.find((x) => x.nexus === p.nexus);
      return h ? { x: h.x + h.w / 2, y: h.y + h.h + 30 } : null;
    }
  }
}

function EffectBadge({ effect, at, width }: { effect: Effect; at: Point; width: number }) {
  const w = textWidth(effect.text, 12) + 34;
  const h = 24;
  const x = Math.min(Math.max(at.x - w / 2, 4), width - w - 4);
  // Fades out over the last quarter of its life (virtual time), so scrubbing shows the same.
  const fade = Math.max(0, Math.min(1, (1 - effect.age) * 4));
  return (
    <g transform={`translate(${x} ${at.y - h / 2})`}>
      <m.g className={`effect ${effect.tone}`} initial={{ opacity: 0, y: 6 }} animate={{ opacity: 1, y: 0 }} exit={{ opacity: 0 }} transition={{ duration: 0.2 }}>
        <g opacity={fade}>
          <rect width={w} height={h} rx={h / 2} />
          <Icon name={effect.icon} size={14} x={8} y={(h - 14) / 2} />
          <text x={27} y={h / 2 + 4}>
            {effect.text}
          </text>
        </g>
      </m.g>
    </g>
  );
}
