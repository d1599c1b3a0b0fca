/**
 * Demand: the population points with the year's weights and their groups. Embedded points carry
 * base-year populations and are scaled to each year's official figure of their unit (or Baku district).
 */
import { populationYear, type PopulationBasis, type PopulationPoint } from '../model/dataset.js';
import type { RegionIndex } from '../model/region-index.js';

/** How results are grouped: the nation, the country's groups of units, units, the capital's districts. */
export const GROUPINGS = ['nation', 'economic-region', 'region', 'baku-district'] as const;
export type GroupBy = (typeof GROUPINGS)[number];

export interface Group {
  id: string;
  name: string;
}

export interface Demand {
  points: PopulationPoint[];
  /** True for the embedded points (scaled to official figures by year); false for a user's own file. */
  scaled: boolean;
  /** The embedded points' basis (their weights and yearly scaling); absent = registered. */
  basis?: PopulationBasis;
}

export type PopulationBasisLabel = PopulationBasis | 'file';

/** What the report says it counted: the embedded basis, or the user's file. */
export function basisLabel(d: Demand): PopulationBasisLabel {
  return d.scaled ? d.basis ?? 'registered' : 'file';
}

/** One line for text reports. */
export function describeBasis(b: PopulationBasisLabel): string {
  if (b === 'file') return "population: the user's file (its own figures)";
  return b === 'resident'
    ? 'population basis: resident (displaced people counted where they live; data/SOURCES.md)'
    : 'population basis: registered (SSC de jure: displaced people counted at their home district)';
}

export function yearWeights(d: Demand, regions: RegionIndex, year: number): { weights: Float64Array; populationYear: number } {
  const ds = regions.dataset;
  const py = populationYear(ds, year);
  const weights = new Float64Array(d.points.length);
  const factor = new Map<string, number>();
  const base = String(ds.base_year), y = String(py);
  const ratio = (p: Record<string, number> | undefined) => (p && p[base] ? (p[y] ?? 0) / p[base]! : 1);
  const series = (u: { population: Record<string, number>; resident?: Record<string, number> } | undefined) => (d.basis === 'resident' ? u?.resident ?? u?.population : u?.population);
  d.points.forEach((p, i) => {
    if (!d.scaled) {
      weights[i] = p.population;
      return;
    }
    const key = p.district ? `${p.region}/${p.district}` : p.region;
    let f = factor.get(key);
    if (f === undefined) {
      f = p.district ? ratio(series(regions.districts.get(p.district))) : ratio(series(regions.byCode.get(p.region)));
      factor.set(key, f);
    }
    weights[i] = p.population * f;
  });
  return { weights, populationYear: d.scaled ? py : year };
}

/**
 * The group a point belongs to, for a grouping. Groups are looked up once per unit (or district),
 * not per point: a million points cost a million map lookups.
 */
export function grouper(by: GroupBy, regions: RegionIndex): (p: PopulationPoint) => Group | undefined {
  const cache = new Map<string, Group | undefined>();
  return (p) => {
    const key = by === 'baku-district' ? `${p.region}/${p.district}` : p.region;
    if (cache.has(key)) return cache.get(key);
    const g = groupOf(p, by, regions);
    cache.set(key, g);
    return g;
  };
}

export function groupOf(p: PopulationPoint, by: GroupBy, regions: RegionIndex): Group | undefined {
  switch (by) {
    case 'nation':
      return { id: regions.profile.id, name: regions.profile.name };
    case 'economic-region': {
      const e = regions.byCode.get(p.region)?.economic_region;
      const er = regions.dataset.economic_regions.find((x) => x.id === e);
      return er ? { id: er.id, name: er.name_en } : { id: 'unknown', name: 'Unknown' };
    }
    case 'region': {
      const r = regions.byCode.get(p.region);
      return r ? { id: r.code, name: r.name_en } : { id: 'unknown', name: 'Unknown' };
    }
    case 'baku-district': {
      if (!regions.capital || p.region !== regions.capital) return undefined;
      const d = regions.districts.get(p.district);
      return d ? { id: d.id, name: d.name_en } : { id: 'unknown', name: `${regions.profile.capital!.name} (district unknown)` };
    }
  }
}
