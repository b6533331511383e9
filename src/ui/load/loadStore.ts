// UI state of opening a scenario file: the report of a file that could not be opened (shown in
// LoadReport until dismissed), whether a file is being dragged over the page, and whether a check
// is running. The simulation knows nothing of it.

import { create } from 'zustand';
import type { Scenario } from '../../engine';

export interface LoadReportState {
  /** The file's name (or the address it came from). */
  fileName: string;
  /** Every problem, worded exactly as `lab check --simulate FILE` prints it after "FILE: ". */
  problems: string[];
  /** Set when the file is a valid scenario and only its story does not play as written. */
  scenario?: Scenario;
}

export interface LoadUiState {
  report: LoadReportState | null;
  dragging: boolean;
  /** The file being checked, while the check runs. */
  checking: string | null;
  /** What the last open did, for the polite status ("Opened x.yaml: title"). */
  status: string;
}

export const useLoadStore = create<LoadUiState>()(() => ({ report: null, dragging: false, checking: null, status: '' }));

export function dismissLoadReport(): void {
  useLoadStore.setState({ report: null });
}

export function setDragging(dragging: boolean): void {
  if (useLoadStore.getState().dragging !== dragging) useLoadStore.setState({ dragging });
}
