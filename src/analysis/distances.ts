/**
 * How far people live from the nearest open center, and from the nearest center-or-branch:
 * population-weighted mean, median, 90th percentile and maximum, nationally and per group,
 * plus the worst-served places.
 */
import { describeModel, minutes, roadKm, type DistanceModel } from '../geo/distance-model.js';
import type { RegionIndex } from '../model/region-index.js';
import { groupIndex, yearWeights, type Demand, type GroupBy } from './demand.js';
import type { Network, Settings } from './network.js';

export interface DistanceStats {
  population: number;
  /** People with no open facility of the kind they can reach (none yet, or only across the Armenian border). */
  unserved: number;
  /** null when no facility of the kind is open. */
  mean_km: number | null;
  median_km: number | null;
  p90_km: number | null;
  max_km: number | null;
  mean_min: number | null;
  median_min: number | null;
  p90_min: number | null;
  max_min: number | null;
}

export interface WorstPlace {
  name: string;
  region: string;
  lat: number;
  lon: number;
  population: number;
  km: number;
  min: number;
  facility: { id: string; name: string } | null;
}

export interface DistanceGroup {
  id: string;
  name: string;
  center: DistanceStats;
  any: DistanceStats;
}

export interface DistancesResult {
  year: number;
  population_year: number;
  by: GroupBy;
  model: { circuity: number; speed_kmh: number; description: string };
  center: DistanceStats;
  any: DistanceStats;
  groups: DistanceGroup[];
  worst: WorstPlace[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Population-weighted statistics of geodesic distances, reported in the model's road km and minutes. */
export function weightedStats(km: ArrayLike<number>, w: ArrayLike<number>, m: DistanceModel): DistanceStats {
  return groupedStats(Float64Array.from(km), Float64Array.from(w), new Int32Array(km.length), 1, m).nation;
}

interface Acc {
  total: number;
  unserved: number;
  sum: number;
  max: number;
  cum: number;
  median: number;
  p90: number;
}

/**
 * Statistics for the nation and for every group at once: one sort of the points by distance
 * (not one per group), then one walk in that order that finds each group's median and p90 as its
 * cumulative population crosses half and nine tenths of it. Points in group -1 count nowhere.
 */
function groupedStats(km: Float64Array, w: Float64Array, groupOf: Int32Array, groups: number, m: DistanceModel): { nation: DistanceStats; groups: DistanceStats[] } {
  const acc: Acc[] = Array.from({ length: groups + 1 }, () => ({ total: 0, unserved: 0, sum: 0, max: -1, cum: 0, median: NaN, p90: NaN }));
  const nation = acc[groups]!;
  let n = 0;
  for (let i = 0; i < km.length; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    const d = km[i]!, wi = w[i]!;
    for (const a of [acc[g]!, nation]) {
      a.total += wi;
      if (!Number.isFinite(d)) a.unserved += wi;
      else if (wi > 0) {
        a.sum += d * wi;
        if (d > a.max) a.max = d;
      }
    }
    if (wi > 0 && Number.isFinite(d)) n++;
  }
  const order = new Uint32Array(n);
  for (let i = 0, k = 0; i < km.length; i++) if (groupOf[i]! >= 0 && w[i]! > 0 && Number.isFinite(km[i]!)) order[k++] = i;
  order.sort((a, b) => km[a]! - km[b]! || a - b);
  // Statistics describe the people who have a facility to go to; the others are counted in `unserved`.
  for (const i of order) {
    for (const a of [acc[groupOf[i]!]!, nation]) {
      a.cum += w[i]!;
      const served = a.total - a.unserved;
      if (Number.isNaN(a.median) && a.cum >= 0.5 * served - 1e-9) a.median = km[i]!;
      if (Number.isNaN(a.p90) && a.cum >= 0.9 * served - 1e-9) a.p90 = km[i]!;
    }
  }
  const stat = (geo: number) => ({ km: r1(roadKm(geo, m)), min: r1(minutes(geo, m)) });
  const finish = (a: Acc): DistanceStats => {
    const base = { population: Math.round(a.total), unserved: Math.round(a.unserved) };
    if (a.max < 0) return { ...base, mean_km: null, median_km: null, p90_km: null, max_km: null, mean_min: null, median_min: null, p90_min: null, max_min: null };
    const [mean, med, p90, max] = [stat(a.sum / (a.total - a.unserved)), stat(Number.isNaN(a.median) ? a.max : a.median), stat(Number.isNaN(a.p90) ? a.max : a.p90), stat(a.max)];
    return { ...base, mean_km: mean.km, median_km: med.km, p90_km: p90.km, max_km: max.km, mean_min: mean.min, median_min: med.min, p90_min: p90.min, max_min: max.min };
  };
  return { nation: finish(nation), groups: acc.slice(0, groups).map(finish) };
}

/** The national population-weighted mean road km to the nearest center or branch: all a timeline shows, so no sort. */
export function meanAnyKm(net: Network, demand: Demand, regions: RegionIndex, settings: Settings): number | null {
  const { weights } = yearWeights(demand, regions, net.year!);
  const km = net.kmAll('any');
  let sum = 0, pop = 0;
  for (let i = 0; i < km.length; i++) {
    const d = km[i]!, wi = weights[i]!;
    if (wi > 0 && Number.isFinite(d)) {
      sum += d * wi;
      pop += wi;
    }
  }
  return pop > 0 ? r1(roadKm(sum / pop, settings.model)) : null;
}

export function distancesNow(net: Network, demand: Demand, regions: RegionIndex, settings: Settings, by: GroupBy, worstN: number): DistancesResult {
  const year = net.year!;
  const { weights, populationYear } = yearWeights(demand, regions, year);
  const m = settings.model;
  const { groups, of } = groupIndex(demand, by, regions);
  const center = groupedStats(net.kmAll('center'), weights, of, groups.length, m);
  const any = groupedStats(net.kmAll('any'), weights, of, groups.length, m);
  const kmAny = net.kmAll('any');
  const rows = groups.map((g, k) => ({ id: g.id, name: g.name, center: center.groups[k]!, any: any.groups[k]! })).sort((a, b) => a.id.localeCompare(b.id));
  // One row per place: the rural grid points of a unit share a name, so only the worst of them is listed.
  const seen = new Set<string>();
  const worst = worstN === 0 ? [] : demand.points
    .map((p, i) => ({ p, i, km: kmAny[i]!, w: weights[i]! }))
    .filter((x) => x.w > 0 && of[x.i]! >= 0)
    .sort((a, b) => b.km - a.km || b.w - a.w || a.i - b.i)
    .filter(({ p }) => {
      const key = `${p.region}/${p.district}/${p.name}`;
      return !seen.has(key) && (seen.add(key), true);
    })
    .slice(0, worstN)
    .map(({ p, i, km, w }) => {
      const f = net.nearest(i, 'any');
      const region = regions.byCode.get(p.region);
      return {
        name: p.name || `rural ${region?.name_en ?? p.region}${p.district ? ` (${regions.districts.get(p.district)?.name_en ?? p.district})` : ''}`,
        region: p.region, lat: p.lat, lon: p.lon, population: Math.round(w),
        km: Number.isFinite(km) ? r1(roadKm(km, m)) : -1, min: Number.isFinite(km) ? r1(minutes(km, m)) : -1,
        facility: f ? { id: f.id, name: f.name } : null,
      };
    });
  return {
    year,
    population_year: populationYear,
    by,
    model: { circuity: m.circuity, speed_kmh: m.speedKmh, description: describeModel(m) },
    center: center.nation,
    any: any.nation,
    groups: rows,
    worst,
  };
}
