/**
 * Opening order under a money budget per year: which year each not-yet-open facility opens so
 * that each year's spending stays within the budget and the people-years covered (each year's
 * covered people, summed) are the most. A year's spending is the build cost of what opens in it,
 * plus (when `running` is given) the yearly running cost of every facility the schedule opened in
 * an earlier year: a facility opened in year t runs at the schedule's expense from year t + 1 (its
 * opening year's running is taken as part of fitting it out; openings are dated by year, not day,
 * so a pro-rata share would be a guess). Running costs after the last year are not counted.
 * Carry-over rule: with `carryOver`, money not spent in a year stays available in later years
 * (spending by the end of year t ≤ t × budget); without it, each year's budget is spent that year
 * or lost. A branch opens no earlier than its center.
 *
 * The heuristic: a priority list (greedy by people gained per manat, the manat being the build
 * cost plus the running cost to the last year), decoded into years — with carry-over strictly in
 * list order, a facility that does not fit yet waiting (and saving) for the money; without, each
 * year opening what fits in list order; either way a facility opens only if every later year can
 * still pay its running cost — then improved by moving one facility to another place in the list.
 * With build costs only every schedule is some list's decoding under carry-over; with running
 * costs opening early costs money, so the decoding (as early as the money allows) can miss the
 * optimum, which HiGHS finds where it is small. The bound: each year's coverage is at most the
 * budgeted covering bound (budget-cover.ts) with that year's cumulative budget (running costs
 * only lower what is left to build with, so it holds). HiGHS solves the time-indexed MILP where
 * it is small.
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
  /** Running cost a year of each facility, in manat, paid from the year after it opens; absent: not counted. */
  running?: Float64Array;
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
  for (let f = 0; f < inst.cover.length; f++) {
    const y = year[f]!;
    const p = inst.parent[f]!;
    if (y > 0 && p >= 0 && (year[p]! <= 0 || year[p]! > y)) return false;
  }
  const spend = spendingByYear(inst, year);
  let cum = 0;
  for (let y = 1; y <= inst.years; y++) {
    cum += spend[y]!;
    const cap = inst.carryOver ? y * inst.perYear : inst.perYear;
    if ((inst.carryOver ? cum : spend[y]!) > cap + costTolerance(cap)) return false;
  }
  return true;
}

/** What a schedule spends in each year (index t = year t; 0 unused): build costs, and running costs from the year after opening. */
export function spendingByYear(inst: MoneyOrderInstance, year: ArrayLike<number>): Float64Array {
  const spend = new Float64Array(inst.years + 1);
  for (let f = 0; f < inst.cover.length; f++) {
    const y = year[f]!;
    if (y <= 0) continue;
    spend[y] = spend[y]! + inst.cost[f]!;
    const r = inst.running?.[f] ?? 0;
    if (r > 0) for (let t = y + 1; t <= inst.years; t++) spend[t] = spend[t]! + r;
  }
  return spend;
}

/**
 * The money left in each year as facilities are scheduled: with carry-over, t × budget less the
 * spending by the end of year t; without, the year's budget less its spending. A facility fits in
 * year y when year y can pay its build cost and every later year its running cost as well.
 */
class Purse {
  private readonly left: Float64Array;
  constructor(private readonly inst: MoneyOrderInstance) {
    this.left = Float64Array.from({ length: inst.years + 1 }, (_, t) => (inst.carryOver ? t : 1) * inst.perYear);
  }
  /** What year t needs from what is left when f opens in year y (0 before y). */
  private need(f: number, y: number, t: number): number {
    const r = this.inst.running?.[f] ?? 0;
    if (t < y) return 0;
    return this.inst.carryOver ? this.inst.cost[f]! + r * (t - y) : t === y ? this.inst.cost[f]! : r;
  }
  fits(f: number, y: number): boolean {
    const { inst } = this;
    for (let t = y; t <= inst.years; t++) {
      const tol = costTolerance(inst.carryOver ? t * inst.perYear : inst.perYear);
      if (this.need(f, y, t) > this.left[t]! + tol) return false;
    }
    return true;
  }
  take(f: number, y: number): void {
    for (let t = y; t <= this.inst.years; t++) this.left[t] = this.left[t]! - this.need(f, y, t);
  }
}

