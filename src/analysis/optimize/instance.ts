/**
 * A facility-location instance: demand points with weights, candidate sites, a distance between
 * any demand point and any candidate, and the distance from each point to the nearest facility
 * that stays open anyway (the plan's own network). Built from coordinates (geodesic × circuity)
 * or from a distance matrix (graph instances such as OR-Library's pmed).
 */
import type { Place, TravelCostModel } from '../../travel/travel-cost.js';
import { byCandidate, insertionSort } from './pair-lists.js';

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
  /**
   * For each point, the distance to its nearest listed candidate (Infinity if none): a point no
   * candidate serves better than its fixed facility is found without reading its list.
   */
  nearest: Float64Array;
  /** Whether `reverse` lists every reachable (point, candidate) pair: K covers all candidates. */
  complete: boolean;
  /**
   * The same pairs point by point, by increasing distance (point i's in [start[i], start[i + 1])),
   * when the builder has them: the searches then sort nothing, and stop reading a point's list at
   * its fixed facility.
   */
  byPoint?: { start: Int32Array; site: Int32Array; d: Float64Array };
  /**
   * Whether `byPoint` holds each point's K nearest by `dist` itself (straight-line: geodesic order),
   * so a candidate outside a point's list is at least its K-th away; a road model ranks by minutes,
   * and a candidate outside the list may be fewer km away.
   */
  ranked?: boolean;
  /**
   * Whether every point must be served (a graph's vertices): a set of sites that leaves a point
   * with no site it can reach and no fixed facility is infeasible, its cost infinite, where a place
   * beyond every road counts nothing. Set on a disconnected graph, the one instance where it happens.
   */
  serveAll?: boolean;
  /** The connected part of each point and each candidate (a disconnected graph): each part needs a site of its own. */
  parts?: { ofPoint: Int32Array; ofSite: Int32Array; count: number };
}

/** A demand point or a candidate site (sites on different sides never serve each other). */
export type Site = Place;

/**
 * Geographic instance: road km by the travel-cost model; the K cheapest candidates per point
 * (and the nearest fixed facility) from the model's nearest-site search.
 */
export function geoInstance(
  points: Site[],
  weights: ArrayLike<number>,
  candidates: Site[],
  fixed: Site[],
  travel: TravelCostModel,
  k = 40,
): Instance {
  const n = points.length,
    m = candidates.length;
  const K = Math.min(k, m);
  const near = travel.nearestSites(points, candidates, K);
  const nearFixed = travel.nearestSites(points, fixed, 1);
  const horizon = new Float64Array(n),
    nearest = new Float64Array(n).fill(Infinity);
  // The answer's own arrays become the lists (4 million pairs on 100,000 places × 40), packed in
  // place: a point's pairs move down over the -1 padding of the points before it, never up.
  const start = new Int32Array(n + 1),
    site = near.site,
    siteD = near.km;
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < K; r++) {
      const j = site[i * K + r]!;
      if (j < 0) break;
      const d = siteD[i * K + r]!;
      site[at] = j;
      siteD[at++] = d;
      if (d > horizon[i]!) horizon[i] = d;
      if (d < nearest[i]!) nearest[i] = d;
    }
    // By distance (the search ranks by minutes, or by a slightly different distance): nearly sorted
    // already, so about linear; a p-median search then stops reading at the fixed facility.
    insertionSort(site, siteD, start[i]!, at);
    start[i + 1] = at;
  }
  const byPoint = { start, site: site.subarray(0, at), d: siteD.subarray(0, at) };
  // The same pairs candidate by candidate, built when first read: a search on a plan reads only its
  // own shorter lists (the candidates nearer than each place's facility, see prepare).
  let reverse: Instance['reverse'] | undefined;
  return {
    w: Float64Array.from(weights),
    m,
    dist: travel.tripKm?.(points, candidates) ?? ((i, j) => travel.trip(points[i]!, candidates[j]!).km),
    fixed: nearFixed.km,
    get reverse() {
      reverse ??= byCandidate(byPoint, m);
      return reverse;
    },
    horizon,
    nearest,
    complete: K >= m,
    byPoint,
    ranked: travel.info.type === 'straight-line',
  };
}

