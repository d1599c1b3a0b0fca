/**
 * Site suggestions on top of a plan: the plan's facilities open at the end of a year stay fixed,
 * and k new sites are chosen among candidates (population points, or the user's own sites).
 */
import { geodesicKm } from '../../geo/geodesic.js';
import type { FacilityKind, Plan, Threshold } from '../../model/plan.js';
import { percentSaid } from '../../model/note.js';
import { type Said, amount, plainAmount, said } from '../../model/said.js';
import type { RegionIndex } from '../../model/region-index.js';
import { describeBasis, pointColumns, yearWeights, type Demand } from '../demand.js';
import { SettlementNames } from '../place-names.js';
import type { PointColumns } from '../../model/point-columns.js';
import { facilityPlace, placesOf, type Settings } from '../network.js';
import type { TravelCostModel } from '../../travel/travel-cost.js';
import { openOn, yearEnd } from '../schedule.js';
import { EXACT_LIMITS, mclpExact, pmedianExact } from './exact.js';

/** Candidates per point in the p-median lists; with at most this many, --exact is exact. */
const EXACT_CANDIDATES = 40;
import { geoInstance, type Instance, type Site } from './instance.js';
import { coverGreedy, coverIteratedSearch, coveredBy, type CoverInstance } from './mclp.js';
import { marginalOrder, type Reach } from './marginal-order.js';
import { pmedian } from './pmedian.js';
import { PMEDIAN_BOUND, qualityOf, type Quality } from './quality.js';
import { compareText } from '../../model/compare-text.js';
import { solveBudget } from './budget-exact.js';
import { budgetUse, countedCosts, type BudgetUse, type MoneyBudget, type SiteCosts } from './costs.js';

export type Model = 'mclp' | 'pmedian' | 'setcover';

export interface Candidate extends Site {
  name: string;
  region: string;
  /** What the site costs, when its file says (costs.ts). */
  costs?: SiteCosts;
}

export interface Suggestion {
  rank: number;
  name: string;
  region: string;
  lat: number;
  lon: number;
  /** mclp/setcover: people newly covered; pmedian: reduction of Σ people × road km. */
  marginal: number;
  /** Covered share (mclp/setcover) or mean road km (pmedian) after adding this and the sites above. */
  after: number;
  /** pmedian: people who had no reachable facility before this site. */
  reached?: number;
  /** With a money budget: what the site costs as counted against it, in manat. */
  cost_azn?: number;
  /** With a money budget: the site's costs as its file gives them. */
  costs?: SiteCosts;
}

export interface SuggestResult {
  model: Model;
  kind: FacilityKind;
  year: number;
  population: number;
  fixed: number;
  candidates: number;
  threshold_km: number | null;
  /** Covered share in % (mclp/setcover) or mean road km (pmedian), before and after. */
  before: number;
  after: number;
  sites: Suggestion[];
  heuristic: { greedy: number; local_search: number; swaps: number };
  exact: { value: number; gap_percent: number } | null;
  /** How good the answer is: proven optimal, a bound and the gap, or a heuristic with no bound. */
  quality: Quality;
  /** The problem it answers: the model, whose people, and how distance is measured. */
  problem: { model: string; population: string; travel: string };
  /** With --budget-azn: the budget, what counts against it, and what the chosen sites cost. */
  budget?: BudgetUse;
  /** What the answer leaves out or cannot prove (JSON writes it in English). */
  note?: Said;
}

const MODEL_TEXT: Record<Model, string> = {
  mclp: 'maximal covering: the k new sites that put the most people within the standard',
  pmedian: 'p-median: the k new sites that minimise people × road km to the nearest facility',
  setcover: 'set covering: the fewest new sites that put the target share within the standard',
};

const BUDGET_MODEL_TEXT =
  'maximal covering under a budget: the new sites within the budget in manat that put the most people within the standard';

/** The quality of an answer from the search's own bound, or HiGHS's optimum when --exact ran. */
function judged(value: number, bound: number, exact: number | undefined): Quality {
  return exact !== undefined
    ? qualityOf(Math.round(value), Math.round(exact), 'HiGHS MILP')
    : qualityOf(value, bound, PMEDIAN_BOUND);
}

export interface SuggestOptions {
  model: Model;
  kind: FacilityKind;
  year: number;
  k: number;
  /** setcover: target covered share in %. */
  targetPercent?: number;
  exact: boolean;
  /** mclp only: a money budget instead of k sites (every candidate then needs a cost). */
  budget?: MoneyBudget;
}

/**
 * The default candidates: every population point (settlements and rural grid points), a rural one
 * named after the settlement it stands in or its distance and direction from the nearest.
 */
