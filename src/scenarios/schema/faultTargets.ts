// Checks of the fault target fields that are more than one value: a link's two ends
// (`between`), a partition's groups (`groups`) and a new host's id.

import type { NodeId } from '../../engine/model/ids';
import { INVALID, checkValue, okField, type Field } from './checkValue';
import { describeValue, joinPath, list, quote, type ErrorList } from './errors';
import { NODE_ID_HINT, NODE_ID_RULE } from './rules';

/** `["A"], ["B", "C"]` for the scenario's own nodes, to use in examples. */
function exampleGroups(nodes: readonly string[] | undefined): string {
  if (nodes === undefined || nodes.length < 2) return '[["A"], ["B"]]';
  return `[${JSON.stringify([nodes[0]])}, ${JSON.stringify(nodes.slice(1))}]`.replace(/","/g, '", "');
}

export function checkBetween(errors: ErrorList, value: unknown, path: string, nodes: readonly string[] | undefined): Field<[NodeId, NodeId]> {
  const example = nodes !== undefined && nodes.length >= 2 ? `[${quote(nodes[0]!)}, ${quote(nodes[1]!)}]` : '["A", "B"]';
  const expected = `two different node ids, such as ${example}`;
  if (!Array.isArray(value)) {
    errors.wrong(path, expected, value, `name the two nodes the link joins, such as ${example}`);
    return INVALID;
  }
  if (value.length !== 2) {
    errors.wrong(path, expected, value, `name exactly the two nodes the link joins, such as ${example}`);
    return INVALID;
  }
  const ends = value.map((v, i) => checkValue<string>(errors, v, joinPath(path, i), { type: 'nodeRef' }, { nodes }));
  const [a, b] = ends;
  if (a?.state !== 'ok' || b?.state !== 'ok') return INVALID;
  if (a.value === b.value) {
    const second = joinPath(path, 1);
    errors.wrong(second, `a node other than ${quote(a.value)}`, b.value, 'a link joins two different nodes, so name another node');
    return INVALID;
  }
  return okField([a.value as NodeId, b.value as NodeId]);
}

export function checkGroups(errors: ErrorList, value: unknown, path: string, nodes: readonly string[] | undefined): Field<NodeId[][]> {
  const example = exampleGroups(nodes);
  const expected = `two or more non-empty arrays of node ids that together list every node once, such as ${example}`;
  if (!Array.isArray(value)) {
    errors.wrong(path, expected, value, `write the sides of the partition as arrays of node ids, such as ${example}`);
    return INVALID;
  }
  if (value.length < 2) {
    errors.wrong(path, expected, value, `split the nodes into at least two groups, such as ${example}`);
    return INVALID;
  }
  const before = errors.size;
  const seenIn = new Map<string, number>();
  let allGroupsReadable = true;
  const groups: NodeId[][] = [];
  value.forEach((group: unknown, g) => {
    const groupPath = joinPath(path, g);
    if (!Array.isArray(group) || group.length === 0) {
      const fix = Array.isArray(group) ? 'put at least one node in it or remove the group' : `write the group as an array of node ids, such as ${JSON.stringify(nodes?.slice(0, 1) ?? ['A'])}`;
      errors.wrong(groupPath, 'a non-empty array of node ids', group, fix, Array.isArray(group) ? 'an empty array' : describeValue(group));
      allGroupsReadable = false;
      return;
    }
    const members: NodeId[] = [];
    group.forEach((member: unknown, m) => {
      const memberPath = joinPath(groupPath, m);
      const checked = checkValue<string>(errors, member, memberPath, { type: 'nodeRef' }, { nodes });
      if (checked.state !== 'ok') return;
      const earlier = seenIn.get(checked.value);
      if (earlier !== undefined) {
        errors.wrong(memberPath, 'a node that is in no other group', checked.value, `${quote(checked.value)} is already in ${joinPath(path, earlier)}, and each node belongs to exactly one group`);
        return;
      }
      seenIn.set(checked.value, g);
      members.push(checked.value as NodeId);
    });
    groups.push(members);
  });
  if (allGroupsReadable && nodes !== undefined) {
    const left = nodes.filter((n) => !seenIn.has(n));
    if (left.length > 0) {
      errors.add(
        path,
        `groups that together list every node (${list(nodes)})`,
        `groups without ${list(left)}`,
        `${path} must put every node in a group, but it leaves out ${list(left)}; add ${left.length === 1 ? 'it' : 'them'} to one of the groups.`,
      );
    }
  }
  return errors.size > before ? INVALID : okField(groups);
}

/** A host outside the cluster: a node id that is not one of `nodes`. */
export function checkNewHost(errors: ErrorList, value: unknown, path: string, nodes: readonly string[] | undefined): Field<NodeId> {
  const free = ['HOST', 'HOST2', 'HOST3', 'HOST4', 'HOST5'].find((h) => !nodes?.includes(h)) ?? 'HOST9';
  const checked = checkValue<string>(errors, value, path, NODE_ID_RULE, { expected: `the id of a new host outside the cluster: ${NODE_ID_HINT}`, fix: `rename it, such as ${quote(free)}` });
  if (checked.state !== 'ok') return INVALID;
  if (nodes?.includes(checked.value)) {
    errors.wrong(path, `a host id that is not one of the cluster's nodes (${list(nodes)})`, checked.value, `the host is outside the cluster, so choose an id that is not in nodes, such as ${quote(free)}`);
    return INVALID;
  }
  return okField(checked.value as NodeId);
}
