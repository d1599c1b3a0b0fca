/**
 * Opening order under a money budget per year: which year each not-yet-open facility opens so
 * that each year's build spending stays within the budget and the people-years covered (each
 * year's covered people, summed) are the most. Carry-over rule: with `carryOver`, money not spent
 * in a year stays available in later years (spending by the end of year t ≤ t × budget); without
 * it, each year's budget is spent that year or lost. A branch opens no earlier than its center.
 *
 * The heuristic: a priority list (greedy by people gained per manat, year by year), decoded into
 * years — with carry-over strictly in list order, a facility that does not fit yet waiting (and
 * saving) for the money, so every schedule is some list's decoding; without, each year opening
 * what fits in list order — then improved by moving one facility to another place in the list.
 * The bound: each year's coverage is at most the budgeted covering bound (budget-cover.ts) with
 * that year's cumulative budget. HiGHS solves the time-indexed MILP where it is small.
 */
import { budgetBound, type BudgetInstance } from './budget-cover.js';
import { mergeAlike } from './budget-exact.js';
import { costTolerance } from './costs.js';
import { solveMip } from './mip.js';
import { qualityOf, type Quality } from './quality.js';

export interface MoneyOrderInstance {
  /** People at each point. */
  w: Float64Array;
  /** Points each facility (not open at the start) covers. */
  cover: Int32Array[];
  /** Points covered by what is open at the start. */
  covered: Uint8Array;
  /** Build cost of each facility, in manat. */
  cost: Float64Array;
  /** Index of the facility each one must not open before (a branch's center), or -1. */
  parent: Int32Array;
  /** Years to schedule (the first is year 1). */
  years: number;
  perYear: number;
  carryOver: boolean;
}

export interface MoneySchedule {
  /** Year of opening of each facility (1 … years), 0 when it does not open within the years. */
  year: Int32Array;
  /** People-years covered over the years. */
  value: number;
}

/** People covered in each year (index 0 = year 1): each point from the first year a facility covering it is open. */
export function coveredByYear(inst: MoneyOrderInstance, year: ArrayLike<number>): Float64Array {
  const first = new Int32Array(inst.w.length).fill(inst.years + 1);
  for (let i = 0; i < first.length; i++) if (inst.covered[i]) first[i] = 1;
  for (let f = 0; f < inst.cover.length; f++) {
    const y = year[f]!;
    if (y > 0) for (const i of inst.cover[f]!) if (y < first[i]!) first[i] = y;
  }
  const starts = new Float64Array(inst.years + 2);
  for (let i = 0; i < first.length; i++) starts[first[i]!] = starts[first[i]!]! + inst.w[i]!;
  const out = new Float64Array(inst.years);
  let c = 0;
  for (let y = 1; y <= inst.years; y++) out[y - 1] = c += starts[y]!;
  return out;
}

/** People-years of a schedule: each year's covered people, summed. */
export function peopleYears(inst: MoneyOrderInstance, year: ArrayLike<number>): number {
  return coveredByYear(inst, year).reduce((a, b) => a + b, 0);
}

/** Whether a schedule keeps the budget (under the carry-over rule) and the parents' order. */
export function feasible(inst: MoneyOrderInstance, year: ArrayLike<number>): boolean {
  const spend = new Float64Array(inst.years + 1);
  for (let f = 0; f < inst.cover.length; f++) {
    const y = year[f]!;
    if (y <= 0) continue;
    spend[y] = spend[y]! + inst.cost[f]!;
    const p = inst.parent[f]!;
    if (p >= 0 && (year[p]! <= 0 || year[p]! > y)) return false;
  }
  let cum = 0;
  for (let y = 1; y <= inst.years; y++) {
    cum += spend[y]!;
    const cap = inst.carryOver ? y * inst.perYear : inst.perYear;
    if ((inst.carryOver ? cum : spend[y]!) > cap + costTolerance(cap)) return false;
  }
  return true;
}

/** The schedule a priority list gives (see the module comment for the two rules). */
export function decode(inst: MoneyOrderInstance, list: readonly number[]): Int32Array {
  const year = new Int32Array(inst.cover.length);
  const opened = (f: number, y: number) => year[f]! > 0 && year[f]! <= y;
  let available = 0;
  let next = 0; // carry-over: the list position to open next
  const done = new Uint8Array(inst.cover.length);
  for (let y = 1; y <= inst.years; y++) {
    available = inst.carryOver ? available + inst.perYear : inst.perYear;
    if (inst.carryOver) {
      for (; next < list.length; next++) {
        const f = list[next]!;
        const p = inst.parent[f]!;
        if (inst.cost[f]! > available + costTolerance(y * inst.perYear) || (p >= 0 && !opened(p, y))) break;
        year[f] = y;
        available -= inst.cost[f]!;
      }
    } else {
      for (const f of list) {
        const p = inst.parent[f]!;
        if (done[f] || inst.cost[f]! > available + costTolerance(inst.perYear) || (p >= 0 && !opened(p, y))) continue;
        year[f] = y;
        done[f] = 1;
        available -= inst.cost[f]!;
      }
    }
  }
  return year;
}

