/**
 * Site suggestions on top of a plan: the plan's facilities open at the end of a year stay fixed,
 * and k new sites are chosen among candidates (population points, or the user's own sites).
 */
import { around } from 'geokdbush';
import { coverageRadiusKm } from '../../geo/distance-model.js';
import type { FacilityKind, Plan } from '../../model/plan.js';
import type { RegionIndex } from '../../model/region-index.js';
import { yearWeights, type Demand } from '../demand.js';
import { sideOf, type Settings } from '../network.js';
import { openOn, yearEnd } from '../schedule.js';
import { EXACT_LIMITS, mclpExact, pmedianExact } from './exact.js';
import { geoInstance, siteIndex, type Instance, type Site } from './instance.js';
import { coverGreedy, coverIteratedSearch, coveredBy, type CoverInstance } from './mclp.js';
import { pmedian } from './pmedian.js';

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
  /** pmedian: people who had no reachable facility before this site. */
  reached?: number;
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
  return demand.points.map((p) => ({ lat: p.lat, lon: p.lon, name: p.name || `rural ${regions.byCode.get(p.region)?.name_en ?? p.region}`, region: p.region, side: sideOf(p.region, regions) === 'nakhchivan' ? 1 : 0 }));
}

export async function suggestSites(plan: Plan, demand: Demand, regions: RegionIndex, settings: Settings, candidates: Candidate[], o: SuggestOptions): Promise<SuggestResult> {
  const { weights } = yearWeights(demand, regions, o.year);
  const side = (region: string) => (sideOf(region, regions) === 'nakhchivan' ? 1 : 0);
  const points: Site[] = demand.points.map((p) => ({ lat: p.lat, lon: p.lon, side: side(p.region) }));
  const fixedFacilities = openOn(plan, yearEnd(o.year));
  const siteOf = (f: (typeof fixedFacilities)[number]): Site => ({ lat: f.location.lat, lon: f.location.lon, side: side(f.region) });
  const fixed: Site[] = fixedFacilities.map(siteOf);
  const population = weights.reduce((a, b) => a + b, 0);
  const base = { model: o.model, kind: o.kind, year: o.year, population: Math.round(population), fixed: fixed.length, candidates: candidates.length };
  const toSite = (j: number, rank: number, marginal: number, after: number): Suggestion => ({ rank, name: candidates[j]!.name, region: candidates[j]!.region, lat: candidates[j]!.lat, lon: candidates[j]!.lon, marginal: Math.round(marginal), after: Math.round(after * 100) / 100 });

  if (o.model === 'pmedian') {
    const inst: Instance = geoInstance(points, weights, candidates, fixed, settings.model.circuity);
    const r = pmedian(inst, o.k);
    // People with no reachable facility (no fixed one and no site on their side) have no distance:
    // they are counted apart, never as 0 km, so means and savings stay honest.
    const start = reach(inst, []);
    const mean = (s: Reach) => (s.reachable > 0 ? s.total / s.reachable : 0);
    // Marginal contributions: add the final sites back one by one, best first (most people newly
    // reached, then the largest saving for those who could already reach a facility).
    const order: number[] = [];
    const rest = [...r.sites];
    let current = start;
    const sites: Suggestion[] = [];
    while (rest.length) {
      const scored = rest.map((j) => ({ j, s: reach(inst, [...order, j]) })).map((x) => ({ ...x, ...gainOver(current, x.s, inst.w) }))
        .sort((a, b) => b.reached - a.reached || b.saved - a.saved || a.j - b.j);
      const { j, s, saved, reached } = scored[0]!;
      sites.push({ ...toSite(j, order.length + 1, saved, mean(s)), ...(reached > 0 ? { reached: Math.round(reached) } : {}) });
      order.push(j);
      rest.splice(rest.indexOf(j), 1);
      current = s;
    }
    const unreached = population - start.reachable, stillUnreached = population - current.reachable;
    const reachNote = unreached > 0.5 ? `${Math.round(unreached).toLocaleString('en-US')} people had no reachable facility before, ${Math.round(stillUnreached).toLocaleString('en-US')} after; the means count only people who can reach one` : undefined;
    let exact: SuggestResult['exact'] = null;
    let note = o.exact && fixed.length ? 'exact solution skipped: the MILP here has no fixed facilities' : reachNote;
    if (o.exact && !fixed.length) {
      const e = await pmedianExact(inst, o.k);
      if (e) exact = { value: e.objective, gap_percent: gap(r.objective, e.objective) };
      else note = `exact solution skipped: the p-median MILP would have more than ${EXACT_LIMITS.pmedianVariables.toLocaleString('en-US')} variables; use fewer candidates (--candidates)`;
    }
    return { ...base, threshold_km: null, before: round2(mean(start)), after: round2(mean(current)), sites, heuristic: { greedy: Math.round(r.greedyObjective), local_search: Math.round(r.objective), swaps: r.swaps }, exact, ...(note ? { note } : {}) };
  }

  const radius = coverageRadiusKm(settings.standards[o.kind], settings.model);
  const fixedGroups = (['center', 'branch'] as const).map((kind) => ({ sites: fixedFacilities.filter((f) => f.kind === kind).map(siteOf), radiusKm: coverageRadiusKm(settings.standards[kind], settings.model) }));
  const cover = coverInstance(points, weights, candidates, fixedGroups, radius);
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
    ...base, threshold_km: Math.round(radius * settings.model.circuity * 10) / 10, before: round2(pct(before)), after: round2(pct(final)), sites,
    heuristic: { greedy: Math.round(coveredBy(cover, greedy.sites)), local_search: Math.round(final), swaps: improved.swaps }, exact, ...(note ? { note } : {}),
  };
}

