/**
 * The budgeted covering answer with its quality: HiGHS's MILP where the instance is small (proven
 * optimal, or its incumbent and dual bound when the node limit stops it), else the heuristic of
 * budget-cover.ts with its Lagrangian bound.
 */
import { budgetBound, budgetGreedy, budgetLocalSearch, budgetValue, type BudgetInstance } from './budget-cover.js';
import { costTolerance } from './costs.js';
import { coverLp, EXACT_LIMITS } from './exact.js';
import { solveMip } from './mip.js';
import { qualityOf, type Quality } from './quality.js';

/** Branch-and-bound nodes HiGHS may use: a work limit, not a time limit, so answers repeat. */
export const BUDGET_MAX_NODES = 5000;

/**
 * The largest MILP (points + sites) solved without being asked: about a second on these machines.
 * `--exact` raises it to the covering MILP's limit (EXACT_LIMITS.mclpVariables, 5–15 s).
 */
export const BUDGET_EXACT_VARIABLES = 2500;

export const BUDGET_BOUND = 'Lagrangian relaxation with a fractional knapsack';

export interface BudgetAnswer {
  sites: number[];
  value: number;
  greedy: { sites: number[]; value: number };
  moves: number;
  /** The heuristic's own answer (equal to `value` when it is the answer). */
  heuristic: number;
  /** HiGHS's answer, when the instance was small enough. */
  exact?: { value: number; bound: number; status: 'optimal' | 'limit' };
  quality: Quality;
}

/** max Σ w_i z_i  s.t.  z_i ≤ Σ_{j covers i} y_j,  Σ c_j y_j ≤ B,  y binary. Undefined when too big. */
export async function budgetExact(
  inst: BudgetInstance,
  maxNodes = BUDGET_MAX_NODES,
  maxVariables = EXACT_LIMITS.mclpVariables,
): Promise<{ sites: number[]; value: number; bound: number; status: 'optimal' | 'limit' } | undefined> {
  const limit = inst.budget + costTolerance(inst.budget);
  const fits = (j: number) => inst.cost[j]! <= limit;
  const by = new Map<number, number[]>();
  const cands: number[] = [];
  inst.cover.forEach((list, j) => {
    if (!fits(j)) return;
    let useful = false;
    for (const i of list)
      if (!inst.covered[i] && inst.w[i]! > 0) {
        (by.get(i) ?? by.set(i, []).get(i)!).push(j);
        useful = true;
      }
    if (useful) cands.push(j);
  });
  // Points reached by the same sites are one variable with their people summed: the MILP is the
  // same, and on real plans several times smaller.
  const groups = mergeAlike(by, inst.w);
  if (groups.by.size + cands.length > maxVariables) return undefined;
  let base = 0;
  inst.covered.forEach((c, i) => c && (base += inst.w[i]!));
  if (!cands.length) return { sites: [], value: base, bound: base, status: 'optimal' };
  const row = ` budget: ${cands.map((j) => `${inst.cost[j]} y${j}`).join(' + ')} <= ${limit}`;
  const lp = coverLp(
    inst.w,
    by,
    row,
    cands.map((j) => `y${j}`),
  );
  const sol = await solveMip(lp, maxNodes);
  if (!sol) return undefined;
  const sites = cands.filter((j) => (sol.values.get(`y${j}`) ?? 0) > 0.5);
  // The value of the chosen sites counted again, not HiGHS's objective (z at its tolerance).
  return { sites, value: budgetValue(inst, sites), bound: sol.bound + base, status: sol.status };
}

/**
 * The best answer found, with how good it is: the heuristic and its Lagrangian bound first; when
 * the bound does not prove it and the MILP is small enough (`maxVariables`), HiGHS.
 */
export async function solveBudget(inst: BudgetInstance, maxVariables = BUDGET_EXACT_VARIABLES): Promise<BudgetAnswer> {
  const greedySites = budgetGreedy(inst);
  const greedy = { sites: greedySites, value: budgetValue(inst, greedySites) };
  const searched = budgetLocalSearch(inst, greedySites);
  const heuristic = budgetValue(inst, searched.sites);
  const found = { greedy, moves: searched.moves, heuristic };
  const bound = budgetBound(inst, heuristic);
  const quality = qualityOf(heuristic, bound, BUDGET_BOUND);
  const exact =
    quality.status === 'proven optimal' ? undefined : await budgetExact(inst, BUDGET_MAX_NODES, maxVariables);
  if (!exact) return { ...found, sites: searched.sites, value: heuristic, quality };
  // HiGHS's incumbent is at least as good as the heuristic's unless the node limit stopped it early.
  const best = exact.value >= heuristic - 1e-9 ? exact : { sites: searched.sites, value: heuristic };
  const proved = Math.min(bound, exact.bound);
  return {
    ...found,
    sites: best.sites,
    value: best.value,
    exact,
    quality:
      exact.status === 'optimal'
        ? qualityOf(best.value, best.value, 'HiGHS MILP')
        : qualityOf(best.value, proved, 'HiGHS MILP, node limit'),
  };
}

/**
 * Points grouped by the set of sites that reach them: each group keyed by its first point, its
 * weight the sum of its points'. A covering MILP over the groups has the same optimum.
 */
export function mergeAlike(
  by: Map<number, number[]>,
  w: ArrayLike<number>,
): { by: Map<number, number[]>; w: Float64Array } {
  const first = new Map<string, number>();
  const out = new Map<number, number[]>();
  const weight = new Float64Array(w.length);
  for (const [i, sites] of [...by].sort((a, b) => a[0] - b[0])) {
    const key = sites.join(',');
    const k = first.get(key);
    if (k === undefined) {
      first.set(key, i);
      out.set(i, sites);
      weight[i] = w[i]!;
    } else weight[k] = weight[k]! + w[i]!;
  }
  return { by: out, w: weight };
}
