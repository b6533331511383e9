// Parses a scenario file's text. When it is not valid JSON, the error gives the line and column
// and says what to do. JSON.parse's own messages differ between engines and Node versions and
// often give no position, so a small scanner finds the first error itself.

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

export function parseJsonText(text: string): JsonTextResult {
  // Editors on Windows may save a byte order mark; JSON.parse rejects it but it is harmless.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (e) {
    const problem = findProblem(source);
    if (problem) return { ok: false, ...lineAndColumn(source, problem.offset), message: problem.message };
    return { ok: false, line: 1, column: 1, message: e instanceof Error ? e.message : 'the text is not valid JSON' };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** The first syntax error in `text`, or undefined if the scanner finds none. */
function findProblem(text: string): SyntaxProblem | undefined {
  try {
    const scanner = new Scanner(text);
    scanner.document();
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxProblem) return e;
    return undefined; // e.g. a stack overflow on absurd nesting: fall back to JSON.parse's message
  }
}

const show = (ch: string | undefined): string => (ch === undefined ? 'the end of the file' : ch === '\n' ? 'a line break' : JSON.stringify(ch));

class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.skipSpace();
    if (this.peek() === undefined) this.fail('the file is empty; write the scenario as a JSON object { … }');
    this.value();
    this.skipSpace();
    if (this.peek() !== undefined) this.fail(`unexpected ${show(this.peek())} after the end of the JSON value; remove it, or wrap everything in one object`);
  }

  private peek(): string | undefined {
    return this.i < this.text.length ? this.text[this.i] : undefined;
  }

  private fail(message: string, offset = this.i): never {
    throw new SyntaxProblem(offset, message);
  }

  private skipSpace(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.i++;
      else if (ch === '/' && (this.text[this.i + 1] === '/' || this.text[this.i + 1] === '*')) this.fail('comments are not allowed in JSON; remove the comment');
      else return;
    }
  }

  private value(): void {
    const ch = this.peek();
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    if (ch === "'") this.fail("strings need double quotes in JSON, not single quotes; replace ' with \"");
    if (ch === undefined) this.fail("the file ends where a value was expected; check for a missing value, '}' or ']'");
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.i))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.i += word.length;
      return;
    }
    if (word !== undefined) {
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false' || lower === 'null') this.fail(`JSON writes ${lower} in lower case; replace ${word} with ${lower}`);
      if (word === 'NaN' || word === 'Infinity' || word === 'undefined') this.fail(`JSON has no ${word}; use a number, or null, or remove the field`);
      this.fail(`expected a value but found the bare word ${word}; put text in double quotes, like "${word}"`);
    }
    this.fail(`expected a value (an object, array, string, number, true, false or null) but found ${show(ch)}`);
  }

  private object(): void {
    this.i++; // {
    this.skipSpace();
    if (this.peek() === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const ch = this.peek();
      if (ch === '}') this.fail("a trailing comma before '}' is not allowed in JSON; remove the comma", this.lastComma());
      if (ch === "'") this.fail("property names need double quotes in JSON, not single quotes; replace ' with \"");
      if (ch !== '"') {
        if (ch !== undefined && /[A-Za-z_$]/.test(ch)) this.fail('property names need double quotes in JSON; write "name": value');
        this.fail(ch === undefined ? "the file ends inside an object; add the missing '}'" : `expected a property name in double quotes but found ${show(ch)}`);
      }
      this.string();
      this.skipSpace();
      if (this.peek() !== ':') this.fail(`expected ':' after the property name but found ${show(this.peek())}`);
      this.i++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const next = this.peek();
      if (next === ',') {
        this.i++;
        continue;
      }
      if (next === '}') {
        this.i++;
        return;
      }
      if (next === '"') this.fail("expected ',' between two properties; add a comma at the end of the previous line");
      this.fail(next === undefined ? "the file ends inside an object; add the missing '}'" : `expected ',' or '}' after a property's value but found ${show(next)}`);
    }
  }

  private array(): void {
    this.i++; // [
    this.skipSpace();
    if (this.peek() === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() === ']') this.fail("a trailing comma before ']' is not allowed in JSON; remove the comma", this.lastComma());
      this.value();
      this.skipSpace();
      const next = this.peek();
      if (next === ',') {
        this.i++;
        continue;
      }
      if (next === ']') {
        this.i++;
        return;
      }
      if (next !== undefined && /["{[\-0-9tfn]/.test(next)) this.fail("expected ',' between two array items; add a comma");
      this.fail(next === undefined ? "the file ends inside an array; add the missing ']'" : `expected ',' or ']' after an array item but found ${show(next)}`);
    }
  }

  /** Where the comma before the current position is (to point at a trailing comma). */
  private lastComma(): number {
    const at = this.text.lastIndexOf(',', this.i);
    return at >= 0 ? at : this.i;
  }

  private string(): void {
    const start = this.i;
    this.i++; // "
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('this string is never closed; add the closing double quote', start);
      if (ch === '"') {
        this.i++;
        return;
      }
      if (ch === '\n' || ch === '\r') this.fail('a string cannot continue onto the next line; close it with a double quote, or write the line break as \\n');
      if (ch < ' ') this.fail('a string cannot contain control characters such as tabs; write a tab as \\t');
      if (ch === '\\') {
        const esc = this.text[this.i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail('\\u must be followed by 4 hexadecimal digits');
          this.i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) this.fail(`${show(`\\${esc ?? ''}`)} is not a JSON escape; write a backslash as \\\\`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.i));
    if (!match) this.fail('a number must have digits after the minus sign');
    const end = this.i + match[0].length;
    const after = this.text[end];
    if (match[1] === '0' && after !== undefined && after >= '0' && after <= '9') this.fail('numbers cannot start with 0 in JSON; remove the leading zero');
    if (after === '.') this.fail('a decimal point must be followed by digits', end);
    if (after === 'e' || after === 'E') this.fail('an exponent must have digits', end);
    this.i = end;
  }
}
