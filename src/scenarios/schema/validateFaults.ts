// Checks the fault schedule: each entry's fault id, its time, and exactly the target fields that
// fault takes, against the scenario's nodes, paths, heartbeat networks and duration.

import type { NodeId, SimMs } from '../../engine/model/ids';
import { checkValue, isObject, own, rangeText, readField, rejectUnknownFields, type Field } from './checkValue';
import { joinPath, list, type ErrorList } from './errors';
import { checkBetween, checkGroups, checkNewHost } from './faultTargets';
import { FAULT_FIELDS, FAULT_FIELD_RULES, FAULT_SHAPES, MAX_HEARTBEAT_NETWORKS, MAX_PATHS_PER_NODE, type FaultShape, type FaultTargetField } from './rules';
import { SCENARIO_FAULT_IDS, type ScenarioFaultId, type ScenarioFaultSpec } from './spec';

export interface FaultsContext {
  /** Node ids the scenario lists (only the strings); undefined when `nodes` is not an array. */
  nodes: readonly string[] | undefined;
  /** Each bound is undefined when its own field is invalid; the format's hard limit is used then. */
  pathsPerNode: number | undefined;
  heartbeatNetworks: number | undefined;
  duration: number | undefined;
}

const EXAMPLE = '{ "at": 5000, "fault": "node-crash", "node": "A" }';

export function validateFaults(errors: ErrorList, raw: unknown, ctx: FaultsContext): ScenarioFaultSpec[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.wrong('faults', `an array of faults such as [${EXAMPLE}]`, raw, 'write the faults as an array, or remove the field for a run without planned faults');
    return undefined;
  }
  const before = errors.size;
  const faults = raw.map((entry: unknown, i) => validateFault(errors, entry, `faults[${i}]`, ctx));
  return errors.size > before ? undefined : (faults as ScenarioFaultSpec[]);
}

function validateFault(errors: ErrorList, entry: unknown, path: string, ctx: FaultsContext): ScenarioFaultSpec | undefined {
  if (!isObject(entry)) {
    errors.wrong(path, `a fault object such as ${EXAMPLE}`, entry, 'write each fault as an object with "at", "fault" and its target fields');
    return undefined;
  }
  const before = errors.size;
  const at = readField<number>(errors, entry, 'at', joinPath(path, 'at'), FAULT_FIELD_RULES.at, {
    required: true,
    max: ctx.duration,
    expected: ctx.duration === undefined ? undefined : `a whole number of milliseconds from 0 to ${ctx.duration} (the scenario's duration)`,
    rangeHint: ctx.duration === undefined ? undefined : ' or raise duration',
  });
  const fault = readField<ScenarioFaultId>(errors, entry, 'fault', joinPath(path, 'fault'), FAULT_FIELD_RULES.fault, { required: true, expected: `one of the fault ids (${list(SCENARIO_FAULT_IDS)})` });
  const shape = fault.state === 'ok' ? FAULT_SHAPES[fault.value] : undefined;
  const allowed = shape ? ['at', 'fault', ...shape.required, ...shape.optional] : FAULT_FIELDS;
  rejectUnknownFields(errors, entry, path, allowed, fault.state === 'ok' ? `${path} (${fault.value})` : path);
  if (fault.state !== 'ok' || shape === undefined) return undefined;

  const result: Record<string, unknown> = { at: at.state === 'ok' ? (at.value as SimMs) : undefined, fault: fault.value };
  for (const field of FAULT_FIELDS) {
    if (field === 'at' || field === 'fault') continue;
    const required = shape.required.includes(field);
    if (!required && !shape.optional.includes(field)) continue;
    const checked = checkTarget(errors, entry, path, field, shape, required, fault.value, ctx);
    if (checked.state === 'ok') result[field] = checked.value;
  }
  // A reset comes from some node's HBA: the first node's unless the author names one.
  if (shape.nodeRole === 'issuer' && result.node === undefined && ctx.nodes?.[0] !== undefined) result.node = ctx.nodes[0] as NodeId;
  return errors.size > before ? undefined : (result as unknown as ScenarioFaultSpec);
}

