// Public API of the LUN device server (issue 3). See README.md in this folder.

export type { LunConfig, LunEffects, LunSummary, NexusDescriptor, PrTypeName, ScsiCommand, ScsiResult, ScsiStatus, Sense } from './api';
export type { LunState, PersistentReservation, PrState, Registration, PendingUnitAttention, BlockRecord } from './state';
export { BLOCK_SIZE, addNexus, createLun, holdsReservation, isRegistered } from './state';
export { executeCommand } from './deviceServer';
export { enqueueTask, executeNextTask } from './taskSet';
export { applyReset, nexusLoss, powerCycle, powerLoss, powerOn } from './resets';
export { ALLOWED_WHILE_NOT_READY } from './notReady';
export type { LunReadiness } from './notReady';
export type { ResetKind } from './resets';
export { describeLun } from './describe';
export { checkAccess, mediumAccess } from './access';
export type { AccessVerdict, MediumDirection } from './access';
export {
  buildInquiryCdb,
  buildPrInCdb,
  buildPrOutCdb,
  buildPrOutParams,
  buildReadCapacity10Cdb,
  buildReadCdb,
  buildRegisterAndMoveParams,
  buildRelease6Cdb,
  buildReportLunsCdb,
  buildRequestSenseCdb,
  buildReserve6Cdb,
  buildTestUnitReadyCdb,
  buildWriteCdb,
} from './cdb';
export type { PrInActionName, PrOutActionName, PrOutParams, RegisterAndMoveParams } from './cdb';
export {
  decodeFixedSense,
  decodeInquiry,
  decodeReadFullStatus,
  decodeReadKeys,
  decodeReadReservation,
  decodeReportCapabilities,
} from './decode';
export type { FullStatusDescriptor, InquiryData, ReadFullStatusData, ReadKeysData, ReadReservationData, ReportCapabilitiesData } from './decode';
export { ZERO_KEY, keyFromBytes, keyToBytes, parsePrKey, prKey } from './keys';
export { OP, OPCODE_NAME, PR_IN, PR_OUT, PR_TYPE, prTypeName } from './opcodes';
export type { PrTypeCode } from './opcodes';
export { SENSE, SENSE_KEY, senseLabel } from './sense';
export { UA } from './unitAttention';
export { INQUIRY_IDENTITY } from './inquiry';
export { CAPABILITIES } from './prIn';
export { encodeTransportId, decodeTransportId, parseInitiatorPort } from './transportId';
