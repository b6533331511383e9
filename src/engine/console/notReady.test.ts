// The console on a LUN that is becoming ready (after an array power cycle), and the exit statuses
// the issue lists: sg3_utils' categories (sg_lib.h SG_LIB_CAT_*, sg_lib.c sg_get_category_sense_str,
// sg_exit2str) and what sg_turs.c prints for SG_LIB_CAT_NOT_READY.

import { describe, expect, it } from 'vitest';
import { createLun, executeCommand, powerCycle, type LunState } from '../lun';
import type { NexusId } from '../model/ids';
import { parseCommandLine, runCommandSync } from './console';
import { nodeNexuses } from './script';
import { categoryOf, categoryText, EXIT, exitText } from './scsiText';
import type { ConsoleContext, ConsoleResponse, PlannedRequest } from './types';

const ctx: ConsoleContext = { node: 'A', paths: [{ path: 1 }] };

/** A LUN just powered on (POWER ON unit attention pending for A.1), driven at CDB level. */
function bootingLun(): { run: (line: string, readiness: 'ready' | 'becoming-ready') => ReturnType<typeof runCommandSync> } {
  let lun: LunState = powerCycle(createLun({ lun: 0, serial: 'RESLAB0001', blocks: 64, nexuses: nodeNexuses('A', 1) }));
  return {
    run(line, readiness) {
      return runCommandSync(line, ctx, (request: PlannedRequest): ConsoleResponse => {
        if (request.kind !== 'cdb') throw new Error('only CDBs here');
        const out = executeCommand(lun, { nexus: `A.${request.path}` as NexusId, cdb: request.cdb, writer: 'A', ...(request.dataOut ? { dataOut: request.dataOut } : {}) }, readiness);
        lun = out.state;
        return out.result;
      });
    },
  };
}

describe('sg_turs on a LUN that is becoming ready', () => {
  it('first reports the POWER ON unit attention (SAM-4 §5.14: it comes before NOT READY), exit 6', () => {
    const r = bootingLun().run('sg_turs /dev/sdb', 'becoming-ready');
    expect(r.exit).toBe(6);
    expect(r.stdout).toBe('Unit attention\n');
  });

  it('then prints "device not ready" and exits 2 (sg_turs.c, SG_LIB_CAT_NOT_READY): NOT READY 04h/01h is quiet without -v', () => {
    const lun = bootingLun();
    lun.run('sg_turs /dev/sdb', 'becoming-ready');
    const r = lun.run('sg_turs /dev/sdb', 'becoming-ready');
    expect(r).toMatchObject({ exit: 2, stderr: '' });
    // loop_turs() prints "device not ready" (3.5x follows it with its "Completed ..." summary).
    expect(r.stdout).toMatch(/^device not ready\n/);
    expect(r.sent[0]!.response).toMatchObject({ status: 'CHECK_CONDITION', sense: { key: 2, asc: 4, ascq: 1 } });
  });

  it('with -v decodes the sense as sg_lib does: Not Ready, "Logical unit is in process of becoming ready"', () => {
    const lun = bootingLun();
    lun.run('sg_turs /dev/sdb', 'becoming-ready');
    const r = lun.run('sg_turs -v /dev/sdb', 'becoming-ready');
    expect(r.exit).toBe(2);
    expect(r.stdout).toMatch(/^device not ready\n/);
    expect(r.stderr).toContain('Test unit ready:\nFixed format, current; Sense key: Not Ready\nAdditional sense: Logical unit is in process of becoming ready\n');
  });

  it('sg_inq still answers while the LUN is becoming ready (SPC-4 INQUIRY), exit 0', () => {
    const r = bootingLun().run('sg_inq /dev/sdb', 'becoming-ready');
    expect(r.exit).toBe(0);
    expect(r.stdout).toContain('RESLAB');
  });

  it('sg_persist -k gets NOT READY after the unit attention: exit 2, "Device not ready"', () => {
    const lun = bootingLun();
    lun.run('sg_turs /dev/sdb', 'becoming-ready');
    const r = lun.run('sg_persist -n -k /dev/sdb', 'becoming-ready');
    expect(r.exit).toBe(2);
  });

  it('is silent with exit 0 once the LUN is ready', () => {
    const lun = bootingLun();
    lun.run('sg_turs /dev/sdb', 'becoming-ready');
    expect(lun.run('sg_turs /dev/sdb', 'ready')).toMatchObject({ exit: 0, stdout: '', stderr: '' });
  });
});

const cc = (key: number, asc: number, ascq = 0): ConsoleResponse => ({ status: 'CHECK_CONDITION', sense: { key, asc, ascq }, dataIn: [], rule: '' });

describe('exit statuses (issue 3: 0, 1, 2, 5, 6, 24, 33, 99) — sg_lib.h SG_LIB_*, sg_get_category_sense_str(), sg_exit2str()', () => {
  it.each<[number, ConsoleResponse | null, string, string | null]>([
    [EXIT.OK, { status: 'GOOD', sense: null, dataIn: [], rule: '' }, 'No errors', null],
    [EXIT.SYNTAX, null, 'Syntax error', 'Syntax error'],
    [EXIT.NOT_READY, cc(0x2, 0x04, 0x01), 'Not ready', 'Device not ready'],
    [EXIT.ILLEGAL_REQ, cc(0x5, 0x24), 'Illegal request', 'Illegal request'],
    [EXIT.UNIT_ATTENTION, cc(0x6, 0x29), 'Unit attention', 'Unit attention'],
    [EXIT.RES_CONFLICT, { status: 'RESERVATION_CONFLICT', sense: null, dataIn: [], rule: '' }, 'Reservation conflict', 'Reservation conflict'],
    [EXIT.TIMEOUT, { status: 'TIMEOUT' }, 'SCSI command timeout', 'SCSI command timeout'],
    [EXIT.OTHER, null, 'Some other error/warning has occurred, possible transport of driver issue', 'Some other error'],
  ])('exit %i: category of the answer, its words, sg_exit2str', (exit, response, words, exitWords) => {
    if (response) expect(categoryOf(response)).toBe(exit);
    expect(categoryText(exit, 0)).toBe(words);
    if (exitWords !== null) expect(exitText(exit)).toBe(exitWords);
  });

  it('the numbers are sg3_utils\' own', () => {
    expect([EXIT.OK, EXIT.SYNTAX, EXIT.NOT_READY, EXIT.ILLEGAL_REQ, EXIT.UNIT_ATTENTION, EXIT.RES_CONFLICT, EXIT.TIMEOUT, EXIT.OTHER]).toEqual([0, 1, 2, 5, 6, 24, 33, 99]);
  });

  it('a syntax error exits 1 without sending anything', () => {
    const r = parseCommandLine('sg_turs --frobnicate /dev/sdb', ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.exit).toBe(1);
  });

  it('with -v the not-ready category says "sense key"', () => {
    expect(categoryText(EXIT.NOT_READY, 1)).toBe('Not ready sense key');
  });
});
