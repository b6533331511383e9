// The array's power lifecycle around the LUN (lunPowerMachine.ts, lunPower.ts) inside the
// simulation: off (no answer: a timeout, as on a dead path), becoming ready (NOT READY 04h/01h,
// SPC-4; INQUIRY still answers), ready (POWER ON unit attention reported once, SAM-4 §5.14).
// Also PREEMPT AND ABORT aborting a victim's WRITE still queued at the LUN (SPC-4 5.7.11.5).

import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { createSimulation, type Simulation } from '../sim/createSimulation';
import { testScenario } from '../testing/scenarios';
import type { ScenarioParams, ScheduledFault } from '../model/scenario';
import { LUN_POWER_RULES, lunPowerMachine } from './lunPowerMachine';
import { buildInquiryCdb, buildReadCdb, buildReportLunsCdb, buildRequestSenseCdb, buildTestUnitReadyCdb, createLun, decodeFixedSense, executeCommand, powerCycle } from '../lun';
import type { NexusId } from '../model/ids';
import { nodeNexuses } from '../console/script';

const POWER_AT = 10_000;

/** HA-LVM without fencing: a quiet cluster whose owner writes every second. */
function sim(o: { faults?: ScheduledFault[]; params?: Partial<ScenarioParams>; seed?: number } = {}): Simulation {
  return createSimulation({ scenario: testScenario(['A', 'B'], { faults: o.faults ?? [{ at: POWER_AT, fault: 'array-power-cycle' }], params: o.params, seed: o.seed }) });
}

const lastConsole = (s: Simulation, node: string) => s.view().nodes.find((n) => n.id === node)!.console.history.at(-1)!;

/** Types a line on B's console at `t` and runs until it has finished. */
function typeAt(s: Simulation, t: number, line: string) {
  s.runUntil(t);
  expect(s.input({ type: 'console', node: 'B', line })).toMatchObject({ ok: true });
  s.runUntil((x) => lastConsole(x, 'B').done, 100_000);
  return lastConsole(s, 'B');
}

describe('lunPowerMachine: ready → off → becomingReady → ready', () => {
  const input = { lun: 0, offMs: 2000, becomingReadyMs: 3000 };

  it('each transition says its rule and asks for its timer on the engine queue (no xstate after delays)', () => {
    const [s0] = initialTransition(lunPowerMachine, input);
    expect(s0.value).toBe('ready');
    const [s1, a1] = transition(lunPowerMachine, s0, { type: 'POWER.LOSS' });
    expect(s1.value).toBe('off');
    const emitted = (actions: readonly { type: string; params?: unknown }[]) => actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: unknown }).event);
    expect(emitted(a1)).toEqual([
      { type: 'lun.power', lun: 0, phase: 'off', rule: LUN_POWER_RULES.powerLoss },
      { type: 'timer.set', name: 'on', delayMs: 2000 },
    ]);
    const [s2, a2] = transition(lunPowerMachine, s1, { type: 'TIMER.ON' });
    expect(s2.value).toBe('becomingReady');
    expect(emitted(a2)).toEqual([
      { type: 'lun.power', lun: 0, phase: 'on', rule: LUN_POWER_RULES.powerOn },
      { type: 'timer.set', name: 'ready', delayMs: 3000 },
    ]);
    const [s3, a3] = transition(lunPowerMachine, s2, { type: 'TIMER.READY' });
    expect(s3.value).toBe('ready');
    expect(emitted(a3)).toEqual([{ type: 'lun.power', lun: 0, phase: 'ready', rule: LUN_POWER_RULES.ready }]);
    // A power loss while booting goes dark again and cancels the pending ready timer.
    const [s4, a4] = transition(lunPowerMachine, s2, { type: 'POWER.LOSS' });
    expect(s4.value).toBe('off');
    expect(emitted(a4)[0]).toEqual({ type: 'timer.cancel', name: 'ready' });
  });

  it('every transition carries a description (the UI shows it as "why")', () => {
    const config = lunPowerMachine.config.states!;
    for (const state of Object.values(config)) {
      for (const t of Object.values(state.on ?? {})) expect((t as { description?: string }).description).toMatch(/\w+/);
    }
  });

  it('in a run: off at the fault, becoming ready lunPowerOffMs later, ready lunBecomingReadyMs after that (defaults 2 s + 2 s)', () => {
    const s = sim();
    s.runUntil(POWER_AT);
    expect(s.view().luns[0]!.power).toBe('off');
    s.runUntil(POWER_AT + 1999);
    expect(s.view().luns[0]!.power).toBe('off');
    s.runUntil(POWER_AT + 2000);
    expect(s.view().luns[0]!.power).toBe('becoming-ready');
    s.runUntil(POWER_AT + 3999);
    expect(s.view().luns[0]!.power).toBe('becoming-ready');
    s.runUntil(POWER_AT + 4000);
    expect(s.view().luns[0]!.power).toBe('ready');
    const lifecycle = s.trace().filter((e) => e.kind.startsWith('LUN.')).map((e) => [e.kind, e.t]);
    expect(lifecycle).toEqual([
      ['LUN.POWER_OFF', POWER_AT],
      ['LUN.POWER_ON', POWER_AT + 2000],
      ['LUN.READY', POWER_AT + 4000],
    ]);
  });

  it('takes its timings from the scenario params', () => {
    const s = sim({ params: { lunPowerOffMs: 500, lunBecomingReadyMs: 7000 } });
    s.runUntil(60_000);
    expect(s.trace().filter((e) => e.kind.startsWith('LUN.')).map((e) => e.t)).toEqual([POWER_AT, POWER_AT + 500, POWER_AT + 7500]);
  });
});

