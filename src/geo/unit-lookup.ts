/**
 * Which administrative unit a place belongs to. Gridded population is assigned cell by cell, so a
 * locator answers (lat, lon) → unit code, or undefined for a place in the sea or abroad.
 * The geography's UnitLocator (unit-locator.ts) answers the same question for single points;
 * this interface is what the population pipeline needs, so a test can pass a hand-made lookup.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { RegionIndex } from '../model/region-index.js';
import { toChordSpace } from './geodesic.js';
import { PolygonIndex } from './polygon-index.js';

export interface UnitLookup {
  /** How units are found, for reports ("polygons", "nearest seat inside the outline"). */
  readonly method: string;
  locate(lat: number, lon: number): string | undefined;
  /** locate() for lon[from..to) on one latitude, ascending (a raster row); out[k] is point from + k. */
  locateRow?(lat: number, lon: ArrayLike<number>, from: number, to: number, out: (string | undefined)[]): void;
}

/** Nearest of a few fixed places, by chord distance (exactly the geodesic order); brute force is fine for < 100. */
export class NearestPlace {
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly z: Float64Array;

  constructor(places: { lat: number; lon: number }[]) {
    this.x = new Float64Array(places.length);
    this.y = new Float64Array(places.length);
    this.z = new Float64Array(places.length);
    places.forEach((p, i) => ([this.x[i], this.y[i], this.z[i]] = toChordSpace(p.lat, p.lon)));
  }

  nearest(lat: number, lon: number): number {
    const [px, py, pz] = toChordSpace(lat, lon);
    let best = -1,
      bestD = Infinity;
    for (let i = 0; i < this.x.length; i++) {
      const dx = this.x[i]! - px,
        dy = this.y[i]! - py,
        dz = this.z[i]! - pz;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
}

/** Leaf units that hold people themselves: not the autonomous republic, not cities counted within a rayon. */
export function locatableUnits(regions: RegionIndex) {
  return regions.dataset.regions.filter((r) => r.kind !== 'autonomous_republic' && !r.included_in);
}

/**
 * Without unit polygons: inside the country outline (the same banded index), then the unit whose
 * administrative centre is nearest. Right in the middle of a unit, approximate near its boundary.
 */
export function seatLookup(outline: Polygon | MultiPolygon, regions: RegionIndex): UnitLookup {
  const inside = new PolygonIndex([outline]);
  const units = locatableUnits(regions);
  const seats = new NearestPlace(units.map((u) => u.admin_center));
  return {
    method: 'country outline, then the nearest administrative centre (approximate near unit boundaries)',
    locate: (lat, lon) => (inside.lookup(lon, lat) < 0 ? undefined : units[seats.nearest(lat, lon)]!.code),
  };
}

/**
 * Units as polygons: exact assignment through the banded index (polygon-index.ts), about twice as
 * fast per point as a bounding-box tree + turf over the same polygons, with the same answers.
 */
export function polygonLookup(units: { code: string; geometry: Polygon | MultiPolygon }[]): UnitLookup {
  const index = new PolygonIndex(units.map((u) => u.geometry));
  let owners = new Int32Array(1024);
  return {
    method: 'unit polygons',
    locate: (lat, lon) => units[index.lookup(lon, lat)]?.code,
    locateRow: (lat, lon, from, to, out) => {
      if (owners.length < to - from) owners = new Int32Array(to - from);
      index.lookupRow(lat, lon, from, to, owners);
      for (let k = 0; k < to - from; k++) out[k] = units[owners[k]!]?.code;
    },
  };
}
