/**
 * The travel-cost seam: how far, in road km and minutes, people are from the nearest open facility.
 * Every analysis (coverage, distances, timeline, report, diff, explore, optimize, capacity) asks a
 * TravelCostModel and never computes distances itself, so a new model (roads, a routing server) is
 * one new implementation of this file's interfaces.
 *
 * Two implementations: straight-line.ts (geodesic × circuity at an average speed) and the road
 * network model (travel/roads/). load/travel-models.ts chooses one per run.
 */

import type { Threshold } from '../model/plan.js';

/**
 * A population point or a facility site. `side` partitions the country into parts that cannot be
 * travelled between (Azerbaijan: the mainland and the Nakhchivan exclave, reachable only through
 * Armenia or Iran); places on different sides never reach each other.
 */
export interface Place {
  lat: number;
  lon: number;
  side: number;
}

/** Many places as columns: a million population points without a million objects. */
export interface PlaceColumns {
  count: number;
  lat: Float64Array;
  lon: Float64Array;
  side: Uint16Array;
  /** What the places are, for a model's notes (default: population points). */
  noun?: PlaceNoun;
}

/** A kind of place in messages: "1 grid cell is …", "2 grid cells are …" (the notes' catalogue keys follow it). */
export type PlaceNoun = 'population point' | 'grid cell';

/** The places an engine follows: objects, or columns (what the analyses pass for population points). */
export type Places = readonly Place[] | PlaceColumns;

/** Places as objects, for models that work per place (the road model attaches each to its road). */
export function placeList(p: Places): readonly Place[] {
  if (Array.isArray(p)) return p as readonly Place[];
  const c = p as PlaceColumns;
  return Array.from({ length: c.count }, (_, i) => ({ lat: c.lat[i]!, lon: c.lon[i]!, side: c.side[i]! }));
}

/** Facilities are tracked in layers (one per facility kind); nearest is per layer. */
export type Layer = 'center' | 'branch';
export const LAYERS: readonly Layer[] = ['center', 'branch'];

/** What reports echo so that no figure is read without its assumptions. */
export interface TravelModelInfo {
  /** The model's name in the registry (load/travel-models.ts), e.g. 'straight-line' or 'roads'. */
  type: string;
  /** One line for people, e.g. "road ≈ geodesic × 1.3 circuity; travel time at 50 km/h". */
  description: string;
  /** Straight-line model: road km per geodesic km, and the average speed. */
  circuity?: number;
  speed_kmh?: number;
  /** Road model: the network file, its routable length and the speed profile. */
  roads?: { file: string; road_km: number; profile: string };
  /** Facts about the model a report should show (road model: dropped road islands, separate parts). */
  notes?: string[];
}

/** A site opening on a layer; `id` is the caller's facility index (reported back by owner()). */
export interface SiteOpening {
  id: number;
  place: Place;
}

/**
 * Per population point, the cost to the nearest open site of each layer, kept current as sites
 * open and close year by year. "Nearest" is the least travel time (in the straight-line model the
 * same as the least km). Implementations update incrementally: an opening only lowers costs
 * around it, a closing only re-searches the points the site served.
 */
export interface NearestCosts {
  open(layer: Layer, sites: readonly SiteOpening[]): void;
  close(layer: Layer, ids: readonly number[]): void;
  /**
   * Road km from each point to its nearest open site of the layer (Infinity: none reachable).
   * The array is owned by the engine and valid until the next open/close.
   */
  km(layer: Layer): Float64Array;
  /** Minutes from each point to its nearest open site of the layer (Infinity: none reachable). */
  minutes(layer: Layer): Float64Array;
  /** Facility id serving point i on the layer, -1 when none is reachable. */
  owner(layer: Layer, point: number): number;
  /** owner() for every point at once into `out`, where the engine can do it in one pass. */
  fillOwners?(layer: Layer, out: Int32Array): void;
  /**
   * What a report should show about these points and sites (road model: points and facilities
   * beyond the off-road limit, counted as unreachable, with examples).
   */
  readonly notes?: readonly string[];
}

/** Cost of one trip. */
export interface TripCost {
  km: number;
  minutes: number;
}

export interface TravelCostModel {
  readonly info: TravelModelInfo;
  /** An incremental nearest-open-site engine over these points. */
  nearestCosts(points: Places): NearestCosts;
  /**
   * For optimisation: each point's k cheapest sites among `sites` (by minutes), as flat arrays of
   * length points × k in order of cost; entries past the reachable sites are -1 / Infinity.
   */
  nearestSites(
    points: readonly Place[],
    sites: readonly Place[],
    k: number,
  ): { site: Int32Array; km: Float64Array; minutes: Float64Array };
  /** The cost of one trip from a point to a site ({Infinity, Infinity} when unreachable). */
  trip(from: Place, to: Place): TripCost;
  /**
   * Optional: trip(points[i], sites[j]).km as a function of (i, j), the same figure without the
   * object a trip call returns (a p-median search asks for millions).
   */
  tripKm?(points: readonly Place[], sites: readonly Place[]): (i: number, j: number) => number;
  /** For each site, the points within the standard of it (ascending point indices). */
  reachable(points: readonly Place[], sites: readonly Place[], standard: Threshold): Int32Array[];
  /**
   * The road km a standard allows, for reports: within_km, or in the straight-line model the km a
   * time limit allows at the model's speed (the smaller of the two); null when it cannot be said.
   */
  reachKm(standard: Threshold): number | null;
}

/** Whether a trip meets a standard (both limits when both are set; no limit: always). */
export function meets(km: number, minutes: number, t: Threshold): boolean {
  return (t.within_km === undefined || km <= t.within_km) && (t.within_min === undefined || minutes <= t.within_min);
}

/** "≤ 30 km and ≤ 45 min", or "none". */
export function describeThreshold(t: Threshold | undefined): string {
  if (!t) return 'none';
  return [
    t.within_km !== undefined ? `≤ ${t.within_km} km` : '',
    t.within_min !== undefined ? `≤ ${t.within_min} min` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/** The model as results carry it (the straight-line model keeps its historical JSON shape). */
export interface ModelSummary {
  type?: 'roads';
  circuity?: number;
  speed_kmh?: number;
  description: string;
  roads?: TravelModelInfo['roads'];
  notes?: string[];
}

export function modelSummary(info: TravelModelInfo): ModelSummary {
  return info.type === 'straight-line'
    ? { circuity: info.circuity, speed_kmh: info.speed_kmh, description: info.description }
    : { type: 'roads', description: info.description, roads: info.roads, notes: [...(info.notes ?? [])] };
}
