import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import { GAP_MAP_CELL_KM, gapLayer, type GapLayer } from '../../analysis/gaps.js';
import { SettlementNames } from '../../analysis/place-names.js';
import { reportData } from '../../analysis/report.js';
import { gridOver, landCells } from '../../analysis/surface-grid.js';
import { EXIT } from '../../errors.js';
import { loadMapLayers } from '../../load/map-layers.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import { GAPS_SCALE, MEASURES, type MeasureId } from '../../render/palette.js';
import { defaultLookup } from '../../load/population/default-lookup.js';
import type { CommandSpec } from '../command.js';
import { addModelOptions, choice, modelFlags, reportYear, withProgress, year, type ModelOptions } from '../options.js';
import { planAbout } from '../provenance.js';

interface Opts extends ModelOptions {
  year?: number;
  measure: MeasureId;
  mapOnly?: boolean;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('-y, --year <year>', L.t('help.opt.report.year'), year)
      .option(
        '--measure <measure>',
        L.t('help.opt.report.measure', { measures: Object.keys(MEASURES).join(' | ') }),
        choice(Object.keys(MEASURES) as MeasureId[]),
        'coverage',
      )
      .option('--map-only', L.t('help.opt.report.map_only'));
    addModelOptions(cmd, L, L.t('help.opt.report.out'));
  },
  async run([planArg], o, run) {
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const y = reportYear(run, ctx.plan, o.year);
    const data = withProgress(run.locale().t('note.progress.report'), ctx.plan, (tick) =>
      reportData(ctx.plan, ctx.demand, ctx.country.regions, ctx.settings, y, tick, ctx.country.columns('resident')),
    );
    const { profile } = ctx.country;
    const capital = profile.capital ? { code: profile.capital.unit, name: profile.capital.name } : undefined;
    const gaps = o.measure === 'gaps' ? gapMap(ctx, y) : undefined;
    const input = {
      ...data,
      ...(gaps ? { gaps } : {}),
      outline: ctx.country.outline.geometry,
      layers: loadMapLayers(run, ctx.country.dir),
      measure: o.measure,
      ...(capital ? { capital } : {}),
    };
    await emit(run, 'report', input, { format: o.mapOnly ? 'svg' : 'html', out: o.out }, planAbout(ctx, y));
    return EXIT.ok;
  },
};

/** The gap map's surface (2 km cells, the palette's travel-time class edges) and unserved clusters. */
function gapMap(ctx: Awaited<ReturnType<typeof loadPlanContext>>, year: number): GapLayer {
  const { country } = ctx;
  const cells = landCells(gridOver(country.outline.box(), GAP_MAP_CELL_KM), defaultLookup(country));
  const edges = GAPS_SCALE.classes.map((c) => c.to).filter(Number.isFinite);
  const settlements = new SettlementNames(country.columns('resident'));
  return gapLayer(ctx.plan, ctx.demand, country.regions, ctx.settings, year, cells, edges, settlements);
}
