// A readable, numbered report of scenario errors, for consoles, logs and the app's load dialog.

import type { ScenarioError } from './errors';

/**
 * ```
 * The scenario has 2 problems:
 *   1. params.heartbeatMisses: params.heartbeatMisses must be an integer from 1 to 120, but it is 0; …
 *      expected: an integer from 1 to 120
 *      found:    0
 *   2. …
 * ```
 */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  if (errors.length === 0) return 'The scenario has no problems.';
  const lines = [errors.length === 1 ? 'The scenario has 1 problem:' : `The scenario has ${errors.length} problems:`];
  const width = String(errors.length).length;
  errors.forEach((error, i) => {
    const number = `${String(i + 1).padStart(width)}.`;
    const indent = ' '.repeat(number.length + 3);
    lines.push(`  ${number} ${error.path === '' ? '(whole scenario)' : error.path}: ${error.message}`);
    lines.push(`${indent}expected: ${error.expected}`);
    lines.push(`${indent}found:    ${error.found}`);
  });
  return lines.join('\n');
}
