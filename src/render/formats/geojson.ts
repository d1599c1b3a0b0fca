/** GeoJSON (RFC 7946, [lon, lat]) for QGIS and web maps. */
import { coverageGeoJson } from '../coverage-geojson.js';
import { distancesGeoJson } from '../distances.js';
import { suggestGeoJson } from '../optimize.js';
import { capacityGeoJson } from '../capacity.js';
import { capacitySitesGeoJson } from '../capacity-sites.js';
import type { Format } from '../outputs.js';
import { surfaceGeoJson } from '../surface.js';
import { gapsGeoJson } from '../gaps.js';

export const geojsonFormat: Format = {
  coverage: (o) => coverageGeoJson(o.map()),
  distances: distancesGeoJson,
  suggestion: (o) => suggestGeoJson(o.result),
  capacity: capacityGeoJson,
  capacitySites: (o) => capacitySitesGeoJson(o.result),
  surface: surfaceGeoJson,
  gaps: (o) => gapsGeoJson(o.result),
};
