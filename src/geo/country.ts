import type { MultiPolygon, Polygon } from 'geojson';
import { distanceToBoundaryKm } from './boundary-distance.js';
import type { LatLon } from './geodesic.js';

/** Latitude bands of the edge index: a point is tested against the edges of its band only. */
const BAND_DEG = 0.02;

/** A country outline with the checks the validator needs: inside, and how far outside. */
export class CountryOutline {
  /** Edges (x1, y1, x2, y2 in lon/lat) listed in every latitude band they cross. */
  private bands: Map<number, number[]> | undefined;

  constructor(readonly geometry: Polygon | MultiPolygon) {}

  /** The outline's box, widened by `marginDeg` on every side: [west, south, east, north]. */
  box(marginDeg = 0): [number, number, number, number] {
    const polys = this.geometry.type === 'Polygon' ? [this.geometry.coordinates] : this.geometry.coordinates;
    let w = Infinity,
      s = Infinity,
      e = -Infinity,
      n = -Infinity;
    for (const poly of polys)
      for (const [lon, lat] of poly[0]!) {
        w = Math.min(w, lon!);
        e = Math.max(e, lon!);
        s = Math.min(s, lat!);
        n = Math.max(n, lat!);
      }
    return [w - marginDeg, s - marginDeg, e + marginDeg, n + marginDeg];
  }

  /**
   * Point in polygon by ray casting (even-odd over every ring, so holes count), with the edges
   * indexed by latitude band: a 100,000-facility plan checks each facility against a few dozen
   * edges instead of the whole 1:10m outline.
   */
  contains(p: LatLon): boolean {
    const edges = this.edgeBands().get(Math.floor(p.lat / BAND_DEG)) ?? [];
    let inside = false;
    for (let k = 0; k < edges.length; k += 4) {
      const x1 = edges[k]!,
        y1 = edges[k + 1]!,
        x2 = edges[k + 2]!,
        y2 = edges[k + 3]!;
      if (y1 > p.lat !== y2 > p.lat && p.lon < ((x2 - x1) * (p.lat - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }

  private edgeBands(): Map<number, number[]> {
    if (this.bands) return this.bands;
    const bands = new Map<number, number[]>();
    const polys = this.geometry.type === 'Polygon' ? [this.geometry.coordinates] : this.geometry.coordinates;
    for (const ring of polys.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1]! as [number, number],
          [x2, y2] = ring[i]! as [number, number];
        for (let b = Math.floor(Math.min(y1, y2) / BAND_DEG); b <= Math.floor(Math.max(y1, y2) / BAND_DEG); b++) {
          if (!bands.has(b)) bands.set(b, []);
          bands.get(b)!.push(x1, y1, x2, y2);
        }
      }
    }
    return (this.bands = bands);
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
