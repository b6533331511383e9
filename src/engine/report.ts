// The outcome of a run as plain JSON: what `lab run --json` prints and what scenario tests
// check. Field names are part of the CLI contract (README, issue 4).

import type { SimView } from './model/view';
import type { TraceEntry } from './model/trace';

export interface RunReport {
  scenario: string;
  seed: number;
  /** Virtual time the run ended at (ms). */
  end: number;
  integrity: { ok: boolean; violations: { at: number; node: string; lba: number }[] };
  nodes: Record<string, { up: boolean; frozen: boolean; member: string[]; owner: boolean; serviceState: string; fenced: boolean }>;
  lun: {
    scsi2Holder: string | null;
    generation: number;
    registrations: { nexus: string; key: string }[];
    reservation: { key: string; type: string; holderNexus: string | null } | null;
  };
  /** Notable events, in order: what a learner would stop at. */
  events: { t: number; node: string | null; kind: string; summary: string }[];
  trace?: TraceEntry[];
}

export function runReport(view: SimView, trace: readonly TraceEntry[], withTrace = false): RunReport {
  const lun = view.luns[0]!;
  const nodes: RunReport['nodes'] = {};
  for (const n of view.nodes) {
    nodes[n.id] = {
      up: n.power !== 'crashed',
      frozen: n.power === 'frozen',
      member: n.members,
      owner: n.tags.includes('owner'),
      serviceState: n.serviceState,
      fenced: n.fenced || n.tags.includes('fenced'),
    };
  }
  const report: RunReport = {
    scenario: view.scenarioId,
    seed: view.seed,
    end: view.time,
    integrity: { ok: view.integrity.ok, violations: view.integrity.violations.map((v) => ({ at: v.at, node: v.node, lba: v.lba })) },
    nodes,
    lun: {
      scsi2Holder: lun.scsi2Holder,
      generation: lun.generation,
      registrations: lun.registrations.map((r) => ({ nexus: r.nexus, key: r.key })),
      reservation: lun.reservation ? { key: lun.reservation.key, type: lun.reservation.type, holderNexus: lun.reservation.holderNexus } : null,
    },
    events: trace.filter((e) => e.notable).map((e) => ({ t: e.t, node: e.node ?? null, kind: e.kind, summary: e.summary })),
  };
  if (withTrace) report.trace = [...trace];
  return report;
}
