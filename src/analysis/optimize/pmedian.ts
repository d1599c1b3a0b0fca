/**
 * p-median: choose k sites minimising the population-weighted distance to the nearest open
 * facility (the fixed ones included). Greedy with lazy evaluation (the gain of a site only
 * shrinks as others are chosen, so a stale gain is an upper bound), then vertex substitution
 * (Teitz–Bart) with Whitaker's fast interchange: one pass prices every (in, out) swap in
 * O(Σ|reverse lists| + m·k) using each point's nearest and second-nearest open facility; then
 * iterated local search with random kicks.
 */
import type { Instance } from './instance.js';
import { MaxHeap } from './heap.js';

export interface PMedianResult {
  sites: number[];
  objective: number;
  /** Objective after greedy, before local search (to show what the search adds). */
  greedyObjective: number;
  swaps: number;
}

/** Σ w_i · distance to the nearest of the fixed facilities and `sites`. */
export function pmedianObjective(inst: Instance, sites: number[]): number {
  let total = 0;
  for (let i = 0; i < inst.w.length; i++) {
    let d = inst.fixed[i]!;
    for (const s of sites) d = Math.min(d, inst.dist(i, s));
    total += inst.w[i]! * (Number.isFinite(d) ? d : 0);
  }
  return total;
}

export function pmedianGreedy(inst: Instance, k: number): number[] {
  const n = inst.w.length;
  // Without a fixed facility a point's "current" distance is its horizon (the K-th candidate):
  // beyond it the sparse lists know nothing, and it keeps the first choice a dense, central site.
  const cur = Float64Array.from(inst.fixed, (f, i) => Math.min(f, inst.horizon[i]! * 2));
  const gain = (j: number) => {
    const { points, d } = inst.reverse[j]!;
    let g = 0;
    for (let t = 0; t < points.length; t++) {
      const i = points[t]!;
      if (d[t]! < cur[i]!) g += inst.w[i]! * (cur[i]! - d[t]!);
    }
    return g;
  };
  const heap = new MaxHeap();
  for (let j = 0; j < inst.m; j++) heap.push(j, gain(j));
  const chosen: number[] = [];
  const taken = new Uint8Array(inst.m);
  while (chosen.length < Math.min(k, inst.m) && heap.size) {
    const { id, key } = heap.pop()!;
    if (taken[id]) continue;
    const fresh = gain(id);
    if (heap.size && fresh < heap.peekKey() - 1e-9 * Math.max(1, key)) {
      heap.push(id, fresh);
      continue;
    }
    chosen.push(id);
    taken[id] = 1;
    const { points, d } = inst.reverse[id]!;
    for (let t = 0; t < points.length; t++) cur[points[t]!] = Math.min(cur[points[t]!]!, d[t]!);
  }
  void n;
  return chosen;
}

export function pmedianLocalSearch(
  inst: Instance,
  start: number[],
  maxPasses = 1000,
): { sites: number[]; swaps: number } {
  const n = inst.w.length,
    k = start.length;
  const sites = [...start];
  const slotOf = new Int32Array(inst.m).fill(-1);
  sites.forEach((s, slot) => (slotOf[s] = slot));
  // Nearest (d1, f1) and second-nearest (d2) open facility per point; slot -1 = a fixed facility.
  const d1 = new Float64Array(n),
    d2 = new Float64Array(n),
    f1 = new Int32Array(n),
    f2 = new Int32Array(n);
  const refresh = (i: number) => {
    let a = inst.fixed[i]!,
      b = Infinity,
      fa = -1,
      fb = -1;
    for (let s = 0; s < k; s++) {
      const d = inst.dist(i, sites[s]!);
      if (d < a) {
        b = a;
        fb = fa;
        a = d;
        fa = s;
      } else if (d < b) {
        b = d;
        fb = s;
      }
    }
    d1[i] = a;
    d2[i] = b;
    f1[i] = fa;
    f2[i] = fb;
  };
  for (let i = 0; i < n; i++) refresh(i);
  // A point with no facility at all contributes nothing; treat "infinite" as a large finite cost.
  const cap = (x: number) => (Number.isFinite(x) ? x : 1e12);
  const loss0 = new Float64Array(k),
    corr = new Float64Array(k);
  let swaps = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    loss0.fill(0);
    for (let i = 0; i < n; i++) {
      const s = f1[i]!;
      if (s >= 0) loss0[s] = loss0[s]! + inst.w[i]! * (cap(d2[i]!) - d1[i]!);
    }
    let best = { profit: 1e-7, jIn: -1, slot: -1 };
    for (let j = 0; j < inst.m; j++) {
      if (slotOf[j]! >= 0) continue;
      corr.fill(0);
      let g = 0;
      const { points, d } = inst.reverse[j]!;
      for (let t = 0; t < points.length; t++) {
        const i = points[t]!,
          dij = d[t]!,
          w = inst.w[i]!;
        const s = f1[i]!;
        if (dij < d1[i]!) {
          g += w * (cap(d1[i]!) - dij);
          if (s >= 0) corr[s] = corr[s]! + w * (cap(d2[i]!) - d1[i]!);
        } else if (s >= 0 && dij < d2[i]!) corr[s] = corr[s]! + w * (cap(d2[i]!) - dij);
      }
      for (let s = 0; s < k; s++) {
        const profit = g - (loss0[s]! - corr[s]!);
        if (profit > best.profit) best = { profit, jIn: j, slot: s };
      }
    }
    if (best.jIn < 0) break;
    const out = sites[best.slot]!;
    slotOf[out] = -1;
    sites[best.slot] = best.jIn;
    slotOf[best.jIn] = best.slot;
    swaps++;
    // Only points that used the removed site, or that the new one is near, can change.
    for (let i = 0; i < n; i++) if (f1[i] === best.slot || f2[i] === best.slot) refresh(i);
    for (const i of inst.reverse[best.jIn]!.points) refresh(i);
  }
  return { sites, swaps };
}

/**
 * Iterated local search: from the interchange optimum, replace a few sites by random others
 * (deterministic pseudo-random), search again, keep what is better. The number of kicks fits a
 * fixed amount of work (one pass costs Σ|reverse lists| + m·k).
 */
export function pmedianIterated(
  inst: Instance,
  start: number[],
  kicks?: number,
  drop = 2,
): { sites: number[]; swaps: number } {
  const k = start.length;
  const pass = inst.reverse.reduce((a, r) => a + r.points.length, 0) + inst.m * k;
  const rounds = kicks ?? Math.max(3, Math.min(60, Math.round(1e7 / Math.max(1, pass))));
  let best = pmedianLocalSearch(inst, start);
  let bestValue = pmedianObjective(inst, best.sites);
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let r = 0; r < rounds && k > drop && inst.m > k; r++) {
    const next = new Set(best.sites);
    for (let d = 0; d < drop; d++) next.delete([...next][Math.floor(rnd() * next.size)]!);
    while (next.size < k) next.add(Math.floor(rnd() * inst.m));
    const searched = pmedianLocalSearch(inst, [...next]);
    const value = pmedianObjective(inst, searched.sites);
    if (value < bestValue - 1e-9) {
      best = { sites: searched.sites, swaps: best.swaps + searched.swaps };
      bestValue = value;
    }
  }
  return best;
}

export function pmedian(inst: Instance, k: number): PMedianResult {
  const greedy = pmedianGreedy(inst, k);
  const { sites, swaps } = pmedianIterated(inst, greedy);
  return { sites, objective: pmedianObjective(inst, sites), greedyObjective: pmedianObjective(inst, greedy), swaps };
}
