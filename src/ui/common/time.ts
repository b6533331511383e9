// Virtual time for people.

/** "12.3 s": one decimal, for labels where milliseconds would be noise. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