function checkTarget(errors: ErrorList, entry: Record<string, unknown>, faultPath: string, field: FaultTargetField, shape: FaultShape, required: boolean, faultId: ScenarioFaultId, ctx: FaultsContext): Field<unknown> {
  const path = joinPath(faultPath, field);
  const value = own(entry, field);
  if (value === undefined) {
    if (required) errors.missing(path, TARGET_EXPECTED[field](shape, ctx), `add it as ${TARGET_EXPECTED[field](shape, ctx)}`, faultId);
    return { state: 'absent' };
  }
  switch (field) {
    case 'node':
      if (shape.nodeRole === 'new-host') return checkNewHost(errors, value, path, ctx.nodes);
      return checkValue(errors, value, path, { type: 'nodeRef' }, { nodes: ctx.nodes, defaultText: shape.nodeRole === 'issuer' ? `the first node${ctx.nodes?.[0] ? `, ${ctx.nodes[0]}` : ''}` : undefined });
    case 'to':
      return checkValue(errors, value, path, { type: 'nodeRef' }, { nodes: ctx.nodes, expected: TARGET_EXPECTED.to(shape, ctx) });
    case 'path':
      return checkValue(errors, value, path, FAULT_FIELD_RULES.path, {
        max: ctx.pathsPerNode,
        expected: TARGET_EXPECTED.path(shape, ctx),
        rangeHint: ctx.pathsPerNode === undefined ? undefined : ' or raise pathsPerNode',
      });
    case 'network':
      return checkValue(errors, value, path, FAULT_FIELD_RULES.network, {
        max: ctx.heartbeatNetworks,
        expected: TARGET_EXPECTED.network(shape, ctx),
        rangeHint: ctx.heartbeatNetworks === undefined ? undefined : ' or raise params.heartbeatNetworks',
        defaultText: 'every network',
      });
    case 'between':
      return checkBetween(errors, value, path, ctx.nodes);
    case 'groups':
      return checkGroups(errors, value, path, ctx.nodes);
  }
}

/** What a missing or wrong target field should hold. */
const TARGET_EXPECTED: Record<FaultTargetField, (shape: FaultShape, ctx: FaultsContext) => string> = {
  node: (shape, ctx) => (shape.nodeRole === 'new-host' ? 'the id of a new host outside the cluster, such as "HOST"' : `one of the scenario's nodes${ctx.nodes && ctx.nodes.length > 0 ? ` (${list(ctx.nodes)})` : ''}`),
  to: (_shape, ctx) => `the node to move the service to: one of the scenario's nodes${ctx.nodes && ctx.nodes.length > 0 ? ` (${list(ctx.nodes)})` : ''}`,
  path: (shape, ctx) => {
    const what = shape.pathRole === 'target-port' ? 'an array target port number' : 'a path number';
    const max = ctx.pathsPerNode ?? MAX_PATHS_PER_NODE;
    return `${what} ${rangeText(1, max)}${ctx.pathsPerNode === undefined ? '' : ` (pathsPerNode is ${ctx.pathsPerNode})`}`;
  },
  network: (_shape, ctx) => {
    const max = ctx.heartbeatNetworks ?? MAX_HEARTBEAT_NETWORKS;
    return `a heartbeat network number ${rangeText(1, max)}${ctx.heartbeatNetworks === undefined ? '' : ` (params.heartbeatNetworks is ${ctx.heartbeatNetworks})`}`;
  },
  between: (_shape, ctx) => `two different node ids, such as ${ctx.nodes && ctx.nodes.length >= 2 ? JSON.stringify(ctx.nodes.slice(0, 2)).replace(',', ', ') : '["A", "B"]'}`,
  groups: () => 'two or more non-empty arrays of node ids that together list every node once',
};
