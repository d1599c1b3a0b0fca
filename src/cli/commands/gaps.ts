import type { Command } from 'commander';
import type { KindFilter } from '../../analysis/coverage.js';
import { pointColumns, yearWeights } from '../../analysis/demand.js';
import { CLUSTER_KM, unservedClusters, type GapsResult } from '../../analysis/gaps.js';
import { SettlementNames } from '../../analysis/place-names.js';
import { Network } from '../../analysis/network.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import { describeThreshold, modelSummary } from '../../travel/travel-cost.js';
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
    const { regions } = ctx.country;
    const y = reportYear(run, ctx.plan, o.year);
    const points = pointColumns(ctx.demand);
    const net = new Network(ctx.plan, points, regions, ctx.settings.travel);
    net.advanceTo(y);
    const { weights } = yearWeights(ctx.demand, regions, y);
    // Clusters are named by the country's settlements, whatever the population source.
    const settlements = new SettlementNames(ctx.country.columns('resident'));
    const clusters = unservedClusters(net, ctx.settings, o.kind, points, weights, settlements);
    const { standards } = ctx.settings;
    const kinds = o.kind === 'any' ? (['center', 'branch'] as const) : [o.kind];
    const result: GapsResult = {
      year: y,
      kind: o.kind,
      standards: kinds.map((k) => `${k} ${describeThreshold(standards[k])}`).join(', '),
      cluster_km: CLUSTER_KM,
      population: weights.reduce((a, b) => a + b, 0),
      unserved: clusters.reduce((a, c) => a + c.people, 0),
      clusters,
      model: modelSummary(ctx.settings.travel.info),
    };
    const counted = Object.fromEntries(kinds.map((k) => [k, describeThreshold(standards[k])]));
    await emit(run, 'gaps', { result, top: o.top }, o, planAbout(ctx, y, counted));
    return EXIT.ok;
  },
};
