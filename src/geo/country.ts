import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { distanceToBoundaryKm } from './boundary-distance.js';
import type { LatLon } from './geodesic.js';

/** A country outline with the checks the validator needs: inside, and how far outside. */
export class CountryOutline {
  constructor(readonly geometry: Polygon | MultiPolygon) {}

  contains(p: LatLon): boolean {
    return booleanPointInPolygon([p.lon, p.lat], this.geometry);
  }

  /** Distance (km) from a point to the outline's boundary. */
  distanceToBoundaryKm(p: LatLon): number {
    return distanceToBoundaryKm(p, this.geometry);
  }

  /** Inside, or within `toleranceKm` of the boundary (coastal towns on a 1:10m outline). */
  containsWithin(p: LatLon, toleranceKm: number): boolean {
    return this.contains(p) || this.distanceToBoundaryKm(p) <= toleranceKm;
  }
}
