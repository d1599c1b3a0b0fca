/**
 * Coverage: the share of the population served in a year, by distance (within the standard of an
 * open facility) and/or by assignment (living in a unit an open facility `serves`).
 */
import type { PopulationPoint } from '../model/dataset.js';
import type { Facility, FacilityKind } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { describeThreshold, meets, modelSummary, type ModelSummary } from '../travel/travel-cost.js';
import { basisLabel, grouper, yearWeights, type Demand, type GroupBy, type PopulationBasisLabel } from './demand.js';
import type { Network, Settings } from './network.js';

export type Basis = 'distance' | 'assignment' | 'both';
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
  basis: Basis;
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
export function servedUnits(net: Network, kind: KindFilter, regions: RegionIndex): { regions: Set<string>; districts: Set<string> } {
  const out = { regions: new Set<string>(), districts: new Set<string>() };
  for (const f of net.openFacilities(kind === 'any' ? undefined : kind)) {
    for (const code of f.serves) {
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
  const kmC = net.km('center'), minC = net.minutes('center'), kmB = net.km('branch'), minB = net.minutes('branch');
  return (i) => (kind !== 'branch' && meets(kmC[i]!, minC[i]!, center)) || (kind !== 'center' && meets(kmB[i]!, minB[i]!, branch));
}

export interface CoverageOptions {
  basis: Basis;
  kind: KindFilter;
  by: GroupBy;
}

/** Coverage at the network's current year. */
export function coverageNow(net: Network, demand: Demand, regions: RegionIndex, settings: Settings, o: CoverageOptions): CoverageResult {
  const year = net.year!;
  const { weights, populationYear } = yearWeights(demand, regions, year);
  const served = servedUnits(net, o.kind, regions);
  const withinDistance = withinStandard(net, settings, o.kind);
  const assigned = (i: number) => {
    const p = demand.points[i]!;
    return p.region === regions.capital ? served.districts.has(p.district) : served.regions.has(p.region);
  };

  const acc = new Map<string, { name: string; pop: number; dist: number; asg: number; any: number }>();
  const groupOf = grouper(o.by, regions);
  demand.points.forEach((p, i) => {
    const g = groupOf(p);
    if (!g) return;
    const w = weights[i]!;
    const d = o.basis !== 'assignment' && withinDistance(i);
    const a = o.basis !== 'distance' && assigned(i);
    let row = acc.get(g.id);
    if (!row) acc.set(g.id, (row = { name: g.name, pop: 0, dist: 0, asg: 0, any: 0 }));
    row.pop += w;
    if (d) row.dist += w;
    if (a) row.asg += w;
    if (d || a) row.any += w;
  });
  const rows = [...acc.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((t, [, r]) => ({ pop: t.pop + r.pop, dist: t.dist + r.dist, asg: t.asg + r.asg, any: t.any + r.any }), { pop: 0, dist: 0, asg: 0, any: 0 });
  const parts = (r: { pop: number; dist: number; asg: number; any: number }) => ({
    ...share(o.basis === 'distance' ? r.dist : o.basis === 'assignment' ? r.asg : r.any, r.pop),
    ...(o.basis === 'both' ? { distance: share(r.dist, r.pop), assignment: share(r.asg, r.pop) } : {}),
  });
  return {
    year,
    population_year: populationYear,
    population_basis: basisLabel(demand),
    basis: o.basis,
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

/** What a map of coverage shows: the open facilities, and each point with its covered flag. */
export interface CoverageMap {
  year: number;
  percent: number;
  population_basis: PopulationBasisLabel;
  facilities: Facility[];
  points: (PopulationPoint & { covered: boolean })[];
}

/** Per point, whether it is within the standard (following `kind`), for maps. */
export function coverageMap(net: Network, demand: Demand, settings: Settings, kind: KindFilter, result: CoverageResult): CoverageMap {
  const within = withinStandard(net, settings, kind);
  return {
    year: result.year,
    percent: result.percent,
    population_basis: result.population_basis,
    facilities: net.openFacilities(),
    points: demand.points.map((p, i) => ({ ...p, covered: within(i) })),
  };
}
