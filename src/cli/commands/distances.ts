import type { Command } from 'commander';
import { GROUPINGS, pointColumns, type GroupBy } from '../../analysis/demand.js';
import { distancesNow } from '../../analysis/distances.js';
import { Network } from '../../analysis/network.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
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
    const net = new Network(ctx.plan, pointColumns(ctx.demand), ctx.country.regions, ctx.settings.travel);
    net.advanceTo(reportYear(run, ctx.plan, o.year));
    const worst = o.worst ?? (o.format === 'geojson' ? pointColumns(ctx.demand).count : 0);
    const result = distancesNow(net, ctx.demand, ctx.country.regions, ctx.settings, o.by, worst);
    await emit(run, 'distances', result, o, planAbout(ctx, result.year));
    return EXIT.ok;
  },
};
