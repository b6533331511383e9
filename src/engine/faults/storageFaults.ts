// Faults of the storage side: HBA links, array target ports, resets, array power.

import { nexusLoss } from '../lun';
import type { NodeId } from '../model/ids';
import { record } from '../sim/context';
import { powerCycleArray } from '../storage/lunPower';
import { pathState } from '../storage/multipath';
import { sendScsi } from '../storage/transport';
import type { FaultDescriptor, FaultTarget } from './types';
import { checkNode } from './targets';
import type { World } from '../model/world';

function checkPath(world: World, t: FaultTarget): string | null {
  const bad = checkNode(world, t);
  if (bad) return bad;
  const paths = world.paths.filter((p) => p.node === t.node).map((p) => p.path);
  if (!Number.isInteger(t.path) || !paths.includes(t.path!)) return `"path": ${String(t.path)} is not a path of node ${t.node}; use ${paths.join(', ')}`;
  return null;
}

function checkPort(world: World, t: FaultTarget): string | null {
  const ports = world.targetPorts.map((p) => p.port);
  if (!Number.isInteger(t.path) || !ports.includes(t.path!)) return `"path": ${String(t.path)} is not an array target port; use ${ports.join(', ')}`;
  return null;
}

export const pathDown: FaultDescriptor = {
  id: 'path-down',
  label: 'Take path down',
  description: 'Pull the cable of one HBA port (or its switch port): commands on that path are lost until multipath notices.',
  target: 'path',
  targets: (view) => view.paths.filter((p) => p.up).map((p) => ({ target: { node: p.node, path: p.path }, label: `${p.node}.${p.path}` })),
  validate(world, t) {
    const bad = checkPath(world, t);
    if (bad) return bad;
    return pathState(world, t.node as NodeId, t.path!)!.up ? null : `path ${t.node}.${t.path} is already down`;
  },
  apply(ctx, t, cause) {
    const p = pathState(ctx.world, t.node as NodeId, t.path!)!;
    p.up = false;
    p.downBy = cause;
    if (ctx.world.scenario.params.pathDownIsNexusLoss) {
      // FC: the switch tells the array the port logged out; the array sees I_T nexus loss.
      for (const slot of ctx.world.luns) slot.state = nexusLoss(slot.state, p.nexus);
      record(ctx, {
        kind: 'SCSI.NEXUS_LOSS',
        category: 'scsi',
        summary: `The array sees I_T nexus loss of ${p.nexus}: an SPC-2 reservation it held is released`,
        rule: 'SPC-2 reservations are released on I_T nexus loss of the holder (libiscsi test_reserve6_itnexus_loss; LIO since 5.5); persistent reservations are kept.',
        parent: cause,
      });
    }
  },
  describe: (t) => `path ${t.node}.${t.path} down`,
};

export const pathUp: FaultDescriptor = {
  id: 'path-up',
  label: 'Bring path up',
  description: 'Plug the HBA cable back in; multipathd reinstates the path at its next check.',
  target: 'path',
  targets: (view) => view.paths.filter((p) => !p.up).map((p) => ({ target: { node: p.node, path: p.path }, label: `${p.node}.${p.path}` })),
  validate(world, t) {
    const bad = checkPath(world, t);
    if (bad) return bad;
    return pathState(world, t.node as NodeId, t.path!)!.up ? `path ${t.node}.${t.path} is not down` : null;
  },
  apply(ctx, t) {
    const p = pathState(ctx.world, t.node as NodeId, t.path!)!;
    p.up = true;
    p.downBy = null;
  },
  describe: (t) => `path ${t.node}.${t.path} up`,
};

export const targetPortDown: FaultDescriptor = {
  id: 'target-port-down',
  label: 'Take array port down',
  description: 'An array target port fails: every node loses the path zoned to it.',
  target: 'port',
  targets: (view) => view.targetPorts.filter((p) => p.up).map((p) => ({ target: { path: p.port }, label: `array port T${p.port}` })),
  validate(world, t) {
    const bad = checkPort(world, t);
    if (bad) return bad;
    return world.targetPorts.find((p) => p.port === t.path)!.up ? null : `array port T${t.path} is already down`;
  },
  apply(ctx, t, cause) {
    const port = ctx.world.targetPorts.find((p) => p.port === t.path)!;
    port.up = false;
    port.downBy = cause;
  },
  describe: (t) => `array target port T${t.path} down`,
};

export const targetPortUp: FaultDescriptor = {
  id: 'target-port-up',
  label: 'Bring array port up',
  description: 'The array target port comes back.',
  target: 'port',
  targets: (view) => view.targetPorts.filter((p) => !p.up).map((p) => ({ target: { path: p.port }, label: `array port T${p.port}` })),
  validate(world, t) {
    const bad = checkPort(world, t);
    if (bad) return bad;
    return world.targetPorts.find((p) => p.port === t.path)!.up ? `array port T${t.path} is not down` : null;
  },
  apply(ctx, t) {
    const port = ctx.world.targetPorts.find((p) => p.port === t.path)!;
    port.up = true;
    port.downBy = null;
  },
  describe: (t) => `array target port T${t.path} up`,
};

function resetFault(scope: 'lun' | 'target' | 'bus', label: string, description: string): FaultDescriptor {
  return {
    id: `${scope}-reset`,
    label,
    description,
    target: 'lun',
    targets: (view) => {
      const from = view.nodes.find((n) => n.power === 'up');
      return from ? [{ target: { node: from.id }, label: `from node ${from.id}` }] : [];
    },
    validate(world, t) {
      const node = t.node ?? world.scenario.nodes[0];
      if (t.node !== undefined) {
        const bad = checkNode(world, t);
        if (bad) return bad;
      }
      return world.nodes[node!]!.power === 'up' ? null : `node ${node} must be up to send a reset (it is ${world.nodes[node!]!.power})`;
    },
    apply(ctx, t, cause) {
      const node = (t.node ?? ctx.world.scenario.nodes[0]) as NodeId;
      sendScsi(ctx, { node, via: 'mpath', cdb: [], tmf: scope, purpose: 'admin.reset', actor: null }, cause);
    },
    describe: (t) => `${label.toLowerCase()} from node ${t.node ?? 'A'}`,
  };
}

export const lunReset = resetFault('lun', 'LUN reset', 'A LOGICAL UNIT RESET: releases an SPC-2 reservation and aborts queued commands; persistent reservations stay.');
export const targetReset = resetFault('target', 'Target reset', 'A target reset: every LUN behind the target loses its SPC-2 reservation and queued commands.');
export const busReset = resetFault('bus', 'Bus reset', 'A bus reset: every device on the bus is reset — including LUNs other hosts are using.');

export const arrayPowerCycle: FaultDescriptor = {
  id: 'array-power-cycle',
  label: 'Power-cycle the array',
  description:
    'The array loses power and comes back: dark for a while (commands time out), then NOT READY while it boots; SPC-2 reservations are gone; persistent reservations survive only if APTPL was set.',
  target: 'lun',
  targets: () => [{ target: {}, label: 'the array' }],
  validate: () => null,
  // The lifecycle (off → becoming ready → ready) is the LUN power machine (storage/lunPower.ts).
  apply(ctx, _t, cause) {
    powerCycleArray(ctx, cause);
  },
  describe: () => 'array power-cycled',
};
