import type { Command } from 'commander';
import { capacityExact, capacityNow, resolveDemand, type CatchmentBasis } from '../analysis/capacity.js';
import { Network } from '../analysis/network.js';
import { capacityCsv, capacityMarkdown, capacityText } from '../render/capacity.js';
import { writeResult } from '../render/output.js';
import { analysisContext } from './analysis-context.js';
import { EXIT, type Run } from './main.js';
import { addModelOptions, choice, positiveNumber, reportYear, wholeNumber, year, type ModelOptions } from './options.js';

const FORMATS = ['text', 'json', 'csv', 'md'] as const;

interface Opts extends ModelOptions {
  year?: number;
  basis?: CatchmentBasis;
  visits?: number;
  workingDays?: number;
  method: 'auto' | 'heuristic';
  strict?: boolean;
  format: (typeof FORMATS)[number];
}

export function registerCapacity(program: Command, run: Run): void {
  const cmd = program
    .command('capacity')
    .description('per facility: people in its catchment, visits a day, capacity, utilization, wait; overflow when full')
    .argument('[plan]', 'plan file (default: the embedded DOST plan)')
    .option('-y, --year <year>', "year (default: the plan's last year)", year)
    .option('--basis <basis>', "nearest (open facility by travel time) | assignment (the units a facility serves); default: the plan's demand.catchment, else nearest", choice(['nearest', 'assignment'] as const))
    .option('--visits <n>', "visits per resident per year (default: the plan's demand, else 0.2)", positiveNumber)
    .option('--working-days <n>', "days a year the facilities are open (default: the plan's, else 245)", wholeNumber)
    .option('--method <method>', 'capacitated catchments: auto (exact with HiGHS when small, else heuristic) | heuristic', choice(['auto', 'heuristic'] as const), 'auto')
    .option('--strict', 'exit 1 when any facility is above 100 % (for CI)')
    .option('-f, --format <format>', FORMATS.join(' | '), choice(FORMATS), 'text');
  addModelOptions(cmd).action(async (planArg: string | undefined, o: Opts) => {
    const ctx = analysisContext(planArg, o);
    const d = resolveDemand(ctx.plan, { visitsPerResidentYear: o.visits, workingDays: o.workingDays || undefined });
    const net = new Network(ctx.plan, ctx.demand.points, ctx.regions);
    net.advanceTo(reportYear(ctx.plan, o.year));
    const basis = o.basis ?? d.basis;
    const r = o.method === 'auto' ? await capacityExact(net, ctx.demand, ctx.regions, ctx.settings, d, basis) : capacityNow(net, ctx.demand, ctx.regions, ctx.settings, d, { basis, method: 'heuristic' });
    const text = o.format === 'json' ? JSON.stringify(r, null, 2) : o.format === 'csv' ? capacityCsv(r) : o.format === 'md' ? capacityMarkdown(r) : capacityText(r);
    writeResult(text, o.out, ctx.inputs);
    if (o.strict && r.overloaded > 0) {
      const worst = r.facilities.filter((f) => f.overloaded).map((f) => `${f.id} ${f.utilization_pct}%`);
      process.stderr.write(`dostplan: ${r.overloaded} facilit${r.overloaded === 1 ? 'y is' : 'ies are'} above 100 % in ${r.year}: ${worst.slice(0, 8).join(', ')}${worst.length > 8 ? ', …' : ''}\n`);
      run(EXIT.failed);
    }
  });
}
