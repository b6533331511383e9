// The words sg3_utils uses for SCSI statuses, sense data, result categories and exit statuses
// (sg_lib.c, sg_lib_data.c), reduced to what this LUN can answer.

import { fixedSenseBytes } from '../lun/sense';
import type { ConsoleResponse, Sense } from './types';

/** sg3_utils exit statuses / result categories (sg_lib.h SG_LIB_*). */
export const EXIT = {
  OK: 0,
  SYNTAX: 1,
  NOT_READY: 2,
  MEDIUM_HARD: 3,
  ILLEGAL_REQ: 5,
  UNIT_ATTENTION: 6,
  DATA_PROTECT: 7,
  INVALID_OP: 9,
  COPY_ABORTED: 10,
  ABORTED_COMMAND: 11,
  MISCOMPARE: 14,
  FILE_ERROR: 15,
  RES_CONFLICT: 24,
  TIMEOUT: 33,
  PROTECTION: 40,
  /** SG_LIB_OS_BASE_ERR + ENOENT: what sg3_utils returns when the device node does not exist. */
  NO_SUCH_FILE: 52,
  SENSE_OTHER: 98,
  OTHER: 99,
} as const;

const SENSE_KEYS = [
  'No Sense', 'Recovered Error', 'Not Ready', 'Medium Error', 'Hardware Error', 'Illegal Request',
  'Unit Attention', 'Data Protect', 'Blank Check', 'Vendor specific(9)', 'Copy Aborted',
  'Aborted Command', 'Equal', 'Volume Overflow', 'Miscompare', 'Completed',
];

export function senseKeyName(key: number): string {
  return SENSE_KEYS[key] ?? `invalid value: 0x${key.toString(16)}`;
}

// ASC/ASCQ texts from sg_lib_data.c for the conditions this LUN reports.
const ASC_TEXT: Record<string, string> = {
  '00/00': 'No additional sense information',
  '04/00': 'Logical unit not ready, cause not reportable',
  '04/01': 'Logical unit is in process of becoming ready',
  '08/00': 'Logical unit communication failure',
  '1a/00': 'Parameter list length error',
  '20/00': 'Invalid command operation code',
  '21/00': 'Logical block address out of range',
  '24/00': 'Invalid field in cdb',
  '25/00': 'Logical unit not supported',
  '26/00': 'Invalid field in parameter list',
  '26/04': 'Invalid release of persistent reservation',
  '29/00': 'Power on, reset, or bus device reset occurred',
  '29/01': 'Power on occurred',
  '29/02': 'SCSI bus reset occurred',
  '29/03': 'Bus device reset function occurred',
  '29/04': 'Device internal reset',
  '29/07': 'I_T nexus loss occurred',
  '2a/03': 'Reservations preempted',
  '2a/04': 'Reservations released',
  '2a/05': 'Registrations preempted',
  '2c/00': 'Command sequence error',
  '2f/00': 'Commands cleared by another initiator',
  '3f/0e': 'Reported luns data has changed',
};

const h2 = (n: number): string => n.toString(16).padStart(2, '0');

/** sg_get_asc_ascq_str(). */
export function ascText(asc: number, ascq: number): string {
  const text = ASC_TEXT[`${h2(asc)}/${h2(ascq)}`];
  if (text) return `Additional sense: ${text}`;
  if (asc >= 0x80) return `vendor specific ASC=${h2(asc)}, ASCQ=${h2(ascq)} (hex)`;
  if (ascq >= 0x80) return `ASC=${h2(asc)}, vendor specific qualification ASCQ=${h2(ascq)} (hex)`;
  return `ASC=${h2(asc)}, ASCQ=${h2(ascq)} (hex)`;
}

/**
 * sg_get_sense_str() for the fixed-format, current sense data (response code 70h) the LUN
 * returns: key, then ASC/ASCQ. With `raw`, the 18 sense bytes follow in hex as with -v.
 */
export function senseText(sense: Sense, raw = false): string {
  let out = `Fixed format, current; Sense key: ${senseKeyName(sense.key)}\n${ascText(sense.asc, sense.ascq)}\n`;
  if (raw) {
    const bytes = fixedSenseBytes(sense);
    out += ` Raw sense data (in hex), sb_len=${bytes.length}, embedded_len=${bytes.length}\n`;
    out += `        ${bytes.slice(0, 16).map(h2).join(' ').replace(/^((?:\S+ ){7}\S+) /, '$1  ')}\n`;
    out += `        ${bytes.slice(16).map(h2).join(' ')}\n`;
  }
  return out;
}

/** sg_get_scsi_status_str(). */
export function statusText(status: ConsoleResponse['status']): string {
  switch (status) {
    case 'GOOD':
      return 'Good';
    case 'CHECK_CONDITION':
      return 'Check Condition';
    case 'RESERVATION_CONFLICT':
      return 'Reservation Conflict';
    case 'TIMEOUT':
      return 'Unknown status';
  }
}

