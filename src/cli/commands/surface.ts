import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import type { KindFilter } from '../../analysis/coverage.js';
import { MAX_BAND_MIN, MAX_BANDS } from '../../analysis/isochrones.js';
import { CELL_KM_MAX, CELL_KM_MIN } from '../../analysis/surface-grid.js';
import { EXIT, UserError } from '../../errors.js';
import { figure, said } from '../../model/said.js';
import { refuseValue } from '../value-refusal.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { writeBinaryResult } from '../../render/output.js';
import { surfaceGeoTiff } from '../../render/surface-geotiff.js';
import { emitAnswer } from '../../serve/answers.js';
import { parseBands, surfaceAnswer } from '../../serve/layers.js';
import type { CommandSpec } from '../command.js';
import { addModelOptions, choice, modelFlags, numberIn, reportYear, year, type ModelOptions } from '../options.js';
import { planAbout } from '../provenance.js';

const FORMATS = ['text', 'geojson', 'tif'] as const;

interface Opts extends Omit<ModelOptions, 'format'> {
  year?: number;
  kind: KindFilter;
  cellKm: number;
  format?: (typeof FORMATS)[number];
  bands: number[];
  perFacility?: boolean;
  catchments?: boolean;
}

/** "15,30,60": ascending, distinct minutes. */
export function bandList(value: string): number[] {
  const minutes = parseBands(value);
  if (!minutes) throw refuseValue(said('refuse.value.bands', { max: MAX_BANDS, maxMinutes: MAX_BAND_MIN }));
  return minutes;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('-y, --year <year>', L.t('help.opt.year'), year)
      .option('--kind <kind>', L.t('help.opt.kind'), choice(['center', 'branch', 'any'] as const), 'any')
      .option(
        '--cell-km <km>',
        L.say(said('help.opt.surface.cell_km', { min: figure(CELL_KM_MIN), max: figure(CELL_KM_MAX) })),
        numberIn(CELL_KM_MIN, CELL_KM_MAX),
        1,
      )
      .option('-f, --format <format>', L.t('help.opt.surface.format'), choice(FORMATS))
      .option('--bands <minutes>', L.t('help.opt.surface.bands'), bandList, [15, 30, 60])
      .option('--per-facility', L.t('help.opt.surface.per_facility'))
      .option('--catchments', L.t('help.opt.surface.catchments'));
    addModelOptions(cmd, L, L.t('help.opt.surface.out'));
  },
  async run([planArg], o, run) {
    const format = o.format ?? (/\.tiff?$/i.test(o.out ?? '') ? 'tif' : 'text');
    if ((o.perFacility || o.catchments) && format !== 'geojson')
      throw new UserError(said('refuse.surface_layer_needs_geojson'));
    if (o.perFacility && o.catchments) throw new UserError(said('refuse.surface_one_layer'));
    const ctx = await loadPlanContext(run, planArg, modelFlags({ ...o, format: 'text' }));
    const y = reportYear(run, ctx.plan, o.year);
    const layer =
      format !== 'geojson' ? 'none' : o.catchments ? 'catchments' : o.perFacility ? 'per-facility' : 'isochrones';
    const answer = surfaceAnswer(ctx, { year: y, kind: o.kind, cellKm: o.cellKm, bands: o.bands, layer }, planAbout);
    if (format === 'tif') {
      const tif = surfaceGeoTiff(answer.output.surface, answer.about.provenance);
      writeBinaryResult(run, tif, o.out, said('refuse.a_geotiff'));
      return EXIT.ok;
    }
    await emitAnswer(run, answer, { format, out: o.out });
    return EXIT.ok;
  },
};
