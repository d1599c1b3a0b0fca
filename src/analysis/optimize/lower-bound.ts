/**
 * A lower bound on the p-median objective, and from it a proof that a solution is optimal, by
 * Lagrangian relaxation (Beasley, "Lagrangean heuristics for location problems", 1993): the
 * constraint "each point is served exactly once" is priced with a multiplier λ_x per point. With
 * c_xj = w_x·d_xj, F_x = w_x·(fixed distance) and λ_x ≤ F_x, every set S of k sites costs at least
 *
 *   constant + Σ_x λ_x + Σ_{j∈S} ρ_j,   ρ_j = Σ_x min(0, c_xj − λ_x),
 *
 * since a point served at cost c ≤ F pays at least λ_x + Σ_{j∈S} min(0, c_xj − λ_x) (every term is
 * ≤ 0, the one of its own site is c − λ_x if negative). The k smallest ρ_j give the bound L(λ),
 * which subgradient ascent raises towards the optimum (the LP relaxation's value). A set can then
 * beat the incumbent only if its own sum is below the incumbent's cost; when the bound is tight,
 * few sets are: they are listed and priced exactly (a small branch and bound), and if none is
 * cheaper the incumbent is optimal. λ_x ≤ F_x makes the pairs the lists leave out (candidates
 * farther than the fixed facility, or unreachable) count 0, so the lists must hold every nearer
 * candidate (`Prepared.complete` in pmedian.ts).
 */

import { selectNearest } from './pair-lists.js';

/**
 * What the bound reads of the search's prepared instance (`Prepared` in pmedian.ts): the active
 * places' people, fixed-facility distances and candidate lists (by distance up to sorted[x]), and
 * the constant cost of the others.
 */
export interface BoundInput {
  active: Int32Array;
  w: Float64Array;
  fixed: Float64Array;
  constant: number;
  nearest: { start: Int32Array; sorted: Int32Array; site: Int32Array; d: Float64Array };
  /** Every point must be served (a disconnected graph): a set that leaves one unserved is infeasible. */
  serveAll?: boolean;
}

export interface Proof {
  /** The best lower bound found on the objective (the optimum itself when `optimal`). */
  lowerBound: number;
  /** Whether the incumbent (or `better`) is proven optimal. */
  optimal: boolean;
  /** A cheaper set than the incumbent, found on the way (the optimum when `optimal`). */
  better?: number[];
  /** Subgradient iterations used. */
  iterations: number;
  /**
   * Reduced-cost fixing at the best bound: the candidates no set cheaper than the incumbent can
   * contain (opening one raises the bound to the incumbent's cost), so a search may leave them out.
   */
  excluded?: Uint8Array;
  /** Likewise the candidates every set cheaper than the incumbent contains. */
  forced?: Uint8Array;
  /** The multipliers at the best bound: a later proof on the same instance may start from them. */
  multipliers?: Float64Array;
}

export interface ProofOptions {
  /**
   * Iterations without a better bound before the step halves: 4 proves the plan's instances in
   * the fewest iterations (see PATIENCE); 30, Beasley's, climbs the last fraction of a percent on
   * graphs without fixed facilities, where the bound must meet the optimum to prove it.
   */
  patience?: number;
  /** Start from these multipliers (`Proof.multipliers` of an earlier proof) rather than the incumbent's costs. */
  multipliers?: Float64Array;
}

/** At most this many sets are priced in one proof attempt; more means the bound is still too loose. */
const MAX_PRICED = 16;
/**
 * The step halves after this many iterations without a better bound (Beasley uses 30; with steps
 * scaled by people, 4 proves the plan's instances in the fewest iterations: 200 candidates, k = 10,
 * in 37 instead of 105 with 20).
 */
const PATIENCE = 4;
/** Below this step (halved 8 times) the bound has converged: the LP relaxation's gap is left. */
const MIN_STEP = 0.01;

