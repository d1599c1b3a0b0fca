/**
 * p-median: choose k sites minimising the population-weighted distance to the nearest open
 * facility (the fixed ones included). Greedy with lazy evaluation (the gain of a site only
 * shrinks as others are chosen, so a stale gain is an upper bound), then vertex substitution
 * (Teitz–Bart) with Whitaker's fast interchange: one pass prices every (in, out) swap using each
 * point's nearest and second-nearest open facility, walking each point's candidates only up to the
 * second (see NearestLists) plus m·k to compare; then iterated local search with random kicks,
 * unless a Lagrangian bound proves the interchange optimum optimal first (lower-bound.ts). The
 * searches read only what can matter: places some candidate serves better than their fixed
 * facility, and of each only the candidates nearer than it (see prepare).
 * Every budget is work (passes, kicks), never time: the same instance gives the same answer.
 */
import { restrict, type Instance } from './instance.js';
import type { NearestLists, PointLists, Prepared } from './prepared.js';

export type { NearestLists, Prepared } from './prepared.js';
import { MaxHeap } from './heap.js';
import { proveOptimal } from './lower-bound.js';
import { byCandidate, insertionSort, selectNearest } from './pair-lists.js';
import { SwapSearch } from './swap-search.js';
import { pmedianHybrid, type HybridOptions } from './hybrid.js';

export interface PMedianResult {
  sites: number[];
  objective: number;
  /** Objective after greedy, before local search (to show what the search adds). */
  greedyObjective: number;
  swaps: number;
  /**
   * A lower bound on the optimum (Lagrangian, see lower-bound.ts): `objective` itself when the
   * search proved its answer optimal, else how far from optimal it can at most be; -Infinity when
   * the instance lists only each point's K nearest candidates and no bound holds.
   */
  lowerBound: number;
}

/** Σ w_i · distance to the nearest of the fixed facilities and `sites`. */
export function pmedianObjective(inst: Instance, sites: number[], prep = prepare(inst, sites.length)): number {
  const cols = sites.map((j) => prep.column(j));
  let total = prep.constant;
  for (let x = 0; x < prep.active.length; x++) {
    let d = prep.fixed[x]!;
    for (let s = 0; s < cols.length; s++) {
      const c = cols[s]!;
      // Exact: a distance the lists do not hold is computed (and kept) unless it cannot be nearer.
      if (Number.isNaN(c[x]!) && prep.beyond[x]! < d) c[x] = inst.dist(prep.active[x]!, sites[s]!);
      if (!Number.isNaN(c[x]!)) d = Math.min(d, c[x]!);
    }
    // A point no open site reaches: nothing (a place beyond every road), or an infeasible set (serveAll).
    total += prep.w[x]! * (Number.isFinite(d) ? d : prep.serveAll ? Infinity : 0);
  }
  return total;
}

/** `k`, the number of sites to choose, sets how much of each point's candidate list is sorted. */
export function prepare(inst: Instance, k: number): Prepared {
  const n = inst.w.length;
  const all = inst.byPoint ?? listsByPoint(inst);
  // byPoint lists are by distance: a point's list is read only up to its fixed facility.
  const sorted = inst.byPoint !== undefined;
  const { w: weight, fixed: fixedAll } = inst;
  // Each point's candidates nearer than its fixed facility are the only ones that can ever serve
  // it (on the DOST plan with 40 candidates, 1,440 pairs of the 934 active places' 34,754); a point
  // with people and any such candidate is active. Only those points' lists are read.
  const kept = new Int32Array(n);
  let na = 0,
    constant = 0;
  for (let i = 0; i < n; i++) {
    const f = fixedAll[i]!;
    let c = 0;
    if (weight[i]! > 0 && inst.nearest[i]! < f) {
      for (let t = all.start[i]!, end = all.start[i + 1]!; t < end; t++) {
        if (all.d[t]! < f) c++;
        else if (sorted) break;
      }
    }
    if (c > 0) {
      kept[i] = c;
      na++;
    } else if (Number.isFinite(f)) constant += weight[i]! * f;
    else if (inst.serveAll && weight[i]! > 0) constant = Infinity; // no site can ever serve it
  }
  const xOf = new Int32Array(n).fill(-1);
  const active = new Int32Array(na),
    w = new Float64Array(na),
    fixed = new Float64Array(na),
    // A candidate outside a point's list is farther than its fixed facility, or not among its K nearest.
    beyond = new Float64Array(na);
  const lists = { start: new Int32Array(na + 1), site: new Int32Array(0), d: new Float64Array(0) };
  for (let i = 0, x = 0; i < n; i++) {
    if (kept[i] === 0) continue;
    xOf[i] = x;
    active[x] = i;
    w[x] = weight[i]!;
    fixed[x] = fixedAll[i]!;
    beyond[x] = inst.complete ? fixed[x]! : Math.min(fixed[x]!, 0.98 * inst.horizon[i]!);
    lists.start[x + 1] = lists.start[x]! + kept[i]!;
    x++;
  }
  lists.site = new Int32Array(lists.start[na]!);
  lists.d = new Float64Array(lists.start[na]!);
  for (let x = 0, at = 0; x < na; x++) {
    for (let t = all.start[active[x]!]!, end = all.start[active[x]! + 1]!; t < end; t++) {
      if (all.d[t]! >= fixed[x]!) {
        if (sorted) break;
        continue;
      }
      lists.site[at] = all.site[t]!;
      lists.d[at++] = all.d[t]!;
    }
  }
  const reverse = lists.start[na] === all.start[n] ? inst.reverse : byCandidate(lists, inst.m, active);
  return {
    active,
    w,
    fixed,
    constant,
    column: siteColumns(inst, active, xOf, reverse),
    beyond,
    nearest: nearestLists(lists, k, inst.m),
    reverse,
    complete: inst.complete,
    exactSums: exactSums(w, fixed, lists.d),
    ...(inst.serveAll ? { serveAll: true } : {}),
  };
}

