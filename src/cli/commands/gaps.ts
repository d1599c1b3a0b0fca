import type { Command } from 'commander';
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
  declare(cmd: Command) {
    cmd
      .argument('[plan]', 'plan file (default: the embedded DOST plan)')
      .option('-y, --year <year>', "year (default: the plan's last year)", year)
      .option('--kind <kind>', 'center | branch | any', choice(['center', 'branch', 'any'] as const), 'any')
      .option('--top <n>', 'clusters listed in the text table (CSV, GeoJSON and JSON list all)', countAtLeastOne, 20);
    addFormatOption(cmd, 'gaps', 'text');
    addModelOptions(cmd);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const y = reportYear(run, ctx.plan, o.year);
    await emitAnswer(run, gapsAnswer(ctx, { year: y, kind: o.kind, top: o.top }, planAbout), o);
    return EXIT.ok;
  },
};
