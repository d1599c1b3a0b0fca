/**
 * Rollout ordering: with a budget of openings per year, the order of the plan's not-yet-open
 * facilities that maximises population-years covered (each year's covered people, summed),
 * against the plan's own order (by its dates) under the same budget. Greedy by marginal
 * coverage, year by year; a branch waits for its center. Population is held at the start year's
 * figures.
 */
import { facilitiesOf, type Facility, type Plan } from '../../model/plan.js';
import type { RegionIndex } from '../../model/region-index.js';
import { yearWeights, type Demand } from '../demand.js';
import { facilityPlace, placesOf, type Settings } from '../network.js';
import { endKey, isOpenOn, yearEnd } from '../schedule.js';
import { coverInstance } from './suggest.js';
import { compareText } from '../../model/compare-text.js';
import { UserError } from '../../errors.js';
import { said } from '../../model/said.js';
import { describeBasis } from '../demand.js';
import {
  coveredByYear,
  decode,
  MONEY_ORDER_BOUND,
  moneyOrderBound,
  peopleYears,
  solveMoneyOrder,
  type MoneyOrderInstance,
} from './money-order.js';
import { qualityOf, type Quality } from './quality.js';

export interface OrderStep {
  year: number;
  open: string[];
  covered: number;
  percent: number;
}

export interface OrderResult {
  from: number;
  budget: number;
  population: number;
  optimized: { steps: OrderStep[]; population_years: number };
  plan: { steps: OrderStep[]; population_years: number };
  /** Facilities the budget could not fit before the plan's last year. */
  unscheduled: string[];
  /** With a money budget per year (`budget` is then 0). */
  money?: MoneyOrderInfo;
  /** How good the optimized order is: proven optimal, or the bound on people-years and the gap. */
  quality: Quality;
  /** The problem it answers: the model, whose people, how distance is measured. */
  problem: { model: string; population: string; travel: string };
}

/** What both orderings need: the facilities, what each covers, the years, and the replay of an order. */
function orderSetup(plan: Plan, demand: Demand, regions: RegionIndex, settings: Settings, from: number) {
  const { weights } = yearWeights(demand, regions, from);
  const population = weights.reduce((a, b) => a + b, 0);
  const points = placesOf(demand.points, regions);
  const all = facilitiesOf(plan).filter((f) => f.status !== 'closed');
  const covers = (kind: Facility['kind']) => {
    const fs = all.filter((f) => f.kind === kind);
    const sites = fs.map((f) => facilityPlace(f, regions));
    const inst = coverInstance(settings.travel, points, weights, sites, [], settings.standards[kind]);
    return new Map(fs.map((f, t) => [f.id, inst.cover[t]!]));
  };
  const cover = new Map([...covers('center'), ...covers('branch')]);
  const years = Array.from({ length: plan.years.to - from }, (_, i) => from + 1 + i);
  const openAtStart = (f: Facility) => isOpenOn(f, yearEnd(from));

  const simulate = (
    openAt: (f: Facility, year: number) => boolean,
  ): { steps: OrderStep[]; population_years: number } => {
    const c = new Uint8Array(points.length);
    let covered = 0,
      total = 0;
    const steps: OrderStep[] = [];
    const opened = new Set<string>();
    const add = (f: Facility) => {
      opened.add(f.id);
      for (const i of cover.get(f.id)!) if (!c[i]) (c[i] = 1), (covered += weights[i]!);
    };
    // What is open at the start counts from the first year and is not listed as an opening.
    all.filter(openAtStart).forEach(add);
    for (const y of years) {
      const now = all.filter((f) => !opened.has(f.id) && openAt(f, y));
      now.forEach(add);
      total += covered;
      steps.push({
        year: y,
        open: now.map((f) => f.id),
        covered: Math.round(covered),
        percent: Math.round((covered / population) * 10000) / 100,
      });
    }
    return { steps, population_years: Math.round(total) };
  };
  // The plan's own order: its facilities not open at the start, by opening date.
  const planOrder = all
    .filter((f) => !openAtStart(f))
    .sort((a, b) => endKey(a.opens) - endKey(b.opens) || compareText(a.id, b.id));
  return { weights, population, points, all, cover, years, openAtStart, simulate, planOrder };
}

type OrderSetup = ReturnType<typeof orderSetup>;