/**
 * Matrix instance: every vertex is a demand point (weight 1) and a candidate. Infinite distances
 * (a disconnected graph: vertices in different parts) are left out of the lists, and the instance
 * says every vertex must be served and which part each is in (see `serveAll`, `parts`).
 */
export function matrixInstance(d: Float64Array, n: number): Instance {
  // Plain loops: this runs on up to 900 × 900 pairs on every `optimize --graph`.
  const reverse: Instance['reverse'] = [];
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const whole = !d.includes(Infinity);
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = d[i * n + j]!;
    reverse.push(whole ? { points: all, d: col } : reachable(col));
  }
  const horizon = new Float64Array(n),
    nearest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0,
      near = Infinity;
    for (let j = 0; j < n; j++) {
      const dij = d[i * n + j]!;
      if (dij === Infinity) continue;
      h = Math.max(h, dij);
      near = Math.min(near, dij);
    }
    horizon[i] = h;
    nearest[i] = near;
  }
  return {
    w: new Float64Array(n).fill(1),
    m: n,
    dist: (i, j) => d[i * n + j]!,
    fixed: new Float64Array(n).fill(Infinity),
    reverse,
    horizon,
    nearest,
    complete: true,
    ...(whole ? {} : { serveAll: true, parts: graphParts(d, n) }),
  };
}

/** The finite entries of a column, with their rows. */
function reachable(col: Float64Array): { points: Int32Array; d: Float64Array } {
  const points: number[] = [];
  for (let i = 0; i < col.length; i++) if (col[i] !== Infinity) points.push(i);
  return { points: Int32Array.from(points), d: Float64Array.from(points, (i) => col[i]!) };
}

/** Each vertex's connected part (numbered in the order of their lowest vertex), from an n × n distance matrix. */
export function graphParts(d: Float64Array, n: number): NonNullable<Instance['parts']> {
  const of = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (of[v]! >= 0) continue;
    for (let u = 0; u < n; u++) if (d[v * n + u] !== Infinity) of[u] = count;
    count++;
  }
  return { ofPoint: of, ofSite: of, count };
}

/**
 * The same places with only the candidates `keep` (indices into `inst`'s; candidate r of the result
 * is keep[r]), and the candidates `open` opened for good, as fixed facilities: after reduced-cost
 * fixing, the search runs on the candidates that can still matter and skips the places their
 * fixed facility serves better (see `prepare`), so every list it reads is shorter.
 */
export function restrict(inst: Instance, keep: number[], open: number[] = []): Instance {
  const n = inst.w.length;
  const fixed = inst.fixed.slice();
  for (const j of open) {
    const { points, d } = inst.reverse[j]!;
    for (let t = 0; t < points.length; t++) if (d[t]! < fixed[points[t]!]!) fixed[points[t]!] = d[t]!;
  }
  const reverse = keep.map((j) => inst.reverse[j]!);
  const horizon = new Float64Array(n),
    nearest = new Float64Array(n).fill(Infinity);
  for (const { points, d } of reverse) {
    for (let t = 0; t < points.length; t++) {
      const i = points[t]!;
      if (d[t]! > horizon[i]!) horizon[i] = d[t]!;
      if (d[t]! < nearest[i]!) nearest[i] = d[t]!;
    }
  }
  return {
    w: inst.w,
    m: keep.length,
    dist: (i, r) => inst.dist(i, keep[r]!),
    fixed,
    reverse,
    // A point listed with no kept candidate still has the original lists' horizon beyond them.
    horizon: horizon.map((h, i) => (h === 0 ? inst.horizon[i]! : h)),
    nearest,
    complete: inst.complete,
    ...(inst.serveAll ? { serveAll: true } : {}),
    ...(inst.parts ? { parts: { ...inst.parts, ofSite: Int32Array.from(keep, (j) => inst.parts!.ofSite[j]!) } } : {}),
  };
}
