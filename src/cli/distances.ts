import type { Command } from 'commander';
import type { GroupBy } from '../analysis/demand.js';
import { distancesNow } from '../analysis/distances.js';
import { Network } from '../analysis/network.js';
import { distancesCsv, distancesGeoJson, distancesMarkdown, distancesText, worstCsv } from '../render/distances.js';
import { writeResult } from '../render/output.js';
import { analysisContext } from './analysis-context.js';
import { FORMATS, GROUPS } from './coverage.js';
import type { Run } from './main.js';
import { addModelOptions, choice, reportYear, wholeNumber, year, type ModelOptions } from './options.js';

interface Opts extends ModelOptions {
  year?: number;
  by: GroupBy;
  worst?: number;
  format: (typeof FORMATS)[number];
}

export function registerDistances(program: Command, _run: Run): void {
  const cmd = program
    .command('distances')
    .description('how far people live from the nearest open center, and from the nearest center or branch')
    .argument('[plan]', 'plan file (default: the embedded DOST plan)')
    .option('-y, --year <year>', "year (default: the plan's last year)", year)
    .option('--by <group>', GROUPS.join(' | '), choice(GROUPS), 'economic-region')
    .option('--worst <n>', 'list the N worst-served places with their nearest facility', wholeNumber)
    .option('-f, --format <format>', `${FORMATS.join(' | ')} (GeoJSON, and CSV with --worst: the worst-served places)`, choice(FORMATS), 'text');
  addModelOptions(cmd).action((planArg: string | undefined, o: Opts) => {
    const ctx = analysisContext(planArg, o);
    const net = new Network(ctx.plan, ctx.demand.points, ctx.regions);
    net.advanceTo(reportYear(ctx.plan, o.year));
    const worst = o.worst ?? (o.format === 'geojson' ? ctx.demand.points.length : 0);
    const r = distancesNow(net, ctx.demand, ctx.regions, ctx.settings, o.by, worst);
    const text = o.format === 'json' ? JSON.stringify(r, null, 2) : o.format === 'csv' ? (o.worst ? worstCsv(r) : distancesCsv(r)) : o.format === 'md' ? distancesMarkdown(r) : o.format === 'geojson' ? distancesGeoJson(r) : distancesText(r);
    writeResult(text, o.out, ctx.inputs);
  });
}