/** Whether no facility fits the budget on its own in any year (then nothing can open). */
export function noneAffordable(inst: MoneyOrderInstance): boolean {
  for (let f = 0; f < inst.cover.length; f++)
    for (let y = 1; y <= inst.years; y++) if (new Purse(inst).fits(f, y)) return false;
  return true;
}

/** The schedule a priority list gives (see the module comment for the two rules). */
export function decode(inst: MoneyOrderInstance, list: readonly number[]): Int32Array {
  const year = new Int32Array(inst.cover.length);
  const opened = (f: number, y: number) => year[f]! > 0 && year[f]! <= y;
  const purse = new Purse(inst);
  let next = 0; // carry-over: the list position to open next
  const done = new Uint8Array(inst.cover.length);
  const open = (f: number, y: number) => {
    year[f] = y;
    done[f] = 1;
    purse.take(f, y);
  };
  for (let y = 1; y <= inst.years; y++) {
    if (inst.carryOver) {
      for (; next < list.length; next++) {
        const f = list[next]!;
        const p = inst.parent[f]!;
        if (!purse.fits(f, y) || (p >= 0 && !opened(p, y))) break;
        open(f, y);
      }
    } else {
      for (const f of list) {
        const p = inst.parent[f]!;
        if (done[f] || (p >= 0 && !opened(p, y)) || !purse.fits(f, y)) continue;
        open(f, y);
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
  const purse = new Purse(inst);
  for (let y = 1; y <= inst.years; y++) {
    for (;;) {
      let best = -1,
        bestKey = -1,
        bestGain = 0;
      for (let f = 0; f < n; f++) {
        const p = inst.parent[f]!;
        if (open[f] || (p >= 0 && !open[p])) continue;
        let g = 0;
        for (const i of inst.cover[f]!) if (!c[i]) g += inst.w[i]!;
        // The manat a facility opened now costs by the last year: build, then running.
        const manat = inst.cost[f]! + (inst.running?.[f] ?? 0) * (inst.years - y);
        const key = manat > 0 ? g / manat : Number.MAX_VALUE;
        if (g > 0 && (key > bestKey || (key === bestKey && g > bestGain)) && purse.fits(f, y))
          (best = f), (bestKey = key), (bestGain = g);
      }
      if (best < 0) break;
      open[best] = 1;
      list.push(best);
      purse.take(best, y);
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
 * budget on building (either carry-over rule; running costs only take from it), so its coverage is at most the budgeted covering bound with
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

/** `+ 3 x` or `- 3 x`, nothing for a zero coefficient: an LP-format term. */
const term = (coef: number, v: string) => (coef === 0 ? '' : ` ${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${v}`);

/**
 * Facilities that cost the same to build and to run, grouped: the budget rows read only how many
 * of each group are open, n_{c,t} = Σ_{f∈c} x_{f,t}, a whole number HiGHS branches and cuts on.
 * The rows are the same constraints, but written over the counts they are knapsacks over a few
 * whole numbers rather than many binaries of equal weight, whose LP relaxation HiGHS closes slowly:
 * on the DOST plan (63 sites in 3 cost groups, 5 years, running costs) the proof took 283 nodes,
 * and takes 11–51 with the counts (the same optimum, the same schedule). A facility alone in its
 * group keeps its own x. `count(c, t)` names group c's count in year t.
 */
interface CostGroups {
  /** The facilities of each group with two or more, and each group's costs. */
  groups: { members: number[]; cost: number; running: number }[];
  /** Group of each facility, -1 when it is alone (its own x is its count). */
  of: Int32Array;
}

function costGroups(inst: MoneyOrderInstance): CostGroups {
  const byCost = new Map<string, number[]>();
  for (let f = 0; f < inst.cover.length; f++) {
    const key = `${inst.cost[f]} ${inst.running?.[f] ?? 0}`;
    (byCost.get(key) ?? byCost.set(key, []).get(key)!).push(f);
  }
  const of = new Int32Array(inst.cover.length).fill(-1);
  const groups: CostGroups['groups'] = [];
  for (const members of byCost.values()) {
    if (members.length < 2) continue;
    for (const f of members) of[f] = groups.length;
    groups.push({ members, cost: inst.cost[members[0]!]!, running: inst.running?.[members[0]!] ?? 0 });
  }
  return { groups, of };
}

/**
 * Year t's budget row over the open counts (x_{f,s}, f open by the end of year s, for a facility
 * alone in its cost group; n_{c,s} for a group). Carry-over: Σ cost n_{c,t} + Σ running Σ_{s<t}
 * n_{c,s} ≤ t × budget (a facility open by the end of s runs in s + 1). Without: cost (n_{c,t} −
 * n_{c,t−1}) + running n_{c,t−1} ≤ budget.
 */
function budgetRow(
  inst: MoneyOrderInstance,
  t: number,
  x: (f: number, t: number) => string,
  g: CostGroups,
  count: (c: number, t: number) => string,
): string {
  const terms: string[] = [];
  const add = (c: number, r: number, at: (s: number) => string) => {
    terms.push(term(c, at(t)));
    if (inst.carryOver) for (let s = 1; s < t; s++) terms.push(term(r, at(s)));
    else if (t > 1) terms.push(term(r - c, at(t - 1)));
  };
  for (let f = 0; f < inst.cover.length; f++)
    if (g.of[f]! < 0) add(inst.cost[f]!, inst.running?.[f] ?? 0, (s) => x(f, s));
  g.groups.forEach((grp, c) => add(grp.cost, grp.running, (s) => count(c, s)));
  const cap = inst.carryOver ? t * inst.perYear : inst.perYear;
  // An empty left side (every cost 0) still needs a variable: 0 x.
  const lhs = terms.join('').trim().replace(/^\+ /, '') || `0 ${x(0, t)}`;
  return `${lhs} <= ${cap + costTolerance(cap)}`;
}

const MAX_NODES = 20000;

/**
 * The time-indexed MILP: x_{f,t} = f open by the end of year t; z_{i,t} = point i covered in year t;
 * n_{c,t} = how many of cost group c are open by then (see costGroups; `byGroup` false: the budget
 * rows over every x, as the tests compare).
 */
export async function moneyOrderExact(
  inst: MoneyOrderInstance,
  maxVariables = MONEY_ORDER_EXACT_VARIABLES,
  byGroup = true,
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
  const count = (c: number, t: number) => `n${c}_${t}`;
  const g: CostGroups = byGroup ? costGroups(inst) : { groups: [], of: new Int32Array(n).fill(-1) };
  const obj: string[] = [];
  for (let t = 1; t <= Y; t++) for (const i of pts) obj.push(`${groups.w[i]} z${i}_${t}`);
  const rows: string[] = [];
  const bounds: string[] = [];
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
    rows.push(` b${t}: ${budgetRow(inst, t, x, g, count)}`);
    g.groups.forEach(({ members }, c) => {
      rows.push(` k${c}_${t}: ${count(c, t)} - ${members.map((f) => x(f, t)).join(' - ')} = 0`);
      // Implied by the x rows, but stated: HiGHS then reads the counts as growing too.
      if (t > 1) rows.push(` q${c}_${t}: ${count(c, t - 1)} - ${count(c, t)} <= 0`);
    });
  }
  const counts: string[] = [];
  g.groups.forEach(({ members }, c) => {
    for (let t = 1; t <= Y; t++) counts.push(count(c, t));
    for (let t = 1; t <= Y; t++) bounds.push(` 0 <= ${count(c, t)} <= ${members.length}`);
  });
  const xs: string[] = [];
  for (let t = 1; t <= Y; t++) for (let f = 0; f < n; f++) xs.push(x(f, t));
  for (let t = 1; t <= Y; t++) for (const i of pts) bounds.push(` 0 <= z${i}_${t} <= 1`);
  const lp = [
    'Maximize',
    ` obj: ${obj.join(' + ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    ...(counts.length ? ['General', ` ${counts.join(' ')}`] : []),
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
  // A work limit (schedules tried), lowered where one decoding is long (many facilities, many years).
  const work = inst.cover.length * inst.years * (inst.years + 1);
  const improved = improveList(inst, start, Math.max(200, Math.min(20000, Math.floor(4e8 / Math.max(1, work)))));
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
