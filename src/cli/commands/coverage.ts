import type { Command } from 'commander';
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
  declare(cmd: Command) {
    cmd
      .argument('[plan]', 'plan file (default: the embedded DOST plan)')
      .option('-y, --year <year>', "year (default: the plan's last year)", year)
      .option(
        '--covered-by <rule>',
        'distance (within the standard of the nearest facility) | assignment (in a unit a facility serves) | both',
        coveredBy,
        'distance',
      )
      .option('--kind <kind>', 'center | branch | any', choice(['center', 'branch', 'any'] as const), 'any')
      .option('--by <group>', GROUPINGS.join(' | '), choice(GROUPINGS), 'economic-region');
    addAlias(cmd, '--basis <rule>', '--covered-by', coveredBy);
    addFormatOption(cmd, 'coverage', 'text');
    addModelOptions(cmd);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const year = reportYear(run, ctx.plan, o.year);
    const query = { year, coveredBy: o.coveredBy, kind: o.kind, by: o.by };
    await emitAnswer(run, coverageAnswer(ctx, query, planAbout), o);
    return EXIT.ok;
  },
};
