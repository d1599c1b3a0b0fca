import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { geodesicKm, type LatLon } from './geodesic.js';

/** A country outline with the checks the validator needs: inside, and how far outside. */
export class CountryOutline {
  constructor(readonly geometry: Polygon | MultiPolygon) {}

  contains(p: LatLon): boolean {
    return booleanPointInPolygon([p.lon, p.lat], this.geometry);
  }

  /** Approximate distance (km) from a point to the outline's boundary (vertex-and-segment sampling). */
  distanceToBoundaryKm(p: LatLon): number {
    let best = Infinity;
    const polys = this.geometry.type === 'Polygon' ? [this.geometry.coordinates] : this.geometry.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1]!;
          const b = ring[i]!;
          // Closest point on the segment in lon/lat scaled by cos(lat): fine at a few-km tolerance.
          const k = Math.cos((p.lat * Math.PI) / 180);
          const ax = a[0]! * k, ay = a[1]!, bx = b[0]! * k, by = b[1]!, px = p.lon * k, py = p.lat;
          const dx = bx - ax, dy = by - ay;
          const len2 = dx * dx + dy * dy;
          const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
          const d = geodesicKm(p, { lon: (ax + t * dx) / k, lat: ay + t * dy });
          if (d < best) best = d;
        }
      }
    }
    return best;
  }

  /** Inside, or within `toleranceKm` of the boundary (coastal towns on a 1:10m outline). */
  containsWithin(p: LatLon, toleranceKm: number): boolean {
    return this.contains(p) || this.distanceToBoundaryKm(p) <= toleranceKm;
  }
}
