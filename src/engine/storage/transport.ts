// SCSI transport between initiators and the array. A command travels its path to the array
// (commandLatencyMs), waits in the LUN's task set, is executed (lunServiceMs), and its answer
// travels back. A command on a dead path is lost and the initiator learns it only after
// ioFailMs (a timeout); multipath then fails that path and resends on another one. While the
// array is powered off (lunPower.ts) it answers nothing either: commands reaching it are lost the
// same way; while it is becoming ready its device server answers NOT READY.

import { applyReset, describeLun, enqueueTask, executeNextTask, type LunState, type ScsiResult } from '../lun';
import type { NodeId, TraceId } from '../model/ids';
import type { ScsiInFlight, World } from '../model/world';
import { dispatchTo } from '../sim/actors';
import { at, record, schedule, type RunContext } from '../sim/context';
import { checkWriteIntegrity } from './integrity';
import { commandLabel, isWrite10 } from './labels';
import { lunPower, lunReadiness } from './lunPower';
import { activePath, failPath, pathCarries } from './multipath';

export interface ScsiRequest {
  node: NodeId;
  /** A path number, or "mpath" to let multipath choose. */
  via: number | 'mpath';
  lun?: number;
  cdb: number[];
  dataOut?: number[];
  tmf?: 'lun' | 'target' | 'bus';
  purpose: string;
  actor: string | null;
  epoch?: number | null;
  /** Overrides the generated label. */
  label?: string;
}

/** Unit attentions are retried by the initiator's SCSI layer (Linux sd, Windows class driver). */
const MAX_AUTOMATIC_RETRIES = 3;
const SENSE_KEY_UNIT_ATTENTION = 0x06;

export type ScsiOutcome = ScsiResult['status'] | 'TIMEOUT';

/** The event an actor receives when its command completes. */
export interface ScsiResultEvent {
  type: 'SCSI.RESULT';
  tag: number;
  purpose: string;
  status: ScsiOutcome;
  sense: ScsiResult['sense'];
  dataIn: number[];
  path: number;
  lun: number;
}

function find(world: World, tag: number): ScsiInFlight | undefined {
  return world.inflightScsi.find((c) => c.tag === tag);
}

function remove(world: World, tag: number): void {
  world.inflightScsi = world.inflightScsi.filter((c) => c.tag !== tag);
}

/** Sends a command; returns its tag, or null when multipath has no path (the actor is told at once). */
export function sendScsi(ctx: RunContext, req: ScsiRequest, cause: TraceId | null, retries = 0): number | null {
  const { world } = ctx;
  const node = world.nodes[req.node]!;
  const path = req.via === 'mpath' ? activePath(world, req.node) : req.via;
  const label = req.label ?? commandLabel(req.cdb, req.tmf);
  if (path === null) {
    const id = record(ctx, {
      kind: 'SCSI.NO_PATH',
      category: 'scsi',
      node: req.node,
      summary: `${req.node}: ${label} fails at once: every path is failed`,
      rule: 'With no active path left, dm-multipath fails the I/O (no_path_retry fail).',
      parent: cause,
      notable: true,
    });
    if (req.actor) deliver(ctx, req.actor, { type: 'SCSI.RESULT', tag: -1, purpose: req.purpose, status: 'TIMEOUT', sense: null, dataIn: [], path: 0, lun: req.lun ?? 0 }, id);
    return null;
  }
  const tag = world.nextTag++;
  const nexus = `${req.node}.${path}`;
  const sendId = record(ctx, {
    kind: 'SCSI.SEND',
    category: 'scsi',
    node: req.node,
    summary: `${nexus} → LUN ${req.lun ?? 0}: ${label}`,
    parent: cause,
    data: { tag, nexus, path, lun: req.lun ?? 0, label, purpose: req.purpose },
  });
  const carries = pathCarries(world, req.node, path);
  const cmd: ScsiInFlight = {
    tag,
    node: req.node,
    nexus: nexus as ScsiInFlight['nexus'],
    path,
    lun: req.lun ?? 0,
    cdb: req.cdb,
    dataOut: req.dataOut,
    tmf: req.tmf,
    purpose: req.purpose,
    label,
    actor: req.actor,
    epoch: req.epoch ?? null,
    phase: carries ? 'to-lun' : 'lost',
    sentAt: world.time,
    arriveAt: carries ? at(ctx, world.scenario.params.commandLatencyMs) : null,
    result: null,
    sendId,
    incarnation: node.incarnation,
    viaMpath: req.via === 'mpath',
    retries,
  };
  world.inflightScsi.push(cmd);
  if (carries) schedule(ctx, { kind: 'scsi.arrive', time: cmd.arriveAt!, tag, cause: sendId });
  else schedule(ctx, { kind: 'scsi.timeout', time: at(ctx, world.scenario.params.ioFailMs), tag, cause: sendId });
  return tag;
}

