/**
 * The geometry the report map draws (render/svg-map.ts), as load/map-layers.ts reads it from the
 * country's data folder.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export interface MapLayers {
  /** Unit polygons, feature id = unit code; null when the data folder ships none. */
  units: FeatureCollection<Polygon | MultiPolygon> | null;
  /** Neighbouring countries (context colour) and water names (points, kind "water"); null when not shipped. */
  context: FeatureCollection<Polygon | MultiPolygon | Point, { name: string; kind?: string }> | null;
}
