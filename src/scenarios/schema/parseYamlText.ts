// Parses a scenario file written in YAML into the same plain data JSON.parse gives, so the one
// validator checks both. A syntax error comes back like parseJsonText's: line, column, what is
// wrong and what to do. The `yaml` package (eemeli/yaml) does the parsing; YAML 1.2 core schema,
// so `yes`/`no` stay text and dates stay text, as they would in JSON.

import { parseDocument, type YAMLError } from 'yaml';
import type { JsonTextResult } from './parseJsonText';

/** Aliases (`*name`) can multiply a small file into a huge value; a scenario needs few. */
const MAX_ALIAS_COUNT = 100;

export function parseYamlText(text: string): JsonTextResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') {
    return { ok: false, line: 1, column: 1, message: 'the file is empty; write the scenario as YAML fields, one per line: "id: my-scenario", "title: …", "mode: scsi3", "nodes: [A, B]"' };
  }
  // Errors are collected on the document; logLevel error keeps warnings off the console (silent
  // would also drop the error for a second document).
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  const first = doc.errors[0];
  if (first) return { ok: false, ...position(first), message: explain(first, source) };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (e) {
    // toJS throws for an alias without its anchor and for too many aliases; neither has a position.
    const detail = e instanceof Error ? e.message : String(e);
    const alias = /alias[^:]*:\s*(\S+)\s*$/i.exec(detail)?.[1];
    const at = alias === undefined ? -1 : source.indexOf(`*${alias}`);
    const where = at < 0 ? { line: 1, column: 1 } : lineAndColumn(source, at);
    const message = alias !== undefined
      ? `the alias *${alias} names no anchor before it; define the value first with &${alias}, or write the value out instead of *${alias}`
      : `${lowerFirst(detail)}; write the values out instead of repeating them with aliases (*name)`;
    return { ok: false, ...where, message };
  }
}

function position(error: YAMLError): { line: number; column: number } {
  const start = error.linePos?.[0];
  return start ? { line: start.line, column: start.col } : { line: 1, column: 1 };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The parser's words without its position and excerpt (we give those), and a fix. */
function explain(error: YAMLError, source: string): string {
  const what = lowerFirst(error.message.split(/ at line \d+, column \d+/)[0]!.split('\n')[0]!.trim());
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(source.slice(error.pos[0]))?.[1]?.replace(/^["']|["']$/g, '');
    return key ? `the field "${key}" appears twice in the same object; keep one of them` : `${what}; each field may appear once in an object, so remove or rename one`;
  }
  if (/followed by map values/.test(what)) return `${what}; write the field as "name: value", with a colon and a space after the name`;
  return `${what}; ${HINTS[error.code] ?? DEFAULT_HINT}`;
}

const DEFAULT_HINT = 'check the indentation (spaces only, fields of one object in the same column) and that each field is written "name: value"';

const HINTS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'indent the fields of one object by the same number of spaces, and close a [ list with ] and a { object with }',
  MISSING_CHAR: 'add the missing character',
  MULTILINE_IMPLICIT_KEY: 'write each field as "name: value" on one line, with a colon and a space after the name (or the line above is not closed)',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation: list items ("- ") line up with each other, and a value that contains ": " must be in quotes',
  UNEXPECTED_TOKEN: 'check the quotes and punctuation here: in single quotes write a quote as two (\'\'), or use double quotes',
  BLOCK_IN_FLOW: 'inside [ ] or { } separate the items with commas',
  MULTIPLE_DOCS: 'a scenario file holds one document: remove the "---" line and what follows, or put the other scenario in its own file',
  BAD_ALIAS: 'define the value first with &name, or write the value out',
  DUPLICATE_KEY: 'each field may appear once in an object',
  BAD_SCALAR_START: 'put the value in quotes',
};
