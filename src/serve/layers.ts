/**
 * The map layers beyond the units' figures: the travel-time surface (`dostplan surface`: isochrone
 * bands, or each facility's own, or catchment areas) and the gap list (`dostplan gaps`: clusters of
 * people beyond every standard), for a plan in a loaded context. ONE code path for the CLI commands
 * and the server's /api/surface and /api/gaps, as answers.ts is for coverage
 * (tests/serve-layers.test.ts compares the bytes).
 */
import { resolveVisitModel } from '../analysis/capacity.js';
import { catchmentAreas } from '../analysis/catchments.js';
import type { KindFilter } from '../analysis/coverage.js';
import { pointColumns, yearWeights } from '../analysis/demand.js';
import { CLUSTER_KM, unreachableLand, unservedClusters, type GapsResult } from '../analysis/gaps.js';
import { bandPopulations, isochroneBands, MAX_BAND_MIN, MAX_BANDS } from '../analysis/isochrones.js';
import { Network } from '../analysis/network.js';
import { SettlementNames } from '../analysis/place-names.js';
import { CELL_KM_MAX, CELL_KM_MIN, gridOver, type LandCells, landCells } from '../analysis/surface-grid.js';
import { eachFacilityAlone, surfaceStats, travelSurface, type Surface } from '../analysis/surface.js';
import type { PlanContext } from '../load/plan-context.js';
import { defaultLookup } from '../load/population/default-lookup.js';
import type { SurfaceOutput } from '../render/surface.js';
import { describeThreshold, modelSummary } from '../travel/travel-cost.js';
import { answerText, type AboutOf, type Answer } from './answers.js';
import { amount, type Said, said } from '../model/said.js';

/** "15,30,60": ascending, distinct minutes from 1 to MAX_BAND_MIN, at most MAX_BANDS; undefined when not. */
export function parseBands(value: string): number[] | undefined {
  const minutes = value.split(',').map((s) => (/^\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : Number.NaN));
  const ok =
    minutes.length <= MAX_BANDS &&
    minutes.every((m, i) => m >= 1 && m <= MAX_BAND_MIN && (i === 0 || m > minutes[i - 1]!));
  return ok ? minutes : undefined;
}

export interface SurfaceQuery {
  year: number;
  kind: KindFilter;
  cellKm: number;
  bands: readonly number[];
  /** What the GeoJSON draws: nothing (text, the raster), isochrones, each facility's own, catchment areas. */
  layer: 'none' | 'isochrones' | 'per-facility' | 'catchments';
}

/** The last few surfaces of a plan (the studio asks for the bands and the unreachable land of one year at once). */
const SURFACES_KEPT = 4;
const surfaces = new WeakMap<object, Map<string, { cells: LandCells; surface: Surface }>>();

/**
 * The land cells and their minutes for a plan, a year, a kind and a cell size. Kept per plan
 * object (a session's plan changes object with every edit; the settings come with the plan), so
 * a second layer of the same view costs no second search.
 */
function surfaceOf(ctx: PlanContext, year: number, kind: KindFilter, cellKm: number) {
  const byPlan = surfaces.get(ctx.plan) ?? new Map<string, { cells: LandCells; surface: Surface }>();
  surfaces.set(ctx.plan, byPlan);
  const key = `${year} ${kind} ${cellKm}`;
  const kept = byPlan.get(key);
  if (kept) return kept;
  const cells = landCells(gridOver(ctx.country.outline.box(), cellKm), defaultLookup(ctx.country));
  const surface = travelSurface(ctx.plan, ctx.country.regions, ctx.settings.travel, cells, year, kind);
  if (byPlan.size >= SURFACES_KEPT) byPlan.delete(byPlan.keys().next().value!);
  byPlan.set(key, { cells, surface });
  return { cells, surface };
}

