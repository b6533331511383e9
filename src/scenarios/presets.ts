// Free-play scenarios built from the setup picker: a protection mode, the product whose behaviour
// the cluster copies (its personality), a topology preset and, for HA-LVM, whether STONITH is on.
// Pure: the same choice always gives the same scenario, with the real products' default timings
// (defaultParams), so the picker, tests and the CLI can share it.

import type { NodeId, SimMs } from '../engine/model/ids';
import { defaultParams, type Mode, type Personality, type Scenario } from '../engine/model/scenario';

export interface ModeInfo {
  id: Mode;
  label: string;
}

export const MODES: readonly ModeInfo[] = [
  { id: 'none', label: 'No reservation' },
  { id: 'scsi2', label: 'SCSI-2 RESERVE/RELEASE' },
  { id: 'scsi3', label: 'SCSI-3 persistent reservations' },
];

export interface PersonalityInfo {
  id: Personality;
  mode: Mode;
  /** The product, as a learner knows it. */
  label: string;
}

/** Which products each mode teaches; the first of a mode is its default. */
export const PERSONALITIES: readonly PersonalityInfo[] = [
  { id: 'ha-lvm', mode: 'none', label: 'HA-LVM (Pacemaker)' },
  { id: 'mscs-2003', mode: 'scsi2', label: 'MSCS (Windows Server 2003)' },
  { id: 'fence-scsi', mode: 'scsi3', label: 'Pacemaker fence_scsi' },
  { id: 'wsfc-2008', mode: 'scsi3', label: 'WSFC (Windows Server 2008+)' },
];

export type PresetId = '2x2' | '3x1' | '3x2' | 'mp-2x4';

export interface TopologyPreset {
  id: PresetId;
  label: string;
  nodes: readonly NodeId[];
  pathsPerNode: number;
}

export const PRESETS: readonly TopologyPreset[] = [
  { id: '2x2', label: '2 nodes × 2 paths', nodes: ['A', 'B'] as NodeId[], pathsPerNode: 2 },
  { id: '3x1', label: '3 nodes × 1 path', nodes: ['A', 'B', 'C'] as NodeId[], pathsPerNode: 1 },
  { id: '3x2', label: '3 nodes × 2 paths', nodes: ['A', 'B', 'C'] as NodeId[], pathsPerNode: 2 },
  { id: 'mp-2x4', label: 'multipath (2 nodes × 4 paths)', nodes: ['A', 'B'] as NodeId[], pathsPerNode: 4 },
];

export interface PresetChoice {
  mode: Mode;
  personality: Personality;
  preset: PresetId;
  /** Pacemaker stonith-enabled; only HA-LVM offers turning it off (the others fence by design). */
  fencing: boolean;
}

/** Free play runs long enough to try several faults in a row. */
export const PRESET_DURATION_MS = 300_000 as SimMs;
export const PRESET_SEED = 1;

export function personalitiesFor(mode: Mode): PersonalityInfo[] {
  return PERSONALITIES.filter((p) => p.mode === mode);
}

export function defaultChoice(mode: Mode = 'scsi3'): PresetChoice {
  return { mode, personality: personalitiesFor(mode)[0]!.id, preset: '2x2', fencing: true };
}

/** The preset with this many nodes and paths per node, if there is one. */
export function presetFor(nodeCount: number, pathsPerNode: number): PresetId | null {
  return PRESETS.find((p) => p.nodes.length === nodeCount && p.pathsPerNode === pathsPerNode)?.id ?? null;
}

/** Fencing can be switched off only where the product lets an admin do it (HA-LVM). */
export const fencingIsOptional = (personality: Personality): boolean => personality === 'ha-lvm';

/** `free-fence-scsi-2x2`, `free-ha-lvm-nofence-3x1`, ... */
export function presetScenarioId(choice: PresetChoice): string {
  const fencing = fencingIsOptional(choice.personality) && !choice.fencing ? '-nofence' : '';
  return `free-${choice.personality}${fencing}-${choice.preset}`;
}

/** Builds the scenario for a picker choice. Throws, naming the field, on a choice that cannot be run. */
export function presetScenario(choice: PresetChoice): Scenario {
  const personality = PERSONALITIES.find((p) => p.id === choice.personality);
  if (!personality) {
    throw new Error(`personality "${choice.personality}" is unknown; use one of ${PERSONALITIES.map((p) => p.id).join(', ')}`);
  }
  if (personality.mode !== choice.mode) {
    const fits = personalitiesFor(choice.mode).map((p) => p.id);
    throw new Error(`personality "${choice.personality}" runs in mode "${personality.mode}", not "${choice.mode}"; with mode "${choice.mode}" use ${fits.join(' or ')}`);
  }
  const preset = PRESETS.find((p) => p.id === choice.preset);
  if (!preset) throw new Error(`preset "${choice.preset}" is unknown; use one of ${PRESETS.map((p) => p.id).join(', ')}`);
  const nodes = [...preset.nodes];
  const fencing = fencingIsOptional(choice.personality) ? choice.fencing : true;
  const title = `${personality.label} · ${preset.label}${fencing ? '' : ' · fencing off'}`;
  return {
    id: presetScenarioId({ ...choice, fencing }),
    title,
    summary: `Free play: ${MODES.find((m) => m.id === choice.mode)!.label.toLowerCase()} with ${personality.label}, ${preset.label}${fencing ? '' : ', STONITH disabled'}. Inject faults and watch what protects the LUN.`,
    mode: choice.mode,
    personality: choice.personality,
    nodes,
    pathsPerNode: preset.pathsPerNode,
    seed: PRESET_SEED,
    params: { ...defaultParams(choice.personality, nodes), fencing },
    faults: [],
    duration: PRESET_DURATION_MS,
  };
}
