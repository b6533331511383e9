// Command-line splitting and GNU getopt_long behaviour, as the sg3_utils and multipath-tools
// programs see their arguments: long options by unique prefix, "--opt=val" and "--opt val",
// clustered short options ("-nk"), attached short arguments ("-K0x123"), options after operands
// (argv permutation) and "--" to end options. Error texts follow glibc's getopt.

export type TokenizeResult = { ok: true; words: string[] } | { ok: false; error: string };

const SHELL_OPERATORS = new Set(['|', '>', '<', ';', '&']);

/** Splits a console line like a POSIX shell would (quotes and backslashes), without expansion. */
export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'unexpected end of line: the single quote is never closed' };
      current += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        text += line[j];
        j++;
      }
      if (j >= line.length) return { ok: false, error: 'unexpected end of line: the double quote is never closed' };
      current += text;
      inWord = true;
      i = j + 1;
    } else if (c === '\\' && i + 1 < line.length) {
      current += line[i + 1];
      inWord = true;
      i += 2;
    } else if (SHELL_OPERATORS.has(c)) {
      return {
        ok: false,
        error: `'${c}' is not supported: the lab console runs one command per line, without pipes, redirects or command lists`,
      };
    } else {
      current += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(current);
  return { ok: true, words };
}

export interface OptionSpec {
  /** Key the parsed option is reported under, e.g. 'param-rk'. */
  id: string;
  /** Long names, first is canonical, e.g. ['param-rk']. */
  long: string[];
  /** Short letter, e.g. 'K'. */
  short?: string;
  arg: boolean;
}

export interface ParsedOption {
  id: string;
  value?: string;
  /** As the user spelled it, e.g. "--param-rk" or "-K", for messages. */
  spelled: string;
}

export type GetoptResult = { ok: true; options: ParsedOption[]; operands: string[] } | { ok: false; error: string };

/**
 * getopt_long over `args` (argv without the program name). On error returns glibc's message,
 * prefixed by `prog` like glibc does ("sg_persist: unrecognized option '--foo'").
 */
export function getopt(prog: string, args: readonly string[], specs: readonly OptionSpec[]): GetoptResult {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  let i = 0;
  while (i < args.length) {
    const arg = args[i]!;
    i++;
    if (arg === '--') {
      operands.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const found = findLong(specs, name);
      if (found.kind === 'none') return { ok: false, error: `${prog}: unrecognized option '--${name}'` };
      if (found.kind === 'ambiguous') {
        const list = found.names.map((n) => `'--${n}'`).join(' ');
        return { ok: false, error: `${prog}: option '--${name}' is ambiguous; possibilities: ${list}` };
      }
      const spec = found.spec;
      const spelled = `--${found.name}`;
      if (!spec.arg) {
        if (eq >= 0) return { ok: false, error: `${prog}: option '${spelled}' doesn't allow an argument` };
        options.push({ id: spec.id, spelled });
      } else if (eq >= 0) {
        options.push({ id: spec.id, value: arg.slice(eq + 1), spelled });
      } else if (i < args.length) {
        options.push({ id: spec.id, value: args[i]!, spelled });
        i++;
      } else {
        return { ok: false, error: `${prog}: option '${spelled}' requires an argument` };
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const letter = arg[k]!;
        const spec = specs.find((s) => s.short === letter);
        if (!spec) return { ok: false, error: `${prog}: invalid option -- '${letter}'` };
        const spelled = `-${letter}`;
        if (!spec.arg) {
          options.push({ id: spec.id, spelled });
          continue;
        }
        if (k + 1 < arg.length) {
          options.push({ id: spec.id, value: arg.slice(k + 1), spelled });
        } else if (i < args.length) {
          options.push({ id: spec.id, value: args[i]!, spelled });
          i++;
        } else {
          return { ok: false, error: `${prog}: option requires an argument -- '${letter}'` };
        }
        break;
      }
      continue;
    }
    operands.push(arg);
  }
  return { ok: true, options, operands };
}

type LongMatch =
  | { kind: 'none' }
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'one'; spec: OptionSpec; name: string };

// glibc: an exact name wins; otherwise a unique prefix, where several names of one option
// (aliases such as --read-status/--read-full-status) count as one.
function findLong(specs: readonly OptionSpec[], name: string): LongMatch {
  for (const spec of specs) {
    if (spec.long.includes(name)) return { kind: 'one', spec, name };
  }
  const hits: { spec: OptionSpec; name: string }[] = [];
  for (const spec of specs) {
    for (const n of spec.long) if (name.length > 0 && n.startsWith(name)) hits.push({ spec, name: n });
  }
  if (hits.length === 0) return { kind: 'none' };
  const distinct = new Set(hits.map((h) => h.spec.id));
  if (distinct.size === 1) return { kind: 'one', spec: hits[0]!.spec, name: hits[0]!.name };
  return { kind: 'ambiguous', names: hits.map((h) => h.name) };
}

/** The long option names closest to a misspelled one, for "did you mean" hints. */
export function suggestLong(specs: readonly OptionSpec[], wrong: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const spec of specs) {
    for (const n of spec.long) {
      const d = editDistance(wrong, n);
      if (d < bestDistance) {
        bestDistance = d;
        best = n;
      }
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(wrong.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
