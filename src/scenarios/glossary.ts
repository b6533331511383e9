// Terms narration can link with [[term]]: each opens its definition. Plain words, sourced from
// the research notes (../shared/research/*.md).

export const GLOSSARY: Record<string, string> = {
  LUN: 'Logical unit: one disk as the array presents it to hosts. Every cluster node sees the same shared LUN.',
  'I_T nexus': 'One initiator port talking to one target port: one path. Reservations and registrations belong to a nexus, not to a host.',
  'initiator port': "A host's HBA port (or iSCSI session). Two paths of one host are two initiator ports.",
  'target port': 'A port of the storage array. A path runs from an initiator port to a target port.',
  multipath: 'Several paths from one host to the same LUN; dm-multipath or MPIO sends I/O down one and fails over to another.',
  heartbeat: 'A small message each node sends its peers every interval; missing several in a row removes the peer from the membership view.',
  membership: "A node's view of which cluster nodes are alive and connected.",
  quorum: 'A majority of the cluster. A partition without quorum stops its services and never fences.',
  'split brain': 'Two parts of a cluster that cannot hear each other, each thinking the other is dead.',
  fencing: "Making sure a node that may still be alive cannot touch the shared storage: power it off (STONITH) or remove its registration key (SCSI-3 PR).",
  STONITH: 'Shoot The Other Node In The Head: power fencing through a fence device (IPMI, PDU).',
  'SCSI-2 reservation': 'RESERVE(6)/RELEASE(6): a lock held by one I_T nexus. Other nexuses — even the same host\'s other paths — get RESERVATION CONFLICT. Broken only by release, reset or power loss.',
  reset: 'A LUN, target or bus reset. It releases SCSI-2 reservations (and aborts queued commands); persistent reservations survive it.',
  'persistent reservation': 'SCSI-3 PR: hosts register keys per I_T nexus, one registrant holds a reservation of a type; it survives resets and, with APTPL, power loss.',
  registration: 'An 8-byte key registered by one I_T nexus (PERSISTENT RESERVE OUT REGISTER).',
  'reservation key': 'The 8-byte value a nexus registers; PREEMPT names the key to remove.',
  WERO: 'Write Exclusive – Registrants Only (type 5): every registered nexus may write, unregistered ones get RESERVATION CONFLICT; anyone may read.',
  PREEMPT: 'PERSISTENT RESERVE OUT PREEMPT: remove every registration with the named key; if that key held the reservation, the preemptor takes it.',
  'PREEMPT AND ABORT': 'PREEMPT that also aborts the preempted nexuses\' commands still queued at the LUN, so nothing stale executes after fencing.',
  APTPL: 'Activate Persist Through Power Loss: with it, registrations and the reservation survive an array power cycle.',
  'RESERVATION CONFLICT': 'The SCSI status a command gets when a reservation forbids it.',
  'UNIT ATTENTION': 'A one-time notice (e.g. "registrations preempted", "power on/reset") reported on a nexus\'s next command.',
  PRgeneration: 'A counter the LUN bumps on every REGISTER, PREEMPT and CLEAR (not on RESERVE or RELEASE).',
  'mount epoch': 'Each time the shared file system is mounted it gets a new epoch; a write from an older epoch after a newer mount is a corrupting write.',
  'challenge/defense': 'Windows 2003 MSCS arbitration: a challenger resets the LUN, waits 7 s and tries RESERVE once; a live defender has re-reserved every 3 s and wins.',
  'system ID': "HA-LVM's owner mark in the volume group metadata. A takeover node rewrites it: it is not a lock.",
  watchdog: 'fence_scsi_check under the watchdog daemon reboots a node whose key is no longer registered.',
};

export const GLOSSARY_TERMS: readonly string[] = Object.keys(GLOSSARY);
