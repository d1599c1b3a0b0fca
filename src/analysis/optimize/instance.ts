/**
 * A facility-location instance: demand points with weights, candidate sites, a distance between
 * any demand point and any candidate, and the distance from each point to the nearest facility
 * that stays open anyway (the plan's own network). Built from coordinates (geodesic × circuity)
 * or from a distance matrix (graph instances such as OR-Library's pmed).
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { geodesicKm } from '../../geo/geodesic.js';

export interface Instance {
  /** Demand weights (population). */
  w: Float64Array;
  /** Number of candidate sites. */
  m: number;
  /** Distance (km, or the matrix's unit) from demand point i to candidate j. */
  dist(i: number, j: number): number;
  /** Distance from point i to the nearest fixed (already planned) facility; Infinity if none. */
  fixed: Float64Array;
  /**
   * For each candidate j, the demand points for which j is among the K nearest candidates, with
   * the distance: the only pairs the heuristics look at (all pairs for a matrix instance).
   */
  reverse: { points: Int32Array; d: Float64Array }[];
  /** For each point, the distance to its K-th nearest candidate (the horizon of `reverse`). */
  horizon: Float64Array;
}

export interface Site {
  lat: number;
  lon: number;
  /** Sites on different sides (mainland / Nakhchivan exclave) never serve each other. */
  side?: number;
}

export function siteIndex(sites: Site[]): KDBush {
  const index = new KDBush(Math.max(1, sites.length));
  for (const c of sites) index.add(c.lon, c.lat);
  if (sites.length === 0) index.add(0, 0);
  return index.finish();
}

/** Geographic instance: geodesic distance × circuity; K nearest candidates per point via geokdbush. */
export function geoInstance(points: Site[], weights: ArrayLike<number>, candidates: Site[], fixed: Site[], circuity: number, k = 40): Instance {
  const n = points.length, m = candidates.length;
  const K = Math.min(k, m);
  const index = siteIndex(candidates);
  const fixedIndex = siteIndex(fixed);
  const sameSide = (a: Site, b: Site) => (a.side ?? 0) === (b.side ?? 0);
  const fixedDist = new Float64Array(n).fill(Infinity);
  const lists: number[][] = Array.from({ length: m }, () => []);
  const listD: number[][] = Array.from({ length: m }, () => []);
  const horizon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    const f = fixed.length ? around(fixedIndex, p.lon, p.lat, 1, Infinity, (x) => sameSide(p, fixed[x]!))[0] : undefined;
    if (f !== undefined) fixedDist[i] = geodesicKm(p, fixed[f]!) * circuity;
    const near = m ? around(index, p.lon, p.lat, K, Infinity, (x) => sameSide(p, candidates[x]!)) : [];
    for (const j of near) {
      const d = geodesicKm(p, candidates[j]!) * circuity;
      lists[j]!.push(i);
      listD[j]!.push(d);
      horizon[i] = Math.max(horizon[i]!, d);
    }
  }
  return {
    w: Float64Array.from(weights),
    m,
    dist: (i, j) => (sameSide(points[i]!, candidates[j]!) ? geodesicKm(points[i]!, candidates[j]!) * circuity : Infinity),
    fixed: fixedDist,
    reverse: lists.map((l, j) => ({ points: Int32Array.from(l), d: Float64Array.from(listD[j]!) })),
    horizon,
  };
}

/** Matrix instance: every vertex is a demand point (weight 1) and a candidate. */
export function matrixInstance(d: Float64Array, n: number): Instance {
  const reverse = Array.from({ length: n }, (_, j) => ({ points: Int32Array.from({ length: n }, (_, i) => i), d: Float64Array.from({ length: n }, (_, i) => d[i * n + j]!) }));
  const horizon = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) horizon[i] = Math.max(horizon[i]!, d[i * n + j]!);
  return { w: new Float64Array(n).fill(1), m: n, dist: (i, j) => d[i * n + j]!, fixed: new Float64Array(n).fill(Infinity), reverse, horizon };
}
