// Builds the world at t = 0 and processes one engine event or one learner input at a time.
// Everything that changes a world goes through here.

import '../heartbeat/network';
import '../cluster/effects';
import { createLinks, deliverHeartbeat, firstTickDelay, membershipActor } from '../heartbeat/network';
import { clusterLogicName } from '../cluster/personalities';
import { keysFor } from '../cluster/common';
import { completeFence, deliverClusterMessage, issueFence } from '../cluster/effects';
import { bootNode, eventNode } from '../node/power';
import { consoleProblem, runConsoleLine } from '../nodeConsole/nodeConsole';
import { clusterActor, onAppWrite } from '../storage/app';
import { checkPaths, startPathChecker } from '../storage/multipath';
import { createStorage } from '../storage/topology';
import { onArrive, onRespond, onService, onTimeout } from '../storage/transport';
import { sendScsi } from '../storage/transport';
import type { NodeId, SimMs, TraceId } from '../model/ids';
import type { LearnerAction, TimedInput } from '../model/input';
import type { Scenario } from '../model/scenario';
import type { TraceEntry } from '../model/trace';
import type { EngineEvent, World } from '../model/world';
import { faultById } from '../faults/registry';
import type { FaultTarget } from '../faults/types';
import { createRng, nextFloat } from '../rng';
import { popEvent } from '../queue';
import { buildPrOutCdb, buildPrOutParams } from '../lun';
import { dispatchTo, sendToActor, spawnActor, timerKey } from './actors';
import { record, schedule, type RunContext } from './context';

export function createWorld(scenario: Scenario, seed: number): RunContext {
  const world: World = {
    scenario,
    seed,
    time: 0 as SimMs,
    step: 0,
    inputsApplied: 0,
    seq: 0,
    traceLength: 0,
    rng: createRng(seed),
    queue: [],
    timers: {},
    nextTimerToken: 1,
    nextMessageId: 1,
    nodes: {},
    links: createLinks(scenario.nodes, scenario.params.heartbeatNetworks),
    partition: null,
    inflight: [],
    lastHeartbeat: {},
    lastHeard: {},
    actors: {},
    ...createStorage(scenario),
    inflightScsi: [],
    nextTag: 1,
    mounts: {},
    latestEpoch: 0,
    latestMountBy: null,
    appTokens: {},
    violations: [],
    frozenBacklog: {},
    keys: keysFor(scenario.personality, scenario.nodes, scenario.params.keyPrefix),
    consoles: {},
  };
  const ctx: RunContext = { world, trace: [] };
  for (const id of scenario.nodes) {
    world.nodes[id] = { id, power: 'up', powerBy: null, incarnation: 1, fenced: false, standalone: false };
    world.mounts[id] = null;
  }
  for (const id of scenario.nodes) {
    const { heartbeatIntervalMs, heartbeatMisses } = scenario.params;
    spawnActor(ctx, membershipActor(id), 'membership', id, {
      self: id,
      peers: scenario.nodes.filter((p) => p !== id),
      intervalMs: heartbeatIntervalMs,
      misses: heartbeatMisses,
      firstTickMs: firstTickDelay(heartbeatIntervalMs, nextFloat(world.rng)),
    });
  }
  for (const id of scenario.nodes) {
    spawnActor(ctx, clusterActor(id), clusterLogicName(scenario.personality), id, {
      self: id,
      nodes: [...scenario.nodes],
      personality: scenario.personality,
      pathsPerNode: scenario.pathsPerNode,
      params: scenario.params,
      keys: world.keys,
    });
    startPathChecker(ctx, id);
  }
  scenario.faults.forEach((fault, index) => {
    schedule(ctx, { kind: 'fault', time: fault.at as SimMs, fault, index, cause: null });
  });
  return ctx;
}

/** Records a fault and applies it. The caller has validated the target. */
export function applyFault(ctx: RunContext, faultId: string, target: FaultTarget, origin: 'scenario' | 'learner'): TraceId {
  const fault = faultById(faultId)!;
  const id = record(ctx, {
    kind: `FAULT.${faultId.toUpperCase().replace(/-/g, '_')}`,
    category: 'fault',
    node: (target.node as NodeId | undefined) ?? undefined,
    summary: `${origin === 'learner' ? 'You inject' : 'Scenario injects'}: ${fault.describe(target)}`,
    rule: fault.description,
    parent: null,
    data: { fault: faultId, origin, target: JSON.stringify(target) },
    notable: true,
  });
  fault.apply(ctx, target, id);
  return id;
}

/** Why a learner action can't be applied now, or null. */
export function validateAction(world: World, action: LearnerAction): string | null {
  if (action.type === 'console') return consoleProblem(world, action.node, action.line);
  if (action.type !== 'fault') return `unknown input type "${(action as { type: string }).type}"; expected "fault" or "console"`;
  const fault = faultById(action.fault);
  if (!fault) return `unknown fault "${action.fault}"`;
  return fault.validate(world, action.target ?? {});
}

