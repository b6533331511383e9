import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from './schema/parseJsonText';

describe('parseJsonText', () => {
  it('parses valid JSON, also with a byte order mark', () => {
    expect(parseJsonText('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each<[string, string, number, number, string]>([
    ['a missing comma between properties', '{\n  "id": "x"\n  "mode": "scsi3"\n}', 3, 3, "expected ',' between two properties; add a comma at the end of the previous line"],
    ['a trailing comma in an object', '{\n  "id": "x",\n}', 2, 12, "a trailing comma before '}' is not allowed in JSON; remove the comma"],
    ['a trailing comma in an array', '{"nodes": ["A", "B",]}', 1, 20, "a trailing comma before ']' is not allowed in JSON; remove the comma"],
    ['a missing comma in an array', '["A" "B"]', 1, 6, "expected ',' between two array items; add a comma"],
    ['a comment', '{\n  // the id\n  "id": "x"\n}', 2, 3, 'comments are not allowed in JSON; remove the comment'],
    ['single quotes', "{'id': 'x'}", 1, 2, "property names need double quotes in JSON, not single quotes; replace ' with \""],
    ['a single-quoted value', "{\"id\": 'x'}", 1, 8, "strings need double quotes in JSON, not single quotes; replace ' with \""],
    ['an unquoted name', '{id: "x"}', 1, 2, 'property names need double quotes in JSON; write "name": value'],
    ['a bare word', '{"mode": scsi3}', 1, 10, 'expected a value but found the bare word scsi3; put text in double quotes, like "scsi3"'],
    ['True in capitals', '{"aptpl": True}', 1, 11, 'JSON writes true in lower case; replace True with true'],
    ['NaN', '{"seed": NaN}', 1, 10, 'JSON has no NaN; use a number, or null, or remove the field'],
    ['an unclosed string', '{"id": "x}', 1, 8, 'this string is never closed; add the closing double quote'],
    ['a line break in a string', '{"title": "a\nb"}', 1, 13, 'a string cannot continue onto the next line; close it with a double quote, or write the line break as \\n'],
    ['a bad escape', '{"title": "a\\qb"}', 1, 13, '"\\\\q" is not a JSON escape; write a backslash as \\\\'],
    ['a leading zero', '{"seed": 07}', 1, 10, 'numbers cannot start with 0 in JSON; remove the leading zero'],
    ['a missing brace at the end', '{\n  "id": "x"\n', 3, 1, "the file ends inside an object; add the missing '}'"],
    ['a missing bracket at the end', '{"nodes": ["A"', 1, 15, "the file ends inside an array; add the missing ']'"],
    ['an empty file', '  \n', 2, 1, 'the file is empty; write the scenario as a JSON object { … }'],
    ['text after the value', '{"id": "x"} {"id": "y"}', 1, 13, 'unexpected "{" after the end of the JSON value; remove it, or wrap everything in one object'],
    ['a missing colon', '{"id" "x"}', 1, 7, "expected ':' after the property name but found \"\\\"\""],
  ])('%s', (_name, text, line, column, message) => {
    expect(parseJsonText(text)).toEqual({ ok: false, line, column, message });
  });

  it('agrees with JSON.parse on what is valid, and never throws', () => {
    const almostJson = fc.oneof(
      fc.json(),
      fc.json().map((t) => t.slice(0, Math.max(0, t.length - 1))),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom(',', '}', ']', '"', "'", ':', '//', ' ', 'x')).map(([t, i, s]) => t.slice(0, i % (t.length + 1)) + s + t.slice(i % (t.length + 1))),
    );
    fc.assert(
      fc.property(almostJson, (text) => {
        let native = true;
        try {
          JSON.parse(text);
        } catch {
          native = false;
        }
        const result = parseJsonText(text);
        expect(result.ok).toBe(native);
        if (!result.ok) {
          expect(result.line).toBeGreaterThanOrEqual(1);
          expect(result.column).toBeGreaterThanOrEqual(1);
          expect(result.message).not.toBe('');
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
