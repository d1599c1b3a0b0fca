import type { Command } from 'commander';
import { coverageNow } from '../analysis/coverage.js';
import { distancesNow } from '../analysis/distances.js';
import { Network } from '../analysis/network.js';
import { endKey, yearEnd } from '../analysis/schedule.js';
import { timeline } from '../analysis/timeline.js';
import { describeThreshold } from '../geo/distance-model.js';
import { embedded } from '../load/dataset-loader.js';
import { facilitiesOf } from '../model/plan.js';
import { htmlReport } from '../render/html-report.js';
import { writeResult } from '../render/output.js';
import { mapSvg } from '../render/svg-map.js';
import { timelineSvg } from '../render/svg-timeline.js';
import { analysisContext } from './analysis-context.js';
import type { Run } from './main.js';
import { addModelOptions, reportYear, withProgress, year, type ModelOptions } from './options.js';

interface Opts extends ModelOptions {
  year?: number;
}

export function registerReport(program: Command, _run: Run): void {
  const cmd = program
    .command('report')
    .description('a self-contained HTML report: map, rollout chart, coverage and distance tables')
    .argument('[plan]', 'plan file (default: the embedded DOST plan)')
    .option('-y, --year <year>', "year of the map and tables (default: the plan's last year)", year);
  addModelOptions(cmd, 'write the HTML to a file (atomically) instead of stdout').action(async (planArg: string | undefined, o: Opts) => {
    const ctx = await analysisContext(planArg, o);
    const y = reportYear(ctx.plan, o.year);
    const tl = withProgress('report', ctx.plan, (tick) => timeline(ctx.plan, ctx.demand, ctx.regions, ctx.settings, tick));
    const net = new Network(ctx.plan, ctx.demand.points, ctx.regions);
    net.advanceTo(y);
    const byRegion = coverageNow(net, ctx.demand, ctx.regions, ctx.settings, { basis: 'distance', kind: 'any', by: 'region' });
    const coverage = coverageNow(net, ctx.demand, ctx.regions, ctx.settings, { basis: 'both', kind: 'any', by: 'economic-region' });
    const distances = distancesNow(net, ctx.demand, ctx.regions, ctx.settings, 'economic-region', 15);
    const units = ctx.regions.dataset.regions
      .filter((r) => r.kind !== 'autonomous_republic')
      .map((r) => {
        const g = byRegion.groups.find((x) => x.id === r.code);
        return { code: r.code, name: r.name_en, lat: r.admin_center.lat, lon: r.admin_center.lon, population: g?.population ?? 0, percent: g ? g.percent : null };
      });
    const facilities = facilitiesOf(ctx.plan).map((f) => ({ ...f, openYear: endKey(f.opens) <= yearEnd(y) && !(f.closes !== undefined && endKey(f.closes) <= yearEnd(y)) ? Math.floor(endKey(f.opens) / 10000) : null }));
    const title = `${ctx.plan.name}: coverage report ${y}`;
    const html = htmlReport({
      title, year: y, coverage, distances, timeline: tl,
      mapSvg: mapSvg({ outline: embedded().country.geometry, units, facilities, year: y, title: `${ctx.plan.name}, ${y}` }),
      timelineSvg: timelineSvg(tl),
      standards: { center: describeThreshold(ctx.settings.standards.center), branch: describeThreshold(ctx.settings.standards.branch) },
    });
    writeResult(html, o.out, ctx.inputs);
  });
}
