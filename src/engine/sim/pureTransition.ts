// xstate's pure `transition(logic, snapshot, event)` builds a throw-away actor (and computes a
// whole initial snapshot) on every call, which costs ~55 µs — most of an engine event. This does
// the same pure transition through one inert actor scope per machine, reused across calls: the
// scope never runs actions, it only collects them, exactly as xstate's own `transition()` does.

import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';

interface ExecutableAction {
  type: string;
  params?: unknown;
}

interface Reusable {
  scope: AnyActorScope;
  sink: ExecutableAction[];
}

const scopes = new WeakMap<AnyStateMachine, Reusable>();

function scopeFor(logic: AnyStateMachine): Reusable {
  let r = scopes.get(logic);
  if (!r) {
    const sink: ExecutableAction[] = [];
    const self = createActor(logic);
    const scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action: ExecutableAction) => {
        sink.push(action);
      },
    } as unknown as AnyActorScope;
    r = { scope, sink };
    scopes.set(logic, r);
  }
  return r;
}

/** Same result as xstate's `transition(logic, snapshot, event)`: next snapshot and the actions to run. */
export function pureTransition(logic: AnyStateMachine, snapshot: AnyMachineSnapshot, event: { type: string }): [AnyMachineSnapshot, ExecutableAction[]] {
  const r = scopeFor(logic);
  r.sink.length = 0;
  const next = logic.transition(snapshot, event, r.scope) as AnyMachineSnapshot;
  return [next, r.sink.slice()];
}
