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
  noneAffordable,
  peopleYears,
  solveMoneyOrder,
  spendingByYear,
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
  /** Every facility not open at the start: where it stands, when the order opens it, what it adds. */
  sites: OrderSite[];
  /** With a money budget per year (`budget` is then 0). */
  money?: MoneyOrderInfo;
  /** How good the optimized order is: proven optimal, or the bound on people-years and the gap. */
  quality: Quality;
  /** The problem it answers: the model, whose people, how distance is measured. */
  problem: { model: string; population: string; travel: string };
}

/** A facility of the order, for maps (GeoJSON) and tables. */
export interface OrderSite {
  id: string;
  name: string;
  kind: Facility['kind'];
  lat: number;
  lon: number;
  /** Place in the optimized opening order (1 = first), null when it does not open within the years. */
  rank: number | null;
  /** Year the optimized order opens it, null when not within the years. */
  opens: number | null;
  /** Year the plan's own order opens it under the same budget, null when not within the years. */
  plan_opens: number | null;
  /** People it newly puts within the standard in the optimized order (after those ranked before it). */
  newly_covered: number;
  /** Its costs in manat, where the plan gives them. */
  build_azn?: number;
  yearly_azn?: number;
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

/**
 * The facilities not open at the start, ranked by the optimized order: by opening year, and within
 * a year the one that newly covers the most people first (ties by id), each credited with the
 * people it adds after those before it; those that do not open follow, unranked.
 */
function orderSites(
  setup: OrderSetup,
  opensAt: (f: Facility) => number | undefined,
  planAt: (f: Facility) => number | undefined,
): OrderSite[] {
  const c = new Uint8Array(setup.points.length);
  for (const f of setup.all.filter(setup.openAtStart)) for (const i of setup.cover.get(f.id)!) c[i] = 1;
  const gain = (f: Facility) => setup.cover.get(f.id)!.reduce((a, i) => a + (c[i] ? 0 : setup.weights[i]!), 0);
  const site = (f: Facility, rank: number | null, newly: number): OrderSite => ({
    id: f.id,
    name: f.name,
    kind: f.kind,
    lat: f.location.lat,
    lon: f.location.lon,
    rank,
    opens: opensAt(f) ?? null,
    plan_opens: planAt(f) ?? null,
    newly_covered: Math.round(newly),
    ...(f.build_cost !== undefined ? { build_azn: f.build_cost } : {}),
    ...(f.yearly_cost !== undefined ? { yearly_azn: f.yearly_cost } : {}),
  });
  const out: OrderSite[] = [];
  for (const y of setup.years) {
    const now = setup.planOrder.filter((f) => opensAt(f) === y);
    while (now.length) {
      let best = 0;
      for (let k = 1; k < now.length; k++) {
        const d = gain(now[k]!) - gain(now[best]!);
        if (d > 0 || (d === 0 && compareText(now[k]!.id, now[best]!.id) < 0)) best = k;
      }
      const [f] = now.splice(best, 1);
      out.push(site(f!, out.length + 1, gain(f!)));
      for (const i of setup.cover.get(f!.id)!) c[i] = 1;
    }
  }
  for (const f of setup.planOrder) if (opensAt(f) === undefined) out.push(site(f, null, 0));
  return out;
}

type OrderSetup = ReturnType<typeof orderSetup>;

/** The facilities not open at the start as a money-order instance (money-order.ts), with these costs. */
function pendingInstance(
  setup: OrderSetup,
  cost: Float64Array,
  perYear: number,
  carryOver: boolean,
  running?: Float64Array,
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
    ...(running ? { running } : {}),
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
  planOrder.forEach((f, i) => {
    const y = from + 1 + Math.floor(i / budget);
    if (y <= plan.years.to) planYear.set(f.id, y);
  });
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
  const sites = orderSites(
    setup,
    (f) => scheduleYear.get(f.id),
    (f) => planYear.get(f.id),
  );
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
    sites,
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

/** What a year's budget pays for: building only, or building and running what the order opened. */
export type BudgetCovers = 'build' | 'build+running';

/** A money budget per year for the opening order (`--budget-azn-per-year`). */
export interface MoneyRule {
  perYear: number;
  /** Money not spent in a year stays available later (else it is lost at the year's end). */
  carryOver: boolean;
  /** Default build+running: a yearly budget also pays for what the order has opened (`--budget-covers`). */
  covers: BudgetCovers;
}

/** What a money-budgeted order adds to the result: the rule, the spending, and how good it is. */
export interface MoneyOrderInfo {
  azn_per_year: number;
  carry_over: boolean;
  /** The carry-over rule in words. */
  rule: string;
  /** What the budget pays for, and that in words. */
  covers: BudgetCovers;
  counted: string;
  /**
   * Spending counted against each year's budget (build, plus running when counted) by the
   * optimized order and by the plan's order under the same rule; `*_running_azn` the running part.
   */
  spent: {
    year: number;
    optimized_azn: number;
    plan_azn: number;
    optimized_running_azn: number;
    plan_running_azn: number;
  }[];
  heuristic: { greedy: number; local_search: number; moves: number };
  /**
   * When no facility fits the budget on its own in any year (so nothing can open): the cheapest to
   * build. Its running cost never matters here: opened in the last year it runs after the years.
   * The order is then empty, and says so (exit 0: it is the answer at this budget).
   */
  none_affordable?: { id: string; build_azn: number };
}

export const coversText = (covers: BudgetCovers): string =>
  covers === 'build'
    ? 'build costs only (running costs not counted)'
    : 'build costs, and the yearly_cost of each facility the order opened from the year after it opens (pro rata not applied; running after the last year not counted)';

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
  const running = rule.covers === 'build' ? undefined : Float64Array.from(pending, (f) => yearlyCost(f, from));
  const inst = pendingInstance(setup, cost, rule.perYear, rule.carryOver, running);
  const answer = await solveMoneyOrder(inst, maxVariables);
  const planYears = decode(inst, [...pending.keys()]);
  const at = (year: Int32Array) => new Map(pending.map((f, k) => [f.id, year[k]! > 0 ? from + year[k]! : Infinity]));
  const optimizedAt = at(answer.year),
    planAt = at(planYears);
  const cents = (x: number) => Math.round(x * 100) / 100;
  const spentBy = (year: Int32Array) => spendingByYear(inst, year);
  const runningBy = (year: Int32Array) => spendingByYear({ ...inst, cost: new Float64Array(pending.length) }, year);
  const [optSpent, planSpent, optRunning, planRunning] = [
    spentBy(answer.year),
    spentBy(planYears),
    runningBy(answer.year),
    runningBy(planYears),
  ];
  const yearOf = (m: Map<string, number>) => (f: Facility) => {
    const y = m.get(f.id);
    return y === undefined || y === Infinity ? undefined : y;
  };
  const cheapest = noneAffordable(inst) ? cheapestOf(pending, cost) : undefined;
  return {
    from,
    budget: 0,
    population: Math.round(setup.population),
    optimized: simulate((f, y) => (optimizedAt.get(f.id) ?? Infinity) <= y),
    plan: simulate((f, y) => (planAt.get(f.id) ?? Infinity) <= y),
    unscheduled: pending.filter((_, k) => answer.year[k] === 0).map((f) => f.id),
    sites: orderSites(setup, yearOf(optimizedAt), yearOf(planAt)),
    money: {
      azn_per_year: rule.perYear,
      carry_over: rule.carryOver,
      rule: carryRule(rule.carryOver),
      covers: rule.covers,
      counted: coversText(rule.covers),
      spent: years.map((y, t) => ({
        year: y,
        optimized_azn: cents(optSpent[t + 1]!),
        plan_azn: cents(planSpent[t + 1]!),
        optimized_running_azn: cents(optRunning[t + 1]!),
        plan_running_azn: cents(planRunning[t + 1]!),
      })),
      heuristic: { greedy: Math.round(answer.greedy), local_search: Math.round(answer.heuristic), moves: answer.moves },
      ...(cheapest ? { none_affordable: cheapest } : {}),
    },
    quality: answer.quality,
    problem: orderProblem(
      rule.covers === 'build'
        ? 'opening order under a money budget per year: the years that maximise people-years within the standard, ' +
            'build costs within each year’s budget, a branch not before its center'
        : 'opening order under a money budget per year: the years that maximise people-years within the standard, ' +
            'build costs and the running costs of what it opened within each year’s budget, a branch not before its center',
      demand,
      settings,
      from,
    ),
  };
}

/** The facility cheapest to build (the first in the plan's order among equals), as the empty answer names it. */
function cheapestOf(pending: readonly Facility[], cost: Float64Array): NonNullable<MoneyOrderInfo['none_affordable']> {
  let best = 0;
  for (let k = 1; k < pending.length; k++) if (cost[k]! < cost[best]!) best = k;
  return { id: pending[best]!.id, build_azn: cost[best]! };
}

function yearlyCost(f: Facility, from: number): number {
  if (f.yearly_cost === undefined) throw new UserError(said('order.no_yearly_cost', { id: f.id, year: from }), 1);
  return f.yearly_cost;
}

function buildCost(f: Facility, from: number): number {
  if (f.build_cost === undefined) throw new UserError(said('refuse.order_no_build_cost', { id: f.id, year: from }), 1);
  return f.build_cost;
}
