/**
 * The dostplan command line. Each command lives in its own file and is the same three steps:
 * load, analyse, render. Exit codes: 0 success, 1 the plan has errors (or a target is missed
 * with --strict), 2 usage or I/O error. User errors never print a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { UserError } from '../load/user-error.js';
import { outputSettings, quietOnClosedStdout } from '../render/output.js';
import { printable } from '../render/printable.js';
import { registerCoverage } from './coverage.js';
import { registerDiff } from './diff.js';
import { registerDistances } from './distances.js';
import { registerExplore } from './explore.js';
import { registerOptimize } from './optimize.js';
import { registerRegions } from './regions.js';
import { registerReport } from './report.js';
import { registerSchema } from './schema.js';
import { registerTimeline } from './timeline.js';
import { registerValidate } from './validate.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/** Commands set this; main() returns it. */
export type Run = (code: number) => void;

export async function main(argv: string[]): Promise<number> {
  quietOnClosedStdout();
  let code: number = EXIT.ok;
  const setCode: Run = (c) => (code = Math.max(code, c));
  const program = new Command('dostplan')
    .description('Plan a national network of public-service centers (DOST, ASAN, clinics…): coverage, distances, rollout, validation.')
    .version('0.1.0')
    .showHelpAfterError('(run dostplan --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // --bom belongs to CSV; checked once here rather than in every command that can print CSV.
  program.hook('preAction', (_, action) => {
    const o = action.opts() as { bom?: boolean; format?: string };
    if (!o.bom) return;
    if (o.format !== 'csv') throw new UserError('--bom goes with --format csv (Excel reads UTF-8 CSV right only with it)');
    outputSettings.bom = true;
  });
  try {
    registerValidate(program, setCode);
    registerCoverage(program, setCode);
    registerDistances(program, setCode);
    registerTimeline(program, setCode);
    registerDiff(program, setCode);
    registerExplore(program, setCode);
    registerOptimize(program, setCode);
    registerReport(program, setCode);
    registerSchema(program, setCode);
    registerRegions(program, setCode);
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      process.stderr.write(`dostplan: ${printable(e.message, true)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`dostplan: internal error: ${(e as Error).message}\nPlease report this with the command you ran.\n`);
    if (process.env.DOSTPLAN_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return EXIT.internal;
  }
}
