// "Copy link to this moment": copies a deep link that reopens the scenario, seed, the learner's
// injected faults and the time on screen, and shows the link in a field too (a frame or a
// browser may refuse clipboard access; the learner can still select it and copy by hand).

import { useEffect, useRef, useState } from 'react';
import { momentLink } from './momentLink';
import './share.css';

export function CopyLinkButton() {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (link) field.current?.select();
  }, [link]);

  const copy = () => {
    const url = momentLink(window.location.href);
    setLink(url);
    setCopied(null);
    if (!url) return;
    if (!navigator.clipboard) return setCopied(false);
    navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="copy-link" onKeyDown={(e) => e.key === 'Escape' && setLink(null)}>
      {/* The name says what the link is; the visible words stay short for a crowded title bar (its start, for voice control). */}
      <button type="button" className="btn" onClick={copy} aria-label="Copy link to this moment" title="Copy a link that reopens exactly what is on screen now">
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M6.5 9.5 9.5 6.5M7 4.5l1.3-1.3a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.3 1.3a2.5 2.5 0 0 1-3.5-3.5L5.5 8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <span className="btn-text">Copy link</span>
      </button>
      {link !== null && (
        <div className="copy-link-box">
          {link ? (
            <>
              <label>
                <span>Link to this moment</span>
                <input ref={field} type="text" readOnly value={link} />
              </label>
              <p role="status">{copied === null ? '' : copied ? 'Copied to the clipboard.' : 'Select the link and copy it (the browser did not allow copying).'}</p>
            </>
          ) : (
            <p role="status">Nothing to link to yet: wait for the simulation to start.</p>
          )}
          <button type="button" className="btn" onClick={() => setLink(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
