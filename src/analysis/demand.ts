/**
 * Demand: the population points with the year's weights and their groups. Embedded points carry
 * base-year populations and are scaled to each year's official figure of their unit (or Baku district).
 */
import { populationYear, weightsYear, type PopulationBasis, type PopulationPoint } from '../model/dataset.js';
import type { PopulationSource } from '../model/population-source.js';
import { columnsOf, type PointColumns } from '../model/point-columns.js';
import type { RegionIndex } from '../model/region-index.js';

/** How results are grouped: the nation, the country's groups of units, units, the capital's districts. */
export const GROUPINGS = ['nation', 'economic-region', 'region', 'baku-district'] as const;
export type GroupBy = (typeof GROUPINGS)[number];

export interface Group {
  id: string;
  name: string;
}

export interface Demand {
  /** The points as objects; a population file's demand builds them only when asked (see `columns`). */
  readonly points: readonly PopulationPoint[];
  /** The same points as columns (population files; else built from `points` by pointColumns). */
  columns?: PointColumns;
  /** True for the embedded points (scaled to official figures by year); false for a user's own file. */
  scaled: boolean;
  /** A user's population file: what was read, left out and scaled (reports echo it). */
  source?: PopulationSource;
  /** The embedded points' basis (their weights and yearly scaling); absent = registered. */
  basis?: PopulationBasis;
}

/** 'file': a user's population file as read; 'file-scaled': one scaled to the official unit totals. */
export type PopulationBasisLabel = PopulationBasis | 'file' | 'file-scaled';

/** What the report says it counted: the embedded basis, or the user's file. */
export function basisLabel(d: Demand): PopulationBasisLabel {
  // A population file scaled to official unit totals (--scale-to official) says so: its figures are not its own.
  if (d.source?.scale) return 'file-scaled';
  return d.source || !d.scaled ? 'file' : (d.basis ?? 'registered');
}

/** One line for text reports. */
export function describeBasis(b: PopulationBasisLabel): string {
  if (b === 'file') return "population: the user's file (its own figures)";
  if (b === 'file-scaled')
    return "population: the user's file, scaled to the official unit totals (--scale-to official)";
  return b === 'resident'
    ? 'population basis: resident (displaced people counted where they live; data/SOURCES.md)'
    : 'population basis: registered (SSC de jure: displaced people counted at their home district)';
}

/**
 * What every year's analysis asks of the same points, computed once per Demand: each point's
 * scaling key (its unit or Baku district), the year's weights, and its group under each grouping.
 * A national grid has a million points and a timeline asks all of this ten times a year.
 */
interface DemandCache {
  columns?: PointColumns;
  scaleKey?: { of: Uint16Array; keys: string[] };
  weights: Map<number, Float64Array>;
  groups: Map<GroupBy, GroupIndex>;
}
const caches = new WeakMap<Demand, DemandCache>();

function cacheOf(d: Demand): DemandCache {
  let c = caches.get(d);
  if (!c) caches.set(d, (c = { weights: new Map(), groups: new Map() }));
  return c;
}

/** The demand's points as columns: what every analysis loop reads. */
export function pointColumns(d: Demand): PointColumns {
  if (d.columns) return d.columns;
  const cache = cacheOf(d);
  return (cache.columns ??= columnsOf(d.points));
}

/** The population of every point in `year` (a shared array: read it, do not write it). */
export function yearWeights(
  d: Demand,
  regions: RegionIndex,
  year: number,
): { weights: Float64Array; populationYear: number } {
  const ds = regions.dataset;
  const py = d.scaled ? populationYear(ds, year) : 0;
  const cache = cacheOf(d);
  let weights = cache.weights.get(py);
  if (!weights) {
    const c = pointColumns(d);
    weights = new Float64Array(c.count);
    cache.weights.set(py, weights);
    if (!d.scaled) weights.set(c.population.subarray(0, c.count));
    else {
      const base = String(weightsYear(ds, d.basis)),
        y = String(py);
      const ratio = (p: Record<string, number> | undefined) => (p?.[base] ? (p[y] ?? 0) / p[base]! : 1);
      // Year-to-year change follows the basis' own series (resident where the data have one).
      const series = (u: { population: Record<string, number>; resident?: Record<string, number> } | undefined) =>
        d.basis === 'resident' ? (u?.resident ?? u?.population) : u?.population;
      const sk = unitKeys(d);
      const factor = sk.keys.map((key) => {
        const [region, district] = key.split('/');
        return district ? ratio(series(regions.districts.get(district))) : ratio(series(regions.byCode.get(region!)));
      });
      for (let i = 0; i < c.count; i++) weights[i] = c.population[i]! * factor[sk.of[i]!]!;
    }
  }
  return { weights, populationYear: d.scaled ? py : year };
}

/** Each point's unit, or `AZ-BA/<district>` in Baku: the level at which figures are scaled and units assigned. */
export function unitKeys(d: Demand): { of: Uint16Array; keys: string[] } {
  const cache = cacheOf(d);
  if (cache.scaleKey) return cache.scaleKey;
  const index = new Map<string, number>();
  const keys: string[] = [];
  const of = perUnitAndDistrict(
    pointColumns(d),
    (region, district) => {
      const key = district ? `${region}/${district}` : region;
      let k = index.get(key);
      if (k === undefined) index.set(key, (k = keys.push(key) - 1));
      return k;
    },
    Uint16Array,
  );
  return (cache.scaleKey = { of, keys });
}

/**
 * `f(region, district)` for every point, called once per distinct unit and district (a million
 * points have a few hundred of them).
 */
function perUnitAndDistrict<A extends Uint16Array | Int32Array>(
  c: PointColumns,
  f: (region: string, district: string) => number,
  Out: new (n: number) => A,
): A {
  const out = new Out(c.count);
  const memo = new Map<number, number>();
  for (let i = 0; i < c.count; i++) {
    const pair = c.unit[i]! * 256 + c.district[i]!;
    let v = memo.get(pair);
    if (v === undefined) {
      const d = c.district[i]!;
      memo.set(pair, (v = f(c.units[c.unit[i]!]!, d ? c.districts[d - 1]! : '')));
    }
    out[i] = v;
  }
  return out;
}

/** Each point's group (index into `groups`, -1 when it belongs to none) under one grouping. */
export interface GroupIndex {
  groups: Group[];
  of: Int32Array;
}

export function groupIndex(d: Demand, by: GroupBy, regions: RegionIndex): GroupIndex {
  const cache = cacheOf(d);
  let gi = cache.groups.get(by);
  if (gi) return gi;
  const groups: Group[] = [];
  const byId = new Map<string, number>();
  const of = perUnitAndDistrict(
    pointColumns(d),
    (region, district) => {
      const grp = groupOf({ region, district }, by, regions);
      if (!grp) return -1;
      let g = byId.get(grp.id) ?? -1;
      if (g < 0) byId.set(grp.id, (g = groups.push(grp) - 1));
      return g;
    },
    Int32Array,
  );
  cache.groups.set(by, (gi = { groups, of }));
  return gi;
}

export function groupOf(
  p: Pick<PopulationPoint, 'region' | 'district'>,
  by: GroupBy,
  regions: RegionIndex,
): Group | undefined {
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
      return d
        ? { id: d.id, name: d.name_en }
        : { id: 'unknown', name: `${regions.profile.capital!.name} (district unknown)` };
    }
  }
}
