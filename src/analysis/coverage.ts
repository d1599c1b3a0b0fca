/**
 * Coverage: the share of the population served in a year, by distance (within the standard of an
 * open facility) and/or by assignment (living in a unit an open facility `serves`).
 */
import type { PopulationPoint } from '../model/dataset.js';
import type { Facility, FacilityKind } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { describeThreshold, meets, modelSummary, type ModelSummary } from '../travel/travel-cost.js';
import {
  basisLabel,
  groupIndex,
  unitKeys,
  yearWeights,
  type Demand,
  type GroupBy,
  type PopulationBasisLabel,
} from './demand.js';
import type { Network, Settings } from './network.js';
import { compareText } from '../model/compare-text.js';

/** Covered when within the standard of the nearest facility, when in a unit a facility serves, or either. */
export type CoveredBy = 'distance' | 'assignment' | 'both';
export type KindFilter = FacilityKind | 'any';

export interface Share {
  covered: number;
  percent: number;
}

export interface CoverageRow extends Share {
  id: string;
  name: string;
  population: number;
  distance?: Share;
  assignment?: Share;
}

export interface CoverageResult extends Share {
  year: number;
  population_year: number;
  /** resident | registered (embedded data) or file (the user's own points). */
  population_basis: PopulationBasisLabel;
  covered_by: CoveredBy;
  kind: KindFilter;
  by: GroupBy;
  model: ModelSummary;
  /** The standards that count under --kind: a center-only report does not quote the branch standard. */
  standards: { center?: string; branch?: string };
  population: number;
  distance?: Share;
  assignment?: Share;
  groups: CoverageRow[];
}

const share = (covered: number, population: number): Share => ({
  covered: Math.round(covered),
  percent: population > 0 ? Math.round((covered / population) * 10000) / 100 : 0,
});

/** Units (and Baku districts) assigned to open facilities of the kind. */
export function servedUnits(
  net: Network,
  kind: KindFilter,
  regions: RegionIndex,
): { regions: Set<string>; districts: Set<string> } {
  const out = { regions: new Set<string>(), districts: new Set<string>() };
  for (const f of net.openFacilities(kind === 'any' ? undefined : kind)) {
    for (const code of net.serves(f)) {
      const e = regions.expand(code);
      e.regions.forEach((r) => r !== regions.capital && out.regions.add(r));
      e.districts.forEach((d) => out.districts.add(d));
    }
  }
  return out;
}

/** Whether point i is within the standard of an open facility of the kind ('any': center or branch). */
export function withinStandard(net: Network, settings: Settings, kind: KindFilter): (i: number) => boolean {
  const { center, branch } = settings.standards;
  const kmC = net.km('center'),
    minC = net.minutes('center'),
    kmB = net.km('branch'),
    minB = net.minutes('branch');
  return (i) =>
    (kind !== 'branch' && meets(kmC[i]!, minC[i]!, center)) || (kind !== 'center' && meets(kmB[i]!, minB[i]!, branch));
}

/** withinStandard for every point at once, as 0/1 (the same test as `meets`: a missing limit is no limit). */
export function withinMask(net: Network, settings: Settings, kind: KindFilter): Uint8Array {
  const { center, branch } = settings.standards;
  const kmC = net.km('center'),
    minC = net.minutes('center'),
    kmB = net.km('branch'),
    minB = net.minutes('branch');
  const ck = center.within_km ?? Infinity,
    cm = center.within_min ?? Infinity,
    bk = branch.within_km ?? Infinity,
    bm = branch.within_min ?? Infinity;
  const useC = kind !== 'branch',
    useB = kind !== 'center';
  const out = new Uint8Array(kmC.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = (useC && kmC[i]! <= ck && minC[i]! <= cm) || (useB && kmB[i]! <= bk && minB[i]! <= bm) ? 1 : 0;
  }
  return out;
}

export interface CoverageOptions {
  coveredBy: CoveredBy;
  kind: KindFilter;
  by: GroupBy;
}

