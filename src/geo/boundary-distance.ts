import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicKm, type LatLon } from './geodesic.js';

/**
 * Distance (km) from a point to the nearest edge of a polygon's rings. Each segment is treated as
 * straight in lon/lat scaled by cos(lat) — the error is far below a kilometre at the scale of a
 * district — and the closest point found there is measured geodesically.
 */
export function distanceToBoundaryKm(p: LatLon, geometry: Polygon | MultiPolygon): number {
  let best = Infinity;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const k = Math.cos((p.lat * Math.PI) / 180);
  for (const poly of polys) for (const ring of poly) best = Math.min(best, ringDistanceKm(p, ring, k));
  return best;
}

function ringDistanceKm(p: LatLon, ring: Position[], k: number): number {
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const d = segmentDistanceKm(p, ring[i - 1]!, ring[i]!, k);
    if (d < best) best = d;
  }
  return best;
}

/** Km from p to the segment a–b, its closest point found in lon × k (k = cos of p's latitude), lat. */
export function segmentDistanceKm(p: LatLon, a: Position, b: Position, k: number): number {
  const px = p.lon * k,
    py = p.lat;
  const ax = a[0]! * k,
    ay = a[1]!,
    bx = b[0]! * k,
    by = b[1]!;
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return geodesicKm(p, { lon: (ax + t * dx) / k, lat: ay + t * dy });
}