/**
 * Whether every sum the swap pricing forms is exact in doubles: whole-number people, distances and
 * fixed-facility distances, and totals below 2^53 even where a point's second facility is
 * "infinitely" far (1e12, see swap-search.ts). True on graphs (OR-Library: whole-number costs, one
 * person per vertex); real places and geodesics are not.
 */
function exactSums(w: Float64Array, fixed: Float64Array, d: Float64Array): boolean {
  let people = 0,
    far = 0;
  for (let x = 0; x < w.length; x++) {
    if (!Number.isInteger(w[x]!) || w[x]! < 0) return false;
    people += w[x]!;
    if (Number.isFinite(fixed[x]!)) {
      if (!Number.isInteger(fixed[x]!)) return false;
      far = Math.max(far, fixed[x]!);
    }
  }
  for (let t = 0; t < d.length; t++) {
    if (!Number.isInteger(d[t]!) || d[t]! < 0) return false;
    far = Math.max(far, d[t]!);
  }
  return people * (1e12 + far) < 2 ** 53;
}

/** Sorts the head of each list in place (see NearestLists). */
export function nearestLists(lists: PointLists, k: number, m: number): NearestLists {
  const { start, site, d } = lists;
  const na = start.length - 1;
  const keep = Math.max(32, Math.ceil((3 * m) / Math.max(1, k)));
  const sorted = new Int32Array(na);
  for (let x = 0; x < na; x++) {
    const from = start[x]!,
      to = start[x + 1]!,
      end = Math.min(to, from + keep);
    if (end < to) selectNearest(site, d, from, to, end);
    insertionSort(site, d, from, end); // linear on lists already by distance (byPoint)
    sorted[x] = end;
  }
  return { start, sorted, site, d };
}

