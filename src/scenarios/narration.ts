// Narration markup: a small, safe language, parsed to plain data and rendered by React as text.
// It is never injected as HTML.
//
//   *emphasis*      `code`      [[glossary term]]      [[glossary term|shown words]]
//   a blank line starts a new paragraph

import { GLOSSARY } from './glossary';

export type Inline = { type: 'text'; text: string } | { type: 'em'; text: string } | { type: 'code'; text: string } | { type: 'term'; term: string; text: string };

export type Narration = Inline[][];

export type NarrationResult = { ok: true; narration: Narration } | { ok: false; error: string };

const HTML_TAG = /<\s*\/?\s*[a-zA-Z!]/;

export function parseNarration(source: string): NarrationResult {
  if (typeof source !== 'string') return { ok: false, error: 'narration must be a string' };
  const tag = HTML_TAG.exec(source);
  if (tag) {
    const shown = /^<[^>]{0,30}>?/.exec(source.slice(tag.index))![0];
    return { ok: false, error: `narration may not contain HTML (found "${shown}"); use *emphasis*, \`code\` and [[glossary terms]] instead` };
  }
  const paragraphs: Narration = [];
  for (const para of source.split(/\n\s*\n/)) {
    const text = para.replace(/\s*\n\s*/g, ' ').trim();
    if (!text) continue;
    const parsed = parseInline(text);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    paragraphs.push(parsed);
  }
  return { ok: true, narration: paragraphs };
}

function parseInline(text: string): Inline[] | string {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) return `unclosed \`code\` starting at "${text.slice(i, i + 20)}"; close it with a backtick`;
      flush();
      out.push({ type: 'code', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '*') {
      const end = text.indexOf('*', i + 1);
      if (end < 0) return `unclosed *emphasis* starting at "${text.slice(i, i + 20)}"; close it with *`;
      flush();
      out.push({ type: 'em', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (text.startsWith('[[', i)) {
      const end = text.indexOf(']]', i + 2);
      if (end < 0) return `unclosed [[term]] starting at "${text.slice(i, i + 20)}"; close it with ]]`;
      const [term, label] = text.slice(i + 2, end).split('|');
      const key = Object.keys(GLOSSARY).find((k) => k.toLowerCase() === term!.trim().toLowerCase());
      if (!key) return `[[${term}]] is not a glossary term; use one of: ${Object.keys(GLOSSARY).join(', ')}`;
      flush();
      out.push({ type: 'term', term: key, text: (label ?? term!).trim() });
      i = end + 2;
    } else {
      plain += c;
      i += 1;
    }
  }
  flush();
  return out;
}

/** The narration as plain text (for the live region and for search). */
export function narrationText(n: Narration): string {
  return n.map((p) => p.map((x) => x.text).join('')).join('\n\n');
}
