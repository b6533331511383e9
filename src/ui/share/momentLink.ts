// Where "Copy link to this moment" gets its link. The deep-link code lives in src/embed/, which
// nothing in ui/ may import; main.tsx hands its builder over here at startup instead.

let build: (() => string) | null = null;

/** main.tsx: `provideMomentLink(embed.linkToNow)` (a hash such as `#/s/<id>?t=…&inputs=…`). */
export function provideMomentLink(builder: () => string): void {
  build = builder;
}

/** The full address of the moment on screen: this page with the moment's hash; '' before the first view. */
export function momentLink(href: string): string {
  const hash = build?.() ?? '';
  if (!hash) return '';
  const hashAt = href.indexOf('#');
  return (hashAt < 0 ? href : href.slice(0, hashAt)) + hash;
}
