/**
 * The dostplan command line. Each command lives in its own file under commands/ and is the same
 * three steps: load, analyse, render. Only the command being run is imported, so a run pays for
 * its own dependencies only. Exit codes: see src/errors.ts (user errors never print a stack trace).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, InvalidPlanError, UserError } from '../errors.js';
import { said } from '../model/said.js';
import { restoreV8Budget } from '../load/long-run.js';
import { quietOnClosedStdout } from '../render/output.js';
import { printable } from '../render/printable.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { styleFor } from '../render/style.js';
import { RunContext } from '../run/run-context.js';
import type { CommandSpec } from './command.js';
import { LANGUAGES, type Language } from '../model/language.js';
import { Locale } from '../model/locale.js';
import { VERSION } from './version.js';
import { commanderText, languageAsked } from './commander-text.js';
import { helpIn } from './help-text.js';
import type { MessageKey } from '../model/messages/en.js';
import { commandNamed } from './command-named.cjs';

type Loader = () => Promise<{ command: CommandSpec<never> }>;

/** Every command: its name, its line for `dostplan --help` (a catalogue message), and where it lives. */
const COMMANDS: { name: string; summary: MessageKey; load: Loader }[] = [
  {
    name: 'validate',
    summary: 'help.cmd.validate',
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'coverage',
    summary: 'help.cmd.coverage',
    load: () => import('./commands/coverage.js'),
  },
  {
    name: 'distances',
    summary: 'help.cmd.distances',
    load: () => import('./commands/distances.js'),
  },
  {
    name: 'timeline',
    summary: 'help.cmd.timeline',
    load: () => import('./commands/timeline.js'),
  },
  {
    name: 'capacity',
    summary: 'help.cmd.capacity',
    load: () => import('./commands/capacity.js'),
  },
  {
    name: 'diff',
    summary: 'help.cmd.diff',
    load: () => import('./commands/diff.js'),
  },
  {
    name: 'explore',
    summary: 'help.cmd.explore',
    load: () => import('./commands/explore.js'),
  },
  {
    name: 'optimize',
    summary: 'help.cmd.optimize',
    load: () => import('./commands/optimize.js'),
  },
  {
    name: 'report',
    summary: 'help.cmd.report',
    load: () => import('./commands/report.js'),
  },
  {
    name: 'surface',
    summary: 'help.cmd.surface',
    load: () => import('./commands/surface.js'),
  },
  {
    name: 'gaps',
    summary: 'help.cmd.gaps',
    load: () => import('./commands/gaps.js'),
  },
  {
    name: 'import',
    summary: 'help.cmd.import',
    load: () => import('./commands/import.js'),
  },
  {
    name: 'serve',
    summary: 'help.cmd.serve',
    load: () => import('./commands/serve.js'),
  },
  {
    name: 'schema',
    summary: 'help.cmd.schema',
    load: () => import('./commands/schema.js'),
  },
  {
    name: 'regions',
    summary: 'help.cmd.regions',
    load: () => import('./commands/regions.js'),
  },
];

/**
 * The run's messages: stderr, each line named. Control characters are escaped; a message of several
 * lines (the first bad rows, then what to do) keeps them, each line starting with `dostplan: `, so a
 * file name with a newline still never starts a line of its own, which a CI log would read as a
 * workflow command (`::error file=…`).
 */
const toStderr = (message: string) =>
  process.stderr.write(
    printable(message, true)
      .split('\n')
      .map((line) => `dostplan: ${line}\n`)
      .join(''),
  );

/**
 * Runs one command line in a run context of its own. `run` is for callers that keep one (tests,
 * a server): by default messages go to stderr and a long run lets V8 optimise early.
 */
export async function main(
  argv: string[],
  run = new RunContext({ message: toStderr, onLongRun: restoreV8Budget }),
): Promise<number> {
  quietOnClosedStdout();
  let code: number = EXIT.ok;
  // commander's errors come before --lang is read: the language they are said in is the one asked.
  const asked = new Locale(languageAsked(argv.slice(2)) ?? 'en');
  const program = new Command('dostplan')
    .description(asked.t('help.program'))
    .version(VERSION)
    .option('--data <dir>', asked.t('help.data'))
    .addOption(new Option('--lang <lang>', asked.t('help.lang')).choices(LANGUAGES))
    .showHelpAfterError(asked.say(said('refuse.cli.help_after_error')))
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(commanderText(s, asked)),
    });
  helpIn(program, asked);
  // --bom belongs to CSV; checked once here rather than in every command that can print CSV.
  program.hook('preAction', (_, action) => {
    const lang = (action.optsWithGlobals() as { lang?: Language }).lang;
    if (lang) run.chooseLanguage(lang);
    const o = action.opts() as { bom?: boolean; format?: string };
    if (!o.bom) return;
    if (o.format !== 'csv') throw new UserError(said('refuse.bom_needs_csv'));
    run.bom = true;
  });
  try {
    const named = commandNamed(argv.slice(2));
    const selected = COMMANDS.some((c) => c.name === named) ? [named] : COMMANDS.map((c) => c.name);
    for (const c of COMMANDS) {
      const cmd = program.command(c.name).description(asked.t(c.summary));
      if (!selected.includes(c.name)) continue; // listed for help and suggestions, never run
      const spec = (await c.load()).command as CommandSpec;
      spec.declare(cmd, asked);
      cmd.action(async () => {
        code = await spec.run(
          cmd.processedArgs.flat().filter((a) => a !== undefined) as string[],
          cmd.optsWithGlobals(),
          run,
        );
      });
    }
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    return failure(e, run);
  }
}

/** The exit code for an error, after a message on stderr (a stack trace only for a bug). */
function failure(e: unknown, run: RunContext): number {
  if (e instanceof CommanderError) {
    // --help and --version exit 0; every other commander error is a usage error.
    return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version'
      ? EXIT.ok
      : EXIT.usage;
  }
  if (e instanceof InvalidPlanError)
    process.stderr.write(
      renderDiagnostics(e.diagnostics, 1, 'text', styleFor(process.stderr), 0, process.env, run.locale()),
    );
  if (e instanceof UserError) {
    const locale = run.locale();
    run.message(e.text((s) => locale.say(s)));
    return e.exitCode;
  }
  const reason = printable(String((e as Error)?.message));
  process.stderr.write(`dostplan: ${new Locale(run.lang).say(said('refuse.internal_error', { reason }))}\n`);
  if (process.env.DOSTPLAN_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  return EXIT.internal;
}
