/**
 * The capacitated catchments of a big instance, without its points × facilities options (a million
 * points and ten thousand facilities are 10^10 of them). Each point's options are fetched a few at a
 * time, cheapest first, with the travel model's nearestSites; the regret heuristic runs on these
 * rows and reports every point whose row it had to look past (capacitated-assignment.ts,
 * Assignment.short); those points get twice as many options and the heuristic runs again. A run
 * that reports nobody took the same decisions as a run over every option, so the result is the one
 * the whole problem gives — at the cost of the few rounds it takes.
 */
import type { Place, TravelCostModel } from '../travel/travel-cost.js';
import { assignHeuristic, type Assignment, type AssignmentProblem } from './capacitated-assignment.js';

/** Options fetched per point at first: its nearest, and the next ones its regret and overflow need. */
export const FIRST_FETCH = 4;

export interface RowsInput {
  /** The points of the problem and their people. */
  places: readonly Place[];
  demand: Float64Array;
  sites: readonly Place[];
  /** People each site can take (Infinity: unlimited). */
  capacity: Float64Array;
  travel: TravelCostModel;
  /** Options at most this many minutes beyond the point's nearest (undefined: no limit). */
  overflowMaxMin: number | undefined;
  penalty: number;
}

export interface RowsResult {
  problem: AssignmentProblem;
  /** Road km of each option, parallel to problem.cost. */
  km: Float64Array;
  assignment: Assignment;
  /** Heuristic runs it took (1: the first rows were long enough). */
  rounds: number;
}

/**
 * Rows in growable pools: a point's row is `len` entries from `off`; a longer fetch is appended and
 * the row pointed at it (the old entries are left behind: only the points that needed more are
 * fetched again).
 */
class RowStore {
  readonly off: Int32Array;
  readonly len: Int32Array;
  readonly complete: Uint8Array;
  /** Options asked of nearestSites for the point's current row. */
  readonly fetched: Int32Array;
  facility = new Int32Array(1024);
  cost = new Float64Array(1024);
  km = new Float64Array(1024);
  size = 0;

  constructor(n: number) {
    this.off = new Int32Array(n);
    this.len = new Int32Array(n);
    this.complete = new Uint8Array(n);
    this.fetched = new Int32Array(n);
  }

  reserve(extra: number): void {
    if (this.size + extra <= this.facility.length) return;
    const cap = Math.max(2 * this.facility.length, this.size + extra);
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.subarray(0, this.size));
      return b;
    };
    this.facility = grow(this.facility, (c) => new Int32Array(c));
    this.cost = grow(this.cost, (c) => new Float64Array(c));
    this.km = grow(this.km, (c) => new Float64Array(c));
  }
}

/** Fetches the rows of `points` (indices into x.places) with k options asked of each. */
function fetchRows(x: RowsInput, store: RowStore, points: readonly number[], k: number): void {
  const m = x.sites.length;
  const K = Math.min(k, m);
  const near = x.travel.nearestSites(
    points.map((i) => x.places[i]!),
    x.sites,
    K,
  );
  store.reserve(points.length * K);
  const site = new Int32Array(K),
    cost = new Float64Array(K),
    km = new Float64Array(K);
  const order: number[] = [];
  points.forEach((i, r) => {
    // Costs of the row's sites as the whole problem has them (trip), cheapest first, ties by site.
    order.length = 0;
    let asked = 0;
    for (let q = 0; q < K; q++) {
      const j = near.site[r * K + q]!;
      if (j < 0) break;
      asked++;
      const t = x.travel.trip(x.places[i]!, x.sites[j]!);
      if (!Number.isFinite(t.minutes)) continue;
      site[order.length] = j;
      cost[order.length] = t.minutes;
      km[order.length] = t.km;
      order.push(order.length);
    }
    order.sort((a, b) => cost[a]! - cost[b]! || site[a]! - site[b]!);
    // Fewer sites than asked: these are all it can reach. Else the sites not fetched cost at least
    // the last one fetched (up to rounding in the model's search): only the options cheaper than
    // that, with a margin, are certainly the row's first ones.
    let complete = asked < K || K === m;
    let keep = order.length;
    if (!complete && order.length) {
      const last = cost[order[order.length - 1]!]!;
      const cutoff = last - 1e-9 * Math.max(1, last);
      keep = 0;
      while (keep < order.length && cost[order[keep]!]! < cutoff) keep++;
      if (keep && x.overflowMaxMin !== undefined && cutoff > cost[order[0]!]! + x.overflowMaxMin) complete = true;
    }
    if (keep && x.overflowMaxMin !== undefined) {
      const limit = cost[order[0]!]! + x.overflowMaxMin;
      while (keep > 0 && cost[order[keep - 1]!]! > limit) keep--;
    }
    store.off[i] = store.size;
    store.len[i] = keep;
    store.complete[i] = complete ? 1 : 0;
    store.fetched[i] = K;
    for (let q = 0; q < keep; q++) {
      store.facility[store.size] = site[order[q]!]!;
      store.cost[store.size] = cost[order[q]!]!;
      store.km[store.size] = km[order[q]!]!;
      store.size++;
    }
  });
}

/** Fetches again, with twice the options, the rows of these points (grouped by what they had). */
function extend(x: RowsInput, store: RowStore, points: Iterable<number>): void {
  const byK = new Map<number, number[]>();
  for (const i of points) {
    const k = 2 * store.fetched[i]!;
    (byK.get(k) ?? byK.set(k, []).get(k)!).push(i);
  }
  for (const [k, list] of [...byK].sort((a, b) => a[0] - b[0])) fetchRows(x, store, list, k);
}

function assemble(x: RowsInput, store: RowStore): { problem: AssignmentProblem; km: Float64Array } {
  const n = x.places.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + store.len[i]!;
  const facility = new Int32Array(start[n]!),
    cost = new Float64Array(start[n]!),
    km = new Float64Array(start[n]!);
  for (let i = 0; i < n; i++) {
    const from = store.off[i]!,
      to = from + store.len[i]!;
    facility.set(store.facility.subarray(from, to), start[i]!);
    cost.set(store.cost.subarray(from, to), start[i]!);
    km.set(store.km.subarray(from, to), start[i]!);
  }
  return {
    problem: { demand: x.demand, capacity: x.capacity, start, facility, cost, complete: store.complete.slice() },
    km,
  };
}

/** The regret heuristic over rows fetched as it needs them; the same result as over every option. */
export function assignByRows(x: RowsInput): RowsResult {
  const n = x.places.length;
  const store = new RowStore(n);
  const all = Array.from({ length: n }, (_, i) => i);
  fetchRows(x, store, all, FIRST_FETCH);
  // A regret needs two options: rows cut short by a tie at their end are fetched again first.
  for (;;) {
    const thin = all.filter((i) => !store.complete[i] && store.len[i]! < 2);
    if (!thin.length) break;
    extend(x, store, thin);
  }
  for (let rounds = 1; ; rounds++) {
    const { problem, km } = assemble(x, store);
    const assignment = assignHeuristic(problem, x.penalty);
    if (!assignment.short.length) return { problem, km, assignment, rounds };
    extend(x, store, assignment.short);
  }
}
