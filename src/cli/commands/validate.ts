import { Locale } from '../../model/locale.js';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { checkDataset } from '../../analysis/check-dataset.js';
import { EXIT, UserError } from '../../errors.js';
import { loadCountry } from '../../load/dataset-loader.js';
import { validateFile } from '../../load/validate-file.js';
import { sortDiagnostics, type Diagnostic } from '../../model/diagnostic.js';
import { summaryLine, tally } from '../../render/diagnostics.js';
import { emit } from '../../render/emit.js';
import { regionNames } from '../../model/local-names.js';
import type { CommandSpec } from '../command.js';
import { addFormatOption, type OutputOptions } from '../options.js';

interface Opts extends OutputOptions {
  strict?: boolean;
  data?: string;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd.argument('[files...]', L.t('help.arg.validate.files')).option('--strict', L.t('help.opt.validate.strict'));
    addFormatOption(cmd, L, 'validation', 'text', L.t('help.opt.validate.format'));
  },
  async run(files, o, run) {
    const country = loadCountry(run, o.data);
    const targets = files.length ? files : [country.defaultPlan];
    const diagnostics: Diagnostic[] = [];
    let unreadable = 0;
    for (const f of targets) {
      try {
        const checked = validateFile(run, f, country);
        run.planLanguage(checked.language);
        diagnostics.push(...checked.diagnostics);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        const locale = run.locale();
        run.message(e.text((s) => locale.say(s)));
        unreadable++;
      }
    }
    if (files.length === 0) {
      for (const p of checkDataset(country.regions.dataset, country.regions.capital)) {
        const file = relative(process.cwd(), join(country.dir, country.profile.files.regions));
        diagnostics.push({ file, line: 1, column: 1, severity: 'error', code: 'dataset', ...p });
      }
    }
    const sorted = sortDiagnostics(diagnostics);
    // Files that could not be read are not "checked": they are counted apart (their error is on stderr).
    const checked = targets.length - unreadable;
    // Units and districts named in the hints, in the run's language.
    const names = regionNames(country.regions);
    await emit(run, 'validation', { diagnostics: sorted, files: checked, unreadable }, o, { names });
    const { errors, warnings, waived } = tally(sorted);
    if (o.format === 'github')
      process.stderr.write(`${summaryLine(errors, warnings, checked, unreadable, waived, new Locale(run.lang))}\n`);
    return unreadable ? EXIT.usage : errors > 0 || (o.strict && warnings > 0) ? EXIT.failed : EXIT.ok;
  },
};