/** sg_err_category_sense() plus the status categories: the exit status a response leads to. */
export function categoryOf(response: ConsoleResponse): number {
  switch (response.status) {
    case 'GOOD':
      return EXIT.OK;
    case 'RESERVATION_CONFLICT':
      return EXIT.RES_CONFLICT;
    case 'TIMEOUT':
      return EXIT.TIMEOUT;
    case 'CHECK_CONDITION':
      return senseCategory(response.sense);
  }
}

function senseCategory(sense: Sense | null): number {
  if (!sense) return EXIT.SENSE_OTHER;
  switch (sense.key) {
    case 0x0:
    case 0x1:
      return EXIT.OK; // NO SENSE / RECOVERED ERROR: sg3_utils treats the command as done
    case 0x2:
      return EXIT.NOT_READY;
    case 0x3:
    case 0x4:
    case 0x8:
      return EXIT.MEDIUM_HARD;
    case 0x5:
      return sense.asc === 0x20 && sense.ascq === 0 ? EXIT.INVALID_OP : EXIT.ILLEGAL_REQ;
    case 0x6:
      return EXIT.UNIT_ATTENTION;
    case 0x7:
      return EXIT.DATA_PROTECT;
    case 0xa:
      return EXIT.COPY_ABORTED;
    case 0xb:
      return sense.asc === 0x10 ? EXIT.PROTECTION : EXIT.ABORTED_COMMAND;
    case 0xe:
      return EXIT.MISCOMPARE;
    default:
      return EXIT.SENSE_OTHER;
  }
}

/** sg_get_category_sense_str(): "Reservation conflict" (+ " SCSI status" when verbose). */
export function categoryText(category: number, verbose: number): string {
  const v = verbose > 0;
  switch (category) {
    case EXIT.OK:
      return 'No errors';
    case EXIT.SYNTAX:
      return 'Syntax error';
    case EXIT.NOT_READY:
      return `Not ready${v ? ' sense key' : ''}`;
    case EXIT.MEDIUM_HARD:
      return `Medium or hardware error${v ? ' sense key (plus blank check)' : ''}`;
    case EXIT.ILLEGAL_REQ:
      return `Illegal request${v ? ' sense key, apart from Invalid opcode' : ''}`;
    case EXIT.UNIT_ATTENTION:
      return `Unit attention${v ? ' sense key' : ''}`;
    case EXIT.DATA_PROTECT:
      return `Data protect${v ? ' sense key, write protected media?' : ''}`;
    case EXIT.INVALID_OP:
      return `Illegal request, invalid opcode${v ? ' sense key' : ''}`;
    case EXIT.ABORTED_COMMAND:
      return `Aborted command${v ? ' sense key, other than protection related (asc=0x10)' : ''}`;
    case EXIT.RES_CONFLICT:
      return `Reservation conflict${v ? ' SCSI status' : ''}`;
    case EXIT.TIMEOUT:
      return 'SCSI command timeout';
    case EXIT.SENSE_OTHER:
      return `Some other sense data problem${v ? ", try '-v' option for more information" : ''}`;
    case EXIT.OTHER:
      return `Some other error/warning has occurred${v ? '' : ', possible transport of driver issue'}`;
    default:
      return `Sense category: ${category}${v ? '' : ", try '-v' option for more information"}`;
  }
}

/** sg_exit2str(): the words after "sg_persist failed: ". */
export function exitText(exit: number): string {
  const names: Record<number, string> = {
    1: 'Syntax error',
    2: 'Device not ready',
    3: 'Medium or hardware error',
    5: 'Illegal request',
    6: 'Unit attention',
    7: 'Data protect',
    9: 'Illegal request, Invalid opcode',
    10: 'Copy aborted',
    11: 'Aborted command',
    14: 'Miscompare',
    15: 'File error',
    24: 'Reservation conflict',
    33: 'SCSI command timeout',
    40: 'Aborted command, protection error',
    98: 'Some other sense error',
    99: 'Some other error',
  };
  return names[exit] ?? `Some error occurred [${exit}]`;
}

/** What the tools print when a command gets no answer in time (sg_cmds_process_resp). */
export function timeoutText(leadin: string): string {
  return `${leadin}: pass-through timeout\n`;
}

/**
 * sg_cmds_process_resp() with noisy set: for sense categories other than the "expected" ones
 * (not ready, illegal request, aborted command...) it prints "<leadin>:" and the decoded sense;
 * with -v it always does.
 */
export function noisySense(leadin: string, response: ConsoleResponse, verbose: number): string {
  if (response.status !== 'CHECK_CONDITION' || !response.sense) return '';
  const category = categoryOf(response);
  const quiet = [EXIT.NOT_READY, EXIT.INVALID_OP, EXIT.ILLEGAL_REQ, EXIT.ABORTED_COMMAND, EXIT.OK, EXIT.PROTECTION, EXIT.DATA_PROTECT, EXIT.MISCOMPARE] as number[];
  if (verbose === 0 && quiet.includes(category)) return '';
  return `${leadin}:\n${senseText(response.sense, verbose > 1)}`;
}
