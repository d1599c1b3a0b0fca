/** GeoJSON (RFC 7946, [lon, lat]) for QGIS and web maps. */
import { coverageGeoJson } from '../coverage-geojson.js';
import { distancesGeoJson } from '../distances.js';
import { suggestGeoJson } from '../optimize.js';
import type { Format } from '../outputs.js';

export const geojsonFormat: Format = {
  coverage: (o) => coverageGeoJson(o.map()),
  distances: distancesGeoJson,
  suggestion: (o) => suggestGeoJson(o.result),
};