export function surfaceAnswer(ctx: PlanContext, q: SurfaceQuery, about: AboutOf): Answer<'surface'> {
  const { regions } = ctx.country;
  const travel = ctx.settings.travel;
  const { cells, surface } = surfaceOf(ctx, q.year, q.kind, q.cellKm);
  const output: SurfaceOutput = { surface, stats: surfaceStats(surface, q.bands), model: modelSummary(travel.info) };
  if (q.layer !== 'none') {
    const people = new Network(ctx.plan, pointColumns(ctx.demand), regions, travel);
    people.advanceTo(q.year);
    const { weights } = yearWeights(ctx.demand, regions, q.year);
    if (q.layer === 'catchments') {
      const owner = people.nearestIndices(q.kind);
      const nearest = { owner, km: people.km(q.kind), minutes: people.minutes(q.kind), weights };
      output.catchments = catchmentAreas(surface, nearest, ctx.settings.standards, resolveVisitModel(ctx.plan));
    } else if (q.layer === 'per-facility') output.isochrones = perFacility(ctx, surface, people, weights, q);
    else {
      const population = bandPopulations({ minutes: people.minutes(q.kind), weights }, q.bands);
      output.isochrones = [{ bands: isochroneBands(cells, surface.minutes, q.bands, population) }];
    }
  }
  return { kind: 'surface', output, about: about(ctx, q.year) };
}

/** Isochrones of each open facility of the kind alone: people first, then the cells, one facility at a time. */
function perFacility(
  ctx: PlanContext,
  surface: Surface,
  people: Network,
  weights: Float64Array,
  q: SurfaceQuery,
): NonNullable<SurfaceOutput['isochrones']> {
  const { regions } = ctx.country;
  const travel = ctx.settings.travel;
  const isOpen = new Set(people.openFacilities(q.kind === 'any' ? undefined : q.kind).map((f) => f.id));
  const open = surface.facilities
    .map((facility, index) => ({ index, facility }))
    .filter((f) => isOpen.has(f.facility.id));
  const populations = new Map<number, number[]>();
  eachFacilityAlone(travel, regions, pointColumns(ctx.demand), open, (j, minutes) =>
    populations.set(j, bandPopulations({ minutes, weights }, q.bands)),
  );
  const sets: NonNullable<SurfaceOutput['isochrones']> = [];
  eachFacilityAlone(travel, regions, surface.cells.columns, open, (j, minutes) =>
    sets.push({
      facility: surface.facilities[j]!,
      bands: isochroneBands(surface.cells, minutes, q.bands, populations.get(j)!),
    }),
  );
  return sets;
}

/**
 * GET /api/unreachable: the land cells no open facility of the kind reaches, as one MultiPolygon on
 * the surface's grid (the report's gap map draws them grey: analysis/gaps.ts unreachableLand).
 * The studio draws it under the bands of /api/surface, which tile the reachable cells of the same grid.
 */
export function unreachableAnswer(ctx: PlanContext, q: Omit<SurfaceQuery, 'bands' | 'layer'>): object {
  const { cells, surface } = surfaceOf(ctx, q.year, q.kind, q.cellKm);
  const rings = unreachableLand(cells, surface.minutes);
  const properties = { year: q.year, kind: q.kind, cell_km: q.cellKm };
  return {
    type: 'FeatureCollection',
    features: rings.length
      ? [{ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: rings }, properties }]
      : [],
  };
}

export interface GapsQuery {
  year: number;
  kind: KindFilter;
  /** Clusters listed in the text table (CSV, GeoJSON and JSON list all). */
  top: number;
}

