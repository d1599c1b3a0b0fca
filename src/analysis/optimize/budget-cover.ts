/**
 * Maximal covering under a money budget (MCLP with a knapsack constraint): choose sites whose
 * costs sum to at most the budget and that put the most people within the standard, on top of
 * what the fixed facilities cover. The heuristic: greedy by people gained per manat (lazy, gains
 * only shrink), kept only if it beats the best single affordable site (the classical repair that
 * gives greedy its guarantee), then local search by add, 1-for-1 swap and drop-and-refill moves
 * that keep the budget. The bound: a Lagrangian relaxation of the coverage constraints, each
 * subproblem a fractional knapsack (an upper bound on the 0–1 knapsack), minimised by subgradient
 * steps. Everything is deterministic: same instance, same answer.
 */
import { MaxHeap } from './heap.js';
import { costTolerance } from './costs.js';
import type { CoverInstance } from './mclp.js';

export interface BudgetInstance extends CoverInstance {
  /** What each candidate costs, in manat (build cost, plus running costs over the horizon asked for). */
  cost: Float64Array;
  budget: number;
}

/** The covering lists restricted to points that matter: not covered by the plan, with people. */
function openLists(inst: CoverInstance): Int32Array[] {
  return inst.cover.map((list) => list.filter((i) => !inst.covered[i] && inst.w[i]! > 0));
}

/** People already covered by the fixed facilities. */
function baseCovered(inst: CoverInstance): number {
  let t = 0;
  for (let i = 0; i < inst.w.length; i++) if (inst.covered[i]) t += inst.w[i]!;
  return t;
}

/** People covered (fixed facilities included) by `sites`. */
export function budgetValue(inst: CoverInstance, sites: readonly number[], lists = openLists(inst)): number {
  const c = new Uint8Array(inst.w.length);
  let t = baseCovered(inst);
  for (const s of sites)
    for (const i of lists[s]!)
      if (!c[i]) {
        c[i] = 1;
        t += inst.w[i]!;
      }
  return t;
}

export const spent = (inst: BudgetInstance, sites: readonly number[]): number =>
  sites.reduce((a, s) => a + inst.cost[s]!, 0);

/**
 * Greedy by gain per manat among the sites that still fit, filling `start`'s remaining budget;
 * `c` marks the points covered by `start` (updated).
 */
function ratioFill(inst: BudgetInstance, lists: Int32Array[], start: number[], c: Uint8Array, banned = -1): number[] {
  const sites = [...start];
  const taken = new Set(sites);
  let slack = inst.budget - spent(inst, sites);
  const tol = costTolerance(inst.budget);
  const gain = (j: number) => {
    let g = 0;
    for (const i of lists[j]!) if (!c[i]) g += inst.w[i]!;
    return g;
  };
  // Per manat; a site that costs nothing ranks by its gain above every paid one.
  const key = (j: number, g: number) => (inst.cost[j]! > 0 ? g / inst.cost[j]! : 1e15 + g);
  const heap = new MaxHeap();
  for (let j = 0; j < lists.length; j++)
    if (!taken.has(j) && j !== banned && inst.cost[j]! <= slack + tol && lists[j]!.length)
      heap.push(j, key(j, gain(j)));
  while (heap.size) {
    const { id } = heap.pop()!;
    // The slack only shrinks: a site that no longer fits never will.
    if (inst.cost[id]! > slack + tol) continue;
    const g = gain(id);
    const k = key(id, g);
    if (heap.size && k < heap.peekKey()) {
      heap.push(id, k);
      continue;
    }
    if (g <= 0) break;
    sites.push(id);
    slack -= inst.cost[id]!;
    for (const i of lists[id]!) c[i] = 1;
  }
  return sites;
}

function coveredMask(inst: CoverInstance, lists: Int32Array[], sites: readonly number[]): Uint8Array {
  const c = new Uint8Array(inst.w.length);
  for (const s of sites) for (const i of lists[s]!) c[i] = 1;
  return c;
}

