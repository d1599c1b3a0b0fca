import type { Command } from 'commander';
import { reportData } from '../../analysis/report.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import type { CommandSpec } from '../command.js';
import { addModelOptions, modelFlags, reportYear, withProgress, year, type ModelOptions } from '../options.js';

interface Opts extends ModelOptions {
  year?: number;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command) {
    cmd
      .argument('[plan]', 'plan file (default: the embedded DOST plan)')
      .option('-y, --year <year>', "year of the map and tables (default: the plan's last year)", year);
    addModelOptions(cmd, 'write the HTML to a file (atomically) instead of stdout');
  },
  run([planArg], o) {
    const ctx = loadPlanContext(planArg, modelFlags(o));
    const y = reportYear(ctx.plan, o.year);
    const data = withProgress('report', ctx.plan, (tick) => reportData(ctx.plan, ctx.demand, ctx.country.regions, ctx.settings, y, tick));
    emit('report', { ...data, outline: ctx.country.outline.geometry }, { format: 'html', out: o.out }, ctx.inputs);
    return EXIT.ok;
  },
};
