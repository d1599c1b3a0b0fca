import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import type { CoveredBy, KindFilter } from '../../analysis/coverage.js';
import { GROUPINGS, type GroupBy } from '../../analysis/demand.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { coverageAnswer, emitAnswer } from '../../serve/answers.js';
import type { CommandSpec } from '../command.js';
import {
  addAlias,
  addFormatOption,
  addModelOptions,
  choice,
  modelFlags,
  reportYear,
  year,
  type ModelOptions,
} from '../options.js';
import { planAbout } from '../provenance.js';

const coveredBy = choice(['distance', 'assignment', 'both'] as const);

interface Opts extends ModelOptions {
  year?: number;
  coveredBy: CoveredBy;
  kind: KindFilter;
  by: GroupBy;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('-y, --year <year>', L.t('help.opt.year'), year)
      .option('--covered-by <rule>', L.t('help.opt.coverage.covered_by'), coveredBy, 'distance')
      .option('--kind <kind>', L.t('help.opt.kind'), choice(['center', 'branch', 'any'] as const), 'any')
      .option(
        '--by <group>',
        L.t('help.opt.by', { groupings: GROUPINGS.join(' | ') }),
        choice(GROUPINGS),
        'economic-region',
      );
    addAlias(cmd, L, '--basis <rule>', '--covered-by', coveredBy);
    addFormatOption(cmd, L, 'coverage', 'text');
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const year = reportYear(run, ctx.plan, o.year);
    const query = { year, coveredBy: o.coveredBy, kind: o.kind, by: o.by };
    await emitAnswer(run, coverageAnswer(ctx, query, planAbout), o);
    return EXIT.ok;
  },
};
