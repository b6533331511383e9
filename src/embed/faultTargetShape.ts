// The shape of a fault target arriving from outside (a deep link, a host page): checked field by
// field so a bad one gets a message naming the field. Whether the target exists in the run is the
// engine's call (its fault registry validates and refuses with its own message).

import type { FaultTarget } from '../engine';

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;

/** Null when `value` has a fault target's shape, else what is wrong. */
export function faultTargetProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'target must be an object such as { "node": "A" }';
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case 'node':
      case 'to':
        if (!isName(v)) return `target.${key} must be a node name such as "A"`;
        break;
      case 'path':
      case 'network':
        if (!isWhole(v)) return `target.${key} must be a whole number ≥ 0`;
        break;
      case 'between':
        if (!Array.isArray(v) || v.length !== 2 || !v.every(isName)) return 'target.between must be two node names, e.g. ["A", "B"]';
        break;
      case 'groups':
        if (!Array.isArray(v) || v.length === 0 || !v.every((g) => Array.isArray(g) && g.every(isName))) {
          return 'target.groups must be a list of node lists, e.g. [["A"], ["B"]]';
        }
        break;
      default:
        return `target has an unknown field "${key}"; use node, path, network, between, groups or to`;
    }
  }
  return null;
}

/** A fresh copy holding only the known fields, in the order given (call after faultTargetProblem said null). */
export function copyFaultTarget(value: FaultTarget): FaultTarget {
  const t: FaultTarget = {};
  for (const key of Object.keys(value) as (keyof FaultTarget)[]) {
    switch (key) {
      case 'node':
      case 'to':
        t[key] = value[key];
        break;
      case 'path':
      case 'network':
        t[key] = value[key];
        break;
      case 'between':
        t.between = [value.between![0], value.between![1]];
        break;
      case 'groups':
        t.groups = value.groups!.map((g) => [...g]);
        break;
    }
  }
  return t;
}
