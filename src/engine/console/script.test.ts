import { describe, expect, it } from 'vitest';
import { checkScriptConfig, jsonLines, nodeNexuses, recordJson, runScript, scriptDiagnostics, transcriptText, type ScriptRecord } from './script';

/** The --json objects of the command lines (fault and bad lines have none). */
const commandJson = (records: readonly ScriptRecord[]): Record<string, unknown>[] => records.map(recordJson).filter((j) => j !== null);

const FENCING = `
# register, reserve, conflict, preempt, clear
A: sg_persist --out --register --param-sark=0xa1 /dev/sdb
B: sg_persist -n --out --register --param-sark=0xb1 /dev/sdb
A: sg_persist -n --out --reserve --param-rk=0xa1 --prout-type=1 /dev/sdb
B: sg_persist -n -o -R -K 0xb1 -T 1 /dev/sdb
B: sg_raw -s 512 -i zeros /dev/sdb 2a 00 00 00 00 00 00 00 01 00
C: sg_persist -n -r /dev/sdb
B: sg_persist -n -o -P -K 0xb1 -S 0xa1 -T 1 /dev/sdb
A: sg_persist -n -k /dev/sdb
A: sg_persist -n -k /dev/sdb
C: sg_persist -n -r /dev/sdb
B: sg_persist -n -o -C -K 0xb1 /dev/sdb
C: sg_persist -n -k /dev/sdb
`;

