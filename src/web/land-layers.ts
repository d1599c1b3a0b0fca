/**
 * The map's land layers: the travel-time surface (`/api/surface`, what `dostplan surface --format
 * geojson` prints) and the gap map (the surface with the clusters of `/api/gaps`, what `dostplan
 * gaps --format geojson` prints, on top), drawn as the report's gap map draws them
 * (render/svg-map.ts): cumulative bands, widest first, in TRAVEL_TIME_SCALE's colours; the unit
 * borders over them; unserved people as circles by area.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { CONTEXT, classColor, GAPS_SCALE, type MeasureScale, TRAVEL_TIME_SCALE, UNSERVED } from '../render/palette.js';
import { getJson, type MapData, type Summary } from './api.js';
import { s } from './dom.js';
import type { MapView } from './map-view.js';
import { pageWords, t } from './words.js';
import { scaleIn } from '../render/scale-words.js';

export type LandLayer = 'surface' | 'gaps';

/** The surface's scale on the page: the travel-time classes, shading the land itself. */
export const SURFACE_SCALE: MeasureScale = {
  ...scaleIn(TRAVEL_TIME_SCALE, pageWords),
  id: 'surface',
  title: t('studio.surface.title'),
  unit: t('studio.surface.unit'),
  noData: null,
};
export const LAND_SCALES: Record<LandLayer, MeasureScale> = {
  surface: SURFACE_SCALE,
  gaps: scaleIn(GAPS_SCALE, pageWords),
};

/** The gap map's cells (analysis/gaps.ts GAP_MAP_CELL_KM) and the class edges, the last reaching every cell. */
const EDGES = [...TRAVEL_TIME_SCALE.classes.map((c) => c.to).filter(Number.isFinite), 1440];
const surfacePath = (year: number) =>
  `/api/surface?year=${encodeURIComponent(year)}&kind=any&cell_km=2&bands=${EDGES.join(',')}`;

type Band = Feature<MultiPolygon, { min_min: number; max_min: number }>;
/** A cluster of people beyond every standard, as `dostplan gaps --format geojson` writes it. */
export type Cluster = Feature<
  Point,
  {
    rank: number;
    people: number;
    settlement: string;
    facility_id?: string | null;
    facility_name?: string | null;
    mean_min?: number | null;
  }
>;

export interface LandData {
  bands: Band[];
  /** The land no open facility reaches (/api/unreachable, on the bands' grid). */
  unreachable: Feature<MultiPolygon>[];
  clusters: Cluster[];
}

export async function loadLand(layer: LandLayer, year: number): Promise<LandData> {
  const [surface, unreachable, gaps] = await Promise.all([
    getJson<FeatureCollection<MultiPolygon, Band['properties']>>(surfacePath(year)),
    getJson<FeatureCollection<MultiPolygon>>(`/api/unreachable?year=${encodeURIComponent(year)}&kind=any&cell_km=2`),
    layer === 'gaps'
      ? getJson<FeatureCollection<Point, Cluster['properties']>>(`/api/gaps?year=${encodeURIComponent(year)}`)
      : null,
  ]);
  return { bands: surface.features, unreachable: unreachable.features, clusters: gaps?.features ?? [] };
}

/**
 * The layer's SVG: the unreachable land in the unreachable grey, then the bands widest first (each
 * covers the ones below it), unit borders, circles — the report's gap map (render/svg-map.ts).
 */
export function landNodes(view: MapView, map: MapData, data: LandData): SVGElement[] {
  const none = data.unreachable.map((f) =>
    s('path', { class: 'land-unreachable', d: view.pathOf(f.geometry) ?? '', fill: CONTEXT.unreachable }),
  );
  const bands = [...data.bands]
    .sort((a, b) => b.properties.max_min - a.properties.max_min)
    .map((b) => {
      const d = view.pathOf(b.geometry) ?? '';
      const fill = classColor(TRAVEL_TIME_SCALE, b.properties.min_min);
      return s('path', { class: 'land-band', d, fill, 'data-max-min': b.properties.max_min });
    });
  const borders = map.features.map((f) => view.pathOf(f.geometry) ?? '').join('');
  const outline = s('path', {
    class: 'land-borders',
    d: borders,
    fill: 'none',
    stroke: '#ffffff',
    'stroke-width': 0.6,
  });
  const max = Math.max(1, ...data.clusters.map((c) => c.properties.people));
  const circles = data.clusters.map((c, i) => {
    const [x, y] = view.project(c.geometry.coordinates[0]!, c.geometry.coordinates[1]!) ?? [Number.NaN, Number.NaN];
    const r = 1 + 11 * Math.sqrt(c.properties.people / max);
    return s('circle', {
      class: 'unserved',
      cx: x.toFixed(1),
      cy: y.toFixed(1),
      r: r.toFixed(2),
      'data-people': c.properties.people,
      'data-index': i,
    });
  });
  // The circles take the pointer (their tooltip; a click adds a facility there), the bands do not.
  const unserved = s(
    'g',
    {
      fill: UNSERVED.fill,
      'fill-opacity': 0.8,
      stroke: UNSERVED.stroke,
      'stroke-width': 0.5,
      'pointer-events': 'visiblePainted',
    },
    ...circles,
  );
  return [...none, ...bands, outline, unserved];
}

/**
 * The units under a land layer: the country's own land colour, dark grey where nobody reaches an
 * open facility (the surface has no band there), as the report's gap map shows them.
 */
export function landFills(map: MapData, summary: Summary): Map<string, string> {
  const population = new Map(map.features.map((f) => [f.properties.id, f.properties.population]));
  return new Map(
    summary.units.map((u) => {
      const unreachable = (population.get(u.id) ?? 0) > 0 && u.covered_pct !== null && u.nearest_facility === null;
      return [u.id, unreachable ? CONTEXT.unreachable : CONTEXT.home];
    }),
  );
}
