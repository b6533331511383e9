// The event queue: a binary min-heap ordered by (time, seq). `seq` is a counter taken when an
// event is scheduled, so two events at the same virtual millisecond always run in the order they
// were scheduled — the order never depends on the heap's internals.
//
// Queued events are never mutated once pushed, so a checkpoint copies the heap array with
// `slice()` and shares the event objects.

import type { SimMs } from './model/ids';

export interface Queued {
  time: SimMs;
  seq: number;
}

function before(a: Queued, b: Queued): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export function pushEvent<T extends Queued>(heap: T[], event: T): void {
  heap.push(event);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

export function peekEvent<T extends Queued>(heap: readonly T[]): T | undefined {
  return heap[0];
}

export function popEvent<T extends Queued>(heap: T[]): T | undefined {
  const top = heap[0];
  if (top === undefined) return undefined;
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
  return top;
}
