// Public API of the node console. See README.md in this folder.

export { formatResult, nextRequest, parseCommandLine, runCommandSync, sentRequests } from './console';
export type { RunResult } from './console';
export type { SentRequest } from './sequence';
export type {
  CdbRequest,
  CommandPlan,
  ConsoleContext,
  ConsoleOutput,
  ConsolePath,
  ConsoleResponse,
  FileTable,
  ParseResult,
  PathState,
  PlannedRequest,
  RequestGate,
  RequestRole,
  ResetRequest,
  TimeoutResponse,
  ToolName,
} from './types';
export { MPATH_DEVICE, pathDevice } from './devices';
export { EXIT } from './scsiText';
export { MPATH_PR } from './mpathpersist';
export {
  DEFAULT_SCRIPT_CONFIG,
  SCRIPT_FAULTS,
  checkScriptConfig,
  createScriptState,
  jsonLines,
  mainRequest,
  nodeNexuses,
  prInSummary,
  recordJson,
  runScript,
  runScriptLine,
  scriptDiagnostics,
  transcriptText,
} from './script';
export type { CommandRecord, ErrorRecord, FaultRecord, PrInSummary, ScriptConfig, ScriptRecord, ScriptState } from './script';