/**
 * The relaxation's data: per point its cap F, its people (the step's scale) and its pairs' costs
 * c < F, compressed (point x's pairs in [start[x], start[x + 1]), by increasing cost up to sorted[x],
 * the rest unsorted and costlier, as in `BoundInput.nearest`: an iteration reads a point's pairs only
 * while they are cheaper than λ_x). Points with one candidate and a fixed facility are merged per
 * candidate, exactly: together they pay Σc if it opens, ΣF if not (on the DOST plan with 40
 * candidates, 772 of the 934 places), which shrinks every iteration.
 */
export interface Relaxation {
  people: Float64Array;
  cap: Float64Array;
  start: Int32Array;
  sorted: Int32Array;
  site: Int32Array;
  cost: Float64Array;
}

export function relaxation(prep: BoundInput, m: number): Relaxation {
  const { start, sorted, site, d } = prep.nearest;
  const na = prep.active.length,
    w = prep.w;
  const single = (x: number) => start[x + 1]! - start[x]! === 1 && Number.isFinite(prep.fixed[x]!);
  const groupCost = new Float64Array(m),
    groupCap = new Float64Array(m),
    groupPeople = new Float64Array(m);
  let points = 0,
    pairs = 0;
  for (let x = 0; x < na; x++) {
    if (single(x)) {
      const j = site[start[x]!]!;
      if (groupCap[j] === 0) {
        points++;
        pairs++;
      }
      groupCost[j]! += w[x]! * d[start[x]!]!;
      groupCap[j]! += w[x]! * prep.fixed[x]!;
      groupPeople[j]! += w[x]!;
    } else {
      points++;
      pairs += start[x + 1]! - start[x]!;
    }
  }
  const r: Relaxation = {
    people: new Float64Array(points),
    cap: new Float64Array(points),
    start: new Int32Array(points + 1),
    sorted: new Int32Array(points),
    site: new Int32Array(pairs),
    cost: new Float64Array(pairs),
  };
  let p = 0,
    t = 0;
  for (let j = 0; j < m; j++) {
    if (groupCap[j] === 0) continue;
    r.cap[p] = groupCap[j]!;
    r.people[p] = groupPeople[j]!;
    r.site[t] = j;
    r.cost[t++] = groupCost[j]!;
    r.sorted[p] = t;
    r.start[++p] = t;
  }
  for (let x = 0; x < na; x++) {
    if (single(x)) continue;
    r.cap[p] = Number.isFinite(prep.fixed[x]!) ? w[x]! * prep.fixed[x]! : Infinity;
    r.people[p] = w[x]!;
    r.sorted[p] = t + sorted[x]! - start[x]!;
    for (let u = start[x]!; u < start[x + 1]!; u++) {
      r.site[t] = site[u]!;
      r.cost[t++] = w[x]! * d[u]!;
    }
    r.start[++p] = t;
  }
  return r;
}

/**
 * Subgradient ascent from λ = what each point pays in the incumbent, until the incumbent, or a
 * cheaper set found on the way, is proven optimal, or `budget` pairs have been read (work, never
 * time: the same instance always gets the same answer). `incumbent` are k distinct sites and
 * `upper` their cost.
 */