describe('commands during the power cycle', () => {
  it('off: a command gets no answer and the initiator times out after ioFailMs, as on a dead path (sg_turs exit 33)', () => {
    const s = sim({ params: { lunPowerOffMs: 8000 } });
    const entry = typeAt(s, POWER_AT + 100, 'sg_turs /dev/sdb');
    expect(entry.exit).toBe(33);
    expect(entry.output).toContain('pass-through timeout');
    const done = s.trace().filter((e) => e.kind === 'SCSI.DONE' && e.data?.purpose === 'console').at(-1)!;
    expect(done.data?.status).toBe('TIMEOUT');
    expect(done.t).toBe(POWER_AT + 100 + 5000);
    expect(s.trace().some((e) => e.kind === 'SCSI.EXEC' && e.t > POWER_AT && e.t < POWER_AT + 8000)).toBe(false);
  });

  it('becoming ready: the POWER ON unit attention first (SAM-4 §5.14), then CHECK CONDITION NOT READY 04h/01h and sg_turs exits 2 (SPC-4)', () => {
    const s = sim({ params: { lunBecomingReadyMs: 20_000 } });
    const first = typeAt(s, POWER_AT + 2500, 'sg_turs /dev/sdb');
    expect(first.exit).toBe(6);
    const second = typeAt(s, POWER_AT + 3000, 'sg_turs /dev/sdb');
    expect(second.exit).toBe(2);
    expect(second.output).toMatch(/^device not ready\n/);
    const exec = s.trace().filter((e) => e.kind === 'SCSI.EXEC' && e.data?.nexus === 'B.1').at(-1)!;
    expect(exec.rule).toMatch(/becoming ready.*NOT READY, 04h\/01h/);
    // INQUIRY still answers (SPC-4 INQUIRY).
    expect(typeAt(s, POWER_AT + 3500, 'sg_inq /dev/sdb').exit).toBe(0);
  });

  it('after ready: the first command gets the POWER ON unit attention once, the next is GOOD', () => {
    const s = sim();
    const first = typeAt(s, POWER_AT + 5000, 'sg_turs /dev/sdb');
    expect(first.exit).toBe(6);
    expect(first.output).toContain('Power on, reset, or bus device reset occurred');
    expect(typeAt(s, POWER_AT + 5100, 'sg_turs /dev/sdb').exit).toBe(0);
  });

  it('the LUN card\'s facts: the view says off / becoming-ready / ready, and the PR state is lost without APTPL', () => {
    const s = createSimulation({ scenario: testScenario(['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi', pathsPerNode: 2, faults: [{ at: POWER_AT, fault: 'array-power-cycle' }] }) });
    s.runUntil(POWER_AT - 1);
    expect(s.view().luns[0]!.registrations.length).toBe(4);
    s.runUntil(POWER_AT);
    expect(s.view().luns[0]).toMatchObject({ power: 'off', registrations: [], reservation: null, generation: 0 });
  });
});

describe('determinism with a power cycle in the run', () => {
  it('same scenario and seed ⇒ the same trace, also when replayed from a checkpoint (seek back and forth)', () => {
    const faults: ScheduledFault[] = [
      { at: 5000, fault: 'array-power-cycle' },
      { at: 6000, fault: 'array-power-cycle' },
      { at: 20_000, fault: 'array-power-cycle' },
    ];
    const a = sim({ faults, seed: 7 });
    const b = sim({ faults, seed: 7 });
    a.runUntil(40_000);
    b.runUntil(40_000);
    expect(JSON.stringify(b.trace())).toBe(JSON.stringify(a.trace()));
    const full = JSON.stringify(a.trace());
    a.seek(23_000);
    expect(a.view().luns[0]!.power).toBe('becoming-ready');
    a.runUntil(40_000);
    expect(JSON.stringify(a.trace())).toBe(full);
    // A second power loss during the first boot restarts the dark period.
    expect(a.trace().filter((e) => e.kind === 'LUN.POWER_ON').map((e) => e.t)).toEqual([8000, 22_000]);
  });
});

