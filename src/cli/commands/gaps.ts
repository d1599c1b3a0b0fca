import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import type { KindFilter } from '../../analysis/coverage.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { emitAnswer } from '../../serve/answers.js';
import { gapsAnswer } from '../../serve/layers.js';
import type { CommandSpec } from '../command.js';
import {
  addFormatOption,
  addModelOptions,
  choice,
  countAtLeastOne,
  modelFlags,
  reportYear,
  year,
  type ModelOptions,
} from '../options.js';
import { planAbout } from '../provenance.js';

interface Opts extends ModelOptions {
  year?: number;
  kind: KindFilter;
  top: number;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('-y, --year <year>', L.t('help.opt.year'), year)
      .option('--kind <kind>', L.t('help.opt.kind'), choice(['center', 'branch', 'any'] as const), 'any')
      .option('--top <n>', L.t('help.opt.gaps.top'), countAtLeastOne, 20);
    addFormatOption(cmd, L, 'gaps', 'text');
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const y = reportYear(run, ctx.plan, o.year);
    await emitAnswer(run, gapsAnswer(ctx, { year: y, kind: o.kind, top: o.top }, planAbout), o);
    return EXIT.ok;
  },
};
