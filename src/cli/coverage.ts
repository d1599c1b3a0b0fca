import type { Command } from 'commander';
import { coverageNow, withinStandard, type Basis, type KindFilter } from '../analysis/coverage.js';
import type { GroupBy } from '../analysis/demand.js';
import { Network } from '../analysis/network.js';
import { coverageCsv, coverageMarkdown, coverageText } from '../render/coverage.js';
import { facilityFeature, featureCollection, pointFeature } from '../render/geojson.js';
import { writeResult } from '../render/output.js';
import { withPopulationSource } from '../render/population-source.js';
import { analysisContext } from './analysis-context.js';
import type { Run } from './main.js';
import { addModelOptions, choice, reportYear, year, type ModelOptions } from './options.js';

export const FORMATS = ['text', 'json', 'csv', 'md', 'geojson'] as const;
export const GROUPS = ['nation', 'economic-region', 'region', 'baku-district'] as const;

interface Opts extends ModelOptions {
  year?: number;
  basis: Basis;
  kind: KindFilter;
  by: GroupBy;
  format: (typeof FORMATS)[number];
}

export function registerCoverage(program: Command, _run: Run): void {
  const cmd = program
    .command('coverage')
    .description('share of the population served in a year, by distance and/or by assigned regions')
    .argument('[plan]', 'plan file (default: the embedded DOST plan)')
    .option('-y, --year <year>', "year (default: the plan's last year)", year)
    .option('--basis <basis>', 'distance | assignment | both', choice(['distance', 'assignment', 'both'] as const), 'distance')
    .option('--kind <kind>', 'center | branch | any', choice(['center', 'branch', 'any'] as const), 'any')
    .option('--by <group>', GROUPS.join(' | '), choice(GROUPS), 'economic-region')
    .option('-f, --format <format>', FORMATS.join(' | '), choice(FORMATS), 'text');
  addModelOptions(cmd).action(async (planArg: string | undefined, o: Opts) => {
    const ctx = await analysisContext(planArg, o);
    const net = new Network(ctx.plan, ctx.demand.points, ctx.regions);
    net.advanceTo(reportYear(ctx.plan, o.year));
    const result = coverageNow(net, ctx.demand, ctx.regions, ctx.settings, { basis: o.basis, kind: o.kind, by: o.by });
    let text: string;
    if (o.format === 'json') text = JSON.stringify(result, null, 2);
    else if (o.format === 'csv') text = coverageCsv(result);
    else if (o.format === 'md') text = coverageMarkdown(result);
    else if (o.format === 'geojson') {
      const within = withinStandard(net, ctx.settings, o.kind);
      const pts = ctx.demand.points.map((p, i) =>
        pointFeature(p.lat, p.lon, { layer: 'population', region: p.region, district: p.district || null, name: p.name || null, population: p.population, covered_by_distance: within(i) }),
      );
      text = featureCollection([...net.openFacilities().map(facilityFeature), ...pts], { year: result.year, percent: result.percent });
    } else text = coverageText(result);
    writeResult(withPopulationSource(text, o.format, ctx.demand.source), o.out, ctx.inputs);
  });
}
