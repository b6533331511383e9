import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/createSimulation';
import { testScenario } from '../testing/scenarios';

const fenceScsi = () => createSimulation({ scenario: testScenario(['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi', pathsPerNode: 2 }) });
const last = (sim: ReturnType<typeof fenceScsi>, node: string) => sim.view().nodes.find((n) => n.id === node)!.console.history.at(-1)!;

describe('node console inside the simulation', () => {
  it('runs sg_persist over the simulated path and prints the registered keys', () => {
    const sim = fenceScsi();
    sim.runUntil(2000);
    expect(sim.input({ type: 'console', node: 'B', line: 'sg_persist -k /dev/sdb' })).toMatchObject({ ok: true });
    expect(last(sim, 'B').done).toBe(false);
    sim.runUntil(2100);
    const entry = last(sim, 'B');
    expect(entry).toMatchObject({ done: true, exit: 0 });
    expect(entry.output).toContain('4 registered reservation keys follow:');
    expect(entry.output).toContain('0x36830000');
    expect(entry.output).toContain('0x36830001');
  });

  it('prints a syntax error at once with exit status 1, without sending anything', () => {
    const sim = fenceScsi();
    sim.runUntil(2000);
    const before = sim.trace().filter((e) => e.kind === 'SCSI.SEND').length;
    sim.input({ type: 'console', node: 'A', line: 'sg_persist --frobnicate /dev/sdb' });
    const entry = last(sim, 'A');
    expect(entry).toMatchObject({ done: true, exit: 1 });
    expect(entry.output).toMatch(/frobnicate/);
    expect(sim.trace().filter((e) => e.kind === 'SCSI.SEND').length).toBe(before);
  });

  it('shows a reservation conflict on a fenced node (exit 24)', () => {
    const sim = createSimulation({
      scenario: testScenario(['A', 'B'], { mode: 'scsi3', personality: 'fence-scsi', pathsPerNode: 2, params: { watchdog: false }, faults: [{ at: 5000, fault: 'heartbeat-partition', groups: [['A'], ['B']] }] }),
    });
    sim.runUntil(30_000);
    const loser = sim.view().nodes.find((n) => !n.mount)!.id;
    sim.input({ type: 'console', node: loser, line: `sg_persist -o -R -K ${sim.view().nodes.find((n) => n.id === loser)!.key} -T 5 /dev/sdb` });
    sim.runUntil(30_100);
    expect(last(sim, loser).exit).toBe(24);
  });

  it('refuses a command on a crashed node and while another command runs, saying why', () => {
    const sim = fenceScsi();
    sim.runUntil(2000);
    sim.input({ type: 'console', node: 'A', line: 'sg_turs /dev/sdb' });
    expect(sim.input({ type: 'console', node: 'A', line: 'sg_turs /dev/sdb' })).toEqual({ ok: false, error: 'a command is still running on node A; wait for it to finish' });
    sim.input({ type: 'fault', fault: 'node-crash', target: { node: 'B' } });
    expect(sim.input({ type: 'console', node: 'B', line: 'sg_turs /dev/sdb' })).toEqual({ ok: false, error: 'node B is crashed: its console does not answer' });
  });

  it('replays console input exactly after stepping back and forth', () => {
    const sim = fenceScsi();
    sim.runUntil(2000);
    sim.input({ type: 'console', node: 'A', line: 'sg_persist -r /dev/sdc' });
    sim.runUntil(3000);
    const view = JSON.stringify(sim.view());
    for (let i = 0; i < 20; i++) sim.stepBack();
    sim.seek(3000);
    expect(JSON.stringify(sim.view())).toBe(view);
  });
});