/** Greedy by people per manat, or the best single affordable site when that alone covers more. */
export function budgetGreedy(inst: BudgetInstance): number[] {
  const lists = openLists(inst);
  const greedy = ratioFill(inst, lists, [], new Uint8Array(inst.w.length));
  let single = -1,
    singleGain = 0;
  lists.forEach((list, j) => {
    if (inst.cost[j]! > inst.budget + costTolerance(inst.budget)) return;
    let g = 0;
    for (const i of list) g += inst.w[i]!;
    if (g > singleGain) (single = j), (singleGain = g);
  });
  const greedyValue = budgetValue(inst, greedy, lists);
  return single >= 0 && singleGain + baseCovered(inst) > greedyValue + 1e-9 ? [single] : greedy;
}

/**
 * Local search from `start` (within budget) to a local optimum: each round the best of adding a
 * site that fits, swapping one chosen site for one that fits in its place, and dropping a site to
 * refill its money greedily (which may buy two cheaper sites for one dear one). Stops when no move
 * gains, or after `maxRounds`.
 */
export function budgetLocalSearch(
  inst: BudgetInstance,
  start: readonly number[],
  maxRounds = 1000,
): { sites: number[]; moves: number } {
  const lists = openLists(inst);
  const n = inst.w.length;
  let sites = [...start];
  let value = budgetValue(inst, sites, lists);
  let moves = 0;
  for (let round = 0; round < maxRounds; round++) {
    const count = new Int32Array(n);
    const only = new Int32Array(n).fill(-1);
    sites.forEach((s, slot) => {
      for (const i of lists[s]!) {
        count[i] = count[i]! + 1;
        only[i] = count[i] === 1 ? slot : -1;
      }
    });
    const k = sites.length;
    const loss = new Float64Array(k);
    for (let i = 0; i < n; i++) if (count[i] === 1) loss[only[i]!] = loss[only[i]!]! + inst.w[i]!;
    const slack = inst.budget - spent(inst, sites) + costTolerance(inst.budget);
    const chosen = new Set(sites);
    let best: number[] | undefined;
    let bestGain = 1e-9;
    const bonus = new Float64Array(k);
    for (let j = 0; j < lists.length; j++) {
      if (chosen.has(j) || !lists[j]!.length) continue;
      bonus.fill(0);
      let g = 0;
      for (const i of lists[j]!) {
        if (count[i] === 0) g += inst.w[i]!;
        else if (count[i] === 1) bonus[only[i]!] = bonus[only[i]!]! + inst.w[i]!;
      }
      if (inst.cost[j]! <= slack && g > bestGain) {
        bestGain = g;
        best = [...sites, j];
      }
      for (let s = 0; s < k; s++) {
        if (inst.cost[j]! > slack + inst.cost[sites[s]!]!) continue;
        const profit = g - loss[s]! + bonus[s]!;
        if (profit > bestGain) {
          bestGain = profit;
          best = sites.map((x, t) => (t === s ? j : x));
        }
      }
    }
    for (let s = 0; s < k; s++) {
      const rest = sites.filter((_, t) => t !== s);
      const refilled = ratioFill(inst, lists, rest, coveredMask(inst, lists, rest), sites[s]!);
      const profit = budgetValue(inst, refilled, lists) - value;
      if (profit > bestGain) {
        bestGain = profit;
        best = refilled;
      }
    }
    if (!best) break;
    sites = best;
    value = budgetValue(inst, sites, lists);
    moves++;
  }
  return { sites: [...sites].sort((a, b) => a - b), moves };
}

/**
 * An upper bound on the people any affordable set of sites can cover (fixed facilities included):
 * the Lagrangian relaxation of "a point is covered only if a chosen site reaches it", with
 * multipliers λ_i ∈ [0, w_i]: L(λ) = Σ_i (w_i − λ_i) + max { Σ_j (Σ_{i∈N_j} λ_i) y_j : Σ c_j y_j ≤ B,
 * 0 ≤ y ≤ 1 }, which every λ makes an upper bound; subgradient steps (Polyak, towards the best
 * answer known, `lower`) lower it. `iterations` bounds the work.
 */