/** The command reaches the array: a TMF acts at once, a CDB joins the LUN's task set. */
export function onArrive(ctx: RunContext, tag: number): void {
  const { world } = ctx;
  const cmd = find(world, tag);
  if (!cmd || cmd.phase !== 'to-lun') return;
  // The path died while the command was on the wire, or the array is dark and answers nothing
  // (task management included): either way a timeout.
  if (!pathCarries(world, cmd.node, cmd.path) || lunPower(world, cmd.lun) === 'off') {
    cmd.arriveAt = null;
    loseCommand(ctx, cmd, cmd.sendId);
    return;
  }
  if (cmd.tmf) {
    applyTaskManagement(ctx, cmd);
    return;
  }
  const slot = world.luns.find((l) => l.id === cmd.lun);
  if (!slot) {
    respond(ctx, cmd, { status: 'CHECK_CONDITION', sense: { key: 0x05, asc: 0x25, ascq: 0x00 }, dataIn: [], rule: 'SPC-4: a command to a LUN that does not exist gets LOGICAL UNIT NOT SUPPORTED.' });
    return;
  }
  cmd.phase = 'at-lun';
  cmd.arriveAt = null;
  slot.state = enqueueTask(slot.state, { nexus: cmd.nexus, cdb: cmd.cdb, dataOut: cmd.dataOut, writer: cmd.node, tag });
  if (!slot.busy) {
    slot.busy = true;
    schedule(ctx, { kind: 'lun.service', time: at(ctx, world.scenario.params.lunServiceMs), lun: slot.id, cause: cmd.sendId });
  }
}

/** The LUN executes its oldest task. */
export function onService(ctx: RunContext, lunId: number): void {
  const { world } = ctx;
  const slot = world.luns.find((l) => l.id === lunId);
  if (!slot) return;
  slot.busy = false;
  const before = slot.state;
  const done = executeNextTask(slot.state, lunReadiness(world, lunId));
  if (!done) return;
  slot.state = done.state;
  const cmd = done.cmd.tag !== undefined ? find(world, done.cmd.tag) : undefined;
  if (slot.state.tasks.length > 0) {
    slot.busy = true;
    schedule(ctx, { kind: 'lun.service', time: at(ctx, world.scenario.params.lunServiceMs), lun: slot.id, cause: null });
  }
  if (!cmd) return;
  const execId = record(ctx, {
    kind: 'SCSI.EXEC',
    category: 'scsi',
    summary: `LUN ${lunId}: ${cmd.label} from ${cmd.nexus} → ${done.result.status.replace(/_/g, ' ')}`,
    rule: done.result.rule,
    parent: cmd.sendId,
    data: { tag: cmd.tag, nexus: cmd.nexus, status: done.result.status, lun: lunId, label: cmd.label, before: reservationState(before), after: reservationState(done.state) },
    notable: done.result.status === 'RESERVATION_CONFLICT',
  });
  if (done.result.status === 'GOOD' && isWrite10(cmd.cdb)) checkWriteIntegrity(ctx, cmd, execId);
  abortTasks(ctx, done.effects.abortedTags, execId, `${cmd.label} from ${cmd.nexus}`);
  respond(ctx, cmd, done.result);
}