/** Greedy year by year: the facility with the most newly covered people per manat that fits, again and again. */
function greedyList(inst: MoneyOrderInstance): number[] {
  const n = inst.cover.length;
  const c = Uint8Array.from(inst.covered);
  const open = new Uint8Array(n);
  const list: number[] = [];
  let available = 0;
  for (let y = 1; y <= inst.years; y++) {
    available = inst.carryOver ? available + inst.perYear : inst.perYear;
    const tol = costTolerance(inst.carryOver ? y * inst.perYear : inst.perYear);
    for (;;) {
      let best = -1,
        bestKey = -1,
        bestGain = 0;
      for (let f = 0; f < n; f++) {
        const p = inst.parent[f]!;
        if (open[f] || inst.cost[f]! > available + tol || (p >= 0 && !open[p])) continue;
        let g = 0;
        for (const i of inst.cover[f]!) if (!c[i]) g += inst.w[i]!;
        const key = inst.cost[f]! > 0 ? g / inst.cost[f]! : Number.MAX_VALUE;
        if (g > 0 && (key > bestKey || (key === bestKey && g > bestGain))) (best = f), (bestKey = key), (bestGain = g);
      }
      if (best < 0) break;
      open[best] = 1;
      list.push(best);
      available -= inst.cost[best]!;
      for (const i of inst.cover[best]!) c[i] = 1;
    }
  }
  // The rest follow by people reached per manat, parents first, for the decoder to place if it can.
  for (let f = 0; f < n; f++) if (!open[f]) list.push(f);
  return parentsFirst(inst, list);
}

/** The list with every facility after its parent (a branch listed before its center moves after it). */
function parentsFirst(inst: MoneyOrderInstance, list: readonly number[]): number[] {
  const out: number[] = [];
  const placed = new Uint8Array(inst.cover.length);
  const place = (f: number) => {
    if (placed[f]) return;
    const p = inst.parent[f]!;
    if (p >= 0) place(p);
    placed[f] = 1;
    out.push(f);
  };
  for (const f of list) place(f);
  return out;
}

/**
 * Improves the list by moving one facility to another place, taking each move that gains (first
 * improvement), until a whole pass gains nothing or `maxEvaluations` schedules have been tried:
 * a work limit, not time, so the answer repeats.
 */
function improveList(
  inst: MoneyOrderInstance,
  start: number[],
  maxEvaluations: number,
): { list: number[]; moves: number } {
  let list = start;
  let value = peopleYears(inst, decode(inst, list));
  let evaluations = 0,
    moves = 0,
    improved = true;
  while (improved && evaluations < maxEvaluations) {
    improved = false;
    for (let a = 0; a < list.length && evaluations < maxEvaluations; a++)
      for (let b = 0; b < list.length && evaluations < maxEvaluations; b++) {
        if (a === b) continue;
        const next = [...list];
        const [f] = next.splice(a, 1);
        next.splice(b, 0, f!);
        const candidate = parentsFirst(inst, next);
        evaluations++;
        const v = peopleYears(inst, decode(inst, candidate));
        if (v > value + 1e-9 * Math.max(1, value)) {
          list = candidate;
          value = v;
          moves++;
          improved = true;
        }
      }
  }
  return { list, moves };
}

/**
 * An upper bound on people-years: in year t every schedule has spent at most t × the yearly
 * budget (either carry-over rule), so its coverage is at most the budgeted covering bound with
 * that much money; `known`: a schedule's coverage per year, which steers each bound's steps.
 */
export function moneyOrderBound(inst: MoneyOrderInstance, known: Float64Array): number {
  let total = 0;
  for (let y = 1; y <= inst.years; y++) {
    const b: BudgetInstance = { ...inst, budget: y * inst.perYear };
    total += Math.max(budgetBound(b, known[y - 1]!, 200), known[y - 1]!);
  }
  return total;
}

export const MONEY_ORDER_EXACT_VARIABLES = 3000;
const MAX_NODES = 20000;

