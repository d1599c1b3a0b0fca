import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import { GROUPINGS, type GroupBy } from '../../analysis/demand.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { defaultWorst, distancesAnswer, emitAnswer } from '../../serve/answers.js';
import type { CommandSpec } from '../command.js';
import {
  addFormatOption,
  addModelOptions,
  choice,
  modelFlags,
  reportYear,
  wholeNumber,
  year,
  type ModelOptions,
} from '../options.js';
import { planAbout } from '../provenance.js';

interface Opts extends ModelOptions {
  year?: number;
  by: GroupBy;
  worst?: number;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('-y, --year <year>', L.t('help.opt.year'), year)
      .option(
        '--by <group>',
        L.t('help.opt.by', { groupings: GROUPINGS.join(' | ') }),
        choice(GROUPINGS),
        'economic-region',
      )
      .option('--worst <n>', L.t('help.opt.distances.worst'), wholeNumber);
    addFormatOption(cmd, L, 'distances', 'text', L.t('help.opt.distances.format'));
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const year = reportYear(run, ctx.plan, o.year);
    const worst = o.worst ?? defaultWorst(ctx, o.format);
    await emitAnswer(run, distancesAnswer(ctx, { year, by: o.by, worst }, planAbout), o);
    return EXIT.ok;
  },
};