export function budgetBound(inst: BudgetInstance, lower: number, iterations = 300): number {
  const lists = openLists(inst);
  const m = lists.length;
  const base = baseCovered(inst);
  // Only points some affordable site reaches can be covered; the others add nothing.
  const fits = (j: number) => inst.cost[j]! <= inst.budget + costTolerance(inst.budget);
  const reachable = new Uint8Array(inst.w.length);
  for (let j = 0; j < m; j++) if (fits(j)) for (const i of lists[j]!) reachable[i] = 1;
  const pts: number[] = [];
  for (let i = 0; i < inst.w.length; i++) if (reachable[i]) pts.push(i);
  if (!pts.length) return base;
  const lambda = new Float64Array(inst.w.length);
  for (const i of pts) lambda[i] = inst.w[i]!;
  const items = [...Array(m).keys()].filter((j) => fits(j) && lists[j]!.length);
  const v = new Float64Array(m);
  const y = new Float64Array(m);
  let best = Infinity;
  let mu = 2;
  let stall = 0;
  const target = lower - base;
  for (let it = 0; it < iterations; it++) {
    let L = 0;
    for (const i of pts) L += inst.w[i]! - lambda[i]!;
    for (const j of items) {
      let s = 0;
      for (const i of lists[j]!) s += lambda[i]!;
      v[j] = s;
    }
    L += fractionalKnapsack(items, v, inst.cost, inst.budget, y);
    if (L < best - 1e-9) {
      best = L;
      stall = 0;
    } else if (++stall >= 20) {
      mu /= 2;
      stall = 0;
    }
    if (best - target <= 1e-9 * Math.max(1, best) || mu < 1e-4) break;
    // Subgradient of L at λ: Σ_{j∋i} y_j − 1 for each point (z_i = 1 while λ_i < w_i).
    const g = new Float64Array(inst.w.length);
    for (const i of pts) g[i] = -1;
    for (const j of items) if (y[j]! > 0) for (const i of lists[j]!) g[i] = g[i]! + y[j]!;
    let norm = 0;
    for (const i of pts) {
      // A multiplier at a bound whose step would leave [0, w_i] does not move: no length there.
      const gi = g[i]!;
      if ((lambda[i]! <= 0 && gi > 0) || (lambda[i]! >= inst.w[i]! && gi < 0)) g[i] = 0;
      else norm += gi * gi;
    }
    if (norm === 0) break;
    const step = (mu * Math.max(L - target, 1e-9 * Math.max(1, L))) / norm;
    for (const i of pts) lambda[i] = Math.min(inst.w[i]!, Math.max(0, lambda[i]! - step * g[i]!));
  }
  return base + best;
}

/** max Σ v_j y_j s.t. Σ c_j y_j ≤ B, 0 ≤ y ≤ 1 (Dantzig: by value per cost, the last one split); fills y. */
function fractionalKnapsack(
  items: number[],
  v: Float64Array,
  cost: Float64Array,
  budget: number,
  y: Float64Array,
): number {
  y.fill(0);
  let left = budget + costTolerance(budget),
    total = 0;
  // What costs nothing is taken whole; the rest by value per manat, the last one split.
  const paid: number[] = [];
  for (const j of items) {
    if (!(v[j]! > 0)) continue;
    if (cost[j]! > 0) paid.push(j);
    else (y[j] = 1), (total += v[j]!);
  }
  paid.sort((a, b) => v[b]! / cost[b]! - v[a]! / cost[a]! || a - b);
  for (const j of paid) {
    if (left <= 0) break;
    const take = cost[j]! <= left ? 1 : left / cost[j]!;
    y[j] = take;
    total += take * v[j]!;
    left -= take * cost[j]!;
  }
  return total;
}
