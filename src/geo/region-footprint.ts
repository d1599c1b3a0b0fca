/**
 * Is a point where its unit is? One rule for a facility's `region:` (validate's `outside-region`)
 * and a population file's region column: a unit's footprint is its polygon plus those of the cities
 * published inside it (AZ-LAN holds AZ-LA), and a point more than UNIT_BORDER_TOLERANCE_KM outside
 * it is in another unit, at sea or abroad.
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { RegionIndex } from '../model/region-index.js';
import { segmentDistanceKm } from './boundary-distance.js';
import type { UnitLocator } from './unit-locator.js';

/**
 * Simplified unit borders (geoBoundaries, simplified) are trusted to about this much. The same
 * figure everywhere a point meets a border: the embedded points keep GeoNames' unit within it
 * (data-build/points.ts; one settlement, Qarayeri, lies 2.2 km outside its Samukh), a population
 * file's point joins the nearest unit within it, and a facility or a point farther from the unit
 * it names is flagged.
 */
export const UNIT_BORDER_TOLERANCE_KM = 3;

/** Degrees of latitude per km, and a floor on cos(lat) so the box stays finite near the poles. */
const DEG_PER_KM = 1 / 110.574;

interface Footprint {
  parts: string[];
  /** The parts' bounding box, lon/lat degrees. */
  box: [number, number, number, number];
  /** The parts' ring segments behind a box index, built when a point first lands near the edge. */
  edges?: Edges;
}

interface Edges {
  index: Flatbush;
  a: Position[];
  b: Position[];
}

export class RegionFootprints {
  private readonly cache = new Map<string, Footprint | null>();

  constructor(
    private readonly units: UnitLocator,
    private readonly regions: RegionIndex,
  ) {}

  /** The polygons that make up a unit's footprint; undefined when it has none (an autonomous republic). */
  private footprint(code: string): Footprint | undefined {
    let f = this.cache.get(code);
    if (f === undefined) {
      const parts = this.units.codes.filter((c) => c === code || this.regions.byCode.get(c)?.included_in === code);
      f = parts.length ? { parts, box: this.box(parts) } : null;
      this.cache.set(code, f);
    }
    return f ?? undefined;
  }

  private box(parts: string[]): Footprint['box'] {
    const b: Footprint['box'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const code of parts) {
      const g = this.units.geometry(code)!;
      for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
        for (const [x, y] of poly[0]!) {
          b[0] = Math.min(b[0], x!);
          b[1] = Math.min(b[1], y!);
          b[2] = Math.max(b[2], x!);
          b[3] = Math.max(b[3], y!);
        }
    }
    return b;
  }

  /**
   * How far the point lies outside the unit's footprint: undefined when inside (or when the unit
   * has no polygon). `located` is the unit the point is in, when the caller already knows it.
   */
  outsideKm(
    code: string,
    lat: number,
    lon: number,
    located: string | undefined = this.units.locateUnit(lat, lon),
  ): { km: number; inside?: string } | undefined {
    const f = this.footprint(code);
    if (!f || (located !== undefined && f.parts.includes(located))) return undefined;
    const km = Math.min(...f.parts.map((c) => this.units.distanceKm(c, lat, lon)));
    return km > 0 ? { km, ...(located ? { inside: located } : {}) } : undefined;
  }

  /**
   * outsideKm() > the tolerance, decided cheaply for the many points of a population file: a point
   * beyond the footprint's box widened by the tolerance is far without locating it or measuring any
   * edge. `locate` finds the unit a point is in (a faster index than the locator's, if the caller has one).
   */
  isFar(
    code: string,
    lat: number,
    lon: number,
    locate: (lat: number, lon: number) => string | undefined = (a, b) => this.units.locateUnit(a, b),
  ): boolean {
    const f = this.footprint(code);
    if (!f) return false;
    const dLat = UNIT_BORDER_TOLERANCE_KM * DEG_PER_KM;
    // A degree of longitude is at least this many km anywhere in the box (at its widest latitude).
    const widest = Math.min(89, Math.max(Math.abs(f.box[1]), Math.abs(f.box[3])) + dLat);
    const dLon = dLat / Math.cos((widest * Math.PI) / 180);
    if (lon < f.box[0] - dLon || lon > f.box[2] + dLon || lat < f.box[1] - dLat || lat > f.box[3] + dLat) return true;
    const located = locate(lat, lon);
    if (located !== undefined && f.parts.includes(located)) return false;
    // Outside: is any edge within the tolerance? Segments come in order of their boxes' distance,
    // and the first one near enough ends the search.
    const edges = (f.edges ??= this.edges(f.parts));
    const p = { lat, lon };
    const k = Math.cos((lat * Math.PI) / 180);
    const near = (s: number) => segmentDistanceKm(p, edges.a[s]!, edges.b[s]!, k) <= UNIT_BORDER_TOLERANCE_KM;
    return edges.index.neighbors(lon, lat, 1, 1.5 * dLon, near).length === 0;
  }

  private edges(parts: string[]): Edges {
    const a: Position[] = [],
      b: Position[] = [];
    for (const code of parts) {
      const g = this.units.geometry(code)!;
      for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
        for (const ring of poly)
          for (let j = 1; j < ring.length; j++) {
            a.push(ring[j - 1]!);
            b.push(ring[j]!);
          }
    }
    const index = new Flatbush(Math.max(1, a.length));
    a.forEach((p, s) => {
      const q = b[s]!;
      index.add(Math.min(p[0]!, q[0]!), Math.min(p[1]!, q[1]!), Math.max(p[0]!, q[0]!), Math.max(p[1]!, q[1]!));
    });
    if (a.length === 0) index.add(0, 0, 0, 0);
    index.finish();
    return { index, a, b };
  }
}