export function proveOptimal(
  prep: BoundInput,
  m: number,
  incumbent: number[],
  upper: number,
  budget: number,
  options: ProofOptions = {},
): Proof {
  const k = incumbent.length;
  const { relaxed, columns } = relaxationOf(prep, m);
  const { people, cap, start, sorted, site, cost } = relaxed;
  const n = cap.length;
  // Where every point must be served, the sets that would leave one unserved are infeasible (the
  // pricer says so), and the relaxation bounds the feasible ones: it holds as it stands.
  if (!prep.serveAll && !everyoneServed(cap, start, cost, k, m))
    return { lowerBound: -Infinity, optimal: false, iterations: 0 };
  const patience = options.patience ?? PATIENCE;
  const tol = 1e-9 * Math.abs(upper);
  // With whole-number costs (OR-Library graphs) a cheaper set costs at least 1 less: a bound above
  // the incumbent's cost − 1 proves it.
  const step1 = integral(relaxed, prep.constant) ? 1 - 1e-6 : 0;
  const pricer = setPricer(relaxed, columns, prep.constant, prep.serveAll);
  const price = pricer.price;
  let best = { sites: incumbent, cost: upper };
  const cheaper = (sites: number[]) => (sites === incumbent ? {} : { better: sites });
  const lambda = new Float64Array(n);
  const open = new Uint8Array(m);
  for (const j of incumbent) open[j] = 1;
  for (let x = 0; x < n; x++) {
    let c = cap[x]!;
    for (let t = start[x]!; t < start[x + 1]!; t++) if (open[site[t]!] && cost[t]! < c) c = cost[t]!;
    lambda[x] = c;
  }
  // Warm start: the multipliers of an earlier proof on the same instance, already near the top.
  const warm = options.multipliers?.length === n;
  if (warm) lambda.set(options.multipliers!);
  const bestLambda = lambda.slice();
  const rho = new Float64Array(m),
    order = new Int32Array(m),
    values = new Float64Array(m),
    chosen = new Int32Array(k),
    g = new Float64Array(n),
    served = new Int32Array(n);
  let excluded: Uint8Array | undefined, forced: Uint8Array | undefined;
  let lowerBound = -Infinity,
    step = warm ? 0.25 : 2,
    stalled = 0,
    it = 0,
    work = 0;
  while (work + pricer.reads < budget) {
    it++;
    let base = prep.constant,
      reads = 0;
    rho.fill(0);
    for (let x = 0; x < n; x++) {
      const lam = lambda[x]!;
      base += lam;
      // Pairs by increasing cost up to sorted[x]: stop at the first that is not cheaper than λ_x.
      let t = start[x]!;
      for (const mid = sorted[x]!; t < mid && cost[t]! < lam; t++) rho[site[t]!]! += cost[t]! - lam;
      if (t === sorted[x]!)
        for (const end = start[x + 1]!; t < end; t++) if (cost[t]! < lam) rho[site[t]!]! += cost[t]! - lam;
      reads += t - start[x]! + 1;
    }
    work += reads;
    kSmallest(rho, chosen, order, values);
    open.fill(0);
    let bound = base;
    for (let r = 0; r < k; r++) {
      bound += rho[chosen[r]!]!;
      open[chosen[r]!] = 1;
    }
    if (bound > lowerBound + tol) {
      lowerBound = bound;
      bestLambda.set(lambda);
      stalled = 0;
      // The relaxation's own choice is often a good set (a Lagrangian heuristic): price it.
      const c = price(chosen);
      if (c < best.cost - tol) best = { sites: [...chosen].sort((a, b) => a - b), cost: c };
      ({ excluded, forced } = fixing(rho, chosen, best.cost - step1 - tol - base));
      // The sets that could still beat the best; if few, price them and finish.
      const sets = setsBelow(rho, chosen, best.cost - step1 - tol - base);
      if (sets) {
        for (const s of sets) {
          const c = price(s);
          if (c < best.cost - tol) best = { sites: s.sort((a, b) => a - b), cost: c };
        }
        return { lowerBound: best.cost, optimal: true, iterations: it, ...cheaper(best.sites) };
      }
    } else if (++stalled >= patience) {
      step /= 2;
      stalled = 0;
    }
    // Subgradient: 1 − (open sites cheaper than λ_x) per point; a point at its fixed facility's
    // cost with no cheaper open site may stay there (0), since λ_x cannot rise above it. Each
    // point moves in proportion to its people: costs scale with them (a merged group of 100,000
    // people next to a village of 200), and an unscaled step climbs ten times slower.
    // The count of open sites cheaper than λ_x is the same read point by point (the pairs the ρ
    // pass read) or site by site (the k open sites' columns): whichever reads less (on pmed36,
    // k = 10 columns of 800 points instead of 51,000 pairs). The budget counts the point-by-point
    // reads either way, so it stops where it always did.
    work += reads;
    countServed(relaxed, columns, lambda, open, chosen, reads, served);
    let norm = 0;
    for (let x = 0; x < n; x++) {
      const lam = lambda[x]!;
      const gx = served[x] === 0 && lam >= cap[x]! ? 0 : 1 - served[x]!;
      g[x] = gx * people[x]!;
      norm += gx * gx * people[x]!;
    }
    if (norm === 0 || step < MIN_STEP) break;
    const move = (step * (best.cost - bound)) / norm;
    for (let x = 0; x < n; x++) lambda[x] = Math.min(cap[x]!, Math.max(0, lambda[x]! + move * g[x]!));
  }
  // Whole-number costs: the optimum is a whole number too, at least the bound rounded up.
  if (step1 > 0) lowerBound = Math.ceil(lowerBound - 1e-6 * Math.max(1, Math.abs(lowerBound)) * 1e-3);
  const optimal = lowerBound >= best.cost;
  return {
    lowerBound,
    optimal,
    iterations: it,
    ...cheaper(best.sites),
    ...(excluded && forced ? { excluded, forced } : {}),
    multipliers: bestLambda,
  };
}