/** Coverage at the network's current year. */
export function coverageNow(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  o: CoverageOptions,
): CoverageResult {
  const year = net.year!;
  const { weights, populationYear } = yearWeights(demand, regions, year);
  const served = servedUnits(net, o.kind, regions);
  // Typed arrays and flags decided once: the loop below runs over every point twice a year in a
  // timeline, a million points for a national grid.
  const within = o.coveredBy !== 'assignment' ? withinMask(net, settings, o.kind) : undefined;
  // Assignment is by unit (the capital: by district): decided once per unit and district, not per point.
  const { groups, of } = groupIndex(demand, o.by, regions);
  const units = unitKeys(demand);
  const unitServed = Uint8Array.from(units.keys, (key) => {
    if (o.coveredBy === 'distance') return 0;
    const [region, district] = key.split('/');
    return (region === regions.capital ? served.districts.has(district ?? '') : served.regions.has(region!)) ? 1 : 0;
  });
  const unitOf = units.of;
  const pop = new Float64Array(groups.length),
    dist = new Float64Array(groups.length),
    asg = new Float64Array(groups.length),
    any = new Float64Array(groups.length);
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!;
    if (g < 0) continue;
    const w = weights[i]!;
    const d = within !== undefined && within[i] === 1;
    const a = unitServed[unitOf[i]!] === 1;
    pop[g]! += w;
    if (d) dist[g]! += w;
    if (a) asg[g]! += w;
    if (d || a) any[g]! += w;
  }
  const acc = new Map<string, { name: string; pop: number; dist: number; asg: number; any: number }>();
  groups.forEach((g, k) => acc.set(g.id, { name: g.name, pop: pop[k]!, dist: dist[k]!, asg: asg[k]!, any: any[k]! }));
  // Every group of the kind is listed, an empty one with 0 people: a unit does not vanish from the table.
  for (const g of allGroups(o.by, regions))
    if (!acc.has(g.id)) acc.set(g.id, { name: g.name, pop: 0, dist: 0, asg: 0, any: 0 });
  const rows = [...acc.entries()].sort(([a], [b]) => compareText(a, b));
  const total = rows.reduce(
    (t, [, r]) => ({ pop: t.pop + r.pop, dist: t.dist + r.dist, asg: t.asg + r.asg, any: t.any + r.any }),
    { pop: 0, dist: 0, asg: 0, any: 0 },
  );
  const parts = (r: { pop: number; dist: number; asg: number; any: number }) => ({
    ...share(o.coveredBy === 'distance' ? r.dist : o.coveredBy === 'assignment' ? r.asg : r.any, r.pop),
    ...(o.coveredBy === 'both' ? { distance: share(r.dist, r.pop), assignment: share(r.asg, r.pop) } : {}),
  });
  return {
    year,
    population_year: populationYear,
    population_basis: basisLabel(demand),
    covered_by: o.coveredBy,
    kind: o.kind,
    by: o.by,
    model: modelSummary(settings.travel.info),
    standards: {
      ...(o.kind !== 'branch' ? { center: describeThreshold(settings.standards.center) } : {}),
      ...(o.kind !== 'center' ? { branch: describeThreshold(settings.standards.branch) } : {}),
    },
    population: Math.round(total.pop),
    ...parts(total),
    groups: rows.map(([id, r]) => ({ id, name: r.name, population: Math.round(r.pop), ...parts(r) })),
  };
}

/**
 * The groups a table by `by` lists even without people: every unit (a city counted in its rayon and
 * an autonomous republic counted by its units say so), economic region or district of the capital.
 */
function allGroups(by: GroupBy, regions: RegionIndex): { id: string; name: string }[] {
  const { dataset } = regions;
  if (by === 'economic-region') return dataset.economic_regions.map((e) => ({ id: e.id, name: e.name_en }));
  if (by === 'baku-district') return dataset.baku_districts.map((d) => ({ id: d.id, name: d.name_en }));
  if (by !== 'region') return [];
  return dataset.regions.map((r) => ({
    id: r.code,
    name: r.included_in
      ? `${r.name_en}, counted in ${r.included_in}`
      : r.kind === 'autonomous_republic'
        ? `${r.name_en}, counted by its units`
        : r.name_en,
  }));
}

/** What a map of coverage shows: the open facilities, and each point with its covered flag. */
export interface CoverageMap {
  year: number;
  percent: number;
  population_basis: PopulationBasisLabel;
  facilities: Facility[];
  points: (PopulationPoint & { covered: boolean })[];
}

/** Per point, whether it is within the standard (following `kind`), for maps. */
export function coverageMap(
  net: Network,
  demand: Demand,
  settings: Settings,
  kind: KindFilter,
  result: CoverageResult,
): CoverageMap {
  const within = withinStandard(net, settings, kind);
  return {
    year: result.year,
    percent: result.percent,
    population_basis: result.population_basis,
    facilities: net.openFacilities(),
    points: demand.points.map((p, i) => ({ ...p, covered: within(i) })),
  };
}
