/**
 * The straight-line travel model: road distance ≈ geodesic distance × circuity (typical road
 * networks: 1.2–1.5), travel time = road distance at an average speed. Nearest is geodesic
 * nearest, found by the incremental chord-space engine (geo/nearest-tracker.ts), one engine per
 * side of a border that cannot be crossed (an exclave) and per layer.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { cosLat, geodesicKm, geodesicKmAt } from '../geo/geodesic.js';
import { kNearestSites } from '../geo/nearest-sites.js';
import { AROUND_RADIUS_KM, boundingBox, haverSin, pointsWithin } from '../geo/within-radius.js';
import { NearestTracker, pointSet, pointSetOf, trackerGrid } from '../geo/nearest-tracker.js';
import type { Threshold } from '../model/plan.js';
import type {
  Layer,
  NearestCosts,
  Place,
  PlaceColumns,
  Places,
  SiteOpening,
  TravelCostModel,
  TravelModelInfo,
  TripCost,
} from './travel-cost.js';

export interface StraightLineParams {
  circuity: number;
  speedKmh: number;
}

export const DEFAULT_STRAIGHT_LINE: StraightLineParams = { circuity: 1, speedKmh: 40 };

export function describeStraightLine(m: StraightLineParams): string {
  return m.circuity === 1
    ? `geodesic (WGS84 great circle); travel time at ${m.speedKmh} km/h`
    : `road ≈ geodesic × ${m.circuity} circuity; travel time at ${m.speedKmh} km/h`;
}

export class StraightLineModel implements TravelCostModel {
  readonly info: TravelModelInfo;

  constructor(readonly params: StraightLineParams) {
    this.info = {
      type: 'straight-line',
      description: describeStraightLine(params),
      circuity: params.circuity,
      speed_kmh: params.speedKmh,
    };
  }

  private toMinutes(roadKm: number): number {
    return (roadKm / this.params.speedKmh) * 60;
  }

  /** The geodesic radius within which a standard is met (both limits when both are set). */
  radiusKm(t: Threshold): number {
    const { circuity, speedKmh } = this.params;
    const byKm = t.within_km !== undefined ? t.within_km / circuity : Infinity;
    const byMin = t.within_min !== undefined ? ((t.within_min / 60) * speedKmh) / circuity : Infinity;
    return Math.min(byKm, byMin);
  }

  reachKm(t: Threshold): number | null {
    const r = this.radiusKm(t);
    return Number.isFinite(r) ? Math.round(r * this.params.circuity * 10) / 10 : null;
  }

  trip(from: Place, to: Place): TripCost {
    if (from.side !== to.side) return { km: Infinity, minutes: Infinity };
    const km = geodesicKm(from, to) * this.params.circuity;
    return { km, minutes: this.toMinutes(km) };
  }

  tripKm(points: readonly Place[], sites: readonly Place[]): (i: number, j: number) => number {
    const p = placeColumns(points),
      s = placeColumns(sites);
    const { circuity } = this.params;
    // trip's arithmetic (geodesicKm × circuity) on columns: the same bits.
    return (i, j) =>
      p.side[i] !== s.side[j]
        ? Infinity
        : geodesicKmAt(p.lat[i]!, p.lon[i]!, p.cos[i]!, s.lat[j]!, s.lon[j]!, s.cos[j]!) * circuity;
  }

  nearestCosts(points: Places): NearestCosts {
    return new StraightLineCosts(points, this.params);
  }

  nearestSites(points: readonly Place[], sites: readonly Place[], k: number) {
    const K = Math.min(k, sites.length);
    const site = new Int32Array(points.length * k).fill(-1);
    const km = new Float64Array(points.length * k).fill(Infinity);
    const minutes = new Float64Array(points.length * k).fill(Infinity);
    if (K === 0) return { site, km, minutes };
    const near = kNearestSites(pointSet(points), sidesOf(points), pointSet(sites), sidesOf(sites), K);
    // Each place against its K sites, in flat loops over columns (4 million pairs on 100,000 places
    // × 40): the cosines of the latitudes once each, the same arithmetic as trip's, so the same bits.
    const km1 = this.tripKm(points, sites);
    for (let i = 0; i < points.length; i++) {
      for (let r = 0, at = i * k; r < K; r++, at++) {
        const j = near[i * K + r]!;
        if (j < 0) break;
        const d = km1(i, j);
        site[at] = j;
        km[at] = d;
        minutes[at] = this.toMinutes(d);
      }
    }
    return { site, km, minutes };
  }

  reachable(points: readonly Place[], sites: readonly Place[], standard: Threshold): Int32Array[] {
    const radius = this.radiusKm(standard);
    if (points.length === 0) return sites.map(() => new Int32Array(0));
    return pointsWithin(points, sites, radius) ?? siteBySite(points, sites, radius);
  }
}

/**
 * The same lists site by site, where a point's box would wrap (a pole, the antimeridian): a
 * bounding-box query and the haversine test, or geokdbush's `around` where the site's box wraps.
 */
function siteBySite(points: readonly Place[], sites: readonly Place[], radius: number): Int32Array[] {
  const index = placeIndex(points);
  const cosLat = Float64Array.from(points, (p) => Math.cos(p.lat * RAD));
  return sites.map((s) => {
    const box = boundingBox(s, radius);
    if (!box) {
      const near = around(index, s.lon, s.lat, Infinity, radius, (i: number) => points[i]!.side === s.side);
      return Int32Array.from(near).sort();
    }
    const max = haverSin(radius / AROUND_RADIUS_KM),
      cos0 = Math.cos(s.lat * RAD);
    const found = index.range(box.minLon, box.minLat, box.maxLon, box.maxLat);
    const out = new Int32Array(found.length);
    let t = 0;
    for (const i of found) {
      const p = points[i]!;
      const h = cos0 * cosLat[i]! * haverSin((s.lon - p.lon) * RAD) + haverSin((s.lat - p.lat) * RAD);
      if (h <= max && p.side === s.side) out[t++] = i;
    }
    return out.subarray(0, t).sort();
  });
}

