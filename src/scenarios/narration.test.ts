import { describe, expect, it } from 'vitest';
import { narrationText, parseNarration } from './narration';

describe('narration markup', () => {
  it('parses emphasis, code, glossary terms and paragraphs into plain data', () => {
    const r = parseNarration('B is *fenced*: run `sg_persist -k`.\n\nSee [[WERO]] and [[I_T nexus|paths]].');
    expect(r).toEqual({
      ok: true,
      narration: [
        [
          { type: 'text', text: 'B is ' },
          { type: 'em', text: 'fenced' },
          { type: 'text', text: ': run ' },
          { type: 'code', text: 'sg_persist -k' },
          { type: 'text', text: '.' },
        ],
        [
          { type: 'text', text: 'See ' },
          { type: 'term', term: 'WERO', text: 'WERO' },
          { type: 'text', text: ' and ' },
          { type: 'term', term: 'I_T nexus', text: 'paths' },
          { type: 'text', text: '.' },
        ],
      ],
    });
    if (r.ok) expect(narrationText(r.narration)).toBe('B is fenced: run sg_persist -k.\n\nSee WERO and paths.');
  });

  it('refuses HTML, naming what it found', () => {
    expect(parseNarration('Hello <script>alert(1)</script>')).toEqual({
      ok: false,
      error: 'narration may not contain HTML (found "<script>"); use *emphasis*, `code` and [[glossary terms]] instead',
    });
    expect(parseNarration('<img src=x onerror=alert(1)>').ok).toBe(false);
  });

  it('refuses unknown glossary terms and unclosed markup', () => {
    const r = parseNarration('See [[flux capacitor]].');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^\[\[flux capacitor\]\] is not a glossary term; use one of: LUN, /);
    expect(parseNarration('an *open emphasis')).toEqual({ ok: false, error: 'unclosed *emphasis* starting at "*open emphasis"; close it with *' });
  });

  it('allows comparisons like a < b that are not tags', () => {
    expect(parseNarration('when 3 s < 7 s the defender wins').ok).toBe(true);
  });
});
