import type { NodeView } from '../../engine';

/** One word for a node's condition, from its view and its machines' tags (never state paths). */
export function nodeStateWord(n: Pick<NodeView, 'power' | 'fenced' | 'standalone' | 'tags'>): string {
  if (n.power !== 'up') return n.power;
  // Powered off by a fence device, or cut off the storage (fence_scsi: its key was preempted).
  if (n.fenced || n.tags.includes('fenced')) return 'fenced';
  return n.standalone ? 'standalone' : 'up';
}