/**
 * The relaxation and its pairs by candidate, built once per prepared instance: a graph's search
 * proves more than once on the same instance (after a round finds a cheaper set), and each build
 * copies every pair twice (810,000 on a 900-vertex graph).
 */
const relaxations = new WeakMap<BoundInput, { m: number; relaxed: Relaxation; columns: Columns }>();
function relaxationOf(prep: BoundInput, m: number): { relaxed: Relaxation; columns: Columns } {
  const known = relaxations.get(prep);
  if (known?.m === m) return known;
  const relaxed = relaxation(prep, m);
  const built = { m, relaxed, columns: pairsByCandidate(relaxed, m) };
  relaxations.set(prep, built);
  return built;
}

/** Whether every cost is a whole number, so two sets' costs differ by 0 or at least 1. */
function integral(r: Relaxation, constant: number): boolean {
  if (!Number.isInteger(constant)) return false;
  for (let x = 0; x < r.cap.length; x++) if (Number.isFinite(r.cap[x]!) && !Number.isInteger(r.cap[x]!)) return false;
  for (let t = 0; t < r.cost.length; t++)
    if (Number.isFinite(r.cost[t]!) && !Number.isInteger(r.cost[t]!)) return false;
  return true;
}

/**
 * Reduced-cost fixing from the k smallest ρ (`chosen`): a candidate outside them that no set with
 * Σρ below `limit` contains (such a set pays at least Σρ(chosen) − the largest chosen ρ + ρ_j) is
 * excluded; one of them that every such set contains (without it a set pays at least
 * Σρ(chosen) − ρ_j + the (k+1)-th smallest ρ) is forced.
 */
function fixing(rho: Float64Array, chosen: Int32Array, limit: number): { excluded: Uint8Array; forced: Uint8Array } {
  let least = 0,
    worst = -Infinity;
  const excluded = new Uint8Array(rho.length),
    forced = new Uint8Array(rho.length);
  for (const j of chosen) {
    least += rho[j]!;
    worst = Math.max(worst, rho[j]!);
    excluded[j] = 2; // marks the chosen while the next smallest is found
  }
  let next = Infinity;
  for (let j = 0; j < rho.length; j++) if (excluded[j] !== 2) next = Math.min(next, rho[j]!);
  for (let j = 0; j < rho.length; j++) {
    if (excluded[j] === 2) forced[j] = least - rho[j]! + next >= limit ? 1 : 0;
    else if (least - worst + rho[j]! >= limit) excluded[j] = 1;
  }
  for (const j of chosen) excluded[j] = 0;
  return { excluded, forced };
}

/**
 * The objective counts a point no open site reaches, and with no fixed facility, as 0, not as an
 * infinite cost; the bound holds only if that cannot happen: every such point lists more than m − k
 * reachable candidates, so every set of k sites reaches it.
 */
