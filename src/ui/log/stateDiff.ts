// "State before / after" of an entry (data.before, data.after): one-line strings such as
// "SPC-2 holder: none; registrations: A.1=0x1; PR reservation: none; PRgeneration 1" or a
// machine state like "online.owner". Split into fields so the "why?" panel can mark what changed.

export interface StateRow {
  field: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

function parse(text: string): [string, string][] {
  const parts = text.split(/;\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1 && !/:\s/.test(text)) return [['state', text.trim()]];
  return parts.map((p) => {
    const colon = p.indexOf(': ');
    if (colon > 0) return [p.slice(0, colon), p.slice(colon + 2)];
    // "PRgeneration 3": the last word is the value.
    const m = /^(.+) (\S+)$/.exec(p);
    return m ? [m[1]!, m[2]!] : [p, ''];
  });
}

/** Fields of both states in order (before's first), each with both values and whether it changed. */
export function diffState(before: string | undefined, after: string | undefined): StateRow[] {
  const b = before === undefined ? [] : parse(before);
  const a = after === undefined ? [] : parse(after);
  const afterMap = new Map(a);
  const beforeMap = new Map(b);
  const fields = [...b.map(([f]) => f), ...a.map(([f]) => f).filter((f) => !beforeMap.has(f))];
  return fields.map((field) => {
    const bv = beforeMap.get(field) ?? null;
    const av = afterMap.get(field) ?? null;
    return { field, before: bv, after: av, changed: before !== undefined && after !== undefined && bv !== av };
  });
}

/** data.before / data.after when the entry carries them as strings. */
export function stateOf(data: Record<string, unknown> | undefined): { before?: string; after?: string } {
  const before = typeof data?.before === 'string' ? data.before : undefined;
  const after = typeof data?.after === 'string' ? data.after : undefined;
  return { before, after };
}
