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
import { int as fmtInt } from './table.js';

export interface SurfaceOutput {
  surface: Surface;
  stats: SurfaceStats;
  model: ModelSummary;
  /** One set for all open facilities together, or (--per-facility) one per facility. */
  isochrones?: { facility?: Facility; bands: IsochroneBand[] }[];
  catchments?: CatchmentArea[];
}

const KIND_TEXT = { any: 'center or branch', center: 'center', branch: 'branch' } as const;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** How the figures were made, for every output. */
function method(o: SurfaceOutput): string {
  const g = o.surface.cells.grid;
  return (
    `minutes from each ${g.cellKm} km cell's centre to the nearest open ${KIND_TEXT[o.surface.kind]} at the end of ` +
    `${o.surface.year}; ${o.model.description}`
  );
}

export function surfaceText(o: SurfaceOutput): string {
  const { grid } = o.surface.cells;
  const s = o.stats;
  const m = (x: number | null) => (x === null ? '–' : `${r1(x)} min`);
  const lines = [
    `Travel-time surface ${o.surface.year}: nearest open ${KIND_TEXT[o.surface.kind]}`,
    `Grid: ${grid.cellKm} km cells (${grid.dLon.toFixed(6)}° × ${grid.dLat.toFixed(6)}°, EPSG:4326), ` +
      `${grid.cols} × ${grid.rows}, ${fmtInt(s.land_cells)} in the country`,
    `Over the country's cells: median ${m(s.median_min)}, 90th percentile ${m(s.p90_min)}, ` +
      `farthest ${m(s.max_min)}; ${fmtInt(s.unreachable_cells)} cells reach no open facility`,
    `Cells within ${s.within.map((w) => `${w.max_min} min: ${r1(w.cells_pct)} %`).join(', ')}`,
    `Method: ${method(o)}`,
    `Write the raster with --out FILE.tif (Float32 minutes; ${NODATA} outside the country, ` +
      `${UNREACHABLE} unreachable), isochrones with --format geojson --bands 15,30,60, ` +
      'catchment areas with --catchments --format geojson.',
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