/** The `reverse` pairs regrouped point by point (in candidate order within a point). */
function listsByPoint(inst: Instance): PointLists {
  const n = inst.w.length;
  const start = new Int32Array(n + 1);
  for (const r of inst.reverse) for (let t = 0; t < r.points.length; t++) start[r.points[t]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const site = new Int32Array(start[n]!),
    d = new Float64Array(start[n]!);
  for (let j = 0; j < inst.m; j++) {
    const { points, d: dj } = inst.reverse[j]!;
    for (let t = 0; t < points.length; t++) {
      const at = fill[points[t]!]!++;
      site[at] = j;
      d[at] = dj[t]!;
    }
  }
  return { start, site, d };
}

/** Above this many (point, candidate) distances, columns are kept only for recently opened sites (8 bytes each). */
const COLUMN_CACHE_LIMIT = 4_000_000;
/** Entries the recently-opened columns may hold: 64 MB (80 columns of 100,000 places). */
const RECENT_COLUMNS_LIMIT = 8_000_000;

/**
 * The distances from every active point to candidate j, as one array: the local search reads each
 * open site's distances many times, and `inst.dist` may be a geodesic computation, which the search
 * writes into the column once computed. Columns are kept for the whole search when all of them fit
 * in COLUMN_CACHE_LIMIT entries (a 900-vertex graph, 40 candidates for 4,000 places), else the most
 * recently opened ones, up to RECENT_COLUMNS_LIMIT entries: a search from a kick reopens mostly the
 * same sites, and keeps their geodesics (on 100,000 places × 5,000 candidates, k = 50, most places
 * have no open site among their 40 nearest candidates and need one to each open site).
 */
function siteColumns(
  inst: Instance,
  active: Int32Array,
  xOf: Int32Array,
  reverse: Instance['reverse'],
): (j: number) => Float64Array {
  const na = active.length;
  // The distances the lists already hold; NaN marks the rest (a geodesic each, computed when needed).
  const compute = (j: number) => {
    const c = new Float64Array(na).fill(NaN);
    const { points, d } = reverse[j]!;
    for (let t = 0; t < points.length; t++) c[xOf[points[t]!]!] = d[t]!;
    return c;
  };
  if (na * inst.m <= COLUMN_CACHE_LIMIT) {
    const kept: (Float64Array | undefined)[] = new Array(inst.m);
    return (j) => (kept[j] ??= compute(j));
  }
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const recent = new Map<number, Float64Array>();
  const room = Math.max(1, Math.floor(RECENT_COLUMNS_LIMIT / Math.max(1, na)));
  return (j) => {
    let c = recent.get(j);
    if (c) recent.delete(j);
    else {
      c = compute(j);
      if (recent.size >= room) recent.delete(recent.keys().next().value!);
    }
    recent.set(j, c);
    return c;
  };
}

export function pmedianGreedy(inst: Instance, k: number, reverse = inst.reverse): number[] {
  // Without a fixed facility a point's "current" distance is its horizon (the K-th candidate):
  // beyond it the sparse lists know nothing, and it keeps the first choice a dense, central site.
  const cur = new Float64Array(inst.w.length);
  for (let i = 0; i < cur.length; i++) cur[i] = Math.min(inst.fixed[i]!, inst.horizon[i]! * 2);
  const gain = (j: number) => {
    const { points, d } = reverse[j]!;
    let g = 0;
    for (let t = 0; t < points.length; t++) {
      const i = points[t]!;
      if (d[t]! < cur[i]!) g += inst.w[i]! * (cur[i]! - d[t]!);
    }
    return g;
  };
  const chosen: number[] = [];
  const taken = new Uint8Array(inst.m);
  const open = (j: number) => {
    chosen.push(j);
    taken[j] = 1;
    const { points, d } = reverse[j]!;
    for (let t = 0; t < points.length; t++) cur[points[t]!] = Math.min(cur[points[t]!]!, d[t]!);
  };
  // A disconnected graph: first, each part without a fixed facility its best site (its 1-median),
  // so no part is left without one when k allows.
  if (inst.parts) for (const j of partMedians(inst, gain)) if (chosen.length < k) open(j);
  const heap = new MaxHeap();
  for (let j = 0; j < inst.m; j++) if (!taken[j]) heap.push(j, gain(j));
  while (chosen.length < Math.min(k, inst.m) && heap.size) {
    const { id, key } = heap.pop()!;
    if (taken[id]) continue;
    const fresh = gain(id);
    if (heap.size && fresh < heap.peekKey() - 1e-9 * Math.max(1, key)) {
      heap.push(id, fresh);
      continue;
    }
    open(id);
  }
  return chosen;
}

/** For each part with no fixed facility, the candidate in it that gains most (the lowest index on a tie), part by part. */
function partMedians(inst: Instance, gain: (j: number) => number): number[] {
  const { ofPoint, ofSite, count } = inst.parts!;
  const served = new Uint8Array(count);
  for (let i = 0; i < ofPoint.length; i++) if (Number.isFinite(inst.fixed[i]!)) served[ofPoint[i]!] = 1;
  const best = new Int32Array(count).fill(-1),
    bestGain = new Float64Array(count).fill(-Infinity);
  for (let j = 0; j < inst.m; j++) {
    const part = ofSite[j]!;
    if (served[part]) continue;
    const g = gain(j);
    if (g > bestGain[part]!) {
      bestGain[part] = g;
      best[part] = j;
    }
  }
  return [...best].filter((j) => j >= 0);
}

/** Best-improvement interchange from `start` until no swap gains (or maxPasses passes). */
export function pmedianLocalSearch(
  inst: Instance,
  start: number[],
  prep = prepare(inst, start.length),
  maxPasses = 1000,
): { sites: number[]; swaps: number; objective: number } {
  const search = new SwapSearch(inst, prep, start);
  search.descend(maxPasses);
  return { sites: [...search.sites], swaps: search.swaps, objective: search.objective() };
}

/** How many (point, candidate) pairs the instance lists (without regrouping them by candidate). */
function pairCount(inst: Instance): number {
  if (inst.byPoint) return inst.byPoint.start[inst.w.length]!;
  return inst.reverse.reduce((a, r) => a + r.points.length, 0);
}

/**
 * Iterated local search: from the interchange optimum, replace a few sites by random others
 * (deterministic pseudo-random), search again, keep what is better. Budgets are work, never time,
 * so the same instance always gets the same answer: at most as many kicks as fit 10⁷ units of
 * work (one pass over the lists costs at most Σ|reverse lists| + m·k), 3 to 60; and the search
 * stops once `patience` kicks in a row found nothing better. A kick swaps 2 of the k sites for 2 of
 * the m − k others, so the neighbourhood has about k·(m − k) moves; patience is 1.5·√(k·(m − k)),
 * from 3: 11 kicks for 3 sites among 40 candidates, 67 (so all 60) for 15 among 150.
 *
 * Before kicking, when the lists hold every candidate nearer than each point's fixed facility
 * (`complete`), a Lagrangian bound tries to prove the interchange optimum optimal (see
 * lower-bound.ts), with the work the kicks would at least take (one pass per kick): on the DOST
 * plan it does in a few iterations, and the kicks, which could find nothing better, are skipped.
 * On the way it may find a cheaper set, searched from in turn. `lowerBound` is the best bound
 * found (the objective itself when proven optimal), -Infinity without one.
 */
export function pmedianIterated(
  inst: Instance,
  start: number[],
  kicks?: number,
  drop = 2,
  prep = prepare(inst, start.length),
): { sites: number[]; swaps: number; objective: number; lowerBound: number } {
  const k = start.length;
  const pass = pairCount(inst) + inst.m * k;
  const rounds = kicks ?? Math.max(3, Math.min(60, Math.round(1e7 / Math.max(1, pass))));
  const patience = kicks ?? Math.max(3, Math.ceil(1.5 * Math.sqrt(k * Math.max(0, inst.m - k))));
  let best = pmedianLocalSearch(inst, start, prep);
  let lowerBound = -Infinity;
  if (kicks === undefined && prep.complete && inst.m > k && k > 0) {
    // The proof reads the lists as many times as an iteration needs (4 to 200 here): it pays when the
    // fixed facilities leave few pairs (on the DOST plan 1,440 of 157,320), with the work of two
    // interchange passes, before any kick. Where every pair stays (a graph), the searches are
    // cheap and the bound must meet the optimum exactly: see searchComplete.
    const pairs = prep.nearest.start[prep.active.length]!;
    if (pairs * 5 > pass) return searchComplete(inst, prep, best, pass);
    const proof = proveOptimal(prep, inst.m, best.sites, best.objective, 2 * pass);
    if (proof.better) {
      const searched = pmedianLocalSearch(inst, proof.better, prep);
      best = { ...searched, swaps: best.swaps + searched.swaps };
    }
    if (proof.optimal) return { ...best, lowerBound: best.objective };
    lowerBound = Math.min(proof.lowerBound, best.objective);
  }
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let r = 0, stalled = 0; r < rounds && stalled < patience && k > drop && inst.m > k; r++) {
    const next = new Set(best.sites);
    for (let d = 0; d < drop; d++) next.delete([...next][Math.floor(rnd() * next.size)]!);
    while (next.size < k) next.add(Math.floor(rnd() * inst.m));
    const searched = pmedianLocalSearch(inst, [...next], prep);
    if (searched.objective < best.objective - 1e-9) {
      best = { ...searched, swaps: best.swaps + searched.swaps };
      stalled = 0;
    } else stalled++;
  }
  return { ...best, lowerBound };
}