/**
 * Coverage lists: for each candidate, the points within `radiusKm` (geodesic) on its side. Points
 * already within the standard of a fixed facility (each group with its own radius: centers and
 * branches have different standards) are marked covered.
 */
export function coverInstance(points: Site[], weights: ArrayLike<number>, candidates: Site[], fixed: { sites: Site[]; radiusKm: number }[], radiusKm: number): CoverInstance {
  const index = siteIndex(points);
  const same = (a: Site, b: Site) => (a.side ?? 0) === (b.side ?? 0);
  const within = (c: Site, r: number) => (points.length ? around(index, c.lon, c.lat, Infinity, r, (i) => same(points[i]!, c)) : []);
  const cover = candidates.map((c) => Int32Array.from(within(c, radiusKm)).sort());
  const covered = new Uint8Array(points.length);
  for (const group of fixed) for (const f of group.sites) for (const i of within(f, group.radiusKm)) covered[i] = 1;
  return { w: Float64Array.from(weights), cover, covered };
}

interface Reach {
  /** Distance of each point to its nearest facility (Infinity: none reachable). */
  d: Float64Array;
  /** Σ people × km over the people who can reach a facility. */
  total: number;
  /** People who can reach a facility. */
  reachable: number;
}

function reach(inst: Instance, sites: number[]): Reach {
  const d = new Float64Array(inst.w.length);
  let total = 0, reachable = 0;
  for (let i = 0; i < d.length; i++) {
    let x = inst.fixed[i]!;
    for (const s of sites) x = Math.min(x, inst.dist(i, s));
    d[i] = x;
    if (Number.isFinite(x)) {
      total += inst.w[i]! * x;
      reachable += inst.w[i]!;
    }
  }
  return { d, total, reachable };
}

/** People × km saved for those who could already reach a facility, and people reached for the first time. */
function gainOver(prev: Reach, next: Reach, w: Float64Array): { saved: number; reached: number } {
  let saved = 0, reached = 0;
  for (let i = 0; i < w.length; i++) {
    if (Number.isFinite(prev.d[i]!)) saved += w[i]! * (prev.d[i]! - next.d[i]!);
    else if (Number.isFinite(next.d[i]!)) reached += w[i]!;
  }
  return { saved, reached };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** Relative gap in % between the heuristic and the optimum (0 when equal). */
const gap = (optimum: number, heuristic: number) => (optimum === 0 ? 0 : Math.round((Math.abs(optimum - heuristic) / Math.abs(optimum)) * 10000) / 100);

