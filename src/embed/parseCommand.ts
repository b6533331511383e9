// Reads a message addressed to us ({ ns: "reservation-lab", ... }) into a typed command, or says
// why not in words a course author can act on. Origin and source are checked before this.

import type { FaultTarget } from '../engine';
import { SPEEDS } from '../worker/protocol';
import { copyFaultTarget, faultTargetProblem } from './faultTargetShape';
import { COMMAND_TYPES, EMBED_API_VERSION, type EmbedCommand, type EmbedCommandType, type ErrorReason } from './messages';

export type ParsedCommand =
  | { ok: true; command: EmbedCommand; id?: string | number }
  | { ok: false; reason: ErrorReason; message: string; command?: string; id?: string | number };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function idOf(data: Record<string, unknown>): string | number | undefined {
  const id = data.id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
}

function seedProblem(seed: unknown): string | null {
  if (seed === undefined) return null;
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1 ? null : 'payload.seed must be a whole number from 0 to 4294967295';
}

/** `data` must already be known to carry our namespace. */
export function parseCommand(data: Record<string, unknown>): ParsedCommand {
  const id = idOf(data);
  const type = data.type;
  const bad = (message: string): ParsedCommand => ({ ok: false, reason: 'badPayload', message, command: String(type), id });
  if (data.v !== EMBED_API_VERSION) {
    return { ok: false, reason: 'wrongVersion', message: `this app speaks embed API version ${EMBED_API_VERSION}; the message said v: ${JSON.stringify(data.v)}`, command: typeof type === 'string' ? type : undefined, id };
  }
  if (typeof type !== 'string' || !(COMMAND_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reason: 'unknownType', message: `unknown command ${JSON.stringify(type)}; known commands: ${COMMAND_TYPES.join(', ')}`, command: typeof type === 'string' ? type : undefined, id };
  }
  const payload = data.payload ?? {};
  if (!isObject(payload)) return bad(`payload of "${type}" must be an object`);
  const t = type as EmbedCommandType;
  switch (t) {
    case 'play':
    case 'pause':
    case 'step':
    case 'stepBack':
    case 'getState':
      return { ok: true, command: { type: t }, id };
    case 'seek': {
      const time = payload.time;
      if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) return bad('seek needs payload.time: a virtual time in ms ≥ 0, e.g. { "time": 12000 }');
      return { ok: true, command: { type: 'seek', time }, id };
    }
    case 'gotoBeat': {
      const beat = payload.beat;
      if (typeof beat !== 'number' || !Number.isInteger(beat) || beat < 1) return bad('gotoBeat needs payload.beat: a beat number from 1, e.g. { "beat": 3 }');
      return { ok: true, command: { type: 'gotoBeat', beat }, id };
    }
    case 'setSpeed': {
      const speed = payload.speed;
      if (typeof speed !== 'number' || !(SPEEDS as readonly number[]).includes(speed)) return bad(`setSpeed needs payload.speed: one of ${SPEEDS.join(', ')}`);
      return { ok: true, command: { type: 'setSpeed', speed }, id };
    }
    case 'injectFault': {
      const { fault, target } = payload;
      if (typeof fault !== 'string' || fault.length === 0) return bad('injectFault needs payload.fault: a fault id such as "node-crash"');
      const problem = faultTargetProblem(target ?? {});
      if (problem) return bad(`injectFault: payload.${problem}`);
      return { ok: true, command: { type: 'injectFault', fault, target: copyFaultTarget((target ?? {}) as FaultTarget) }, id };
    }
    case 'loadScenario': {
      const seedIssue = seedProblem(payload.seed);
      if (seedIssue) return bad(`loadScenario: ${seedIssue}`);
      const seed = payload.seed as number | undefined;
      const hasId = payload.id !== undefined;
      const hasScenario = payload.scenario !== undefined;
      if (hasId === hasScenario) return bad('loadScenario needs either payload.id (a scenario id) or payload.scenario (a scenario object), not both');
      if (hasId) {
        if (typeof payload.id !== 'string' || payload.id.length === 0) return bad('loadScenario: payload.id must be a scenario id such as "two-node-heartbeat"');
        return { ok: true, command: seed === undefined ? { type: 'loadScenario', id: payload.id } : { type: 'loadScenario', id: payload.id, seed }, id };
      }
      if (!isObject(payload.scenario)) return bad('loadScenario: payload.scenario must be a scenario object, as in a scenario file');
      return { ok: true, command: seed === undefined ? { type: 'loadScenario', scenario: payload.scenario } : { type: 'loadScenario', scenario: payload.scenario, seed }, id };
    }
  }
}