/**
 * When every (point, candidate) pair is listed and there are many (an OR-Library graph): a
 * Lagrangian bound first (Beasley's patience of 30, up to 150 interchange passes of work), which
 * may prove the interchange optimum optimal, and which fixes candidates by their reduced costs:
 * those no cheaper set contains, and those every cheaper set contains. Then rounds of Resende &
 * Werneck's hybrid (hybrid.ts) on the candidates left, the forced ones open for good (with a
 * near-optimal incumbent few are left: on pmed40, 18 undecided candidates for 11 sites), each
 * stopping once it meets the bound; after a round that finds a cheaper set, the bound again from it
 * (it sizes the steps and fixes more). `lowerBound` is the best bound (the objective when proven).
 */
function searchComplete(
  inst: Instance,
  prep: Prepared,
  first: { sites: number[]; swaps: number; objective: number },
  pass: number,
): { sites: number[]; swaps: number; objective: number; lowerBound: number } {
  const k = first.sites.length;
  let best = first;
  let multipliers: Float64Array | undefined;
  const bound = () => {
    const proof = proveOptimal(prep, inst.m, best.sites, best.objective, 150 * pass, {
      patience: 30,
      ...(multipliers ? { multipliers } : {}),
    });
    multipliers = proof.multipliers;
    if (proof.better) {
      const searched = pmedianLocalSearch(inst, proof.better, prep);
      if (searched.objective < best.objective) best = { ...searched, swaps: best.swaps + searched.swaps };
    }
    return proof;
  };
  let proof = bound(),
    lowerBound = proof.lowerBound;
  for (let round = 0, stale = 0; round < ROUNDS && stale < 2; round++) {
    if (proof.optimal || best.objective <= lowerBound) break;
    const found = reducedSearch(inst, k, proof, {
      starts: stale ? 64 : 16,
      elite: 10,
      seed: round,
      target: lowerBound,
    });
    if (!found || found.objective >= best.objective) {
      stale++;
      continue;
    }
    stale = 0;
    best = { sites: found.sites, swaps: best.swaps, objective: found.objective };
    if (best.objective <= lowerBound) break;
    proof = bound();
    lowerBound = Math.max(lowerBound, proof.lowerBound);
  }
  const optimal = proof.optimal || best.objective <= lowerBound;
  return { ...best, lowerBound: optimal ? best.objective : Math.min(best.objective, lowerBound) };
}

