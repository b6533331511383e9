// Formatting shared by panels.

/** Virtual milliseconds as seconds with millisecond precision, e.g. "12.345 s". */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** A short relative age, e.g. "0.4 s ago". */
export function formatAge(ms: number): string {
  if (ms < 0) return 'just now';
  return `${(ms / 1000).toFixed(1)} s ago`;
}

export function formatSpeed(speed: number): string {
  return speed === 1 ? '1× (real time)' : `${speed}×`;
}
