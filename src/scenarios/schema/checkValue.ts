// Checks one field against its ValueRule and words the error when it does not fit.

import { joinPath, list, quote, quotedList, type ErrorList } from './errors';
import type { ValueRule } from './rules';
import { didYouMean } from './suggest';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property only: a scenario never inherits fields from a prototype. */
export const own = (object: JsonObject, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** Code points, as JSON Schema's minLength/maxLength count them. */
export const lengthOf = (s: string): number => [...s].length;

/** The outcome of reading a field: absent (not written), invalid (an error was added) or a good value. */
export type Field<T> = { state: 'absent' } | { state: 'invalid' } | { state: 'ok'; value: T };

export const ABSENT = { state: 'absent' } as const;
export const INVALID = { state: 'invalid' } as const;
export const okField = <T>(value: T): Field<T> => ({ state: 'ok', value });

/** The value of a field, `fallback` when absent, undefined when invalid. */
export function valueOr<T>(field: Field<T>, fallback: T): T | undefined {
  if (field.state === 'ok') return field.value;
  return field.state === 'absent' ? fallback : undefined;
}

export interface FieldOptions {
  required?: boolean;
  /** Shown as "or remove it to use the default (…)". */
  defaultText?: string;
  /** The scenario's node ids, for `nodeRef` rules. */
  nodes?: readonly string[];
  /** Overrides the wording of what is expected (e.g. "a path number from 1 to 2 (pathsPerNode is 2)"). */
  expected?: string;
  /** Overrides the upper bound of an integer rule (e.g. `at` ≤ duration). */
  max?: number;
  /** Extra advice appended when the value is above the maximum (e.g. " or raise duration"). */
  rangeHint?: string;
  /** Overrides what to do when a string does not match its pattern. */
  fix?: string;
  /** Names what needs the field when it is missing: "is required for node-crash but missing". */
  requiredBy?: string;
}

/** "from 1 to 4", or just "1" when the range has one value. */
export const rangeText = (min: number, max: number): string => (min === max ? `${min}` : `from ${min} to ${max}`);

export function expectedText(rule: ValueRule, options: FieldOptions = {}): string {
  if (options.expected !== undefined) return options.expected;
  switch (rule.type) {
    case 'integer': {
      const range = rangeText(rule.min, options.max ?? rule.max);
      return rule.unit === 'ms' ? `a whole number of milliseconds ${range}` : `an integer ${range}`;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${quotedList(rule.values)}`;
    case 'string':
      if (rule.expected !== undefined) return rule.expected;
      if (rule.minLength !== undefined && rule.maxLength !== undefined) return `a string of ${rule.minLength} to ${rule.maxLength} characters`;
      if (rule.maxLength !== undefined) return `a string of at most ${rule.maxLength} characters`;
      return 'a string';
    case 'nodeRef':
      return options.nodes && options.nodes.length > 0 ? `one of the scenario's nodes (${list(options.nodes)})` : "one of the scenario's nodes";
  }
}

const orDefault = (options: FieldOptions): string => (options.defaultText === undefined ? '' : `, or remove it to use the default (${options.defaultText})`);

/** Reads `object[key]` at `path`, checks it against `rule`, and adds an error if it does not fit. */
export function readField<T = unknown>(errors: ErrorList, object: JsonObject, key: string, path: string, rule: ValueRule, options: FieldOptions = {}): Field<T> {
  const value = own(object, key);
  const expected = expectedText(rule, options);
  if (value === undefined) {
    if (options.required) errors.missing(path, expected, `add it as ${expected}`, options.requiredBy);
    return ABSENT;
  }
  return checkValue<T>(errors, value, path, rule, options);
}

/** Checks a value already read (e.g. an array item) against `rule`. */
export function checkValue<T = unknown>(errors: ErrorList, value: unknown, path: string, rule: ValueRule, options: FieldOptions = {}): Field<T> {
  const expected = expectedText(rule, options);
  const tail = orDefault(options);
  switch (rule.type) {
    case 'integer': {
      const max = options.max ?? rule.max;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        errors.wrong(path, expected, value, `write it as a number without quotes${tail}`);
        return INVALID;
      }
      if (typeof value !== 'number') {
        errors.wrong(path, expected, value, `write a whole number${tail}`);
        return INVALID;
      }
      if (!Number.isInteger(value)) {
        errors.wrong(path, expected, value, `use a whole number${tail}`);
        return INVALID;
      }
      if (value < rule.min || value > max) {
        errors.wrong(path, expected, value, `use ${rule.min === max ? rule.min : `a value from ${rule.min} to ${max}`}${value > max ? (options.rangeHint ?? '') : ''}${tail}`);
        return INVALID;
      }
      return okField(value as T);
    }
    case 'boolean':
      if (typeof value === 'boolean') return okField(value as T);
      errors.wrong(path, expected, value, value === 'true' || value === 'false' ? `write ${value} without quotes${tail}` : `use true or false${tail}`);
      return INVALID;
    case 'enum':
      if (typeof value === 'string' && rule.values.includes(value)) return okField(value as T);
      errors.wrong(path, expected, value, `use one of those values${typeof value === 'string' ? didYouMean(value, rule.values) : ''}${tail}`);
      return INVALID;
    case 'string': {
      if (typeof value !== 'string') {
        errors.wrong(path, expected, value, `write it as text in double quotes${tail}`);
        return INVALID;
      }
      const length = lengthOf(value);
      if (rule.minLength !== undefined && length < rule.minLength) {
        errors.wrong(path, expected, value, `write at least ${rule.minLength} character${rule.minLength === 1 ? '' : 's'}${tail}`, length === 0 ? 'an empty string' : quote(value));
        return INVALID;
      }
      if (rule.maxLength !== undefined && length > rule.maxLength) {
        errors.wrong(path, expected, value, `shorten it to at most ${rule.maxLength} characters${tail}`, `a string of ${length} characters`);
        return INVALID;
      }
      if (rule.pattern !== undefined && !rule.pattern.test(value)) {
        errors.wrong(path, expected, value, `${options.fix ?? rule.patternFix ?? `write text matching ${rule.pattern.source}`}${tail}`, value === '' ? 'an empty string' : quote(value));
        return INVALID;
      }
      return okField(value as T);
    }
    case 'nodeRef': {
      const nodes = options.nodes;
      if (typeof value !== 'string') {
        errors.wrong(path, expected, value, `write a node id in double quotes${nodes && nodes.length > 0 ? `, one of ${list(nodes)}` : ''}${tail}`);
        return INVALID;
      }
      if (nodes !== undefined && !nodes.includes(value)) {
        const sameButCase = nodes.find((n) => n.toUpperCase() === value.toUpperCase());
        const fix =
          sameButCase !== undefined
            ? `node ids are case-sensitive, so write ${quote(sameButCase)}`
            : nodes.length > 0
              ? `use one of ${list(nodes)} or add ${quote(value)} to nodes`
              : `list ${quote(value)} in nodes`;
        errors.wrong(path, expected, value, `${fix}${tail}`);
        return INVALID;
      }
      return okField(value as T);
    }
  }
}

/**
 * Reports every field of `object` that is not in `allowed`, naming the allowed ones. `owner` names
 * the object in the sentence ("params", "faults[2] (node-crash)", "The scenario").
 */
export function rejectUnknownFields(errors: ErrorList, object: JsonObject, path: string, allowed: readonly string[], owner: string): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const fieldPath = joinPath(path, key);
    errors.add(
      fieldPath,
      `one of the fields ${list(allowed)}`,
      `a field named ${quote(key)}`,
      `${owner} has no field ${quote(key)}${didYouMean(key, allowed)}; remove it or use one of the allowed fields: ${list(allowed)}.`,
    );
  }
}
