// The multipath layer of each node (dm-multipath / MPIO with a failover policy): I/O goes down
// the lowest-numbered active path; a path whose command timed out is failed at once; the path
// checker (multipathd polling_interval) reinstates paths that work again.

import type { NodeId, TraceId } from '../model/ids';
import type { World } from '../model/world';
import { at, record, schedule, type RunContext } from '../sim/context';
import { lunPower } from './lunPower';

export function pathState(world: World, node: NodeId, path: number) {
  return world.paths.find((p) => p.node === node && p.path === path);
}

/** Does a command get through on this path right now (HBA link and array port both up)? */
export function pathCarries(world: World, node: NodeId, path: number): boolean {
  const p = pathState(world, node, path);
  if (!p || !p.up) return false;
  const port = world.targetPorts.find((t) => t.port === p.path);
  return !port || port.up;
}

/** The path multipath sends the next I/O down, or null when every path is failed. */
export function activePath(world: World, node: NodeId): number | null {
  const mp = world.multipath[node];
  if (!mp) return null;
  const active = Object.entries(mp.paths)
    .filter(([, s]) => s === 'active')
    .map(([p]) => Number(p))
    .sort((a, b) => a - b);
  return active[0] ?? null;
}

export function failPath(ctx: RunContext, node: NodeId, path: number, cause: TraceId | null, why: string): void {
  const mp = ctx.world.multipath[node];
  if (!mp || mp.paths[path] === 'failed') return;
  mp.paths[path] = 'failed';
  record(ctx, {
    kind: 'MPATH.PATH_FAILED',
    category: 'scsi',
    node,
    summary: `${node}: multipath fails path ${path} (${why})`,
    rule: 'dm-multipath fails a path on a transport error or timeout and sends later I/O down the next active path (failover policy).',
    parent: cause,
    data: { path },
    notable: true,
  });
}

export function startPathChecker(ctx: RunContext, node: NodeId): void {
  schedule(ctx, { kind: 'mpath.check', time: at(ctx, ctx.world.scenario.params.pathCheckerMs), node, cause: null });
}

/**
 * multipathd's checker: failed paths that carry commands again are reinstated, dead ones failed.
 * Its TEST UNIT READY (the tur checker) goes to the shared disk, LUN 0: no answer from a dark array
 * and NOT READY from one still becoming ready both make the path down (multipath-tools
 * checkers/tur.c: only NOT READY 04h/0Bh, ALUA standby, is "ghost").
 */
export function checkPaths(ctx: RunContext, node: NodeId, reinstated: (path: number, cause: TraceId) => void): void {
  const { world } = ctx;
  const mp = world.multipath[node];
  if (!mp) return;
  const power = lunPower(world, 0);
  for (const key of Object.keys(mp.paths)) {
    const path = Number(key);
    const carries = pathCarries(world, node, path);
    const works = carries && power === 'ready';
    if (!works && mp.paths[path] === 'active') {
      const p = pathState(world, node, path);
      failPath(ctx, node, path, p?.downBy ?? null, carries && power === 'becoming-ready' ? 'path checker: TEST UNIT READY got NOT READY' : 'path checker: no answer');
    } else if (works && mp.paths[path] === 'failed') {
      mp.paths[path] = 'active';
      const id = record(ctx, {
        kind: 'MPATH.PATH_REINSTATED',
        category: 'scsi',
        node,
        summary: `${node}: multipath reinstates path ${path}`,
        rule: 'multipathd polls every path (polling_interval) and reinstates a failed path that answers again.',
        parent: null,
        data: { path },
      });
      reinstated(path, id);
    }
  }
  startPathChecker(ctx, node);
}
