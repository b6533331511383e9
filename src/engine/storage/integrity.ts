// The integrity checker. Every mount of the shared file system gets a new epoch; a WRITE the LUN
// accepts from a node whose mount epoch is no longer the latest is a corrupting write — two nodes
// have the file system mounted and both allocate and overwrite blocks from their own view.

import type { TraceId } from '../model/ids';
import type { ScsiInFlight } from '../model/world';
import { record, type RunContext } from '../sim/context';
import { lbaOf } from './labels';

export function checkWriteIntegrity(ctx: RunContext, cmd: ScsiInFlight, execId: TraceId): void {
  const { world } = ctx;
  if (cmd.epoch === null || cmd.lun !== 0 || cmd.epoch >= world.latestEpoch) return;
  const lba = lbaOf(cmd.cdb);
  const first = world.violations.length === 0;
  const id = record(ctx, {
    kind: 'INTEGRITY.CORRUPTING_WRITE',
    category: 'integrity',
    node: cmd.node,
    summary: `${first ? 'First corrupting write' : 'Corrupting write'}: ${cmd.node} (mount epoch ${cmd.epoch}) wrote LBA ${lba}, but the file system was mounted again since (epoch ${world.latestEpoch})`,
    rule: 'Two nodes have the file system mounted: each allocates and overwrites blocks from its own cached view, so a write from a superseded mount corrupts the data the new owner relies on.',
    // The causal chain goes through the mount that superseded this node's: back to the fault.
    parent: world.latestMountBy ?? execId,
    data: { lba, epoch: cmd.epoch, latestEpoch: world.latestEpoch, tag: cmd.tag, exec: execId },
    notable: true,
  });
  world.violations.push({ at: world.time, node: cmd.node, lba, epoch: cmd.epoch, latestEpoch: world.latestEpoch, trace: id });
}