describe('script: register, reserve, conflict, preempt, clear (JSON records)', () => {
  const json = commandJson(runScript(FENCING).records);

  it('has one object per command line, numbered by script line', () => {
    expect(json.map((j) => j['line'])).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(json[0]).toEqual({
      line: 3,
      node: 'A',
      path: 1,
      command: 'sg_persist --out --register --param-sark=0xa1 /dev/sdb',
      exit: 0,
      stdout: '  LABARRAY  RESLAB-LUN        1.0 \n  Peripheral device type: disk\n',
      stderr: '',
      status: 'GOOD',
      sense: null,
      prin: null,
    });
  });

  it('reports the conflicts: RESERVE by a non-holder, WRITE by a registrant under WE', () => {
    expect(json[3]).toMatchObject({ node: 'B', exit: 24, status: 'RESERVATION_CONFLICT', sense: null });
    expect(json[4]).toMatchObject({ node: 'B', exit: 24, status: 'RESERVATION_CONFLICT' });
  });

  it('decodes READ RESERVATION into prin', () => {
    expect(json[5]!['prin']).toEqual({ generation: 2, reservation: { key: '0xa1', type: 'WE', scope: 'LU' } });
  });

  it('after the preempt: A gets REGISTRATIONS PREEMPTED once, then sees only B', () => {
    expect(json[6]).toMatchObject({ exit: 0, status: 'GOOD' });
    expect(json[7]).toMatchObject({ exit: 6, status: 'CHECK_CONDITION', sense: { key: 6, asc: 0x2a, ascq: 0x05 }, prin: null });
    expect(json[8]!['prin']).toEqual({ generation: 3, keys: ['0xb1'] });
    expect(json[9]!['prin']).toEqual({ generation: 3, reservation: { key: '0xb1', type: 'WE', scope: 'LU' } });
  });

  it('after CLEAR nothing is left', () => {
    expect(json[10]).toMatchObject({ exit: 0 });
    expect(json[11]!['prin']).toEqual({ generation: 4, keys: [] });
  });

  it('the records are JSON-safe (no bigint, no undefined)', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('script: malformed lines are reported and the run goes on', () => {
  const { records } = runScript(
    [
      'A: sg_turs /dev/sdb', //             1
      'this is not a command', //            2
      'D: sg_turs /dev/sdb', //             3
      '! lun-rset', //                       4
      '! path-down Z.9', //                  5
      'A.7: sg_turs', //                     6
      'A:', //                               7
      'A: sg_persist --frob /dev/sdb', //   8  (a tool's syntax error is a command, exit 1)
      'B: sg_turs /dev/sdb', //             9
    ].join('\n'),
  );
  const json = commandJson(records);

  it('names the line and what was expected', () => {
    expect(records.filter((r) => r.kind === 'error').map(({ line, text, error }) => ({ line, text, error }))).toEqual([
      {
        line: 2,
        text: 'this is not a command',
        error:
          "line 2: expected 'NODE: command' (e.g. 'A: sg_persist -k /dev/sdb'), 'NODE.PATH: command', '! fault', a '#' comment or a blank line",
      },
      { line: 3, text: 'D: sg_turs /dev/sdb', error: "line 3: unknown node 'D'; this run has nodes A, B, C (lab script --nodes adds more)" },
      {
        line: 4,
        text: '! lun-rset',
        error:
          "line 4: unknown fault 'lun-rset'; expected one of: lun-reset, target-reset, bus-reset, power-cycle, power-off, power-on, ready, path-down NODE.PATH, path-up NODE.PATH, nexus-loss NODE.PATH",
      },
      { line: 5, text: '! path-down Z.9', error: "line 5: 'Z.9' is not an I_T nexus of this run; the nexuses are A.1, B.1, C.1" },
      { line: 6, text: 'A.7: sg_turs', error: 'line 6: node A has no path 7; it has paths 1..1 (lab script --paths N gives more)' },
      { line: 7, text: 'A:', error: "line 7: expected a command after 'A:', e.g. 'A: sg_persist -k /dev/sdb'" },
    ]);
  });

  it('still runs the good lines, including ones after the bad ones', () => {
    expect(json.map((j) => [j['line'], j['exit']])).toEqual([
      [1, 0],
      [8, 1],
      [9, 0],
    ]);
    expect(json.find((j) => j['line'] === 8)).toMatchObject({ status: null, path: null, stderr: expect.stringContaining("unrecognized option '--frob'") });
  });

  it('--json output holds command records only; bad lines go to the diagnostics with the line as written', () => {
    expect(jsonLines(records).trim().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 8, 9]);
    expect(scriptDiagnostics(records).split('\n').slice(0, 4)).toEqual([
      "line 2: expected 'NODE: command' (e.g. 'A: sg_persist -k /dev/sdb'), 'NODE.PATH: command', '! fault', a '#' comment or a blank line",
      '    2 | this is not a command',
      "line 3: unknown node 'D'; this run has nodes A, B, C (lab script --nodes adds more)",
      '    3 | D: sg_turs /dev/sdb',
    ]);
  });
});

describe('script: faults and paths', () => {
  it('path-down makes the path time out (status TIMEOUT, exit 33) without touching the LUN; path-up heals', () => {
    const { records } = runScript('A: sg_raw /dev/sdb 16 00 00 00 00 00\n! path-down A.1\nA: sg_turs /dev/sdb\n! path-up A.1\nB: sg_turs /dev/sdb\nA: sg_turs /dev/sdb');
    expect(records[1]).toMatchObject({ kind: 'fault', line: 2, fault: 'path-down', target: 'A.1' });
    // fault lines have no --json record
    expect(recordJson(records[1]!)).toBeNull();
    const json = commandJson(records);
    expect(json[1]).toMatchObject({ line: 3, exit: 33, status: 'TIMEOUT', sense: null });
    // the SPC-2 reservation survived: a path going down is not an I_T nexus loss
    expect(json[2]).toMatchObject({ node: 'B', exit: 24 });
    expect(json[3]).toMatchObject({ node: 'A', exit: 0 });
  });

  it('nexus-loss releases the SPC-2 reservation of that nexus', () => {
    const { records } = runScript('A: sg_raw /dev/sdb 16 00 00 00 00 00\n! nexus-loss A.1\nB: sg_raw /dev/sdb 16 00 00 00 00 00');
    expect(recordJson(records[2]!)).toMatchObject({ exit: 0 });
  });

  it('power-cycle drops registrations without APTPL and keeps them with it', () => {
    const volatile = runScript('A: sg_persist -n -o -G -S a1 /dev/sdb\n! power-cycle\nA: sg_turs /dev/sdb\nA: sg_persist -n -k /dev/sdb');
    expect(recordJson(volatile.records[3]!)?.['prin']).toEqual({ generation: 0, keys: [] });
    const kept = runScript('A: sg_persist -n -o -G -S a1 -Z /dev/sdb\n! power-cycle\nA: sg_turs /dev/sdb\nA: sg_persist -n -k /dev/sdb');
    expect(recordJson(kept.records[3]!)?.['prin']).toEqual({ generation: 0, keys: ['0xa1'] });
  });

  it('power-off, power-on and ready walk the array through its power lifecycle (no answer, POWER ON UA once, NOT READY 04h/01h, ready)', () => {
    const { records } = runScript(
      [
        'A: sg_persist -n -o -G -S a1 /dev/sdb',
        '! power-off',
        'A: sg_turs /dev/sdb', // dark: no answer
        '! power-on',
        'A: sg_turs /dev/sdb', // SAM-5: the POWER ON unit attention first, once
        'A: sg_turs /dev/sdb', // then NOT READY, LOGICAL UNIT IS IN PROCESS OF BECOMING READY
        'A: sg_inq /dev/sdb', // SPC-4: INQUIRY is answered while not ready
        '! ready',
        'A: sg_turs /dev/sdb',
        'A: sg_persist -n -k /dev/sdb', // no APTPL: the registration died with the power
      ].join('\n'),
    );
    const json = records.map(recordJson);
    expect(json[2]).toMatchObject({ status: 'TIMEOUT', exit: 33 });
    expect(json[4]).toMatchObject({ status: 'CHECK_CONDITION', exit: 6, sense: { key: 6, asc: 0x29, ascq: 0 } });
    expect(json[5]).toMatchObject({ status: 'CHECK_CONDITION', exit: 2, sense: { key: 2, asc: 0x04, ascq: 0x01 } });
    expect(json[6]).toMatchObject({ status: 'GOOD', exit: 0 });
    expect(json[8]).toMatchObject({ status: 'GOOD', exit: 0 });
    expect(json[9]?.['prin']).toEqual({ generation: 0, keys: [] });
  });

  it('refuses power steps out of order, saying what comes first', () => {
    const { records } = runScript('! power-on\n! ready\n! power-off\n! power-off');
    expect(records.map((r) => (r.kind === 'error' ? r.error : r.kind))).toEqual([
      "line 1: 'power-on' does not apply now: the array is not off; '! power-off' first",
      "line 2: 'ready' does not apply now: the array is not becoming ready; '! power-off' and '! power-on' first",
      'fault',
      "line 4: 'power-off' does not apply now: the array is already off; '! power-on' brings it back",
    ]);
  });

  it('NODE.PATH: uses that path when the command names no device', () => {
    const { records } = runScript('A.2: sg_persist -n -o -G -S a2\nA: sg_persist -n -s /dev/sdb', { nodes: ['A'], paths: 2 });
    expect(recordJson(records[0]!)).toMatchObject({ path: 2, exit: 0 });
    expect(recordJson(records[1]!)?.['stdout']).toContain('Relative port address: 0x2');
  });

  it('each node has its own files for sg_raw -o / -i', () => {
    const { records } = runScript('A: sg_raw -r 512 -o blk /dev/sdb 28 00 00 00 00 00 00 00 01 00\nB: sg_raw -s 512 -i blk /dev/sdb 2a 00 00 00 00 00 00 00 01 00');
    expect(recordJson(records[1]!)).toMatchObject({ exit: 52, stderr: 'blk: No such file or directory\n  files on node B: zeros, ones\n' });
  });
});

describe('script: transcript and configuration', () => {
  it('prints a terminal-like session, with the exit status of failed commands', () => {
    const { records } = runScript('A: sg_turs /dev/sdb\n! lun-reset\nB: sg_turs /dev/sdb\nnonsense');
    expect(transcriptText(records)).toEqual({
      stdout:
        'A# sg_turs /dev/sdb\n' +
        '! lun-reset\n# LOGICAL UNIT RESET: releases an SPC-2 reservation, keeps persistent reservations, unit attention to every nexus\n' +
        'B# sg_turs /dev/sdb\nTest unit ready:\nFixed format, current; Sense key: Unit Attention\nAdditional sense: Bus device reset function occurred\nUnit attention\n[exit 6]\n',
      stderr: "line 4: expected 'NODE: command' (e.g. 'A: sg_persist -k /dev/sdb'), 'NODE.PATH: command', '! fault', a '#' comment or a blank line\n    4 | nonsense\n",
    });
  });

  describe('the NODE.PATH prefix', () => {
    const config = { nodes: ['A'], paths: 2 };

    it('the prompt shows the path the command went down', () => {
      const { records } = runScript('A.2: sg_turs\nA.2: sg_turs /dev/sdc\nA: sg_turs /dev/sdc', config);
      expect(transcriptText(records)).toEqual({ stdout: 'A.2# sg_turs\nA.2# sg_turs /dev/sdc\nA# sg_turs /dev/sdc\n', stderr: '' });
      expect(records.map((r) => (r.kind === 'command' ? r.path : null))).toEqual([2, 2, 2]);
    });

    it('a prefix that disagrees with the device: runs on the device, the prompt says so, a warning names line, prefix and device', () => {
      const { records } = runScript('A.2: sg_turs /dev/sdb', config);
      expect(records[0]).toMatchObject({ kind: 'command', path: 1, exit: 0, prompt: 'A.1#' });
      expect(transcriptText(records)).toEqual({
        stdout: 'A.1# sg_turs /dev/sdb\n',
        stderr: 'line 1: warning: the prefix A.2 names path 2 (/dev/sdc), but the command names /dev/sdb (path 1); it ran on /dev/sdb, the device the command names\n',
      });
      // a warning, not a bad line: the runner's exit status is unaffected
      expect(records.some((r) => r.kind === 'error')).toBe(false);
    });

    it('on the multipath device the warning says which path the I/O used', () => {
      const { records } = runScript('A.2: sg_persist -n -k /dev/mapper/mpatha', config);
      expect(scriptDiagnostics(records)).toBe(
        'line 1: warning: the prefix A.2 names path 2 (/dev/sdc), but the command names /dev/mapper/mpatha (path 1); it ran on /dev/mapper/mpatha, the device the command names\n',
      );
    });

    it('a command that never reached a device has path null and status null, even with a prefix', () => {
      const { records } = runScript('A.2: sg_turs --frob\nA.2: sg_turs --help', config);
      expect(commandJson(records).map((j) => [j['path'], j['status'], j['exit']])).toEqual([
        [null, null, 1],
        [null, null, 0],
      ]);
    });
  });

  it('names nexuses and initiator ports consistently', () => {
    expect(nodeNexuses('B', 2)).toEqual([
      { id: 'B.1', initiatorPort: 'iqn.2026-11.lab:node-b,i,0x00023d000001', host: 'B', relativeTargetPort: 1 },
      { id: 'B.2', initiatorPort: 'iqn.2026-11.lab:node-b,i,0x00023d000002', host: 'B', relativeTargetPort: 2 },
    ]);
  });

  it('checks the configuration with a message that says what to do', () => {
    expect(checkScriptConfig({ nodes: ['A', 'A'], paths: 1 })).toBe('a node is listed twice in A,A');
    expect(checkScriptConfig({ nodes: ['1x'], paths: 1 })).toMatch(/^"1x" is not a node name/);
    expect(checkScriptConfig({ nodes: ['A'], paths: 0 })).toBe('paths per node must be a whole number from 1 to 8, got 0');
    expect(checkScriptConfig({ nodes: ['A', 'B'], paths: 4 })).toBeNull();
  });
});
