// Faults are registered descriptors (CONVENTIONS.md 5): one registry read by scenarios, the
// CLI, the fault palette, menus and keyboard shortcuts.

import type { TraceId } from '../model/ids';
import type { SimView } from '../model/view';
import type { World } from '../model/world';
import type { RunContext } from '../sim/context';

/** Where a fault applies. Field names match the scenario format's fault targets. */
export interface FaultTarget {
  node?: string;
  path?: number;
  groups?: string[][];
  between?: [string, string];
  to?: string;
  network?: number;
}

export type FaultTargetKind = 'node' | 'link' | 'groups' | 'path' | 'port' | 'lun' | 'none';

export interface FaultDescriptor {
  id: string;
  /** Menu label, e.g. "Cut heartbeat link". Also the accessible name of menu items. */
  label: string;
  /** One sentence on what it does in a real cluster. */
  description: string;
  target: FaultTargetKind;
  /** The targets this fault applies to right now, each with a label for menus. */
  targets(view: SimView): { target: FaultTarget; label: string }[];
  /** Null when `target` is valid in `world`, else a message naming what is wrong and what to do. */
  validate(world: World, target: FaultTarget): string | null;
  /** Applies the fault; `cause` is the trace entry of the fault itself. */
  apply(ctx: RunContext, target: FaultTarget, cause: TraceId): void;
  /** Summary line for the trace. */
  describe(target: FaultTarget): string;
}
