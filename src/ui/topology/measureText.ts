// The width a label really takes in the page's font, so a pill around it fits its text. The
// character-class estimate (textWidth) is the fallback where there is no canvas (unit tests).

import { textWidth } from './geometry';

let context: CanvasRenderingContext2D | null | undefined;
/**
 * The page's font family, read once: getComputedStyle inside a render that follows DOM changes
 * forces a style recalculation of the whole page, and labels are measured with every view.
 */
let family: string | undefined;
const cache = new Map<string, number>();

function canvasContext(): CanvasRenderingContext2D | null {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}

/** Width in px of `text` at `size` px and `weight`, in the document's own font family. */
export function measureText(text: string, size: number, weight = 400): number {
  const key = `${weight} ${size} ${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const ctx = canvasContext();
  let w: number;
  if (ctx) {
    family ??= getComputedStyle(document.body).fontFamily || 'sans-serif';
    ctx.font = `${weight} ${size}px ${family}`;
    w = Math.ceil(ctx.measureText(text).width);
  } else {
    // Bold capitals run about 10 % wider than the estimate's regular weight.
    w = Math.ceil(textWidth(text, size) * (weight >= 600 ? 1.1 : 1));
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, w);
  return w;
}