/** The time-indexed MILP: x_{f,t} = f open by the end of year t; z_{i,t} = point i covered in year t. */
export async function moneyOrderExact(
  inst: MoneyOrderInstance,
  maxVariables = MONEY_ORDER_EXACT_VARIABLES,
): Promise<(MoneySchedule & { bound: number; status: 'optimal' | 'limit' }) | undefined> {
  const Y = inst.years,
    n = inst.cover.length;
  const by = new Map<number, number[]>();
  inst.cover.forEach((list, f) => {
    for (const i of list) if (!inst.covered[i] && inst.w[i]! > 0) (by.get(i) ?? by.set(i, []).get(i)!).push(f);
  });
  const groups = mergeAlike(by, inst.w);
  if ((groups.by.size + n) * Y > maxVariables) return undefined;
  let base = 0;
  inst.covered.forEach((c, i) => c && (base += inst.w[i]! * Y));
  const pts = [...groups.by.keys()].sort((a, b) => a - b);
  if (!pts.length) return { year: new Int32Array(n), value: base, bound: base, status: 'optimal' };
  const x = (f: number, t: number) => `x${f}_${t}`;
  const obj: string[] = [];
  for (let t = 1; t <= Y; t++) for (const i of pts) obj.push(`${groups.w[i]} z${i}_${t}`);
  const rows: string[] = [];
  for (let t = 1; t <= Y; t++) {
    for (const i of pts)
      rows.push(
        ` c${i}_${t}: z${i}_${t} - ${by
          .get(i)!
          .map((f) => x(f, t))
          .join(' - ')} <= 0`,
      );
    for (let f = 0; f < n; f++) {
      if (t > 1) rows.push(` m${f}_${t}: ${x(f, t - 1)} - ${x(f, t)} <= 0`);
      const p = inst.parent[f]!;
      if (p >= 0) rows.push(` p${f}_${t}: ${x(f, t)} - ${x(p, t)} <= 0`);
    }
    const terms = [...Array(n).keys()].map((f) => `${inst.cost[f]} ${x(f, t)}`);
    if (inst.carryOver)
      rows.push(` b${t}: ${terms.join(' + ')} <= ${t * inst.perYear + costTolerance(t * inst.perYear)}`);
    else {
      const before = t > 1 ? [...Array(n).keys()].map((f) => ` - ${inst.cost[f]} ${x(f, t - 1)}`).join('') : '';
      rows.push(` b${t}: ${terms.join(' + ')}${before} <= ${inst.perYear + costTolerance(inst.perYear)}`);
    }
  }
  const xs: string[] = [];
  for (let t = 1; t <= Y; t++) for (let f = 0; f < n; f++) xs.push(x(f, t));
  const bounds: string[] = [];
  for (let t = 1; t <= Y; t++) for (const i of pts) bounds.push(` 0 <= z${i}_${t} <= 1`);
  const lp = [
    'Maximize',
    ` obj: ${obj.join(' + ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binary',
    ` ${xs.join(' ')}`,
    'End',
  ];
  const sol = await solveMip(lp.join('\n'), MAX_NODES);
  if (!sol) return undefined;
  const year = new Int32Array(n);
  for (let f = 0; f < n; f++) for (let t = Y; t >= 1; t--) if ((sol.values.get(x(f, t)) ?? 0) > 0.5) year[f] = t;
  return { year, value: peopleYears(inst, year), bound: sol.bound + base, status: sol.status };
}

export interface MoneyOrderAnswer extends MoneySchedule {
  greedy: number;
  /** The heuristic's own people-years (the answer's when HiGHS did not improve on it). */
  heuristic: number;
  moves: number;
  quality: Quality;
}

export const MONEY_ORDER_BOUND = 'per-year Lagrangian covering bound';

/** The best schedule found and how good it is: heuristic, bound, and HiGHS where small. */
export async function solveMoneyOrder(
  inst: MoneyOrderInstance,
  maxVariables = MONEY_ORDER_EXACT_VARIABLES,
): Promise<MoneyOrderAnswer> {
  const start = greedyList(inst);
  const greedy = peopleYears(inst, decode(inst, start));
  const improved = improveList(inst, start, 20000);
  const year = decode(inst, improved.list);
  const value = peopleYears(inst, year);
  const heuristic = { year, value, greedy, heuristic: value, moves: improved.moves };
  const bound = moneyOrderBound(inst, coveredByYear(inst, year));
  const quality = qualityOf(heuristic.value, bound, MONEY_ORDER_BOUND);
  if (quality.status === 'proven optimal') return { ...heuristic, quality };
  const exact = await moneyOrderExact(inst, maxVariables);
  if (!exact) return { ...heuristic, quality };
  const best = exact.value >= heuristic.value - 1e-9 ? exact : heuristic;
  return {
    ...heuristic,
    year: best.year,
    value: best.value,
    quality:
      exact.status === 'optimal'
        ? qualityOf(best.value, best.value, 'HiGHS MILP')
        : qualityOf(best.value, Math.min(bound, exact.bound), 'HiGHS MILP, node limit'),
  };
}
