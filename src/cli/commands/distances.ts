import type { Command } from 'commander';
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
  declare(cmd: Command) {
    cmd
      .argument('[plan]', 'plan file (default: the embedded DOST plan)')
      .option('-y, --year <year>', "year (default: the plan's last year)", year)
      .option('--by <group>', GROUPINGS.join(' | '), choice(GROUPINGS), 'economic-region')
      .option('--worst <n>', 'list the N worst-served places with their nearest facility', wholeNumber);
    addFormatOption(cmd, 'distances', 'text', ' (GeoJSON, and CSV with --worst: the worst-served places)');
    addModelOptions(cmd);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const year = reportYear(run, ctx.plan, o.year);
    const worst = o.worst ?? defaultWorst(ctx, o.format);
    await emitAnswer(run, distancesAnswer(ctx, { year, by: o.by, worst }, planAbout), o);
    return EXIT.ok;
  },
};