function respond(ctx: RunContext, cmd: ScsiInFlight, result: ScsiResult): void {
  const { world } = ctx;
  cmd.result = result;
  if (pathCarries(world, cmd.node, cmd.path)) {
    cmd.phase = 'to-node';
    cmd.arriveAt = at(ctx, world.scenario.params.commandLatencyMs);
    schedule(ctx, { kind: 'scsi.respond', time: cmd.arriveAt, tag: cmd.tag, cause: cmd.sendId });
  } else {
    cmd.arriveAt = null;
    loseCommand(ctx, cmd, cmd.sendId);
  }
}

/** A command that will get no answer: its initiator gives up ioFailMs after sending it. */
export function loseCommand(ctx: RunContext, cmd: ScsiInFlight, cause: TraceId): void {
  const { world } = ctx;
  cmd.phase = 'lost';
  schedule(ctx, { kind: 'scsi.timeout', time: Math.max(world.time, cmd.sentAt + world.scenario.params.ioFailMs) as never, tag: cmd.tag, cause });
}

/** Tasks removed from a task set (PREEMPT AND ABORT, a reset) never answer: their initiators time out. */
function abortTasks(ctx: RunContext, tags: readonly number[], cause: TraceId, by: string): void {
  const { world } = ctx;
  for (const t of tags) {
    const victim = find(world, t);
    if (!victim) continue;
    record(ctx, {
      kind: 'SCSI.ABORTED',
      category: 'scsi',
      summary: `LUN ${victim.lun} aborts ${victim.label} queued from ${victim.nexus} (${by})`,
      rule: 'SPC-4 5.7.11.5: PREEMPT AND ABORT also aborts the preempted I_T nexuses\' tasks still in the task set; a reset aborts every queued task. Aborted tasks get no status (TAS=0), so their initiators time out.',
      parent: cause,
      data: { tag: victim.tag, nexus: victim.nexus },
      notable: true,
    });
    loseCommand(ctx, victim, cause);
  }
}

function applyTaskManagement(ctx: RunContext, cmd: ScsiInFlight): void {
  const { world } = ctx;
  const scope = cmd.tmf!;
  // A LUN reset touches one LUN; a target or bus reset every LUN behind the target/bus.
  const affected = scope === 'lun' ? world.luns.filter((l) => l.id === cmd.lun) : world.luns;
  const id = record(ctx, {
    kind: 'SCSI.RESET',
    category: 'scsi',
    node: cmd.node,
    summary: `${cmd.nexus}: ${cmd.label} reaches the array (${affected.length === 1 ? `LUN ${affected[0]!.id}` : `${affected.length} LUNs`})`,
    rule:
      scope === 'bus'
        ? 'A bus reset resets every device on the bus: SPC-2 reservations are released, queued tasks aborted, and every initiator gets a unit attention — the collateral that made Windows Server 2008 drop bus resets (KB 301647).'
        : 'SPC-2/SAM: a LOGICAL UNIT RESET or target reset releases the SPC-2 reservation and aborts queued tasks; persistent reservations and registrations are kept.',
    parent: cmd.sendId,
    data: { scope, nexus: cmd.nexus },
    notable: true,
  });
  for (const slot of affected) {
    const r = applyReset(slot.state, scope);
    slot.state = r.state;
    abortTasks(ctx, r.effects.abortedTags, id, cmd.label);
  }
  respond(ctx, cmd, { status: 'GOOD', sense: null, dataIn: [], rule: 'SAM-5: the task management function completed (FUNCTION COMPLETE).' });
}