describe('the device server while becoming ready (pure LUN, SPC-4)', () => {
  const nexus = 'A.1' as NexusId;
  // After the power-on unit attention has been reported.
  const booting = () => executeCommand(powerCycle(createLun({ lun: 0, serial: 'S', blocks: 64, nexuses: nodeNexuses('A', 1) })), { nexus, cdb: buildTestUnitReadyCdb() }, 'becoming-ready').state;

  it.each([
    ['TEST UNIT READY', buildTestUnitReadyCdb()],
    ['READ(10)', buildReadCdb(0, 1)],
  ])('%s: CHECK CONDITION, NOT READY, LOGICAL UNIT IS IN PROCESS OF BECOMING READY (02h 04h/01h)', (_name, cdb) => {
    expect(executeCommand(booting(), { nexus, cdb }, 'becoming-ready').result).toMatchObject({ status: 'CHECK_CONDITION', sense: { key: 2, asc: 4, ascq: 1 } });
  });

  it('INQUIRY and REPORT LUNS are answered (SPC-4 INQUIRY, REPORT LUNS)', () => {
    expect(executeCommand(booting(), { nexus, cdb: buildInquiryCdb() }, 'becoming-ready').result.status).toBe('GOOD');
    expect(executeCommand(booting(), { nexus, cdb: buildReportLunsCdb() }, 'becoming-ready').result.status).toBe('GOOD');
  });

  it('REQUEST SENSE is GOOD and its data reports NOT READY 04h/01h (SPC-4 REQUEST SENSE)', () => {
    const r = executeCommand(booting(), { nexus, cdb: buildRequestSenseCdb() }, 'becoming-ready').result;
    expect(r.status).toBe('GOOD');
    expect(decodeFixedSense(r.dataIn)).toMatchObject({ key: 2, asc: 4, ascq: 1 });
  });
});

describe('PREEMPT AND ABORT aborts a victim\'s command still queued at the LUN (SPC-4 5.7.11.5)', () => {
  it('B\'s WRITE(10) queued behind A\'s PREEMPT AND ABORT is aborted (SCSI.ABORTED) and B times out after ioFailMs', () => {
    // A slow LUN (1 s per task), so B's WRITE waits in the task set behind A's PREEMPT AND ABORT;
    // the owner's application writes are rare so they do not get in the way.
    const s = createSimulation({ scenario: testScenario(['A', 'B'], { params: { lunServiceMs: 1000, writeIntervalMs: 60_000 } }) });
    const run = (node: string, line: string) => {
      expect(s.input({ type: 'console', node, line })).toMatchObject({ ok: true });
      s.runUntil((x) => lastConsole(x, node).done, 100_000);
      return lastConsole(s, node);
    };
    s.runUntil(5000);
    expect(run('A', 'sg_persist -n -o -G -S 0xa /dev/sdb').exit).toBe(0);
    expect(run('B', 'sg_persist -n -o -G -S 0xb /dev/sdb').exit).toBe(0);
    expect(run('A', 'sg_persist -n -o -R -K 0xa -T 1 /dev/sdb').exit).toBe(0);
    const t0 = s.time();
    s.input({ type: 'console', node: 'A', line: 'sg_persist -n -o -A -K 0xa -S 0xb -T 1 /dev/sdb' });
    s.runUntil(t0 + 1);
    s.input({ type: 'console', node: 'B', line: 'sg_raw -s 512 -i zeros /dev/sdb 2a 00 00 00 00 05 00 00 01 00' });
    s.runUntil(t0 + 2);
    expect(s.view().luns[0]!.queuedTasks.map((t) => t.nexus)).toEqual(['A.1', 'B.1']);
    s.runUntil((x) => lastConsole(x, 'B').done && lastConsole(x, 'A').done, 100_000);
    expect(lastConsole(s, 'A').exit).toBe(0);
    const aborted = s.trace().filter((e) => e.kind === 'SCSI.ABORTED' && e.t >= t0);
    expect(aborted).toHaveLength(1);
    expect(aborted[0]!.data).toMatchObject({ nexus: 'B.1' });
    expect(aborted[0]!.rule).toMatch(/SPC-4 5\.7\.11\.5/);
    const write = s.trace().find((e) => e.kind === 'SCSI.SEND' && e.t >= t0 && e.data?.nexus === 'B.1')!;
    const done = s.trace().find((e) => e.kind === 'SCSI.DONE' && e.data?.tag === write.data?.tag)!;
    expect(done.data?.status).toBe('TIMEOUT');
    expect(done.t - write.t).toBe(s.scenario.params.ioFailMs);
    expect(lastConsole(s, 'B').exit).toBe(33);
    // The aborted WRITE never reached the medium; B's registration is gone.
    expect(s.trace().some((e) => e.kind === 'SCSI.EXEC' && e.data?.tag === write.data?.tag)).toBe(false);
    expect(s.view().luns[0]!.registrations.map((r) => r.nexus)).toEqual(['A.1']);
  });
});
