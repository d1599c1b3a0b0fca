import type { Command } from 'commander';
import type { Catchment } from '../../analysis/capacity.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { capacityAnswer, emitAnswer } from '../../serve/answers.js';
import type { CommandSpec } from '../command.js';
import {
  addAlias,
  addFormatOption,
  addModelOptions,
  choice,
  modelFlags,
  positiveNumber,
  reportYear,
  wholeNumber,
  year,
  type ModelOptions,
  tell,
} from '../options.js';
import { figure, said } from '../../model/said.js';
import { Locale } from '../../model/locale.js';
import { planAbout } from '../provenance.js';

const catchment = choice(['nearest', 'assignment'] as const);

interface Opts extends ModelOptions {
  year?: number;
  catchment?: Catchment;
  visits?: number;
  workingDays?: number;
  overflowMaxMin?: number;
  method: 'auto' | 'flow' | 'heuristic';
  strict?: boolean;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('-y, --year <year>', L.t('help.opt.year'), year)
      .option('--catchment <rule>', L.t('help.opt.capacity.catchment'), catchment)
      .option('--visits <n>', L.t('help.opt.capacity.visits'), positiveNumber)
      .option('--working-days <n>', L.t('help.opt.capacity.working_days'), wholeNumber)
      .option('--overflow-max-min <min>', L.t('help.opt.capacity.overflow_max_min'), positiveNumber)
      .option(
        '--method <method>',
        L.t('help.opt.capacity.method'),
        choice(['auto', 'flow', 'heuristic'] as const),
        'auto',
      )
      .option('--strict', L.t('help.opt.capacity.strict'));
    addAlias(cmd, L, '--basis <rule>', '--catchment', catchment);
    addFormatOption(cmd, L, 'capacity', 'text');
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const visits = {
      visitsPerResidentYear: o.visits,
      workingDays: o.workingDays || undefined,
      overflowMaxMin: o.overflowMaxMin,
    };
    const year = reportYear(run, ctx.plan, o.year);
    const answer = await capacityAnswer(ctx, { year, catchment: o.catchment, visits, method: o.method }, planAbout);
    await emitAnswer(run, answer, o);
    const result = answer.output;
    if (o.strict && result.overloaded > 0) {
      const L = new Locale(run.lang);
      const worst = result.facilities
        .filter((f) => f.overloaded)
        .map((f) =>
          L.say(
            said('refuse.facility_use', {
              id: f.id,
              pct: f.utilization_pct === null ? '–' : figure(f.utilization_pct),
            }),
          ),
        );
      const which = `${worst.slice(0, 8).join(', ')}${worst.length > 8 ? ', …' : ''}`;
      const [n, year] = [result.overloaded, result.year];
      tell(
        run,
        n === 1 ? said('refuse.strict_full_one', { year, which }) : said('refuse.strict_full', { n, year, which }),
      );
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};
