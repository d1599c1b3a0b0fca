/**
 * The geometry the report map draws, read from the country's data folder when present:
 * `units.topojson` (one polygon per unit, id = unit code; object `units`) and `context.geojson`
 * (neighbouring countries). A folder without them gets a map of circles at the unit seats.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { UserError } from '../errors.js';
import { UNITS_OBJECT } from '../geo/unit-locator.js';

export interface MapLayers {
  /** Unit polygons, feature id = unit code; null when the data folder ships none. */
  units: FeatureCollection<Polygon | MultiPolygon> | null;
  /** Neighbouring countries (context colour) and water names (points, kind "water"); null when not shipped. */
  context: FeatureCollection<Polygon | MultiPolygon | Point, { name: string; kind?: string }> | null;
}

const cache = new Map<string, MapLayers>();

export function loadMapLayers(dir: string): MapLayers {
  const hit = cache.get(dir);
  if (hit) return hit;
  const read = (name: string): unknown => {
    const file = join(dir, name);
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UserError(`${file}: not valid JSON (${(e as Error).message}); rebuild it with npm run data:build`, 1);
    }
  };
  const topo = read('units.topojson') as Topology | null;
  const obj = topo?.objects[UNITS_OBJECT] as GeometryCollection | undefined;
  const layers: MapLayers = {
    units: topo && obj ? (feature(topo, obj) as FeatureCollection<Polygon | MultiPolygon>) : null,
    context: read('context.geojson') as MapLayers['context'],
  };
  cache.set(dir, layers);
  return layers;
}
