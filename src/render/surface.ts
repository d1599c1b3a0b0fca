/**
 * `surface` results as text (a summary of the surface) and as GeoJSON (RFC 7946): isochrone bands
 * or catchment areas as MultiPolygons in WGS 84 longitude/latitude, exteriors counterclockwise and
 * holes clockwise, with the figures a planner filters on as properties.
 */
import type { CatchmentArea } from '../analysis/catchments.js';
import type { Position, PolygonRings } from '../analysis/contours.js';
import type { IsochroneBand } from '../analysis/isochrones.js';
import type { Surface, SurfaceStats } from '../analysis/surface.js';
import type { Facility } from '../model/plan.js';
import type { ModelSummary } from '../travel/travel-cost.js';
import type { FeatureCollectionOut } from './geojson.js';
import { NODATA, UNREACHABLE } from './surface-geotiff.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { modelText } from './words.js';

export interface SurfaceOutput {
  surface: Surface;
  stats: SurfaceStats;
  model: ModelSummary;
  /** One set for all open facilities together, or (--per-facility) one per facility. */
  isochrones?: { facility?: Facility; bands: IsochroneBand[] }[];
  catchments?: CatchmentArea[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** How the figures were made, for every output (GeoJSON keeps English). */
function method(o: SurfaceOutput, L: Locale = ENGLISH): string {
  const g = o.surface.cells.grid;
  return L.t('surface.how', {
    km: plain(g.cellKm, L),
    kind: L.t(`surface.kind_to.${o.surface.kind}`),
    year: L.yearOrd(o.surface.year),
    model: modelText(o.model, L),
  });
}

/** A number as given ("10", "2.5"), with a decimal comma in Azerbaijani. */
const plain = (x: number, L: Locale) =>
  L.lang === 'en' ? String(x) : L.num(x, Math.min(6, (String(x).split('.')[1] ?? '').length));

/** Rounded to 0.1, written as English always wrote it ("25.2", "25") or with a decimal comma. */
const one = (x: number, L: Locale) => plain(r1(x), L);

export function surfaceText(o: SurfaceOutput, L: Locale = ENGLISH): string {
  const { grid } = o.surface.cells;
  const s = o.stats;
  const m = (x: number | null) => (x === null ? '–' : L.t('common.minutes', { n: one(x, L) }));
  const deg = (x: number) => (L.lang === 'en' ? x.toFixed(6) : L.num(x, 6));
  const lines = [
    L.t('surface.title', { year: L.yearOrd(o.surface.year), kind: L.t(`surface.kind.${o.surface.kind}`) }),
    L.t('surface.grid', {
      km: plain(grid.cellKm, L),
      dlon: deg(grid.dLon),
      dlat: deg(grid.dLat),
      cols: grid.cols,
      rows: grid.rows,
      land: L.int(s.land_cells),
    }),
    L.t('surface.stats', {
      median: m(s.median_min),
      p90: m(s.p90_min),
      max: m(s.max_min),
      unreachable: L.int(s.unreachable_cells),
    }),
    L.t('surface.within', {
      list: s.within.map((w) => L.t('surface.within_item', { max: w.max_min, pct: one(w.cells_pct, L) })).join(', '),
    }),
    L.t('surface.method', { method: method(o, L) }),
    L.t('surface.write', { nodata: NODATA, unreachable: UNREACHABLE }),
  ];
  return lines.join('\n');
}

/** Rounded to 1e-6° (about 0.1 m), repeated positions dropped; rings that collapse are dropped. */
function cleanPolygons(polys: readonly PolygonRings[]): Position[][][] {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      const r: Position[] = [];
      for (const [x, y] of ring) {
        const p: Position = [round(x), round(y)];
        const last = r[r.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
      }
      if (r.length >= 4) rings.push(r);
      else if (rings.length === 0) break; // the exterior collapsed: so does the polygon
    }
    if (rings.length) out.push(rings);
  }
  return out;
}

function polygonFeature(polys: readonly PolygonRings[], properties: Record<string, unknown>) {
  return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: cleanPolygons(polys) } };
}

const facilityProps = (f: Facility) => ({ id: f.id, name: f.name, kind: f.kind });

export function surfaceGeoJson(o: SurfaceOutput): FeatureCollectionOut {
  const meta = {
    year: o.surface.year,
    kind: o.surface.kind,
    cell_km: o.surface.cells.grid.cellKm,
    method: method(o),
    travel_model: o.model,
  };
  if (o.catchments) {
    const features = o.catchments.map((c) =>
      polygonFeature(c.polygons, {
        ...facilityProps(c.facility),
        population: Math.round(c.population),
        covered_population: Math.round(c.covered),
        covered_pct: c.population > 0 ? r1((c.covered / c.population) * 100) : null,
        utilization_pct: c.utilization_pct === null ? null : r1(c.utilization_pct),
        area_km2: r2(c.area_km2),
      }),
    );
    return { type: 'FeatureCollection', ...meta, layer: 'catchments', features };
  }
  const features = (o.isochrones ?? []).flatMap((set) =>
    set.bands.map((b) =>
      polygonFeature(b.polygons, {
        ...(set.facility ? facilityProps(set.facility) : {}),
        min_min: b.min_min,
        max_min: b.max_min,
        population: Math.round(b.population),
        area_km2: r2(b.area_km2),
      }),
    ),
  );
  return { type: 'FeatureCollection', ...meta, layer: 'isochrones', features };
}
