// describeLun: the plain projection the UI, the CLI and scenario expectations read.

import type { LunSummary } from './api';
import { prTypeName } from './opcodes';
import type { LunState } from './state';
import { holdsReservation, reservationKey } from './state';
import { unitAttentionLabel } from './unitAttention';

export function describeLun(state: LunState): LunSummary {
  const res = state.pr.reservation;
  return {
    lun: state.lun,
    serial: state.serial,
    bus: state.bus,
    scsi2Holder: state.scsi2Holder,
    generation: state.pr.generation,
    aptpl: state.pr.aptpl,
    registrations: state.pr.registrations.map((r) => ({ nexus: r.nexus, key: r.key, holder: holdsReservation(state, r.nexus) })),
    reservation: res === null ? null : { key: reservationKey(state)!, type: prTypeName(res.type), scope: 'LU', holderNexus: res.holder },
    pendingUnitAttentions: state.unitAttentions.map((u) => ({ nexus: u.nexus, asc: u.asc, ascq: u.ascq, label: unitAttentionLabel(u) })),
    blocks: state.blocks.map((b) => ({ lba: b.lba, writer: b.writer, nexus: b.nexus, seq: b.seq })),
    queuedTasks: state.tasks.map((t) => ({ nexus: t.nexus, tag: t.tag ?? null, opcode: t.cdb[0] ?? -1 })),
  };
}
