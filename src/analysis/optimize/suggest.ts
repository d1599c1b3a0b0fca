/**
 * Site suggestions on top of a plan: the plan's facilities open at the end of a year stay fixed,
 * and k new sites are chosen among candidates (population points, or the user's own sites).
 */
import { geodesicKm } from '../../geo/geodesic.js';
import type { FacilityKind, Plan, Threshold } from '../../model/plan.js';
import type { RegionIndex } from '../../model/region-index.js';
import { yearWeights, type Demand } from '../demand.js';
import { facilityPlace, placesOf, type Settings } from '../network.js';
import type { TravelCostModel } from '../../travel/travel-cost.js';
import { openOn, yearEnd } from '../schedule.js';
import { mclpExact, pmedianExact } from './exact.js';

/** Candidates per point in the p-median lists; with at most this many, --exact is exact. */
const EXACT_CANDIDATES = 40;
import { geoInstance, type Instance, type Site } from './instance.js';
import { coverGreedy, coverIteratedSearch, coveredBy, type CoverInstance } from './mclp.js';
import { pmedian, pmedianObjective } from './pmedian.js';

export type Model = 'mclp' | 'pmedian' | 'setcover';

export interface Candidate extends Site {
  name: string;
  region: string;
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
  note?: string;
}

export interface SuggestOptions {
  model: Model;
  kind: FacilityKind;
  year: number;
  k: number;
  /** setcover: target covered share in %. */
  targetPercent?: number;
  exact: boolean;
}

/** The default candidates: every population point (settlements and rural grid points). */
export function pointCandidates(demand: Demand, regions: RegionIndex): Candidate[] {
  return demand.points.map((p) => ({ lat: p.lat, lon: p.lon, name: p.name || `rural ${regions.byCode.get(p.region)?.name_en ?? p.region}`, region: p.region, side: regions.sideOf(p.region) }));
}

