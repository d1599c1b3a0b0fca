/**
 * The capacitated catchments of a big instance, without its points × facilities options (a million
 * points and ten thousand facilities are 10^10 of them). Each point's options are fetched a few at a
 * time, cheapest first, with the travel model's nearestSites; the min-cost flow runs on these rows
 * and reports every point for which an option past its row might pay (assignment-flow.ts,
 * Assignment.short); those points get twice as many options and the flow runs again. A run that
 * reports nobody is optimal over every option (its prices prove it), so the result is the whole
 * problem's optimum — at the cost of the few rounds it takes.
 */
import type { Place, TravelCostModel } from '../travel/travel-cost.js';
import { assignFlow } from './assignment-flow.js';
import type { Assignment, AssignmentProblem } from './capacitated-assignment.js';

/**
 * Options fetched per point at first: its nearest and the next ones its overflow may need (on an
 * instance with half its people overflowing, 8 leave a third of the rows short after the first
 * run, 4 more than half).
 */
export const FIRST_FETCH = 8;
/** Points whose rows are fetched with one nearestSites call (a road model searches its graph once a call). */
const FETCH_BLOCK = 262_144;

/** What rows are fetched from: points by an index of the caller's (e.g. into the population). */
export interface RowSource {
  count: number;
  place(i: number): Place;
  sites: readonly Place[];
  travel: TravelCostModel;
  /** Options at most this many minutes beyond the point's nearest (undefined: no limit). */
  overflowMaxMin: number | undefined;
  /** Points per nearestSites call (default FETCH_BLOCK; tests set it small). */
  block?: number;
}

export interface RowsResult {
  problem: AssignmentProblem;
  /** Road km of each option, parallel to problem.cost. */
  km: Float64Array;
  assignment: Assignment;
  /** Heuristic runs it took (1: the rows first fetched were long enough). */
  rounds: number;
}

/** The rows of one fetch, end to end. */
interface Chunk {
  facility: Int32Array;
  cost: Float64Array;
  km: Float64Array;
}

/**
 * Each point's cheapest options, one chunk per fetch: a point's row is `len` entries from `off` in
 * chunk `chunkOf`; a longer fetch goes to a new chunk and the row points at it (the old entries are
 * left behind: only the points that needed more are fetched again). A chunk is sized for its fetch,
 * so nothing is copied when rows grow (a pool doubled and copied held 16 M options, 320 MB, for
 * the 12 M of a million points' rows, and both copies for a moment). Rows depend on the point alone,
 * so they are kept from one problem to the next.
 */
export class OptionRows {
  private readonly off: Int32Array;
  private readonly len: Int32Array;
  private readonly chunkOf: Int32Array;
  private readonly complete: Uint8Array;
  /** Options asked of nearestSites for the point's current row (0: not fetched yet). */
  private readonly fetched: Int32Array;
  private readonly chunks: Chunk[] = [];

  constructor(private readonly src: RowSource) {
    this.off = new Int32Array(src.count);
    this.len = new Int32Array(src.count);
    this.chunkOf = new Int32Array(src.count);
    this.complete = new Uint8Array(src.count);
    this.fetched = new Int32Array(src.count);
  }

  /** Fetches the rows of points not fetched yet; rows cut short by a tie (fewer than two options) are fetched again. */
  ensure(points: readonly number[]): void {
    this.fetch(
      points.filter((i) => this.fetched[i] === 0),
      FIRST_FETCH,
    );
    for (;;) {
      const thin = points.filter((i) => !this.complete[i] && this.len[i]! < 2);
      if (!thin.length) return;
      this.extend(thin);
    }
  }

  /** Fetches again, with twice the options, the rows of these points (grouped by what they had). */
  extend(points: Iterable<number>): void {
    const byK = new Map<number, number[]>();
    for (const i of points) {
      const k = 2 * this.fetched[i]!;
      (byK.get(k) ?? byK.set(k, []).get(k)!).push(i);
    }
    for (const [k, list] of [...byK].sort((a, b) => a[0] - b[0])) this.fetch(list, k);
  }

