// Checks `nodes`: 2 to 4 distinct node ids.

import type { NodeId } from '../../engine/model/ids';
import { INVALID, checkValue, okField, type Field } from './checkValue';
import { joinPath, quote, type ErrorList } from './errors';
import { MAX_NODES, MIN_NODES, NODE_ID_PATTERN, NODE_ID_RULE } from './rules';

export interface NodesResult {
  nodes: Field<NodeId[]>;
  /**
   * The distinct strings in `nodes`, even when some are malformed: other fields are checked
   * against them, so one bad id is reported once rather than at every fault that names it.
   * Undefined when `nodes` is not an array.
   */
  known: readonly string[] | undefined;
}

const EXPECTED = `an array of ${MIN_NODES} to ${MAX_NODES} different node ids, such as ["A", "B"]`;

export function validateNodes(errors: ErrorList, value: unknown): NodesResult {
  const path = 'nodes';
  if (value === undefined) {
    errors.missing(path, EXPECTED, 'add the cluster\'s nodes, such as "nodes": ["A", "B"]');
    return { nodes: INVALID, known: undefined };
  }
  if (!Array.isArray(value)) {
    errors.wrong(path, EXPECTED, value, 'list the cluster\'s nodes in an array, such as ["A", "B"]');
    return { nodes: INVALID, known: undefined };
  }
  const before = errors.size;
  if (value.length < MIN_NODES) errors.wrong(path, EXPECTED, value, `add nodes until there are at least ${MIN_NODES} (a cluster needs a peer to fail over to)`);
  if (value.length > MAX_NODES) errors.wrong(path, EXPECTED, value, `remove nodes until there are at most ${MAX_NODES}`);
  const firstIndex = new Map<string, number>();
  value.forEach((item: unknown, i) => {
    const itemPath = joinPath(path, i);
    const upper = typeof item === 'string' ? item.toUpperCase() : '';
    const fix = NODE_ID_PATTERN.test(upper) ? `write it in capitals, ${quote(upper)}` : undefined;
    const checked = checkValue<string>(errors, item, itemPath, NODE_ID_RULE, { fix });
    if (typeof item !== 'string') return;
    const earlier = firstIndex.get(item);
    if (earlier === undefined) firstIndex.set(item, i);
    else if (checked.state === 'ok') errors.wrong(itemPath, 'a node id not already in nodes', item, `${quote(item)} is already nodes[${earlier}], so give each node its own id`);
  });
  const known = [...firstIndex.keys()];
  return { nodes: errors.size > before ? INVALID : okField(known as NodeId[]), known };
}
