// Renders narration markup (src/scenarios/narration.ts) as React text — never as HTML. Glossary
// terms are buttons that open their definition.

import { useState } from 'react';
import { GLOSSARY } from '../../scenarios/glossary';
import { parseNarration, type Inline } from '../../scenarios/narration';

function Term({ term, text }: { term: string; text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="term-wrap">
      <button type="button" className="term" aria-expanded={open} onClick={() => setOpen((o) => !o)} title={`What is ${term}?`}>
        {text}
      </button>
      {open && (
        <span className="term-def" role="note">
          <strong>{term}:</strong> {GLOSSARY[term]}
        </span>
      )}
    </span>
  );
}

function InlineNode({ x }: { x: Inline }) {
  switch (x.type) {
    case 'em':
      return <em>{x.text}</em>;
    case 'code':
      return <code>{x.text}</code>;
    case 'term':
      return <Term term={x.term} text={x.text} />;
    default:
      return <>{x.text}</>;
  }
}

export function Narration({ source }: { source: string }) {
  const parsed = parseNarration(source);
  if (!parsed.ok) return <p className="narration-error">This narration could not be shown: {parsed.error}</p>;
  return (
    <div className="narration">
      {parsed.narration.map((para, i) => (
        <p key={i}>
          {para.map((x, j) => (
            <InlineNode key={j} x={x} />
          ))}
        </p>
      ))}
    </div>
  );
}
