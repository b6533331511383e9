// Checks `params` and fills every omitted param with the personality's default.

import type { NodeId } from '../../engine/model/ids';
import { ABSENT, isObject, readField, rejectUnknownFields, type Field } from './checkValue';
import { DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY, type NodeDerivedParam, type PersonalityParamDefaults } from './defaults';
import { joinPath, type ErrorList } from './errors';
import { PARAM_FIELDS, PARAM_RULES } from './rules';
import { PERSONALITIES, type Personality, type ScenarioSpecParams } from './spec';

export interface ParamsContext {
  /** Node ids the scenario lists (only the strings); undefined when `nodes` is not an array. */
  nodes: readonly string[] | undefined;
  personality: Personality | undefined;
}

export interface ParamsResult {
  /** Undefined when a param is invalid or the defaults cannot be known (no valid personality). */
  params: ScenarioSpecParams | undefined;
  /** The heartbeat network count faults are checked against, when known. */
  heartbeatNetworks: number | undefined;
}

const NODE_DERIVED_DEFAULT_TEXT: Record<NodeDerivedParam, string> = {
  owner: 'the first node',
  twoNode: 'true with two nodes, false otherwise',
  waitForAll: 'the value of twoNode',
};

function defaultText(key: keyof ScenarioSpecParams, personality: Personality | undefined): string | undefined {
  if (key in NODE_DERIVED_DEFAULT_TEXT) return NODE_DERIVED_DEFAULT_TEXT[key as NodeDerivedParam];
  const k = key as keyof PersonalityParamDefaults;
  const values = PERSONALITIES.map((p) => DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY[p][k]);
  const sameForAll = values.every((v) => v === values[0]);
  if (sameForAll) return JSON.stringify(values[0]);
  return personality === undefined ? undefined : `${JSON.stringify(DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY[personality][k])} for ${personality}`;
}

export function validateParams(errors: ErrorList, raw: unknown, ctx: ParamsContext): ParamsResult {
  const path = 'params';
  const before = errors.size;
  let given: Partial<Record<keyof ScenarioSpecParams, Field<unknown>>> = {};
  if (raw !== undefined && !isObject(raw)) {
    errors.wrong(path, 'an object of timing and behaviour settings', raw, 'write it as { "name": value, … } or remove it to use the defaults');
  } else if (raw !== undefined) {
    rejectUnknownFields(errors, raw, path, PARAM_FIELDS, 'params');
    given = Object.fromEntries(
      PARAM_FIELDS.map((key) => [key, readField(errors, raw, key, joinPath(path, key), PARAM_RULES[key], { defaultText: defaultText(key, ctx.personality), nodes: ctx.nodes })]),
    );
  }
  const field = (key: keyof ScenarioSpecParams): Field<unknown> => given[key] ?? ABSENT;

  // corosync votequorum: two_node is only for a cluster of exactly two nodes.
  const twoNode = field('twoNode');
  if (twoNode.state === 'ok' && twoNode.value === true && ctx.nodes !== undefined && ctx.nodes.length !== 2) {
    errors.add(
      'params.twoNode',
      `false, because the scenario has ${ctx.nodes.length} nodes`,
      'true',
      `params.twoNode must be false because corosync's two_node mode needs exactly 2 nodes and the scenario has ${ctx.nodes.length}, but it is true; set it to false or remove it.`,
    );
  }

  const networks = field('heartbeatNetworks');
  const heartbeatNetworks =
    networks.state === 'ok' ? (networks.value as number) : networks.state === 'absent' && ctx.personality ? DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY[ctx.personality].heartbeatNetworks : undefined;

  if (errors.size > before || ctx.personality === undefined || ctx.nodes === undefined || ctx.nodes.length === 0) return { params: undefined, heartbeatNetworks };

  const params: Record<string, unknown> = { ...DEFAULT_SCENARIO_PARAMS_BY_PERSONALITY[ctx.personality] };
  params.owner = ctx.nodes[0] as NodeId;
  params.twoNode = ctx.nodes.length === 2;
  for (const key of PARAM_FIELDS) {
    const f = field(key);
    if (f.state === 'ok') params[key] = f.value;
  }
  if (field('waitForAll').state === 'absent') params.waitForAll = params.twoNode;
  // Keep the table's order so a printed spec reads like the documentation.
  const ordered = Object.fromEntries(PARAM_FIELDS.map((key) => [key, params[key]]));
  return { params: ordered as unknown as ScenarioSpecParams, heartbeatNetworks };
}
