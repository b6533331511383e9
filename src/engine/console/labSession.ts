// A console session on a fresh LUN, one script line at a time: the tests' (and a REPL's) way to
// type commands on several nodes and get each command's record back.

import { createScriptState, runScriptLine, type ScriptConfig, type ScriptRecord, type ScriptState } from './script';

export interface LabSession {
  /** Runs one script line ("A: sg_turs /dev/sdb", "! lun-reset") and returns its record. */
  run(line: string): ScriptRecord;
  readonly state: ScriptState;
}

export function labSession(config: ScriptConfig = { nodes: ['A', 'B', 'C'], paths: 1 }): LabSession {
  let state = createScriptState(config);
  let line = 0;
  return {
    run(text: string): ScriptRecord {
      line++;
      const step = runScriptLine(state, text, line);
      state = step.state;
      if (!step.record) throw new Error(`labSession: line ${line} ("${text}") is blank or a comment and produces no record`);
      return step.record;
    },
    get state() {
      return state;
    },
  };
}