export function pointCandidates(demand: Demand, regions: RegionIndex, settlements?: PointColumns): Candidate[] {
  // A user's file of bare coordinates has no names: its points are named after the embedded settlements.
  const own = pointColumns(demand);
  const names = new SettlementNames(own, own.names ? own : (settlements ?? own));
  return demand.points.map((p, i) => ({
    lat: p.lat,
    lon: p.lon,
    name: names.siteName(i, regions),
    region: p.region,
    side: regions.sideOf(p.region),
  }));
}

export async function suggestSites(
  plan: Plan,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  candidates: Candidate[],
  o: SuggestOptions,
): Promise<SuggestResult> {
  const { weights } = yearWeights(demand, regions, o.year);
  const points: Site[] = placesOf(demand.points, regions);
  const fixedFacilities = openOn(plan, yearEnd(o.year));
  const siteOf = (f: (typeof fixedFacilities)[number]): Site => facilityPlace(f, regions);
  const fixed: Site[] = fixedFacilities.map(siteOf);
  const population = weights.reduce((a, b) => a + b, 0);
  const base = {
    model: o.model,
    kind: o.kind,
    year: o.year,
    population: Math.round(population),
    fixed: fixed.length,
    candidates: candidates.length,
    problem: {
      model: o.budget ? BUDGET_MODEL_TEXT : MODEL_TEXT[o.model],
      population: `${describeBasis(demand.basis ?? 'file')}, people of ${o.year}`,
      travel: settings.travel.info.description,
    },
  };
  const toSite = (j: number, rank: number, marginal: number, after: number): Suggestion => ({
    rank,
    name: candidates[j]!.name,
    region: candidates[j]!.region,
    lat: candidates[j]!.lat,
    lon: candidates[j]!.lon,
    marginal: Math.round(marginal),
    after: Math.round(after * 100) / 100,
  });

  if (o.model === 'pmedian') {
    const inst: Instance = geoInstance(points, weights, candidates, fixed, settings.travel, EXACT_CANDIDATES);
    const r = pmedian(inst, o.k);
    // People with no reachable facility (no fixed one and no site on their side) have no distance:
    // they are counted apart, never as 0 km, so means and savings stay honest. The sites are listed
    // best first (most people newly reached, then the largest saving for those who could already
    // reach a facility), each with the mean after it.
    const { start, steps } = marginalOrder(inst, r.sites);
    const mean = (s: Reach) => (s.reachable > 0 ? s.total / s.reachable : 0);
    const sites: Suggestion[] = steps.map((step, rank) => {
      const site = toSite(step.site, rank + 1, step.saved, mean(step));
      return step.reached > 0 ? { ...site, reached: Math.round(step.reached) } : site;
    });
    const current = steps.at(-1) ?? start;
    const unreached = population - start.reachable,
      stillUnreached = population - current.reachable;
    const people = (x: number) => amount(Math.round(x));
    let exact: SuggestResult['exact'] = null;
    let note =
      unreached > 0.5
        ? said('note.opt.no_reach', { before: people(unreached), after: people(stillUnreached) })
        : undefined;
    if (o.exact) {
      const e = await pmedianExact(inst, o.k);
      if (e) exact = { value: Math.round(e.objective), gap_percent: gap(e.objective, r.objective) };
      else if (!inst.complete) note = said('note.opt.pmedian_incomplete', { max: EXACT_CANDIDATES });
      else note = said('note.opt.pmedian_too_large', { limit: amount(EXACT_LIMITS.pmedianVariables) });
    }
    const heuristic = { greedy: Math.round(r.greedyObjective), local_search: Math.round(r.objective), swaps: r.swaps };
    return {
      ...base,
      quality: judged(r.objective, r.lowerBound, exact?.value),
      threshold_km: null,
      before: round2(mean(start)),
      after: round2(mean(current)),
      sites,
      heuristic,
      exact,
      ...(note ? { note } : {}),
    };
  }

  const standard = settings.standards[o.kind];
  const fixedGroups = (['center', 'branch'] as const).map((kind) => ({
    sites: fixedFacilities.filter((f) => f.kind === kind).map(siteOf),
    standard: settings.standards[kind],
  }));
  const cover = coverInstance(settings.travel, points, weights, candidates, fixedGroups, standard);
  const pct = (covered: number) => (population ? (covered / population) * 100 : 0);
  const before = coveredBy(cover, []);
  const k = o.model === 'setcover' ? candidates.length : o.k;
  const target = ((o.targetPercent ?? 90) / 100) * population;
  let greedy = { sites: [] as number[] },
    improved: { sites: number[]; swaps: number },
    budgeted: Awaited<ReturnType<typeof solveBudget>> | undefined,
    cost: Float64Array | undefined;
  if (o.budget) {
    cost = countedCosts(candidates, o.budget);
    budgeted = await solveBudget(
      { ...cover, cost, budget: o.budget.azn },
      o.exact ? EXACT_LIMITS.mclpVariables : undefined,
    );
    greedy = budgeted.greedy;
    improved = { sites: budgeted.sites, swaps: budgeted.moves };
  } else {
    greedy = coverGreedy(cover, k, o.model === 'setcover' ? (c) => c >= target - 1e-6 : undefined);
    improved = o.model === 'mclp' ? coverIteratedSearch(cover, greedy.sites) : { sites: greedy.sites, swaps: 0 };
  }
  const final = coveredBy(cover, improved.sites);
  // Report sites in greedy order of their marginal coverage given the ones above.
  const order = coverGreedy({ ...cover, cover: improved.sites.map((j) => cover.cover[j]!) }, improved.sites.length);
  let cum = before;
  const sites = order.sites.map((t, r) => {
    cum += order.marginal[r]!;
    const j = improved.sites[t]!;
    const site = toSite(j, r + 1, order.marginal[r]!, pct(cum));
    if (!cost) return site;
    const { where: _where, ...costs } = candidates[j]!.costs ?? {};
    return { ...site, cost_azn: cost[j]!, costs };
  });
  let exact: SuggestResult['exact'] = null;
  let note: Said | undefined;
  if (budgeted?.exact) {
    const e = budgeted.exact;
    exact = { value: Math.round(e.value), gap_percent: gap(e.value, budgeted.heuristic) };
  } else if (o.exact && o.model === 'mclp' && !o.budget) {
    const e = await mclpExact(cover, o.k);
    if (e) exact = { value: Math.round(e.covered), gap_percent: gap(e.covered, final) };
    else note = said('note.opt.too_large');
  }
  if (o.model === 'setcover' && final < target - 1e-6)
    note = said('note.opt.unreached', { n: plainAmount(candidates.length), pct: percentSaid(pct(final)) });
  return {
    ...base,
    // The covering searches have no bound of their own: only HiGHS (--exact) can prove them.
    quality: budgeted ? budgeted.quality : judged(final, NaN, exact?.value),
    threshold_km: settings.travel.reachKm(standard),
    before: round2(pct(before)),
    after: round2(pct(final)),
    sites,
    heuristic: {
      greedy: Math.round(coveredBy(cover, greedy.sites)),
      local_search: Math.round(budgeted ? budgeted.heuristic : final),
      swaps: improved.swaps,
    },
    exact,
    ...(o.budget && cost ? { budget: budgetUse(o.budget, cost, improved.sites) } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * Coverage lists: for each candidate, the points within the standard of it. Points already within
 * the standard of a fixed facility (each group with its own: centers and branches have different
 * standards) are marked covered.
 */
export function coverInstance(
  travel: TravelCostModel,
  points: Site[],
  weights: ArrayLike<number>,
  candidates: Site[],
  fixed: { sites: Site[]; standard: Threshold }[],
  standard: Threshold,
): CoverInstance {
  const cover = travel.reachable(points, candidates, standard);
  const covered = new Uint8Array(points.length);
  for (const group of fixed)
    for (const list of travel.reachable(points, group.sites, group.standard)) for (const i of list) covered[i] = 1;
  return { w: Float64Array.from(weights), cover, covered };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** The decimals a threshold was written with (7.5 km: 1), at most 3. */
const decimalsOf = (x: number) => Math.min(3, (String(x).split('.')[1] ?? '').length);
/** Relative gap in % between the heuristic and the optimum (0 when equal). */
const gap = (optimum: number, heuristic: number) =>
  optimum === 0 ? 0 : Math.round((Math.abs(optimum - heuristic) / Math.abs(optimum)) * 10000) / 100;

/** A suggested site as a plan entry: what the scenario a planner saves (or pastes into the plan) says. */
export interface PlanEntry {
  id: string;
  name: string;
  /** A branch's parent: the plan's nearest center on the same side of any border. */
  center?: string;
  /** The unit to name in `region` (a city published inside its rayon: the rayon). */
  region: string;
  /** The units it serves from the day it opens that nobody served (a unit taken over is a move). */
  serves: string[];
  lat: number;
  lon: number;
  opens: number;
  /** The place it is near (an analysis's English place name, analysis/place-names.ts). */
  near: string;
  /** Why this site, in the model's terms (said in the run's language where people read it). */
  effect: Said;
  /** Its costs, carried into the scenario. */
  costs?: SiteCosts;
}

/** A unit an existing center hands over to a new one, from the day the new one opens. */
export interface UnitMove {
  unit: string;
  to: string;
  /** The center that served it until then. */
  from_center: string;
}

/** What new sites serve: per site the units it lists itself, and the units it takes over (moves). */
export interface NewSiteUnits {
  serves: string[][];
  moves: UnitMove[];
}

/** The suggestions as plan changes: new entries, and the units they take over (dated moves). */
export interface PlanChanges {
  entries: PlanEntry[];
  moves: UnitMove[];
}

/**
 * The units new centers serve, so that the scenario keeps `validate --strict` passing: a unit
 * served by two centers is a served-twice warning, a center serving nothing a serves-nothing one.
 * So a new center takes over its own unit from the center that served it when that center keeps
 * others — a move dated by the new center's opening, so the years before stay as the plan has
 * them — else serves the nearest unit nobody serves, else takes over the nearest unit a center
 * that keeps others can hand over. Branches serve their own unit (only centers compete). Per
 * site, the units it lists itself; the units it takes over are moves.
 */
export function unitsForNewSites(
  plan: Plan,
  regions: RegionIndex,
  kind: FacilityKind,
  sites: readonly { id: string; region: string; lat: number; lon: number }[],
): NewSiteUnits {
  const open = plan.centers.filter((c) => c.status !== 'closed');
  const servesNow = new Map(open.map((c) => [c.id, [...c.serves]]));
  const owner = new Map<string, string>();
  for (const c of open) for (const code of c.serves) if (!owner.has(code)) owner.set(code, c.id);
  const moves: UnitMove[] = [];
  const units = regions.dataset.regions.filter((u) => u.kind !== 'autonomous_republic' && !u.included_in);
  const take = (unit: string, id: string): string[] => {
    const from = owner.get(unit);
    owner.set(unit, '');
    if (from !== undefined && from !== '' && servesNow.has(from)) {
      servesNow.set(
        from,
        servesNow.get(from)!.filter((c) => c !== unit),
      );
      moves.push({ unit, to: id, from_center: from });
      return [];
    }
    return [unit];
  };
  // An existing center that would keep other units can hand this one over.
  const canGive = (code: string) => {
    const from = owner.get(code);
    return from === undefined || (from !== '' && (servesNow.get(from)?.length ?? 0) > 1);
  };
  const nearest = (s: { lat: number; lon: number; region: string }, ok: (code: string) => boolean) =>
    units
      .filter((u) => ok(u.code) && regions.sideOf(u.code) === regions.sideOf(s.region))
      .map((u) => ({ code: u.code, km: geodesicKm(s, u.admin_center) }))
      .sort((a, b) => a.km - b.km || compareText(a.code, b.code))[0]?.code;
  const serves = sites.map((s) => {
    if (kind === 'branch') return [s.region];
    if (canGive(s.region)) return take(s.region, s.id);
    // Else the nearest unit nobody serves, else the nearest an existing center can hand over.
    const unit = nearest(s, (c) => !owner.has(c)) ?? nearest(s, (c) => owner.has(c) && canGive(c));
    return unit ? take(unit, s.id) : [];
  });
  return { serves, moves };
}

/** The suggested sites as plan entries (see unitsForNewSites for what they serve). */
export function planEntries(r: SuggestResult, plan: Plan, regions: RegionIndex): PlanChanges {
  const sites = r.sites.map((s) => ({
    id: `NEW-${r.kind === 'center' ? 'C' : 'B'}${s.rank}`,
    region: regions.byCode.get(s.region)?.included_in ?? s.region,
    lat: s.lat,
    lon: s.lon,
  }));
  const { serves, moves } = unitsForNewSites(plan, regions, r.kind, sites);
  const entries = r.sites.map((s, t) => {
    const side = regions.sideOf(s.region);
    const parent = plan.centers
      .filter((c) => regions.sideOf(c.region) === side)
      .sort((a, b) => geodesicKm(s, a.location) - geodesicKm(s, b.location))[0];
    const effect =
      r.model === 'pmedian'
        ? said('opt.effect.saves', {
            n: amount(s.marginal),
            reached: s.reached ? said('opt.effect.reached', { n: amount(s.reached) }) : '',
          })
        : said('opt.effect.covers', {
            n: amount(s.marginal),
            reach:
              r.threshold_km === null
                ? said('opt.effect.reach_standard')
                : said('opt.effect.reach_km', { km: amount(r.threshold_km, decimalsOf(r.threshold_km)) }),
          });
    const { id, region } = sites[t]!;
    return {
      id,
      name: `Suggested ${r.kind} near ${s.name}`,
      near: s.name,
      ...(r.kind === 'branch' && parent ? { center: parent.id } : {}),
      region,
      serves: serves[t]!,
      lat: s.lat,
      lon: s.lon,
      opens: r.year,
      effect,
      ...(s.costs ? { costs: s.costs } : {}),
    };
  });
  return { entries, moves };
}
