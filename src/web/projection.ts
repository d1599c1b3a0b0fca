/**
 * The studio map's frame: the report's conic projection (render/map-projection.ts) fitted to the
 * units in a 960 × 640 viewBox. Pure (d3-geo only), so the browser tests place clicks with it.
 */
import type { GeoProjection } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { conicFor, rewind } from '../render/map-projection.js';

export const MAP_W = 960;
export const MAP_H = 640;
const MARGIN = 12;

/** The units with rings wound the way d3-geo reads them. */
export function rewound<P extends object | null>(
  units: FeatureCollection<Polygon | MultiPolygon, P>,
): FeatureCollection<Polygon | MultiPolygon, P> {
  return { type: 'FeatureCollection', features: units.features.map((f) => ({ ...f, geometry: rewind(f.geometry) })) };
}

/** The projection of the map, for units already rewound. */
export function mapProjection(units: FeatureCollection<Polygon | MultiPolygon, object | null>): GeoProjection {
  const outline: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: units.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
    ),
  };
  return conicFor(outline)().fitExtent(
    [
      [MARGIN, MARGIN],
      [MAP_W - MARGIN, MAP_H - MARGIN],
    ],
    units,
  );
}
