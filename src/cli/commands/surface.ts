import { InvalidArgumentError, type Command } from 'commander';
import { resolveVisitModel } from '../../analysis/capacity.js';
import { catchmentAreas } from '../../analysis/catchments.js';
import type { KindFilter } from '../../analysis/coverage.js';
import { pointColumns, yearWeights } from '../../analysis/demand.js';
import { bandPopulations, isochroneBands, MAX_BAND_MIN, MAX_BANDS } from '../../analysis/isochrones.js';
import { Network } from '../../analysis/network.js';
import { CELL_KM_MAX, CELL_KM_MIN, gridOver, landCells } from '../../analysis/surface-grid.js';
import { eachFacilityAlone, surfaceStats, travelSurface } from '../../analysis/surface.js';
import { EXIT, UserError } from '../../errors.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { defaultLookup } from '../../load/population/default-lookup.js';
import { emit } from '../../render/emit.js';
import { writeBinaryResult } from '../../render/output.js';
import type { SurfaceOutput } from '../../render/surface.js';
import { surfaceGeoTiff } from '../../render/surface-geotiff.js';
import { modelSummary } from '../../travel/travel-cost.js';
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
  const parts = value.split(',').map((s) => s.trim());
  const minutes = parts.map((s) => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN));
  const ok =
    minutes.length > 0 &&
    minutes.length <= MAX_BANDS &&
    minutes.every((m, i) => m >= 1 && m <= MAX_BAND_MIN && (i === 0 || m > minutes[i - 1]!));
  if (!ok)
    throw new InvalidArgumentError(
      `expected up to ${MAX_BANDS} ascending minutes from 1 to ${MAX_BAND_MIN}, separated by commas, such as 15,30,60`,
    );
  return minutes;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command) {
    cmd
      .argument('[plan]', 'plan file (default: the embedded DOST plan)')
      .option('-y, --year <year>', "year (default: the plan's last year)", year)
      .option('--kind <kind>', 'center | branch | any', choice(['center', 'branch', 'any'] as const), 'any')
      .option(
        '--cell-km <km>',
        `grid cell size, ${CELL_KM_MIN} to ${CELL_KM_MAX} km (default 1)`,
        numberIn(CELL_KM_MIN, CELL_KM_MAX),
        1,
      )
      .option(
        '-f, --format <format>',
        'text (a summary) | geojson (isochrones, or catchment areas) | tif (the GeoTIFF raster; ' +
          'the default when --out ends in .tif)',
        choice(FORMATS),
      )
      .option('--bands <minutes>', 'isochrone limits, cumulative (default 15,30,60)', bandList, [15, 30, 60])
      .option('--per-facility', 'with --format geojson: one set of isochrones for each open facility')
      .option('--catchments', 'with --format geojson: the area each open facility serves, instead of isochrones');
    addModelOptions(cmd, 'write the result to a file (atomically): FILE.tif for the raster');
  },
  async run([planArg], o, run) {
    const format = o.format ?? (/\.tiff?$/i.test(o.out ?? '') ? 'tif' : 'text');
    if ((o.perFacility || o.catchments) && format !== 'geojson')
      throw new UserError('--per-facility and --catchments are GeoJSON outputs: add --format geojson');
    if (o.perFacility && o.catchments) throw new UserError('choose one of --per-facility and --catchments');
    const ctx = await loadPlanContext(run, planArg, modelFlags({ ...o, format: 'text' }));
    const { regions } = ctx.country;
    const travel = ctx.settings.travel;
    const y = reportYear(run, ctx.plan, o.year);
    const grid = gridOver(ctx.country.outline.box(), o.cellKm);
    const cells = landCells(grid, defaultLookup(ctx.country));
    const surface = travelSurface(ctx.plan, regions, travel, cells, y, o.kind);
    if (format === 'tif') {
      writeBinaryResult(run, surfaceGeoTiff(surface, planAbout(ctx, y).provenance), o.out, 'A GeoTIFF');
      return EXIT.ok;
    }
    const output: SurfaceOutput = { surface, stats: surfaceStats(surface, o.bands), model: modelSummary(travel.info) };
    if (format === 'geojson') {
      const people = new Network(ctx.plan, pointColumns(ctx.demand), regions, travel);
      people.advanceTo(y);
      const { weights } = yearWeights(ctx.demand, regions, y);
      if (o.catchments) {
        const nearest = {
          owner: people.nearestIndices(o.kind),
          km: people.km(o.kind),
          minutes: people.minutes(o.kind),
        };
        output.catchments = catchmentAreas(
          surface,
          { ...nearest, weights },
          ctx.settings.standards,
          resolveVisitModel(ctx.plan),
        );
      } else if (o.perFacility) output.isochrones = perFacility(ctx, surface, people, weights, o);
      else {
        const population = bandPopulations({ minutes: people.minutes(o.kind), weights }, o.bands);
        output.isochrones = [{ bands: isochroneBands(cells, surface.minutes, o.bands, population) }];
      }
    }
    await emit(run, 'surface', output, { format, out: o.out }, planAbout(ctx, y));
    return EXIT.ok;
  },
};

/** Isochrones of each open facility of the kind alone: people first, then the cells, one facility at a time. */
function perFacility(
  ctx: Awaited<ReturnType<typeof loadPlanContext>>,
  surface: ReturnType<typeof travelSurface>,
  people: Network,
  weights: Float64Array,
  o: Opts,
): NonNullable<SurfaceOutput['isochrones']> {
  const { regions } = ctx.country;
  const travel = ctx.settings.travel;
  const isOpen = new Set(people.openFacilities(o.kind === 'any' ? undefined : o.kind).map((f) => f.id));
  const open = surface.facilities
    .map((facility, index) => ({ index, facility }))
    .filter((f) => isOpen.has(f.facility.id));
  const populations = new Map<number, number[]>();
  eachFacilityAlone(travel, regions, pointColumns(ctx.demand), open, (j, minutes) =>
    populations.set(j, bandPopulations({ minutes, weights }, o.bands)),
  );
  const sets: NonNullable<SurfaceOutput['isochrones']> = [];
  eachFacilityAlone(travel, regions, surface.cells.columns, open, (j, minutes) =>
    sets.push({
      facility: surface.facilities[j]!,
      bands: isochroneBands(surface.cells, minutes, o.bands, populations.get(j)!),
    }),
  );
  return sets;
}
