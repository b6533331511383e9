// Test helper: evaluates the subset of JSON Schema 2020-12 that public/scenario.schema.json uses,
// so validateSchema.test.ts can check that the schema and the hand-written validator agree on
// real documents. It throws on a keyword it does not know, so the schema cannot quietly grow past
// what is tested.

type Schema = boolean | { [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'default', 'examples']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`jsonSchemaSubset: unknown type ${type}`);
  }
}

/** Deep equality of JSON values (key order ignored), as enum, const and uniqueItems need. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Where each failure is, as "path: keyword"; empty when `value` is valid against `root`. */
export function jsonSchemaErrors(root: Schema, value: unknown): string[] {
  const errors: string[] = [];

  const resolve = (ref: string): Schema => {
    const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const defs = isObject(root) ? root.$defs : undefined;
    const target = match && isObject(defs) ? defs[match[1]!] : undefined;
    if (target === undefined) throw new Error(`jsonSchemaSubset: cannot resolve ${ref}`);
    return target as Schema;
  };

  const check = (schema: Schema, v: unknown, path: string, out: string[]): void => {
    if (schema === true) return;
    if (schema === false) {
      out.push(`${path}: false schema`);
      return;
    }
    const fail = (keyword: string): void => {
      out.push(`${path}: ${keyword}`);
    };
    const s = schema;
    for (const keyword of Object.keys(s)) {
      const arg = s[keyword];
      if (ANNOTATIONS.has(keyword) || keyword === 'then' || keyword === 'else') continue;
      switch (keyword) {
        case 'type':
          if (!typeMatches(arg as string, v)) fail('type');
          break;
        case 'enum':
          if (!(arg as unknown[]).some((e) => jsonEqual(e, v))) fail('enum');
          break;
        case 'const':
          if (!jsonEqual(arg, v)) fail('const');
          break;
        case '$ref':
          check(resolve(arg as string), v, path, out);
          break;
        case 'allOf':
          for (const sub of arg as Schema[]) check(sub, v, path, out);
          break;
        case 'not': {
          const inner: string[] = [];
          check(arg as Schema, v, path, inner);
          if (inner.length === 0) fail('not');
          break;
        }
        case 'if': {
          const inner: string[] = [];
          check(arg as Schema, v, path, inner);
          const branch = inner.length === 0 ? s.then : s.else;
          if (branch !== undefined) check(branch as Schema, v, path, out);
          break;
        }
        case 'minimum':
          if (typeof v === 'number' && v < (arg as number)) fail('minimum');
          break;
        case 'maximum':
          if (typeof v === 'number' && v > (arg as number)) fail('maximum');
          break;
        case 'minLength':
          if (typeof v === 'string' && [...v].length < (arg as number)) fail('minLength');
          break;
        case 'maxLength':
          if (typeof v === 'string' && [...v].length > (arg as number)) fail('maxLength');
          break;
        case 'pattern':
          if (typeof v === 'string' && !new RegExp(arg as string, 'u').test(v)) fail('pattern');
          break;
        case 'required':
          if (isObject(v)) for (const k of arg as string[]) if (!Object.hasOwn(v, k)) fail(`required ${k}`);
          break;
        case 'properties':
          if (isObject(v)) {
            const props = arg as Record<string, Schema>;
            for (const k of Object.keys(props)) if (Object.hasOwn(v, k)) check(props[k]!, v[k], `${path}.${k}`, out);
          }
          break;
        case 'additionalProperties':
          if (isObject(v)) {
            const known = isObject(s.properties) ? s.properties : {};
            for (const k of Object.keys(v)) if (!Object.hasOwn(known, k)) check(arg as Schema, v[k], `${path}.${k}`, out);
          }
          break;
        case 'propertyNames':
          if (isObject(v)) for (const k of Object.keys(v)) check(arg as Schema, k, `${path}.${k} (name)`, out);
          break;
        case 'items':
          if (Array.isArray(v)) v.forEach((item, i) => check(arg as Schema, item, `${path}[${i}]`, out));
          break;
        case 'minItems':
          if (Array.isArray(v) && v.length < (arg as number)) fail('minItems');
          break;
        case 'maxItems':
          if (Array.isArray(v) && v.length > (arg as number)) fail('maxItems');
          break;
        case 'uniqueItems':
          if (arg === true && Array.isArray(v) && v.some((x, i) => v.findIndex((y) => jsonEqual(x, y)) !== i)) fail('uniqueItems');
          break;
        default:
          throw new Error(`jsonSchemaSubset: keyword ${keyword} is not supported; extend this helper and its tests`);
      }
    }
  };

  check(root, value, '$', errors);
  return errors;
}
