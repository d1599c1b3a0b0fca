/**
 * Exit codes and the errors that carry them. Neutral ground: every layer may import this module,
 * and it imports nothing from the project except types.
 *
 * Exit codes: 0 success; 1 the plan or data has errors (or a check failed under --strict);
 * 2 usage or I/O error; 70 internal error (a bug: please report it).
 */
import type { Diagnostic } from './model/diagnostic.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem the user can fix (missing file, bad flag value, bad input data). The CLI prints the
 * message without a stack trace and exits with `exitCode` (2 unless said otherwise).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A problem at a place in an input file: `where` is "file:line:column", "file" or a sheet's cell
 * ("f.xlsx: sheet S, row 3, column B"), `problem` what is wrong and what to do. The message is the
 * two joined, as the CLI prints it; a caller that keeps running (the server) reads the parts
 * (load/findings.ts turns them into a Diagnostic).
 */
export class InputError extends UserError {
  constructor(
    readonly where: string,
    readonly problem: string,
    exitCode: number = EXIT.usage,
  ) {
    super(`${where}: ${problem}`, exitCode);
    this.name = 'InputError';
  }
}

/** A plan that cannot be analysed: the CLI prints its diagnostics, then the message (exit 1). */
export class InvalidPlanError extends UserError {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message, EXIT.failed);
    this.name = 'InvalidPlanError';
  }
}