/** The answer reaches the initiator. */
export function onRespond(ctx: RunContext, tag: number): void {
  const cmd = find(ctx.world, tag);
  if (!cmd || cmd.phase !== 'to-node' || !cmd.result) return;
  const r = cmd.result;
  if (r.status === 'CHECK_CONDITION' && r.sense?.key === SENSE_KEY_UNIT_ATTENTION && cmd.purpose !== 'console' && cmd.retries < MAX_AUTOMATIC_RETRIES) {
    remove(ctx.world, tag);
    const id = record(ctx, {
      kind: 'SCSI.UA_RETRY',
      category: 'scsi',
      node: cmd.node,
      summary: `${cmd.nexus}: unit attention (ASC ${hex(r.sense.asc)}/${hex(r.sense.ascq)}) on ${cmd.label}; the SCSI layer retries it`,
      rule: 'A unit attention is reported once; the initiator\'s SCSI layer notes it and retries the command.',
      parent: cmd.sendId,
    });
    sendScsi(ctx, { node: cmd.node, via: cmd.path, lun: cmd.lun, cdb: cmd.cdb, dataOut: cmd.dataOut, purpose: cmd.purpose, actor: cmd.actor, epoch: cmd.epoch, label: cmd.label }, id, cmd.retries + 1);
    return;
  }
  finish(ctx, cmd, r.status, r.sense, r.dataIn);
}

/** The initiator gives up on a lost command; multipath fails the path and resends elsewhere. */
export function onTimeout(ctx: RunContext, tag: number): void {
  const { world } = ctx;
  const cmd = find(world, tag);
  if (!cmd || cmd.phase !== 'lost') return;
  failPath(ctx, cmd.node, cmd.path, cmd.sendId, `${cmd.label} timed out`);
  if (cmd.viaMpath && cmd.retries < MAX_AUTOMATIC_RETRIES && activePath(world, cmd.node) !== null) {
    remove(world, tag);
    const id = record(ctx, {
      kind: 'SCSI.FAILOVER',
      category: 'scsi',
      node: cmd.node,
      summary: `${cmd.node}: multipath resends ${cmd.label} on path ${activePath(world, cmd.node)}`,
      rule: 'dm-multipath retries a failed I/O on the next active path instead of returning the error.',
      parent: cmd.sendId,
    });
    sendScsi(ctx, { node: cmd.node, via: 'mpath', lun: cmd.lun, cdb: cmd.cdb, dataOut: cmd.dataOut, tmf: cmd.tmf, purpose: cmd.purpose, actor: cmd.actor, epoch: cmd.epoch, label: cmd.label }, id, cmd.retries + 1);
    return;
  }
  finish(ctx, cmd, 'TIMEOUT', null, []);
}

function finish(ctx: RunContext, cmd: ScsiInFlight, status: ScsiOutcome, sense: ScsiResult['sense'], dataIn: number[]): void {
  remove(ctx.world, cmd.tag);
  const id = record(ctx, {
    kind: 'SCSI.DONE',
    category: 'scsi',
    node: cmd.node,
    summary: `${cmd.nexus}: ${cmd.label} → ${status.replace(/_/g, ' ')}`,
    parent: cmd.sendId,
    data: { tag: cmd.tag, status, path: cmd.path, label: cmd.label, purpose: cmd.purpose },
    notable: status !== 'GOOD' && cmd.purpose !== 'console',
  });
  if (cmd.actor) deliver(ctx, cmd.actor, { type: 'SCSI.RESULT', tag: cmd.tag, purpose: cmd.purpose, status, sense, dataIn, path: cmd.path, lun: cmd.lun }, id);
}

function deliver(ctx: RunContext, actor: string, event: ScsiResultEvent, cause: TraceId): void {
  dispatchTo(ctx, actor, event, cause);
}

/** The LUN's reservation state in one line, for "why?" (state before and after a command). */
export function reservationState(state: LunState): string {
  const d = describeLun(state);
  const regs = d.registrations.length ? d.registrations.map((r) => `${r.nexus}=${r.key}${r.holder ? '*' : ''}`).join(' ') : 'none';
  const res = d.reservation ? `${d.reservation.type} key ${d.reservation.key}${d.reservation.holderNexus ? ` held by ${d.reservation.holderNexus}` : ' (all registrants)'}` : 'none';
  return `SPC-2 holder: ${d.scsi2Holder ?? 'none'}; registrations: ${regs}; PR reservation: ${res}; PRgeneration ${d.generation}`;
}

const hex = (n: number) => n.toString(16).padStart(2, '0') + 'h';