function everyoneServed(cap: Float64Array, start: Int32Array, cost: Float64Array, k: number, m: number): boolean {
  for (let x = 0; x < cap.length; x++) {
    if (Number.isFinite(cap[x]!)) continue;
    let reachable = 0;
    for (let t = start[x]!; t < start[x + 1]!; t++) if (Number.isFinite(cost[t]!)) reachable++;
    if (reachable <= m - k) return false;
  }
  return true;
}

/**
 * `chosen` ← the k smallest of `rho`, smallest first, ties by index (so runs are deterministic):
 * a selection (linear) then a sort of the k, rather than an insertion per candidate (m·k with k = 90).
 */
function kSmallest(rho: Float64Array, chosen: Int32Array, order: Int32Array, values: Float64Array): void {
  const k = chosen.length,
    m = rho.length;
  for (let j = 0; j < m; j++) {
    order[j] = j;
    values[j] = rho[j]!;
  }
  if (k < m) selectNearest(order, values, 0, m, k);
  const picked = Array.from(order.subarray(0, k)).sort((a, b) => rho[a]! - rho[b]! || a - b);
  // Ties at the k-th value: the smallest indices among them, as a scan in index order would take.
  const kth = rho[picked[k - 1]!]!;
  let below = 0;
  for (const j of picked) if (rho[j]! < kth) below++;
  let at = below;
  for (let j = 0; j < m && at < k; j++) if (rho[j] === kth) chosen[at++] = j;
  for (let r = 0; r < below; r++) chosen[r] = picked[r]!;
}

/**
 * The k-sets whose Σρ is below `limit`, by depth-first search over the candidates by increasing ρ
 * (a partial set's cheapest completion is the next smallest ρs), or undefined if more than
 * MAX_PRICED. `chosen` are the k smallest: first, as a quick rejection, the sets one swap away.
 */
