import { describe, expect, it } from 'vitest';
import { formatResult, nextRequest, parseCommandLine, runCommandSync } from './console';
import type { ConsoleContext, ConsoleResponse, PlannedRequest } from './types';

const ctx: ConsoleContext = { node: 'B', paths: [{ path: 1 }, { path: 2, state: 'down' }] };

const good = (dataIn: number[] = []): ConsoleResponse => ({ status: 'GOOD', sense: null, dataIn, rule: 'test' });

describe('the console shell', () => {
  it('help lists the commands and this node\'s devices', () => {
    const out = runCommandSync('help', ctx, () => good());
    expect(out.exit).toBe(0);
    expect(out.stdout).toContain('  sg_persist   PERSISTENT RESERVE IN/OUT');
    expect(out.stdout).toContain('  /dev/sdb           the LUN through path 1 (B.1)\n  /dev/sdc           the LUN through path 2 (B.2), path down\n');
  });

  it("'help TOOL' shows the tool's usage", () => {
    expect(runCommandSync('help sg_turs', ctx, () => good()).stdout).toMatch(/^Usage: sg_turs /);
  });

  it('an unknown command is "command not found", exit 127, with the list of commands', () => {
    expect(parseCommandLine('sg_persit -k /dev/sdb', ctx)).toEqual({
      ok: false,
      exit: 127,
      stderr: "sg_persit: command not found\n  this console knows: sg_persist, sg_turs, sg_inq, sg_raw, sg_reset, mpathpersist (type 'help')\n",
    });
  });

  it('accepts sudo and a full path to the program', () => {
    const r = parseCommandLine('sudo /usr/bin/sg_turs /dev/sdb', ctx);
    expect(r.ok && r.plan.tool).toBe('sg_turs');
  });

  it('a blank line does nothing', () => {
    expect(runCommandSync('   ', ctx, () => good())).toMatchObject({ exit: 0, stdout: '', stderr: '' });
  });

  it('a pipe is refused with a reason', () => {
    expect(parseCommandLine('sg_persist -k /dev/sdb | head', ctx)).toMatchObject({ ok: false, exit: 2 });
  });

  it('never throws on odd input', () => {
    for (const line of ['-', '--', 'sg_persist -', 'sg_raw -r', "sg_persist 'x", 'sg_reset -', 'mpathpersist -v', '\u0000', 'sg_inq -p 999 /dev/sdb']) {
      expect(() => runCommandSync(line, ctx, () => good())).not.toThrow();
    }
  });
});

describe('running a command step by step, as the simulation does', () => {
  it('plan and answers are plain data: a checkpoint between two answers changes nothing', () => {
    const parsed = parseCommandLine('sg_persist --in --read-keys /dev/sdb', ctx);
    if (!parsed.ok) throw new Error(parsed.stderr);
    let plan = parsed.plan;
    let responses: ConsoleResponse[] = [];
    const inquiry = [0, 0, 6, 2, 31, 0, 0x10, 2, ...Array.from('LABARRAY' + 'RESLAB-LUN      ' + '1.0 ', (c) => c.charCodeAt(0))];
    const keys = [0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0xa1];
    const answers = [good(inquiry), good(keys)];
    const sent: PlannedRequest[] = [];
    for (let request = nextRequest(plan, responses); request; request = nextRequest(plan, responses)) {
      sent.push(request);
      responses = [...responses, answers[responses.length]!];
      // checkpoint: structured-clone-like round trip of everything the console holds
      ({ plan, responses } = JSON.parse(JSON.stringify({ plan, responses })));
    }
    expect(sent.map((r) => r.kind === 'cdb' && r.cdb[0])).toEqual([0x12, 0x5e]);
    expect(formatResult(plan, responses)).toEqual({
      exit: 0,
      stdout: '  LABARRAY  RESLAB-LUN        1.0 \n  Peripheral device type: disk\n  PR generation=0x1, 1 registered reservation key follows:\n    0xa1\n',
      stderr: '',
      combined: '  LABARRAY  RESLAB-LUN        1.0 \n  Peripheral device type: disk\n  PR generation=0x1, 1 registered reservation key follows:\n    0xa1\n',
    });
  });

  it('stops after a failed INQUIRY, as sg_persist does', () => {
    const parsed = parseCommandLine('sg_persist -k /dev/sdb', ctx);
    if (!parsed.ok) throw new Error(parsed.stderr);
    const timeout: ConsoleResponse = { status: 'TIMEOUT' };
    expect(nextRequest(parsed.plan, [timeout])).toBeNull();
    expect(formatResult(parsed.plan, [timeout]).exit).toBe(33);
  });

  it('interleaves stdout and stderr in the order the tool writes them', () => {
    const out = runCommandSync('sg_persist /dev/sdb', ctx, (r) => (r.kind === 'cdb' && r.cdb[0] === 0x12 ? good([0, 0, 6, 2]) : good([0, 0, 0, 0, 0, 0, 0, 0])));
    expect(out.combined.indexOf('>> No service action given')).toBeLessThan(out.combined.indexOf('PR generation'));
  });
});