export async function suggestSites(plan: Plan, demand: Demand, regions: RegionIndex, settings: Settings, candidates: Candidate[], o: SuggestOptions): Promise<SuggestResult> {
  const { weights } = yearWeights(demand, regions, o.year);
  const points: Site[] = placesOf(demand.points, regions);
  const fixedFacilities = openOn(plan, yearEnd(o.year));
  const siteOf = (f: (typeof fixedFacilities)[number]): Site => facilityPlace(f, regions);
  const fixed: Site[] = fixedFacilities.map(siteOf);
  const population = weights.reduce((a, b) => a + b, 0);
  const base = { model: o.model, kind: o.kind, year: o.year, population: Math.round(population), fixed: fixed.length, candidates: candidates.length };
  const toSite = (j: number, rank: number, marginal: number, after: number): Suggestion => ({ rank, name: candidates[j]!.name, region: candidates[j]!.region, lat: candidates[j]!.lat, lon: candidates[j]!.lon, marginal: Math.round(marginal), after: Math.round(after * 100) / 100 });

  if (o.model === 'pmedian') {
    const inst: Instance = geoInstance(points, weights, candidates, fixed, settings.travel, EXACT_CANDIDATES);
    const r = pmedian(inst, o.k);
    const mean = (obj: number) => obj / population;
    // Marginal contributions: add the final sites back one by one, best first.
    const order: number[] = [];
    const rest = [...r.sites];
    let current = pmedianObjective(inst, []);
    const before = current;
    const sites: Suggestion[] = [];
    while (rest.length) {
      const scored = rest.map((j) => ({ j, obj: pmedianObjective(inst, [...order, j]) })).sort((a, b) => a.obj - b.obj || a.j - b.j);
      const { j, obj } = scored[0]!;
      sites.push(toSite(j, order.length + 1, current - obj, mean(obj)));
      order.push(j);
      rest.splice(rest.indexOf(j), 1);
      current = obj;
    }
    let exact: SuggestResult['exact'] = null;
    let note: string | undefined;
    if (o.exact) {
      const e = await pmedianExact(inst, o.k);
      if (e) exact = { value: Math.round(e.objective), gap_percent: gap(e.objective, r.objective) };
      else note = `the exact p-median needs every candidate in every point's list: use at most ${EXACT_CANDIDATES} candidates (--candidates) to measure the gap`;
    }
    return { ...base, threshold_km: null, before: round2(mean(before)), after: round2(mean(r.objective)), sites, heuristic: { greedy: Math.round(r.greedyObjective), local_search: Math.round(r.objective), swaps: r.swaps }, exact, ...(note ? { note } : {}) };
  }

  const standard = settings.standards[o.kind];
  const fixedGroups = (['center', 'branch'] as const).map((kind) => ({ sites: fixedFacilities.filter((f) => f.kind === kind).map(siteOf), standard: settings.standards[kind] }));
  const cover = coverInstance(settings.travel, points, weights, candidates, fixedGroups, standard);
  const pct = (covered: number) => (population ? (covered / population) * 100 : 0);
  const before = coveredBy(cover, []);
  const k = o.model === 'setcover' ? candidates.length : o.k;
  const target = ((o.targetPercent ?? 90) / 100) * population;
  const greedy = coverGreedy(cover, k, o.model === 'setcover' ? (c) => c >= target - 1e-6 : undefined);
  const improved = o.model === 'mclp' ? coverIteratedSearch(cover, greedy.sites) : { sites: greedy.sites, swaps: 0 };
  const final = coveredBy(cover, improved.sites);
  // Report sites in greedy order of their marginal coverage given the ones above.
  const order = coverGreedy({ ...cover, cover: improved.sites.map((j) => cover.cover[j]!) }, improved.sites.length);
  let cum = before;
  const sites = order.sites.map((t, r) => {
    cum += order.marginal[r]!;
    return toSite(improved.sites[t]!, r + 1, order.marginal[r]!, pct(cum));
  });
  let exact: SuggestResult['exact'] = null;
  let note: string | undefined;
  if (o.exact && o.model === 'mclp') {
    const e = await mclpExact(cover, o.k);
    if (e) exact = { value: Math.round(e.covered), gap_percent: gap(e.covered, final) };
    else note = 'instance too large for the exact solver; use fewer candidates (--candidates) to measure the gap';
  }
  if (o.model === 'setcover' && final < target - 1e-6) note = `even all ${candidates.length} candidates reach only ${pct(final).toFixed(1)}%`;
  return {
    ...base, threshold_km: settings.travel.reachKm(standard), before: round2(pct(before)), after: round2(pct(final)), sites,
    heuristic: { greedy: Math.round(coveredBy(cover, greedy.sites)), local_search: Math.round(final), swaps: improved.swaps }, exact, ...(note ? { note } : {}),
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
  for (const group of fixed) for (const list of travel.reachable(points, group.sites, group.standard)) for (const i of list) covered[i] = 1;
  return { w: Float64Array.from(weights), cover, covered };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** Relative gap in % between the heuristic and the optimum (0 when equal). */
const gap = (optimum: number, heuristic: number) => (optimum === 0 ? 0 : Math.round((Math.abs(optimum - heuristic) / Math.abs(optimum)) * 10000) / 100);


/** A suggested site as a plan entry: what the YAML fragment a planner pastes into the plan says. */
export interface PlanEntry {
  id: string;
  name: string;
  /** A branch's parent: the plan's nearest center on the same side of any border. */
  center?: string;
  /** The unit to name in `region` and `serves` (a city published inside its rayon: the rayon). */
  region: string;
  lat: number;
  lon: number;
  opens: number;
  /** Why this site, in the model's terms. */
  effect: string;
}

export function planEntries(r: SuggestResult, plan: Plan, regions: RegionIndex): PlanEntry[] {
  return r.sites.map((s) => {
    const side = regions.sideOf(s.region);
    const parent = plan.centers
      .filter((c) => regions.sideOf(c.region) === side)
      .sort((a, b) => geodesicKm(s, a.location) - geodesicKm(s, b.location))[0];
    const effect =
      r.model === 'pmedian'
        ? `saves ${s.marginal.toLocaleString('en-US')} people × km`
        : `covers ${s.marginal.toLocaleString('en-US')} more people within ${r.threshold_km === null ? 'the standard' : `${r.threshold_km} km`}`;
    return {
      id: `NEW-${r.kind === 'center' ? 'C' : 'B'}${s.rank}`,
      name: `Suggested ${r.kind} near ${s.name}`,
      ...(r.kind === 'branch' && parent ? { center: parent.id } : {}),
      region: regions.byCode.get(s.region)?.included_in ?? s.region,
      lat: s.lat,
      lon: s.lon,
      opens: r.year,
      effect,
    };
  });
}