function setsBelow(rho: Float64Array, chosen: Int32Array, limit: number): number[][] | undefined {
  const m = rho.length,
    k = chosen.length;
  let least = 0;
  for (const j of chosen) least += rho[j]!;
  const isChosen = new Uint8Array(m);
  for (const j of chosen) isChosen[j] = 1;
  // Quick rejection first, in one read of ρ: each candidate one swap with the costliest chosen
  // brings under the limit is a set of its own, so more than MAX_PRICED of them is too many (the
  // count below, swap by swap with every chosen, is at least as large).
  let worst = -Infinity;
  for (const j of chosen) worst = Math.max(worst, rho[j]!);
  let withWorst = 0;
  for (let j = 0; j < m; j++)
    if (!isChosen[j] && least - worst + rho[j]! < limit && ++withWorst > MAX_PRICED) return undefined;
  let oneSwap = 0;
  for (const i of chosen)
    for (let j = 0; j < m; j++) {
      if (isChosen[j] || least - rho[i]! + rho[j]! >= limit) continue;
      if (++oneSwap > MAX_PRICED) return undefined;
    }
  // Only candidates that can be in such a set, by increasing ρ: those one swap could bring in.
  const order: number[] = [];
  for (let j = 0; j < m; j++) if (isChosen[j] || least - worst + rho[j]! < limit) order.push(j);
  order.sort((a, b) => rho[a]! - rho[b]! || a - b);
  const prefix = new Float64Array(order.length + 1);
  for (let r = 0; r < order.length; r++) prefix[r + 1] = prefix[r]! + rho[order[r]!]!;
  const sets: number[][] = [];
  const picked: number[] = [];
  const walk = (from: number, sum: number): boolean => {
    const need = k - picked.length;
    if (need === 0) {
      sets.push(picked.map((r) => order[r]!));
      return sets.length <= MAX_PRICED;
    }
    for (let r = from; r + need <= order.length; r++) {
      if (sum + prefix[r + need]! - prefix[r]! >= limit) break; // later starts cost more
      picked.push(r);
      const ok = walk(r + 1, sum + rho[order[r]!]!);
      picked.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk(0, 0) ? sets : undefined;
}

/** The relaxation's pairs candidate by candidate: j's are [from[j], from[j + 1]) of `point` and `pairCost`. */
interface Columns {
  from: Int32Array;
  point: Int32Array;
  pairCost: Float64Array;
}

export function pairsByCandidate(r: Relaxation, m: number): Columns {
  const from = new Int32Array(m + 1);
  for (let t = 0; t < r.site.length; t++) from[r.site[t]! + 1]!++;
  for (let j = 0; j < m; j++) from[j + 1]! += from[j]!;
  const point = new Int32Array(r.site.length),
    pairCost = new Float64Array(r.site.length);
  const fill = from.slice(0, m);
  for (let x = 0; x < r.cap.length; x++) {
    for (let t = r.start[x]!; t < r.start[x + 1]!; t++) {
      const at = fill[r.site[t]!]!++;
      point[at] = x;
      pairCost[at] = r.cost[t]!;
    }
  }
  return { from, point, pairCost };
}

/**
 * served[x] ← how many of the open sites (`open`, the same as `chosen`) cost point x less than λ_x:
 * point by point over its pairs cheaper than λ_x (`reads` in all), or site by site over the chosen
 * sites' columns when those are shorter. Both count the same pairs.
 */
function countServed(
  r: Relaxation,
  { from, point, pairCost }: Columns,
  lambda: Float64Array,
  open: Uint8Array,
  chosen: Int32Array,
  reads: number,
  served: Int32Array,
): void {
  let columns = 0;
  for (const j of chosen) columns += from[j + 1]! - from[j]!;
  if (columns < reads) {
    served.fill(0);
    for (const j of chosen)
      for (let e = from[j]!, end = from[j + 1]!; e < end; e++)
        if (pairCost[e]! < lambda[point[e]!]!) served[point[e]!]!++;
    return;
  }
  const { start, sorted, site, cost } = r;
  for (let x = 0; x < served.length; x++) {
    const lam = lambda[x]!;
    let count = 0,
      t = start[x]!;
    for (const mid = sorted[x]!; t < mid && cost[t]! < lam; t++) count += open[site[t]!]!;
    if (t === sorted[x]!) for (const end = start[x + 1]!; t < end; t++) if (cost[t]! < lam) count += open[site[t]!]!;
    served[x] = count;
  }
}

/**
 * The exact cost of a set of sites from the relaxation's data, reading only the pairs of those
 * sites (a point none of them serves pays its cap): about k·(pairs / m) per set, not all pairs.
 */
export function setPricer(
  r: Relaxation,
  { from, point, pairCost }: Columns,
  constant: number,
  serveAll = false,
): { price: (sites: ArrayLike<number>) => number; reads: number } {
  const n = r.cap.length;
  // A point with no fixed facility that no site reaches counts 0, as in the objective; where every
  // point must be served, such a set is infeasible (Infinity).
  const capOr0 = new Float64Array(n);
  let all = constant,
    uncapped = 0;
  for (let x = 0; x < n; x++) {
    capOr0[x] = Number.isFinite(r.cap[x]!) ? r.cap[x]! : 0;
    if (!Number.isFinite(r.cap[x]!)) uncapped++;
    all += capOr0[x]!;
  }
  const paid = r.cap.slice();
  const touched = new Int32Array(n);
  const pricer = { price, reads: 0 };
  function price(sites: ArrayLike<number>): number {
    let count = 0;
    for (let s = 0; s < sites.length; s++) {
      const j = sites[s]!;
      pricer.reads += from[j + 1]! - from[j]!;
      for (let e = from[j]!; e < from[j + 1]!; e++) {
        const x = point[e]!;
        if (pairCost[e]! >= paid[x]!) continue;
        if (paid[x] === r.cap[x]) touched[count++] = x;
        paid[x] = pairCost[e]!;
      }
    }
    let total = all,
      reached = 0;
    for (let u = 0; u < count; u++) {
      const x = touched[u]!;
      if (!Number.isFinite(r.cap[x]!)) reached++;
      total += paid[x]! - capOr0[x]!;
      paid[x] = r.cap[x]!;
    }
    return serveAll && reached < uncapped ? Infinity : total;
  }
  return pricer;
}