/** The facilities not open at the start as a money-order instance (money-order.ts), with these costs. */
function pendingInstance(
  setup: OrderSetup,
  cost: Float64Array,
  perYear: number,
  carryOver: boolean,
): MoneyOrderInstance {
  const pending = setup.planOrder;
  const index = new Map(pending.map((f, k) => [f.id, k]));
  const covered = new Uint8Array(setup.points.length);
  for (const f of setup.all.filter(setup.openAtStart)) for (const i of setup.cover.get(f.id)!) covered[i] = 1;
  return {
    w: Float64Array.from(setup.weights),
    cover: pending.map((f) => setup.cover.get(f.id)!),
    covered,
    cost,
    parent: Int32Array.from(pending, (f) => (f.kind === 'branch' && f.center ? (index.get(f.center) ?? -1) : -1)),
    years: setup.years.length,
    perYear,
    carryOver,
  };
}

/** What an order answers, for every format. */
function orderProblem(model: string, demand: Demand, settings: Settings, from: number): OrderResult['problem'] {
  return {
    model,
    population: `${describeBasis(demand.basis ?? 'file')}, people of ${from} held for every year`,
    travel: settings.travel.info.description,
  };
}

export function rolloutOrder(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  from: number,
  budget: number,
): OrderResult {
  const setup = orderSetup(plan, demand, regions, settings, from);
  const { weights, population, points, all, cover, years, openAtStart, simulate, planOrder } = setup;
  // The plan's own order under the same budget: its facilities by opening date, `budget` a year.
  const planYear = new Map<string, number>();
  planOrder.forEach((f, i) => planYear.set(f.id, from + 1 + Math.floor(i / budget)));
  const planResult = simulate((f, y) => (planYear.get(f.id) ?? Infinity) <= y);

  // Greedy order: each year, up to `budget` facilities with the largest marginal coverage.
  const c = new Uint8Array(points.length);
  const open = new Set(all.filter(openAtStart).map((f) => f.id));
  for (const id of open) for (const i of cover.get(id)!) c[i] = 1;
  const scheduleYear = new Map<string, number>();
  const byId = new Map(all.map((f) => [f.id, f]));
  for (const y of years) {
    for (let b = 0; b < budget; b++) {
      let best: { id: string; gain: number } | undefined;
      for (const f of all) {
        if (open.has(f.id) || (f.kind === 'branch' && f.center && !open.has(f.center) && byId.has(f.center))) continue;
        let g = 0;
        for (const i of cover.get(f.id)!) if (!c[i]) g += weights[i]!;
        // Ties: the plan's earlier date first, then id, so the order is deterministic.
        if (
          !best ||
          g > best.gain ||
          (g === best.gain &&
            (endKey(f.opens) < endKey(byId.get(best.id)!.opens) ||
              (endKey(f.opens) === endKey(byId.get(best.id)!.opens) && f.id < best.id)))
        )
          best = { id: f.id, gain: g };
      }
      if (!best) break;
      open.add(best.id);
      scheduleYear.set(best.id, y);
      for (const i of cover.get(best.id)!) c[i] = 1;
    }
  }
  const optimized = simulate((f, y) => (scheduleYear.get(f.id) ?? Infinity) <= y);
  // The bound: openings counted as costing 1 each, `budget` a year (money-order.ts).
  const inst = pendingInstance(setup, new Float64Array(planOrder.length).fill(1), budget, false);
  const year = Int32Array.from(planOrder, (f) => (scheduleYear.get(f.id) ?? from) - from);
  const value = peopleYears(inst, year);
  const a = budget === 1 ? 'opening' : 'openings';
  return {
    from,
    budget,
    population: Math.round(population),
    optimized,
    plan: planResult,
    unscheduled: all.filter((f) => !openAtStart(f) && !scheduleYear.has(f.id)).map((f) => f.id),
    quality: qualityOf(value, moneyOrderBound(inst, coveredByYear(inst, year)), MONEY_ORDER_BOUND),
    problem: orderProblem(
      `opening order, ${budget} ${a} a year: the years that maximise people-years within the standard ` +
        '(greedy by people newly covered), a branch not before its center',
      demand,
      settings,
      from,
    ),
  };
}

