// Branded identifiers and units used across the engine. A brand stops a node id being passed
// where a nexus id is expected, at no run-time cost.

/** Virtual time in milliseconds since the start of a run. Never wall-clock time. */
export type SimMs = number & { readonly __brand: 'SimMs' };
/** A cluster node (host), e.g. "A". */
export type NodeId = string & { readonly __brand: 'NodeId' };
/**
 * An I_T nexus: one initiator port (an HBA port of a node) talking to one target port of the
 * array. Written "<node>.<path>", e.g. "A.1" is node A's first HBA port on its path to the array.
 */
export type NexusId = string & { readonly __brand: 'NexusId' };
/** An 8-byte persistent reservation key, as lower-case hex with 0x, e.g. "0x36830000". */
export type PrKey = string & { readonly __brand: 'PrKey' };
/** Id of an entry in the trace. */
export type TraceId = number & { readonly __brand: 'TraceId' };

export const simMs = (ms: number): SimMs => ms as SimMs;
export const nodeId = (id: string): NodeId => id as NodeId;
export const nexusId = (node: string, path: number): NexusId => `${node}.${path}` as NexusId;