export function applyInput(ctx: RunContext, input: TimedInput): void {
  ctx.world.time = input.at;
  ctx.world.inputsApplied += 1;
  const problem = validateAction(ctx.world, input.action);
  if (problem) {
    // Only reachable when a recorded input is replayed on a world where it no longer applies.
    record(ctx, { kind: 'INPUT.REJECTED', category: 'input', summary: `Input not applied: ${problem}`, parent: null });
    return;
  }
  if (input.action.type === 'console') {
    const { node, line } = input.action;
    const id = record(ctx, { kind: 'CONSOLE.COMMAND', category: 'input', node: node as NodeId, summary: `${node}# ${line}`, parent: null, data: { line }, notable: true });
    runConsoleLine(ctx, node as NodeId, line, id);
    return;
  }
  applyFault(ctx, input.action.fault, input.action.target, 'learner');
}

function processEvent(ctx: RunContext, ev: EngineEvent): void {
  const node = eventNode(ctx.world, ev);
  if (node) {
    const power = ctx.world.nodes[node]?.power;
    if (power === 'frozen') {
      // A paused node neither runs nor answers: hold the event until it resumes.
      (ctx.world.frozenBacklog[node] ??= []).push(ev);
      return;
    }
    // A crashed node's pending fence request still ends in the trace: it dies with the node.
    if (power === 'crashed' && ev.kind !== 'mpath.check' && ev.kind !== 'fence.issue') return;
  }
  switch (ev.kind) {
    case 'timer': {
      const key = timerKey(ev.actor, ev.name);
      if (ctx.world.timers[key] !== ev.token) return; // cancelled or re-armed since
      delete ctx.world.timers[key];
      sendToActor(ctx, ev.actor, { type: timerEventType(ev.name) }, ev.cause);
      return;
    }
    case 'heartbeat.deliver':
      deliverHeartbeat(ctx, ev.msg, ev.from, ev.to, ev.link, ev.cause);
      return;
    case 'scsi.arrive':
      onArrive(ctx, ev.tag);
      return;
    case 'lun.service':
      onService(ctx, ev.lun);
      return;
    case 'scsi.respond':
      onRespond(ctx, ev.tag);
      return;
    case 'scsi.timeout':
      onTimeout(ctx, ev.tag);
      return;
    case 'app.write':
      onAppWrite(ctx, ev.node, ev.token);
      return;
    case 'mpath.check':
      if (ctx.world.nodes[ev.node]?.power !== 'up') {
        startPathChecker(ctx, ev.node);
        return;
      }
      checkPaths(ctx, ev.node, (path, cause) => reregisterOnReinstatedPath(ctx, ev.node, path, cause));
      return;
    case 'fence.issue':
      issueFence(ctx, ev.fencer, ev.victim, ev.incarnation, ev.cause);
      return;
    case 'fence.complete':
      completeFence(ctx, ev.fencer, ev.victim, ev.incarnation, ev.cause);
      return;
    case 'fence.result':
      // Only the incarnation that asked hears the answer (a rebooted fencer forgot its request).
      if (ctx.world.nodes[ev.fencer]?.incarnation === ev.incarnation) dispatchTo(ctx, clusterActor(ev.fencer), { type: 'FENCE.RESULT', victim: ev.victim, ok: true } as { type: string }, ev.cause);
      return;
    case 'node.boot':
      if (ctx.world.nodes[ev.node]?.incarnation === ev.incarnation) bootNode(ctx, ev.node, ev.cause);
      return;
    case 'cluster.deliver':
      deliverClusterMessage(ctx, ev.from, ev.to, ev.message, ev.cause);
      return;
    case 'fault': {
      const fault = faultById(ev.fault.fault);
      const problem = fault ? fault.validate(ctx.world, ev.fault) : `unknown fault "${ev.fault.fault}"`;
      if (problem) {
        record(ctx, { kind: 'FAULT.SKIPPED', category: 'fault', summary: `Scheduled fault #${ev.index + 1} (${ev.fault.fault}) skipped: ${problem}`, parent: null });
        return;
      }
      const { at: _at, fault: faultId, ...target } = ev.fault;
      applyFault(ctx, faultId, target, 'scenario');
      return;
    }
  }
}

/**
 * multipathd with reservation_key set registers the node's key on a reinstated path, but only
 * while the key is registered through another of the node's paths (mpathpersist(8)).
 */
function reregisterOnReinstatedPath(ctx: RunContext, node: NodeId, path: number, cause: TraceId): void {
  const { world } = ctx;
  if (world.scenario.mode !== 'scsi3' || !world.scenario.params.mpathReservationKey) return;
  const key = world.keys[node];
  const lun0 = world.luns[0]!.state;
  if (!key || !lun0.pr.registrations.some((r) => r.key === key && r.nexus.startsWith(`${node}.`))) return;
  sendScsi(
    ctx,
    { node, via: path, cdb: buildPrOutCdb('REGISTER_AND_IGNORE_EXISTING_KEY'), dataOut: buildPrOutParams({ saKey: key, aptpl: world.scenario.params.aptpl }), purpose: 'mpath.register', actor: null },
    cause,
  );
}

/** Timer names map to the machine events they deliver. */
function timerEventType(name: string): string {
  if (name === 'heartbeat') return 'HEARTBEAT.TICK';
  return `TIMER.${name.toUpperCase()}`;
}

/** Pops and processes the next engine event; returns false when the queue is empty. */
export function processNext(ctx: RunContext): boolean {
  const ev = popEvent(ctx.world.queue);
  if (!ev) return false;
  ctx.world.time = ev.time;
  ctx.world.step += 1;
  processEvent(ctx, ev);
  return true;
}

export function membershipOf(world: World, node: NodeId) {
  return world.actors[membershipActor(node)]?.snapshot;
}

export type { TraceEntry };
