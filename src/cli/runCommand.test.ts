import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t: string) => void out.push(t),
      err: (t: string) => void err.push(t),
      readFile: (p: string) => {
        if (p in files) return files[p]!;
        return readFileSync(p, 'utf8');
      },
    },
  };
}

describe('lab run', () => {
  it('prints the outcome of a fence_scsi partition as JSON: one writer, no corruption', async () => {
    const t = io();
    const code = await runCli(['run', 'src/scenarios/examples/fence-scsi-partition.json', '--json'], t.io);
    expect(code).toBe(0);
    const report = JSON.parse(t.out.join(''));
    expect(report).toMatchObject({ scenario: 'fence-scsi-partition', integrity: { ok: true, violations: [] } });
    expect(Object.values(report.nodes as Record<string, { owner: boolean }>).filter((n) => n.owner)).toHaveLength(1);
    expect(report.lun.reservation).toMatchObject({ type: 'WE_RO' });
    expect(report.events.some((e: { kind: string }) => e.kind === 'FENCE_SCSI.FENCED')).toBe(true);
  });

  it('names the first corrupting write of an HA-LVM partition without fencing', async () => {
    const t = io();
    await runCli(['run', 'src/scenarios/examples/ha-lvm-partition-no-fencing.json', '--json', '--until', '40000'], t.io);
    const report = JSON.parse(t.out.join(''));
    expect(report.integrity.ok).toBe(false);
    expect(report.integrity.violations[0]).toMatchObject({ node: expect.any(String), lba: expect.any(Number), at: expect.any(Number) });
    expect(report.end).toBe(40000);
  });

  it('adds the trace with --trace', async () => {
    const t = io();
    await runCli(['run', 'src/scenarios/examples/fence-scsi-partition.json', '--json', '--trace', '--until=5000'], t.io);
    const report = JSON.parse(t.out.join(''));
    expect(report.trace.length).toBeGreaterThan(10);
    expect(report.trace[0]).toMatchObject({ id: 0, t: 0 });
  });

  it('reports every schema problem with its field, and exits 1', async () => {
    const t = io({ 'bad.json': JSON.stringify({ id: 'x', title: 'x', mode: 'scsi9', nodes: ['A'], faults: [{ at: 1, fault: 'nope' }] }) });
    const code = await runCli(['run', 'bad.json'], t.io);
    expect(code).toBe(1);
    const text = t.err.join('');
    expect(text).toMatch(/bad\.json: .*mode/);
    expect(text).toMatch(/nodes/);
    expect(text).toMatch(/faults\[0\]\.fault/);
  });

  it('reports JSON syntax errors with line and column', async () => {
    const t = io({ 'broken.json': '{\n  "id": "x",\n  "title": \n}' });
    expect(await runCli(['run', 'broken.json'], t.io)).toBe(1);
    expect(t.err.join('')).toMatch(/^broken\.json:\d+:\d+: /);
  });

  it('explains usage mistakes and exits 2', async () => {
    const t = io();
    expect(await runCli(['run'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/missing FILE/);
    expect(await runCli(['run', 'x.json', '--frob'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/unknown option '--frob'/);
  });
});
