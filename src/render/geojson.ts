/** GeoJSON (RFC 7946): coordinates are [lon, lat], WGS84, for QGIS and web maps. */
import type { Facility } from '../model/plan.js';

export interface Feature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

export function pointFeature(lat: number, lon: number, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [round(lon), round(lat)] }, properties };
}

export function facilityFeature(f: Facility): Feature {
  return pointFeature(f.location.lat, f.location.lon, {
    layer: 'facility',
    id: f.id,
    name: f.name,
    kind: f.kind,
    status: f.status,
    opens: String(f.opens),
    region: f.region,
  });
}

/** A FeatureCollection; the geojson format serialises it, with its provenance (a foreign member). */
export interface FeatureCollectionOut {
  type: 'FeatureCollection';
  features: unknown[];
  [member: string]: unknown;
}

export function featureCollection(features: Feature[], meta: Record<string, unknown> = {}): FeatureCollectionOut {
  return { type: 'FeatureCollection', ...meta, features };
}
