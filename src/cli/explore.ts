import type { Command } from 'commander';
import { createElement } from 'react';
import { exploreData } from '../analysis/explore-data.js';
import { coverageNow } from '../analysis/coverage.js';
import { Network } from '../analysis/network.js';
import { coverageText } from '../render/coverage.js';
import { writeResult } from '../render/output.js';
import { analysisContext } from './analysis-context.js';
import type { Run } from './main.js';
import { addModelOptions, withProgress, type ModelOptions } from './options.js';

export function registerExplore(program: Command, _run: Run): void {
  const cmd = program
    .command('explore')
    .description('interactive explorer in the terminal: year slider, coverage bars, unit table (plain text when not a TTY)')
    .argument('[plan]', 'plan file (default: the embedded DOST plan)')
;
  addModelOptions(cmd).action(async (planArg: string | undefined, o: ModelOptions) => {
    const ctx = analysisContext(planArg, o);
    if (o.out || !process.stdout.isTTY || !process.stdin.isTTY) {
      // Not interactive (a pipe, CI, or --out): print or write what the first screen would show.
      const net = new Network(ctx.plan, ctx.demand.points, ctx.regions);
      net.advanceTo(ctx.plan.years.to);
      writeResult(coverageText(coverageNow(net, ctx.demand, ctx.regions, ctx.settings, { basis: 'distance', kind: 'any', by: 'economic-region' })), o.out, ctx.inputs);
      return;
    }
    const data = withProgress('explore', ctx.plan, (tick) => exploreData(ctx.plan, ctx.demand, ctx.regions, ctx.settings, tick));
    const { render } = await import('ink');
    const { App } = await import('../render/explore/app.js');
    const app = render(createElement(App, { data }));
    await app.waitUntilExit();
  });
}
