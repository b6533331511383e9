// The engine's public surface. Everything outside src/engine imports from here.

export { createSimulation, CHECKPOINT_EVERY } from './sim/createSimulation';
export type { Simulation, SimulationOptions, BranchInfo, InputResult } from './sim/createSimulation';
export type { SimView, NodeView, LinkView, PeerInView, FaultOption, FaultTargetView, PathView, CommandView, IntegrityView } from './model/view';
export type { LunSummary } from './lun/api';
export type { TraceEntry, TraceCategory } from './model/trace';
export type { Scenario, ScenarioParams, ScheduledFault, Mode, Personality } from './model/scenario';
export { DEFAULT_PARAMS, defaultParams, PERSONALITY_OF_MODE } from './model/scenario';
export { runReport, type RunReport } from './report';
export type { LearnerAction, TimedInput } from './model/input';
export type { NodeId, NexusId, PrKey, SimMs, TraceId } from './model/ids';
export type { InFlight, NodePower } from './model/world';
export { FAULTS, faultById, FAULT_IDS } from './faults/registry';
export type { FaultDescriptor, FaultTarget, FaultTargetKind } from './faults/types';
export * from './beats';