/** The optimized order as plan changes: new opening years, and what the budget leaves out. */
export interface OrderChanges {
  /** Facilities whose opening year changes, with the year the order gives them. */
  redated: { id: string; kind: Facility['kind']; opens: number; was: string }[];
  /** Facilities not opened by the plan's last year at this budget (a scenario drops them). */
  removed: string[];
}

export function orderChanges(plan: Plan, r: OrderResult): OrderChanges {
  const byId = new Map(facilitiesOf(plan).map((f) => [f.id, f]));
  const redated: OrderChanges['redated'] = [];
  const removed = [...r.unscheduled];
  for (const step of r.optimized.steps)
    for (const id of step.open) {
      const f = byId.get(id)!;
      if (Math.floor(endKey(f.opens) / 10000) === step.year) continue;
      // A planned closure on or before the new opening would close it before it opens: drop it.
      if (f.closes !== undefined && endKey(f.closes) <= yearEnd(step.year)) removed.push(id);
      else redated.push({ id, kind: f.kind, opens: step.year, was: String(f.opens) });
    }
  return { redated, removed };
}

/** A money budget per year for the opening order (`--budget-azn-per-year`). */
export interface MoneyRule {
  perYear: number;
  /** Money not spent in a year stays available later (else it is lost at the year's end). */
  carryOver: boolean;
}

/** What a money-budgeted order adds to the result: the rule, the spending, and how good it is. */
export interface MoneyOrderInfo {
  azn_per_year: number;
  carry_over: boolean;
  /** The carry-over rule in words. */
  rule: string;
  /** Build spending per year of the optimized order and of the plan's order under the same rule. */
  spent: { year: number; optimized_azn: number; plan_azn: number }[];
  heuristic: { greedy: number; local_search: number; moves: number };
}

export const carryRule = (carry: boolean): string =>
  carry
    ? 'money not spent in a year carries over to later years (spending by the end of each year ≤ years × budget)'
    : "each year's budget is spent that year or lost (no carry-over)";

/**
 * The opening order under a money budget per year (money-order.ts): each facility not open at the
 * end of `from` needs a build_cost. The plan's own order is replayed under the same rule: its
 * facilities by date, each as soon as the money allows, none overtaking an earlier one.
 */
export async function moneyRolloutOrder(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  from: number,
  rule: MoneyRule,
  maxVariables?: number,
): Promise<OrderResult> {
  const setup = orderSetup(plan, demand, regions, settings, from);
  const { years, simulate } = setup;
  const pending = setup.planOrder;
  const cost = Float64Array.from(pending, (f) => buildCost(f, from));
  const inst = pendingInstance(setup, cost, rule.perYear, rule.carryOver);
  const answer = await solveMoneyOrder(inst, maxVariables);
  const planYears = decode(inst, [...pending.keys()]);
  const at = (year: Int32Array) => new Map(pending.map((f, k) => [f.id, year[k]! > 0 ? from + year[k]! : Infinity]));
  const optimizedAt = at(answer.year),
    planAt = at(planYears);
  const spending = (year: Int32Array, y: number) =>
    Math.round(inst.cost.reduce((a, c, k) => a + (year[k] === y ? c : 0), 0) * 100) / 100;
  return {
    from,
    budget: 0,
    population: Math.round(setup.population),
    optimized: simulate((f, y) => (optimizedAt.get(f.id) ?? Infinity) <= y),
    plan: simulate((f, y) => (planAt.get(f.id) ?? Infinity) <= y),
    unscheduled: pending.filter((_, k) => answer.year[k] === 0).map((f) => f.id),
    money: {
      azn_per_year: rule.perYear,
      carry_over: rule.carryOver,
      rule: carryRule(rule.carryOver),
      spent: years.map((y, t) => ({
        year: y,
        optimized_azn: spending(answer.year, t + 1),
        plan_azn: spending(planYears, t + 1),
      })),
      heuristic: { greedy: Math.round(answer.greedy), local_search: Math.round(answer.heuristic), moves: answer.moves },
    },
    quality: answer.quality,
    problem: orderProblem(
      'opening order under a money budget per year: the years that maximise people-years within the standard, ' +
        'build costs within each year’s budget, a branch not before its center',
      demand,
      settings,
      from,
    ),
  };
}

function buildCost(f: Facility, from: number): number {
  if (f.build_cost === undefined) throw new UserError(said('refuse.order_no_build_cost', { id: f.id, year: from }), 1);
  return f.build_cost;
}
