/** A problem found in an input file, with the exact place to fix it. */
import { compareText } from './compare-text.js';
import type { Said } from './said.js';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable machine-readable code, e.g. `unknown-region`; documented in docs/plan-format.md. */
  code: string;
  /** In English (JSON output keeps it so). */
  message: string;
  /** The message as catalogue key and values, for a run in another language (not in JSON output). */
  said?: Said;
  /** A warning the plan accepts on purpose (the facility's `waive:`): the planner's reason. */
  waived?: string;
}

/** A problem found by a pure check, located by its path in the plan (resolved to file:line:col later). */
export interface Finding {
  path: (string | number)[];
  severity: Severity;
  code: string;
  message: string;
  said?: Said;
  /** Point at the key rather than its value (unknown keys). */
  atKey?: boolean;
  /** A warning the plan accepts on purpose (the facility's `waive:`): the planner's reason. */
  waived?: string;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code),
  );
}