/** At most this many rounds of search and bound. */
const ROUNDS = 6;

/**
 * The hybrid on the candidates the proof left undecided, its forced candidates open for good;
 * returns a set of the original candidates (undefined when the fixing leaves no choice to make).
 */
function reducedSearch(
  inst: Instance,
  k: number,
  proof: { excluded?: Uint8Array; forced?: Uint8Array },
  o: HybridOptions,
): { sites: number[]; objective: number } | undefined {
  const keep: number[] = [],
    open: number[] = [];
  for (let j = 0; j < inst.m; j++) {
    if (proof.forced?.[j]) open.push(j);
    else if (!proof.excluded?.[j]) keep.push(j);
  }
  const free = k - open.length;
  if (free <= 0 || keep.length <= free) return undefined;
  const { local, prep, start } = reducedStart(inst, proof, keep, open, free);
  const found = pmedianHybrid(local, prep, start, o);
  return { sites: [...open, ...found.sites.map((r) => keep[r]!)].sort((a, b) => a - b), objective: found.objective };
}

/**
 * The instance of the undecided candidates, prepared, and its interchange optimum from greedy: the
 * same for every round on the same proof (a round that finds nothing is followed by a longer one
 * on the same proof), so built once per proof.
 */
const reducedStarts = new WeakMap<
  object,
  { local: Instance; prep: Prepared; start: { sites: number[]; objective: number } }
>();
function reducedStart(inst: Instance, proof: object, keep: number[], open: number[], free: number) {
  const known = reducedStarts.get(proof);
  if (known) return known;
  const local = open.length || keep.length < inst.m ? restrict(inst, keep, open) : inst;
  const prep = prepare(local, free);
  const searched = pmedianLocalSearch(local, pmedianGreedy(local, free, prep.reverse), prep);
  const built = { local, prep, start: { sites: searched.sites.sort((a, b) => a - b), objective: searched.objective } };
  reducedStarts.set(proof, built);
  return built;
}

export function pmedian(inst: Instance, k: number): PMedianResult {
  const prep = prepare(inst, k);
  const greedy = pmedianGreedy(inst, k, prep.reverse);
  // The search's objective is pmedianObjective's sum, in the same order (the tests check both).
  const { sites, swaps, lowerBound, objective } = pmedianIterated(inst, greedy, undefined, 2, prep);
  const same = sites.length === greedy.length && greedy.every((j) => sites.includes(j));
  return {
    sites,
    objective,
    greedyObjective: same ? objective : pmedianObjective(inst, greedy, prep),
    swaps,
    // k sites or more among k candidates: every candidate opens, the only set there is (p = n).
    lowerBound: k >= inst.m ? objective : lowerBound,
  };
}
