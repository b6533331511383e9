// A rack server, the glyph of a cluster node. A crashed node gets a cross over it, so the state
// does not rest on colour.

export function ServerIcon({ crashed }: { crashed: boolean }) {
  return (
    <svg className="server" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="22" height="9" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect x="3" y="15" width="22" height="9" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="20" cy="7.5" r="1.5" fill="currentColor" />
      <circle cx="20" cy="19.5" r="1.5" fill="currentColor" />
      {crashed && <path d="M5 5 L23 23 M23 5 L5 23" stroke="var(--danger)" strokeWidth="3" strokeLinecap="round" />}
    </svg>
  );
}