export function gapsAnswer(ctx: PlanContext, q: GapsQuery, about: AboutOf): Answer<'gaps'> {
  const { regions } = ctx.country;
  const points = pointColumns(ctx.demand);
  const net = new Network(ctx.plan, points, regions, ctx.settings.travel);
  net.advanceTo(q.year);
  const { weights } = yearWeights(ctx.demand, regions, q.year);
  // Clusters are named by the country's settlements, whatever the population source.
  const settlements = new SettlementNames(ctx.country.columns('resident'));
  const clusters = unservedClusters(net, ctx.settings, q.kind, points, weights, settlements);
  const { standards } = ctx.settings;
  const kinds = q.kind === 'any' ? (['center', 'branch'] as const) : [q.kind];
  const result: GapsResult = {
    year: q.year,
    kind: q.kind,
    standards: kinds.map((k) => `${k} ${describeThreshold(standards[k])}`).join(', '),
    cluster_km: CLUSTER_KM,
    population: weights.reduce((a, b) => a + b, 0),
    unserved: clusters.reduce((a, c) => a + c.people, 0),
    clusters,
    model: modelSummary(ctx.settings.travel.info),
  };
  const counted = Object.fromEntries(kinds.map((k) => [k, describeThreshold(standards[k])]));
  return { kind: 'gaps', output: { result, top: q.top }, about: about(ctx, q.year, counted) };
}

/** What the server's layer routes need from it: the edited plan's context now, and its query checks. */
export interface LayerRouteOptions {
  context: () => PlanContext;
  about: AboutOf;
  /** ?year, or the plan's last year. */
  year: (q: URLSearchParams) => number;
  /** The error a bad query parameter answers (400). */
  bad: (name: string, expected: Said) => Error;
}

/**
 * GET /api/surface and /api/gaps: exactly what `dostplan surface --format geojson` (with --kind,
 * --cell-km, --bands, --per-facility or --catchments) and `dostplan gaps --format geojson` print.
 */
export function layerRoutes(o: LayerRouteOptions): Record<string, (q: URLSearchParams) => Promise<string>> {
  const kindOf = (q: URLSearchParams): KindFilter => {
    const v = q.get('kind') ?? 'any';
    if (v !== 'any' && v !== 'center' && v !== 'branch')
      throw o.bad('kind', said('studio.refuse.one_of', { list: 'center, branch, any' }));
    return v;
  };
  return {
    '/api/surface': (q) => {
      const query: SurfaceQuery = {
        year: o.year(q),
        kind: kindOf(q),
        cellKm: cellKmOf(q, o.bad),
        bands: q.has('bands') ? (parseBands(q.get('bands')!) ?? badBands(o.bad)) : [15, 30, 60],
        layer: layerOf(q, o.bad),
      };
      return answerText(surfaceAnswer(o.context(), query, o.about), 'geojson');
    },
    '/api/unreachable': async (q) =>
      JSON.stringify(unreachableAnswer(o.context(), { year: o.year(q), kind: kindOf(q), cellKm: cellKmOf(q, o.bad) })),
    '/api/gaps': (q) => {
      const query: GapsQuery = { year: o.year(q), kind: kindOf(q), top: 20 };
      return answerText(gapsAnswer(o.context(), query, o.about), 'geojson');
    },
  };
}

function cellKmOf(q: URLSearchParams, bad: LayerRouteOptions['bad']): number {
  const v = q.get('cell_km');
  if (v === null) return 1;
  const n = /^\d{1,3}(\.\d{1,6})?$/.test(v) ? Number(v) : Number.NaN;
  if (!(n >= CELL_KM_MIN && n <= CELL_KM_MAX))
    throw bad('cell_km', said('studio.refuse.number_from', { from: amount(CELL_KM_MIN, 1), to: amount(CELL_KM_MAX) }));
  return n;
}

function badBands(bad: LayerRouteOptions['bad']): never {
  throw bad('bands', said('studio.refuse.bands', { n: amount(MAX_BANDS), max: amount(MAX_BAND_MIN) }));
}

const LAYERS = ['isochrones', 'per-facility', 'catchments'] as const;

function layerOf(q: URLSearchParams, bad: LayerRouteOptions['bad']): SurfaceQuery['layer'] {
  const v = q.get('layer') ?? 'isochrones';
  if (!(LAYERS as readonly string[]).includes(v))
    throw bad('layer', said('studio.refuse.one_of', { list: LAYERS.join(', ') }));
  return v as SurfaceQuery['layer'];
}
