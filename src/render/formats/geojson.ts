/**
 * GeoJSON (RFC 7946, [lon, lat]) for QGIS and web maps. How the figures were made rides along as
 * a `provenance` foreign member of the FeatureCollection (RFC 7946 §6.1), which GIS tools keep
 * and ignore.
 */
import { capacityGeoJson } from '../capacity.js';
import { capacitySitesGeoJson } from '../capacity-sites.js';
import { coverageGeoJson } from '../coverage-geojson.js';
import { distancesGeoJson } from '../distances.js';
import type { FeatureCollectionOut } from '../geojson.js';
import { orderGeoJson, suggestGeoJson } from '../optimize.js';
import type { Format, RenderContext } from '../outputs.js';
import { surfaceGeoJson } from '../surface.js';
import { gapsGeoJson } from '../gaps.js';

const geojson = (fc: FeatureCollectionOut, ctx: RenderContext): string =>
  JSON.stringify(ctx.provenance ? { ...fc, provenance: ctx.provenance } : fc);

export const geojsonFormat: Format = {
  coverage: (o, ctx) => geojson(coverageGeoJson(o.map()), ctx),
  distances: (r, ctx) => geojson(distancesGeoJson(r), ctx),
  suggestion: (o, ctx) => geojson(suggestGeoJson(o.result), ctx),
  order: (o, ctx) => geojson(orderGeoJson(o.result), ctx),
  capacity: (r, ctx) => geojson(capacityGeoJson(r), ctx),
  capacitySites: (r, ctx) => geojson(capacitySitesGeoJson(r.result), ctx),
  surface: (o, ctx) => geojson(surfaceGeoJson(o), ctx),
  gaps: (o, ctx) => geojson(gapsGeoJson(o.result), ctx),
};
