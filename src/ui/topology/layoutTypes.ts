// Shapes and sizes of the diagram's layout (see layout.ts), shared by the two halves that compute it.

import type { Point, Rect } from './geometry';

/** Canvases narrower than this stack the nodes vertically. */
export const NARROW_PX = 640;

export const CARD_LINE_PX = 20;
export const CARD_HEAD_PX = 40;
export const CARD_PAD_PX = 16;
export const HBA_W = 40;
export const HBA_H = 20;
export const PORT_H = 24;
export const CHIP_GAP = 8;
export const LANE_GAP = 7;
export const GUTTER_LANE_GAP = 9;
/** LUN card: its head row; its top padding makes room for the arrival chips on its edge. */
export const LUN_HEAD_PX = 34;
export const lunPadTop = (chipH: number): number => chipH / 2 + 6;

export interface LayoutInput {
  width: number;
  /** Nodes in display order, each with its path numbers (path P is zoned to array port P). */
  nodes: readonly { id: string; paths: readonly number[] }[];
  ports: readonly number[];
  links: readonly { id: string; a: string; b: string; network: number }[];
  /** Rows of facts in the tallest node card. */
  cardLines: number;
  /** Rows of facts in the LUN card. */
  lunLines: number;
  /** Lines of text in each arrival chip (1: the nexus only; 2: nexus and key or holder). */
  chipLines: 1 | 2;
}

export interface NodeBox extends Rect {
  id: string;
}

export interface HbaBox extends Rect {
  nexus: string;
  node: string;
  path: number;
}

export interface PathRoute {
  nexus: string;
  node: string;
  path: number;
  port: number;
  points: Point[];
  /** Arc-length fractions (0 at the HBA, 1 at the LUN) of the places on the route. */
  at: { hbaBreak: number; fabricIn: number; portBreak: number; port: number; lun: number };
  /** The part of the route that is this path's alone: its hit area. */
  own: Point[];
  /** Where the multipath state is written. */
  labelAt: Point & { anchor: 'start' | 'middle' | 'end' };
}

export interface PortBox extends Rect {
  port: number;
}

export interface ChipBox extends Rect {
  nexus: string;
}

export interface LinkRoute {
  id: string;
  a: string;
  b: string;
  network: number;
  from: Point;
  to: Point;
  control: Point;
  labelAt: Point;
  /** Long links that detour around a node write their label sideways in the gutter. */
  labelVertical: boolean;
}

export interface Layout {
  mode: 'row' | 'column';
  width: number;
  height: number;
  nodes: NodeBox[];
  hbas: HbaBox[];
  paths: PathRoute[];
  fabric: Rect;
  ports: PortBox[];
  array: Rect;
  lun: Rect;
  chips: ChipBox[];
  /** Chips too narrow for a whole key show its last digits. */
  compactChips: boolean;
  links: LinkRoute[];
  /** Keyboard order: arrow keys walk a row, Up/Down jump between rows. */
  focusRows: string[][];
  focusPoints: Record<string, Point>;
}

export const cardHeight = (lines: number): number => CARD_HEAD_PX + lines * CARD_LINE_PX + CARD_PAD_PX;
export const chipHeight = (lines: 1 | 2): number => (lines === 2 ? 36 : 24);
export const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

export interface Upper {
  nodes: NodeBox[];
  hbas: HbaBox[];
  /** Each path's route from its HBA to where it enters the fabric, and its hit area. */
  entry: Map<string, { points: Point[]; breakIndex: number; own: Point[]; labelAt: PathRoute['labelAt'] }>;
  /** Top of the fabric band. */
  fabricTop: number;
  links: LinkRoute[];
  margin: number;
}

export const nexusOf = (node: string, path: number) => `${node}.${path}`;

export function isSkip(order: readonly string[], a: string, b: string): boolean {
  return Math.abs(order.indexOf(a) - order.indexOf(b)) > 1;
}

export function networkOffset(network: number, networks: number): number {
  return network - 1 - (networks - 1) / 2;
}
