/**
 * The p-median's answer reported site by site: the chosen sites in greedy order of what each adds
 * to the fixed facilities and the sites above it (most people reached for the first time, then
 * the largest saving of people × km for those who could already reach a facility, then the lower
 * candidate index), with the mean distance after each.
 *
 * Re-measuring every point against every remaining site at every rank cost n·k³/6 distances
 * (100,000 places, k = 50: two billion geodesics, minutes). Here each site's distances are computed
 * once, and only for the points it could ever serve better than their fixed facility (when the
 * instance's lists are each point's K nearest by the same distance, they say which: a candidate
 * outside them is at least the K-th away, less a 2 % margin for rounding); and after each rank a site keeps only the
 * points it still serves better than their current facility (their distance only falls). The
 * figures are the same sums in the same order as the plain computation
 * (tests/optimize-marginal.test.ts compares them).
 */
import type { Instance } from './instance.js';

export interface Reach {
  /** Σ people × km over the people who can reach a facility. */
  total: number;
  /** People who can reach a facility. */
  reachable: number;
}

export interface Step extends Reach {
  /** The candidate added at this rank. */
  site: number;
  /** People × km saved for people who could already reach a facility. */
  saved: number;
  /** People who had no reachable facility before this site. */
  reached: number;
}

/** A site's points that it serves better than their fixed facility, in increasing order, with the distance. */
interface Column {
  site: number;
  points: Int32Array;
  d: Float64Array;
  size: number;
}

export function marginalOrder(inst: Instance, sites: readonly number[]): { start: Reach; steps: Step[] } {
  const cur = inst.fixed.slice();
  const start = reachOf(inst.w, cur);
  const columns = siteColumns(inst, sites);
  const steps: Step[] = [];
  while (columns.length > 0) {
    let best = -1,
      bestSaved = 0,
      bestReached = 0;
    for (let c = 0; c < columns.length; c++) {
      const { saved, reached } = gainOf(columns[c]!, cur, inst.w);
      const j = columns[c]!.site;
      if (
        best < 0 ||
        reached > bestReached ||
        (reached === bestReached && (saved > bestSaved || (saved === bestSaved && j < columns[best]!.site)))
      ) {
        best = c;
        bestSaved = saved;
        bestReached = reached;
      }
    }
    const chosen = columns.splice(best, 1)[0]!;
    for (let t = 0; t < chosen.size; t++) {
      const i = chosen.points[t]!;
      if (chosen.d[t]! < cur[i]!) cur[i] = chosen.d[t]!;
    }
    for (const column of columns) keepCloser(column, cur);
    steps.push({ site: chosen.site, saved: bestSaved, reached: bestReached, ...reachOf(inst.w, cur) });
  }
  return { start, steps };
}

/** Σ w·d and Σ w over the points with a finite distance, in point order. */
function reachOf(w: Float64Array, d: Float64Array): Reach {
  let total = 0,
    reachable = 0;
  for (let i = 0; i < d.length; i++) {
    if (Number.isFinite(d[i]!)) {
      total += w[i]! * d[i]!;
      reachable += w[i]!;
    }
  }
  return { total, reachable };
}

/** What adding the column's site saves (points already reached) and reaches (points not yet). */
function gainOf(column: Column, cur: Float64Array, w: Float64Array): { saved: number; reached: number } {
  let saved = 0,
    reached = 0;
  for (let t = 0; t < column.size; t++) {
    const i = column.points[t]!,
      d = column.d[t]!;
    if (d >= cur[i]!) continue;
    if (Number.isFinite(cur[i]!)) saved += w[i]! * (cur[i]! - d);
    else reached += w[i]!;
  }
  return { saved, reached };
}

/** Drops the points the column's site no longer serves better (cur only falls: for good). */
function keepCloser(column: Column, cur: Float64Array): void {
  let kept = 0;
  for (let t = 0; t < column.size; t++) {
    const i = column.points[t]!;
    if (column.d[t]! < cur[i]!) {
      column.points[kept] = i;
      column.d[kept++] = column.d[t]!;
    }
  }
  column.size = kept;
}

/**
 * For each site, the points it is nearer than their fixed facility, with the exact distance
 * (`inst.dist`): a pair is measured unless lists ranked by that distance show it cannot be nearer
 * (with complete lists an unlisted candidate is unreachable; otherwise it is at least the K-th away).
 */
function siteColumns(inst: Instance, sites: readonly number[]): Column[] {
  const n = inst.w.length,
    k = sites.length;
  const rank = new Int32Array(inst.m).fill(-1);
  sites.forEach((j, r) => {
    rank[j] = r;
  });
  const points: number[][] = sites.map(() => []),
    dists: number[][] = sites.map(() => []);
  const listed = new Uint8Array(k);
  const lists = inst.byPoint;
  const offer = (i: number, r: number) => {
    const d = inst.dist(i, sites[r]!);
    if (d < inst.fixed[i]!) {
      points[r]!.push(i);
      dists[r]!.push(d);
    }
  };
  for (let i = 0; i < n; i++) {
    const fixed = inst.fixed[i]!;
    if (!lists || !inst.ranked) {
      for (let r = 0; r < k; r++) offer(i, r);
      continue;
    }
    listed.fill(0);
    for (let t = lists.start[i]!; t < lists.start[i + 1]!; t++) {
      const r = rank[lists.site[t]!]!;
      if (r < 0) continue;
      listed[r] = 1;
      if (0.98 * lists.d[t]! < fixed) offer(i, r);
    }
    if (inst.complete || 0.98 * inst.horizon[i]! >= fixed) continue;
    for (let r = 0; r < k; r++) if (!listed[r]) offer(i, r);
  }
  return sites.map((site, r) => ({
    site,
    points: Int32Array.from(points[r]!),
    d: Float64Array.from(dists[r]!),
    size: points[r]!.length,
  }));
}
