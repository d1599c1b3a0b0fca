import type { Command } from 'commander';
import { createElement } from 'react';
import { coverageMap, coverageNow } from '../../analysis/coverage.js';
import { exploreData } from '../../analysis/explore-data.js';
import { pointColumns } from '../../analysis/demand.js';
import { Network } from '../../analysis/network.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import type { CommandSpec } from '../command.js';
import { addModelOptions, modelFlags, withProgress, type ModelOptions } from '../options.js';
import { planAbout, planNames } from '../provenance.js';
import { Locale } from '../../model/locale.js';

export const command: CommandSpec<ModelOptions> = {
  declare(cmd: Command, L: Locale) {
    cmd.argument('[plan]', L.t('help.arg.plan'));
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const { regions } = ctx.country;
    if (o.out || !process.stdout.isTTY || !process.stdin.isTTY) {
      // Not interactive (a pipe, CI, or --out): print or write what the first screen would show.
      const net = new Network(ctx.plan, pointColumns(ctx.demand), regions, ctx.settings.travel);
      net.advanceTo(ctx.plan.years.to);
      const result = coverageNow(net, ctx.demand, regions, ctx.settings, {
        coveredBy: 'distance',
        kind: 'any',
        by: 'economic-region',
      });
      await emit(
        run,
        'coverage',
        { result, map: () => coverageMap(net, ctx.demand, ctx.settings, 'any', result) },
        { format: 'text', out: o.out },
        planAbout(ctx, result.year),
      );
      return EXIT.ok;
    }
    const locale = new Locale(run.lang, planNames(ctx));
    const data = withProgress(locale.t('explore.progress'), ctx.plan, (tick) =>
      exploreData(ctx.plan, ctx.demand, regions, ctx.settings, tick),
    );
    const { render } = await import('ink');
    const { App } = await import('../../render/explore/app.js');
    const app = render(createElement(App, { data, locale }));
    await app.waitUntilExit();
    return EXIT.ok;
  },
};
