// Tells the embedding page how tall our content is, so the iframe can follow it and the learner
// never gets a second scroll bar. Two ways, both throttled:
// - the embed API's `resize` event ({ height }), for hosts using our API or docs/embedding.md's snippet;
// - the H5P resizer protocol, for pages that already load h5p-resizer.js (Moodle, WordPress):
//   we say `hello`; the parent answers `hello`; on every change we send `prepareResize`
//   { scrollHeight, clientHeight }; the parent answers `resizePrepared`; we send `resize`
//   { scrollHeight } (and `height`, which older resizers read). A parent `resize` (its window
//   changed) or `ready` (the resizer loaded after us) starts it again.
// Everything outside (the parent, timers, measuring, ResizeObserver) is handed in.

import type { MessageEventLike, PostTarget } from './api';

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ResizeReporterOptions {
  parent: PostTarget | null;
  /** The API's resize event: api.emit('resize', { height }). */
  emitResize(height: number): void;
  /** Content height now (CSS px); see measureContent. */
  measure(): number;
  /** Calls `onChange` whenever the content may have changed size; returns a stop function. */
  observe(onChange: () => void): () => void;
  timers: Timers;
  /** At most one report per this many ms (the last change is always reported). */
  throttleMs?: number;
  /** Speak the H5P resizer protocol too (default true: its messages carry nothing but heights). */
  h5p?: boolean;
}

export interface ResizeReporter {
  /** Feed the window's `message` events here; true when it was an H5P resizer message for us. */
  handleMessage(event: MessageEventLike): boolean;
  /** Reports the height now, if it changed. */
  report(): void;
  dispose(): void;
}

export const DEFAULT_THROTTLE_MS = 100;
/** A runaway layout (content growing with the frame) stops here instead of growing forever. */
export const MAX_REPORTED_HEIGHT = 20_000;

type H5pAction = 'hello' | 'ready' | 'prepareResize' | 'resizePrepared' | 'resize';

export function createResizeReporter(options: ResizeReporterOptions): ResizeReporter {
  const { parent, timers } = options;
  const throttleMs = options.throttleMs ?? DEFAULT_THROTTLE_MS;
  const h5p = options.h5p ?? true;
  let lastHeight = -1;
  let lastSent = -Infinity;
  let pending: unknown = null;
  let h5pFriendly = false;
  let disposed = false;

  const height = () => Math.min(MAX_REPORTED_HEIGHT, Math.max(0, Math.ceil(options.measure())));

  function h5pSend(action: H5pAction, data: Record<string, number> = {}): void {
    try {
      // h5p-resizer.js posts and listens with "*" and checks the frame by its window; heights only.
      parent?.postMessage({ context: 'h5p', action, ...data }, '*');
    } catch {
      // detached parent
    }
  }

  function send(force: boolean): void {
    const h = height();
    // Nothing rendered yet: a 0 would collapse the frame before the first paint.
    if (h === 0 || (!force && h === lastHeight)) return;
    lastHeight = h;
    lastSent = timers.now();
    options.emitResize(h);
    if (h5p && h5pFriendly) h5pSend('prepareResize', { scrollHeight: h, clientHeight: h });
  }

  function schedule(): void {
    if (disposed || pending !== null) return;
    const wait = Math.max(0, lastSent + throttleMs - timers.now());
    pending = timers.setTimeout(() => {
      pending = null;
      if (!disposed) send(false);
    }, wait);
  }

  const stop = options.observe(schedule);
  if (h5p) h5pSend('hello');
  schedule();

  return {
    handleMessage(event) {
      if (disposed || !h5p || parent === null || event.source !== parent) return false;
      const data = event.data as { context?: unknown; action?: unknown } | null;
      if (typeof data !== 'object' || data === null || data.context !== 'h5p') return false;
      switch (data.action) {
        case 'ready':
          h5pSend('hello');
          return true;
        case 'hello':
          h5pFriendly = true;
          send(true);
          return true;
        case 'resizePrepared': {
          const h = height();
          h5pSend('resize', { scrollHeight: h, height: h });
          return true;
        }
        case 'resize':
          if (h5pFriendly) send(true);
          return true;
        default:
          return false;
      }
    },
    report: () => send(false),
    dispose() {
      disposed = true;
      stop();
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}

/**
 * The content's natural height: the body's, which in embed mode is not stretched to the frame
 * (embed.css lifts the page's min-height: 100vh, or the frame could only ever grow).
 */
export function measureContent(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const style = doc.defaultView?.getComputedStyle(body);
  const margins = style ? parseFloat(style.marginTop) + parseFloat(style.marginBottom) : 0;
  return body.getBoundingClientRect().height + (Number.isFinite(margins) ? margins : 0);
}
