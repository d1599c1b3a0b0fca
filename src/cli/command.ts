/** The shape of a command module in src/cli/commands/: declare the options, then run. */
import type { Command } from 'commander';
import type { RunContext } from '../run/run-context.js';

export interface CommandSpec<O = Record<string, unknown>> {
  /** Adds the command's arguments and options (its name and summary come from main.ts). */
  declare(cmd: Command): void;
  /**
   * Load → analyse → render, in the run's context (its inputs, settings and messages). Returns the
   * exit code (see src/errors.ts).
   */
  run(args: string[], opts: O, run: RunContext): number | Promise<number>;
}
