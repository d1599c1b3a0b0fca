/**
 * The geometry the report map draws, read from the country's data folder when present:
 * `units.topojson` (one polygon per unit, id = unit code; object `units`) and `context.geojson`
 * (neighbouring countries). A folder without them gets a map of circles at the unit seats.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { parseJsonText } from './json-text.js';
import { said } from '../model/said.js';
import { UNITS_OBJECT } from '../geo/unit-locator.js';
import type { MapLayers } from '../model/map-layers.js';
import type { RunContext } from '../run/run-context.js';
import { readUserText } from './text-input.js';

/** The map's layers of a data folder, read once per run (and recorded as inputs of the run). */
export function loadMapLayers(run: RunContext, dir: string): MapLayers {
  return run.remember(`map-layers\0${dir}`, () => readMapLayers(run, dir));
}

function readMapLayers(run: RunContext, dir: string): MapLayers {
  const read = (name: string): unknown => {
    const file = join(dir, name);
    if (!existsSync(file)) return null;
    return parseJsonText(readUserText(run, file), file, (expected) =>
      said('read.data.map_json', { why: said('reason.json.expected', { expected }) }),
    );
  };
  const topo = read('units.topojson') as Topology | null;
  const obj = topo?.objects[UNITS_OBJECT] as GeometryCollection | undefined;
  const layers: MapLayers = {
    units: topo && obj ? (feature(topo, obj) as FeatureCollection<Polygon | MultiPolygon>) : null,
    context: read('context.geojson') as MapLayers['context'],
  };
  return layers;
}
