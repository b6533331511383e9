// The learner's timed inputs, recovered from the trace the store mirrors: every fault the learner
// injected (a FAULT.* entry with origin "learner") and every console line typed (CONSOLE.COMMAND).
// The engine writes each entry while applying the input, so the entry's `step` and `t` are the
// input's place in the run. This is what a "copy link to this moment" needs without asking the
// engine for its history.

import type { FaultTarget, SimMs, TimedInput, TraceEntry } from '../engine';
import { copyFaultTarget, faultTargetProblem } from './faultTargetShape';

function parseTarget(text: unknown): FaultTarget | null {
  if (typeof text !== 'string') return {};
  try {
    const value: unknown = JSON.parse(text);
    return faultTargetProblem(value) === null ? copyFaultTarget(value as FaultTarget) : null;
  } catch {
    return null;
  }
}

/** Inputs the learner made in `trace` (in trace order), up to and including virtual time `until`. */
export function inputsFromTrace(trace: readonly TraceEntry[], until = Infinity): TimedInput[] {
  const inputs: TimedInput[] = [];
  for (const e of trace) {
    if (e.t > until) break;
    if (e.category === 'fault' && e.data?.origin === 'learner' && typeof e.data.fault === 'string') {
      const target = parseTarget(e.data.target);
      if (target) inputs.push({ step: e.step, at: e.t as SimMs, action: { type: 'fault', fault: e.data.fault, target } });
    } else if (e.kind === 'CONSOLE.COMMAND' && e.node && typeof e.data?.line === 'string') {
      inputs.push({ step: e.step, at: e.t as SimMs, action: { type: 'console', node: e.node, line: e.data.line } });
    }
  }
  return inputs;
}
