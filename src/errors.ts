/**
 * Exit codes and the errors that carry them. Every layer from geo up may import this module; it
 * imports only the model's messages, so an error can be said in the run's language.
 *
 * Exit codes: 0 success; 1 the plan or data has errors (or a check failed under --strict);
 * 2 usage or I/O error; 70 internal error (a bug: please report it).
 */
import type { Diagnostic } from './model/diagnostic.js';
import { type Said, english } from './model/said.js';
import { whereWords } from './model/where-words.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem the user can fix (missing file, bad flag value, bad input data). The CLI prints the
 * message without a stack trace and exits with `exitCode` (2 unless said otherwise). Given as a
 * catalogue message (`said`), it is printed in the run's language; `message` is always English.
 */
export class UserError extends Error {
  readonly said?: Said;
  constructor(
    message: string | Said,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(typeof message === 'string' ? message : english(message));
    if (typeof message !== 'string') this.said = message;
    this.name = 'UserError';
  }

  /** The message in a language (`say` writes a catalogue message in it); English text as it is. */
  text(say: (s: Said) => string): string {
    return this.said ? say(this.said) : this.message;
  }
}

/**
 * A problem at a place in an input file: `where` is "file:line:column", "file" or a sheet's cell
 * ("f.xlsx: sheet S, row 3, column B"), `problem` what is wrong and what to do. The message is the
 * two joined, as the CLI prints it; a caller that keeps running (the server) reads the parts
 * (load/findings.ts turns them into a Diagnostic).
 */
export class InputError extends UserError {
  readonly problem: string;
  /** The problem as a catalogue message, when it was given as one. */
  readonly problemSaid?: Said;
  constructor(
    readonly where: string,
    problem: string | Said,
    exitCode: number = EXIT.usage,
  ) {
    const english_ = typeof problem === 'string' ? problem : english(problem);
    super(`${where}: ${english_}`, exitCode);
    this.problem = english_;
    if (typeof problem !== 'string') this.problemSaid = problem;
    this.name = 'InputError';
  }

  /** The message in a language: the problem, and a position written as words (a workbook's cell), said in it. */
  override text(say: (s: Said) => string): string {
    if (!this.problemSaid) return this.message;
    const where = whereWords(this.where);
    return `${typeof where === 'string' ? where : say(where as Said)}: ${say(this.problemSaid)}`;
  }
}

/** A plan that cannot be analysed: the CLI prints its diagnostics, then the message (exit 1). */
export class InvalidPlanError extends UserError {
  constructor(
    message: string | Said,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message, EXIT.failed);
    this.name = 'InvalidPlanError';
  }
}