  /** The problem of these points (its point p is points[p]), with their people and the capacities. */
  assemble(
    points: readonly number[],
    demand: Float64Array,
    capacity: Float64Array,
  ): { problem: AssignmentProblem; km: Float64Array } {
    const n = points.length;
    const start = new Int32Array(n + 1);
    for (let p = 0; p < n; p++) start[p + 1] = start[p]! + this.len[points[p]!]!;
    const facility = new Int32Array(start[n]!),
      cost = new Float64Array(start[n]!),
      km = new Float64Array(start[n]!);
    for (let p = 0; p < n; p++) {
      const i = points[p]!,
        chunk = this.chunks[this.chunkOf[i]!]!;
      const from = this.off[i]!,
        to = from + this.len[i]!;
      facility.set(chunk.facility.subarray(from, to), start[p]!);
      cost.set(chunk.cost.subarray(from, to), start[p]!);
      km.set(chunk.km.subarray(from, to), start[p]!);
    }
    const complete = Uint8Array.from(points, (i) => this.complete[i]!);
    return { problem: { demand, capacity, start, facility, cost, complete }, km };
  }

  /** Fetches the rows of `points` with k options asked of each. */
  private fetch(points: readonly number[], k: number): void {
    if (!points.length) return;
    const { sites, travel, overflowMaxMin } = this.src;
    const m = sites.length;
    const K = Math.min(k, m);
    const chunk: Chunk = {
      facility: new Int32Array(points.length * K),
      cost: new Float64Array(points.length * K),
      km: new Float64Array(points.length * K),
    };
    let size = 0;
    const site = new Int32Array(K),
      cost = new Float64Array(K),
      km = new Float64Array(K);
    const order: number[] = [];
    // Block by block: nearestSites' answer (20 bytes an option) for a block at a time, not for a
    // million points at once (160 MB at 8 options).
    const step = this.src.block ?? FETCH_BLOCK;
    for (let b = 0; b < points.length; b += step) {
      const block = points.slice(b, b + step);
      const places = block.map((i) => this.src.place(i));
      const near = travel.nearestSites(places, sites, K);
      block.forEach((i, r) => {
        // Costs of the row's sites as the whole problem has them (trip), cheapest first, ties by site.
        order.length = 0;
        let asked = 0;
        for (let q = 0; q < K; q++) {
          const j = near.site[r * K + q]!;
          if (j < 0) break;
          asked++;
          const t = travel.trip(places[r]!, sites[j]!);
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
          if (keep && overflowMaxMin !== undefined && cutoff > cost[order[0]!]! + overflowMaxMin) complete = true;
        }
        if (keep && overflowMaxMin !== undefined) {
          const limit = cost[order[0]!]! + overflowMaxMin;
          while (keep > 0 && cost[order[keep - 1]!]! > limit) keep--;
        }
        this.off[i] = size;
        this.len[i] = keep;
        this.chunkOf[i] = this.chunks.length;
        this.complete[i] = complete ? 1 : 0;
        this.fetched[i] = K;
        for (let q = 0; q < keep; q++) {
          chunk.facility[size] = site[order[q]!]!;
          chunk.cost[size] = cost[order[q]!]!;
          chunk.km[size] = km[order[q]!]!;
          size++;
        }
      });
    }
    this.chunks.push(chunk);
  }
}

/**
 * The min-cost flow on these points (with their people, and the facilities' capacities) over rows
 * fetched as it needs them: the optimum over every option.
 */
export function assignByRows(
  rows: OptionRows,
  points: readonly number[],
  demand: Float64Array,
  capacity: Float64Array,
  penalty: number,
): RowsResult {
  rows.ensure(points);
  // The points whose rows a round found short: fetched longer at the start of the next round,
  // once that round's problem and flow are garbage (a million points: ~300 MB less at the peak).
  let short: number[] = [];
  for (let rounds = 1; ; rounds++) {
    rows.extend(short);
    const { problem, km } = rows.assemble(points, demand, capacity);
    const assignment = assignFlow(problem, penalty);
    if (!assignment.short.length) return { problem, km, assignment, rounds };
    short = Array.from(assignment.short, (p) => points[p]!);
  }
}
