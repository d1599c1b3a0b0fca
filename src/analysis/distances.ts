/**
 * How far people live from the nearest open center, and from the nearest center-or-branch:
 * population-weighted mean, median, 90th percentile and maximum, nationally and per group,
 * plus the worst-served places.
 */
import type { RegionIndex } from '../model/region-index.js';
import { modelSummary, type ModelSummary } from '../travel/travel-cost.js';
import { pointAt, type PointColumns } from '../model/point-columns.js';
import {
  basisLabel,
  groupIndex,
  pointColumns,
  yearWeights,
  type Demand,
  type GroupBy,
  type PopulationBasisLabel,
} from './demand.js';
import type { Network, Settings } from './network.js';
import { weightedQuantile } from './weighted-quantile.js';
import { compareText } from '../model/compare-text.js';

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
  population_basis: PopulationBasisLabel;
  by: GroupBy;
  model: ModelSummary;
  center: DistanceStats;
  any: DistanceStats;
  groups: DistanceGroup[];
  worst: WorstPlace[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Population-weighted statistics of the trips people make to their nearest facility (road km and
 * minutes along the same trip; points with no reachable facility are counted in `unserved`).
 */
/** Population-weighted statistics of the points `idx` (default: all) with distances km, min and weights w. */
export function weightedStats(
  km: ArrayLike<number>,
  min: ArrayLike<number>,
  w: ArrayLike<number>,
  idx?: ArrayLike<number>,
): DistanceStats {
  const count = idx ? idx.length : w.length;
  const at = (j: number) => (idx ? idx[j]! : j);
  let total = 0,
    unserved = 0;
  for (let j = 0; j < count; j++) {
    const i = at(j);
    total += w[i]!;
    if (!Number.isFinite(km[i]!)) unserved += w[i]!;
  }
  // Statistics describe the people who have a facility to go to; the others are counted in `unserved`.
  const population = total - unserved;
  const empty = {
    population: Math.round(total),
    unserved: Math.round(unserved),
    mean_km: null,
    median_km: null,
    p90_km: null,
    max_km: null,
    mean_min: null,
    median_min: null,
    p90_min: null,
    max_min: null,
  };
  let n = 0;
  for (let j = 0; j < count; j++) {
    const i = at(j);
    if (w[i]! > 0 && Number.isFinite(km[i]!)) n++;
  }
  if (n === 0) return empty;
  const weights = new Float64Array(n);
  const kept = new Uint32Array(n);
  for (let j = 0, k = 0; j < count; j++) {
    const i = at(j);
    if (w[i]! > 0 && Number.isFinite(km[i]!)) {
      kept[k] = i;
      weights[k++] = w[i]!;
    }
  }
  const stats = (all: ArrayLike<number>) => {
    const v = new Float64Array(n);
    let sum = 0,
      max = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = (v[j] = all[kept[j]!]!);
      sum += x * weights[j]!;
      if (x > max) max = x;
    }
    const quantile = (q: number) => weightedQuantile(v, weights, q, population);
    return [r1(sum / population), r1(quantile(0.5)), r1(quantile(0.9)), r1(max)] as const;
  };
  const [mean_km, median_km, p90_km, max_km] = stats(km);
  const [mean_min, median_min, p90_min, max_min] = stats(min);
  return {
    population: Math.round(total),
    unserved: Math.round(unserved),
    mean_km,
    median_km,
    p90_km,
    max_km,
    mean_min,
    median_min,
    p90_min,
    max_min,
  };
}

/** The population-weighted mean road km to the nearest open center or branch (null: none reachable). */
export function meanKm(net: Network, weights: ArrayLike<number>): number | null {
  const km = net.km('any');
  let sum = 0,
    pop = 0;
  for (let i = 0; i < km.length; i++) {
    if (weights[i]! > 0 && Number.isFinite(km[i]!)) {
      sum += km[i]! * weights[i]!;
      pop += weights[i]!;
    }
  }
  return pop > 0 ? r1(sum / pop) : null;
}

/**
 * The `n` farthest points, one per place (the rural grid points of a unit share a name, so only the
 * worst of them is listed), farthest first: each place's farthest point in one pass, then only
 * those sorted (a million-point grid is not sorted whole).
 */
function farthestPlaces(pool: number[], points: PointColumns, km: Float64Array, weights: Float64Array, n: number) {
  const before = (i: number, j: number) =>
    km[i]! > km[j]! || (!(km[i]! < km[j]!) && (weights[i]! > weights[j]! || (weights[i] === weights[j] && i < j)));
  // Place keys: unit and district indices (and the name, when points have names).
  const best = new Map<number | string, number>();
  const districts = points.districts.length + 1;
  for (const i of pool) {
    const name = points.names?.[i];
    const key = name
      ? `${points.unit[i]}|${points.district[i]}|${name}`
      : points.unit[i]! * districts + points.district[i]!;
    const b = best.get(key);
    if (b === undefined || before(i, b)) best.set(key, i);
  }
  return [...best.values()]
    .map((i) => ({ p: pointAt(points, i), i, km: km[i]!, w: weights[i]! }))
    .sort((a, b) => b.km - a.km || b.w - a.w || a.i - b.i)
    .slice(0, n);
}

export function distancesNow(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  by: GroupBy,
  worstN: number,
): DistancesResult {
  const year = net.year!;
  const { weights, populationYear } = yearWeights(demand, regions, year);
  const kmCenter = net.km('center'),
    minCenter = net.minutes('center');
  const kmAny = net.km('any'),
    minAny = net.minutes('any');
  // Each group's points (groupIndex: the group of every point, looked up once per unit).
  const { groups, of } = groupIndex(demand, by, regions);
  const points = pointColumns(demand);
  const members = groups.map(() => [] as number[]);
  const all: number[] = [];
  for (let i = 0; i < points.count; i++) {
    const g = of[i]!;
    if (g < 0) continue;
    all.push(i);
    members[g]!.push(i);
  }
  const statsOf = (idx: number[], km: Float64Array, min: Float64Array) => weightedStats(km, min, weights, idx);
  // Without --worst nothing is listed, so nothing is sorted (a national grid has a million points).
  const worst =
    worstN === 0
      ? []
      : farthestPlaces(
          all.filter((i) => weights[i]! > 0),
          points,
          kmAny,
          weights,
          worstN,
        ).map(({ p, i, km, w }) => {
          const f = net.nearest(i, 'any');
          const region = regions.byCode.get(p.region);
          return {
            name:
              p.name ||
              `rural ${region?.name_en ?? p.region}${p.district ? ` (${regions.districts.get(p.district)?.name_en ?? p.district})` : ''}`,
            region: p.region,
            lat: p.lat,
            lon: p.lon,
            population: Math.round(w),
            km: Number.isFinite(km) ? r1(km) : -1,
            min: Number.isFinite(km) ? r1(minAny[i]!) : -1,
            facility: f ? { id: f.id, name: f.name } : null,
          };
        });
  return {
    year,
    population_year: populationYear,
    population_basis: basisLabel(demand),
    by,
    model: modelSummary(settings.travel.info),
    center: statsOf(all, kmCenter, minCenter),
    any: statsOf(all, kmAny, minAny),
    groups: groups
      .map((g, k) => ({ g, idx: members[k]! }))
      .filter(({ idx }) => idx.length > 0)
      .sort((a, b) => compareText(a.g.id, b.g.id))
      .map(({ g, idx }) => ({
        id: g.id,
        name: g.name,
        center: statsOf(idx, kmCenter, minCenter),
        any: statsOf(idx, kmAny, minAny),
      })),
    worst,
  };
}
