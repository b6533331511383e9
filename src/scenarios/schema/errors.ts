// Scenario errors are for people (CONVENTIONS.md 14): each names the field by its JSON path, says
// what was expected and what was found, and what to do, in one sentence.

export interface ScenarioError {
  /** JSON path of the offending field, e.g. "faults[2].node" or "params.heartbeatMisses"; "" is the whole scenario. */
  path: string;
  /** What the field should hold, e.g. "an integer from 1 to 120". */
  expected: string;
  /** What it holds, e.g. "0", "\"C\"", "an array of 5 items" or "nothing" when it is missing. */
  found: string;
  /** One sentence naming the field, what was expected, what was found and what to do. */
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `joinPath("faults[2]", "node")` is "faults[2].node"; odd keys are quoted: `params["a b"]`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (IDENTIFIER.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** How a path is named at the start of a sentence. */
export const nameOf = (path: string): string => (path === '' ? 'The scenario' : path);

const MAX_SHOWN = 40;

/** A short, safe description of any value: `"C"`, `3.5`, `true`, `null`, `an array of 2 items`, `an object`. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return quote(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `the bigint ${String(value)}`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : value.length === 1 ? 'an array of 1 item' : `an array of ${value.length} items`;
      return 'an object';
  }
}

/** A string in JSON quotes, shortened when long. */
export function quote(s: string): string {
  const chars = [...s.slice(0, MAX_SHOWN * 2)];
  return JSON.stringify(chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : s);
}

/** `list(["a", "b", "c"])` is "a, b, c". */
export const list = (items: readonly string[]): string => items.join(', ');
/** `quotedList(["a", "b"])` is "\"a\", \"b\"". */
export const quotedList = (items: readonly string[]): string => items.map((i) => JSON.stringify(i)).join(', ');

/** Collects every problem found; validators add to it and never stop at the first. */
export class ErrorList {
  readonly errors: ScenarioError[] = [];

  add(path: string, expected: string, found: string, message: string): void {
    this.errors.push({ path, expected, found, message });
  }

  /** "<path> must be <expected>, but it is <found>; <fix>." */
  wrong(path: string, expected: string, value: unknown, fix: string, found = describeValue(value)): void {
    this.add(path, expected, found, `${nameOf(path)} must be ${expected}, but it is ${found}; ${fix}.`);
  }

  /** "<path> is required [for <requiredBy>] but missing; <fix>." */
  missing(path: string, expected: string, fix: string, requiredBy?: string): void {
    this.add(path, expected, 'nothing', `${path} is required${requiredBy === undefined ? '' : ` for ${requiredBy}`} but missing; ${fix}.`);
  }

  get size(): number {
    return this.errors.length;
  }
}