const RAD = Math.PI / 180;

function placeIndex(places: readonly Place[]): KDBush {
  const index = new KDBush(Math.max(1, places.length));
  for (const p of places) index.add(p.lon, p.lat);
  if (places.length === 0) index.add(0, 0);
  return index.finish();
}

/** One chord-space grid per side, shared by the layers; one tracker per side and layer. */
class StraightLineCosts implements NearestCosts {
  private readonly sides: { members: Uint32Array; trackers: Record<Layer, NearestTracker> }[] = [];
  /** For each point, its side and its index within that side. */
  private readonly sideOf: Uint16Array;
  private readonly local: Uint32Array;
  private readonly siteSide = new Map<number, number>();
  private readonly kmCache: Record<Layer, Float64Array>;
  private readonly minCache: Record<Layer, Float64Array>;
  private readonly fresh = new Set<Layer>();

  constructor(
    places: Places,
    private readonly params: StraightLineParams,
  ) {
    const points = asColumns(places);
    const n = points.count;
    this.sideOf = points.side;
    this.local = new Uint32Array(n);
    let sideCount = 1;
    for (let i = 0; i < n; i++) sideCount = Math.max(sideCount, points.side[i]! + 1);
    const size = new Uint32Array(sideCount);
    for (let i = 0; i < n; i++) this.local[i] = size[points.side[i]!]!++;
    const members = Array.from(size, (m) => new Uint32Array(m));
    for (let i = 0; i < n; i++) members[points.side[i]!]![this.local[i]!] = i;
    for (const list of members) {
      const grid = trackerGrid(pointSetOf(points.lat, points.lon, list));
      this.sides.push({
        members: list,
        trackers: { center: new NearestTracker(grid), branch: new NearestTracker(grid) },
      });
    }
    this.kmCache = { center: new Float64Array(n), branch: new Float64Array(n) };
    this.minCache = { center: new Float64Array(n), branch: new Float64Array(n) };
  }

  private tracker(layer: Layer, side: number): NearestTracker | undefined {
    return this.sides[side]?.trackers[layer];
  }

  open(layer: Layer, sites: readonly SiteOpening[]): void {
    const bySide = new Map<number, { id: number; lat: number; lon: number }[]>();
    for (const s of sites) {
      this.siteSide.set(s.id, s.place.side);
      if (!bySide.has(s.place.side)) bySide.set(s.place.side, []);
      bySide.get(s.place.side)!.push({ id: s.id, lat: s.place.lat, lon: s.place.lon });
    }
    // A site on a side without population points serves nobody.
    for (const [side, batch] of bySide) this.tracker(layer, side)?.addMany(batch);
    this.fresh.delete(layer); // the other layer's costs still hold
  }

  close(layer: Layer, ids: readonly number[]): void {
    for (const id of ids) this.tracker(layer, this.siteSide.get(id) ?? 0)?.remove(id);
    this.fresh.delete(layer); // the other layer's costs still hold
  }

  km(layer: Layer): Float64Array {
    this.fill(layer);
    return this.kmCache[layer];
  }

  minutes(layer: Layer): Float64Array {
    this.fill(layer);
    return this.minCache[layer];
  }

  /** Road km and minutes of a layer, brought up to date in one pass per side. */
  private fill(layer: Layer): void {
    if (this.fresh.has(layer)) return;
    const { circuity, speedKmh } = this.params;
    for (const s of this.sides)
      s.trackers[layer].fillCosts(this.kmCache[layer], this.minCache[layer], s.members, circuity, speedKmh);
    this.fresh.add(layer);
  }

  fillOwners(layer: Layer, out: Int32Array): void {
    for (const s of this.sides) s.trackers[layer].fillOwners(out, s.members);
  }

  owner(layer: Layer, point: number): number {
    return this.sides[this.sideOf[point]!]!.trackers[layer].ownerOf(this.local[point]!);
  }
}

function asColumns(p: Places): PlaceColumns {
  if (!Array.isArray(p)) return p as PlaceColumns;
  const list = p as readonly Place[];
  return {
    count: list.length,
    lat: Float64Array.from(list, (x) => x.lat),
    lon: Float64Array.from(list, (x) => x.lon),
    side: Uint16Array.from(list, (x) => x.side),
  };
}

/** The places' coordinates, cos(latitude) (as geodesicKm computes it) and sides as columns. */
function placeColumns(places: readonly Place[]) {
  const n = places.length;
  const c = { lat: new Float64Array(n), lon: new Float64Array(n), cos: new Float64Array(n), side: sidesOf(places) };
  for (let i = 0; i < n; i++) {
    c.lat[i] = places[i]!.lat;
    c.lon[i] = places[i]!.lon;
    c.cos[i] = cosLat(places[i]!.lat);
  }
  return c;
}

/** The places' sides as one column. */
function sidesOf(places: readonly Place[]): Uint16Array {
  const side = new Uint16Array(places.length);
  for (let i = 0; i < places.length; i++) side[i] = places[i]!.side;
  return side;
}
