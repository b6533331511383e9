// Each node (and so each writer and each initiator port) gets one of a few palette slots
// (nodeColors.css, light and dark). Colour is never the only cue: the node's letter goes with it.

export const NODE_COLOR_SLOTS = 5;

/** Palette slot of a node: its position among the scenario's nodes, else a stable hash. */
export function nodeSlot(nodeIds: readonly string[], id: string): number {
  const i = nodeIds.indexOf(id);
  if (i >= 0) return i % NODE_COLOR_SLOTS;
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % NODE_COLOR_SLOTS;
}
