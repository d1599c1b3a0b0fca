import type { Command } from 'commander';
import type { Basis, KindFilter } from '../../analysis/coverage.js';
import { GROUPINGS, type GroupBy } from '../../analysis/demand.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { coverageAnswer, emitAnswer } from '../../serve/answers.js';
import type { CommandSpec } from '../command.js';
import {
  addFormatOption,
  addModelOptions,
  choice,
  modelFlags,
  reportYear,
  year,
  type ModelOptions,
} from '../options.js';
import { planAbout } from '../provenance.js';

interface Opts extends ModelOptions {
  year?: number;
  basis: Basis;
  kind: KindFilter;
  by: GroupBy;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command) {
    cmd
      .argument('[plan]', 'plan file (default: the embedded DOST plan)')
      .option('-y, --year <year>', "year (default: the plan's last year)", year)
      .option(
        '--basis <basis>',
        'distance | assignment | both',
        choice(['distance', 'assignment', 'both'] as const),
        'distance',
      )
      .option('--kind <kind>', 'center | branch | any', choice(['center', 'branch', 'any'] as const), 'any')
      .option('--by <group>', GROUPINGS.join(' | '), choice(GROUPINGS), 'economic-region');
    addFormatOption(cmd, 'coverage', 'text');
    addModelOptions(cmd);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const year = reportYear(run, ctx.plan, o.year);
    await emitAnswer(run, coverageAnswer(ctx, { year, basis: o.basis, kind: o.kind, by: o.by }, planAbout), o);
    return EXIT.ok;
  },
};
