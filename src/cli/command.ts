/** The shape of a command module in src/cli/commands/: declare the options, then run. */
import type { Command } from 'commander';
import type { Locale } from '../model/locale.js';
import type { RunContext } from '../run/run-context.js';

export interface CommandSpec<O = Record<string, unknown>> {
  /**
   * Adds the command's arguments and options (its name and summary come from main.ts), described
   * in the language of the help (`help.arg.*`, `help.opt.*` in the catalogue).
   */
  declare(cmd: Command, L: Locale): void;
  /**
   * Load → analyse → render, in the run's context (its inputs, settings and messages). Returns the
   * exit code (see src/errors.ts).
   */
  run(args: string[], opts: O, run: RunContext): number | Promise<number>;
}
