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
import { weightedQuantiles } from './weighted-quantile.js';
import { SettlementNames } from './place-names.js';
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

/** Points of a group that have people and a facility of the kind to go to, and the people with and without one. */
interface Reached {
  total: number;
  unserved: number;
  /** People with a facility to go to: what the statistics describe. */
  population: number;
  kept: Uint32Array;
  weights: Float64Array;
}

function reached(km: ArrayLike<number>, w: ArrayLike<number>, idx: number[]): Reached {
  let total = 0,
    unserved = 0,
    n = 0;
  // One pass: a fresh process runs this interpreted, where every extra pass over the points counts.
  const gathered = new Uint32Array(idx.length);
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j]!;
    total += w[i]!;
    if (!Number.isFinite(km[i]!)) unserved += w[i]!;
    else if (w[i]! > 0) gathered[n++] = i;
  }
  const kept = gathered.subarray(0, n);
  const weights = new Float64Array(n);
  for (let k = 0; k < n; k++) weights[k] = w[kept[k]!]!;
  return { total, unserved, population: total - unserved, kept, weights };
}

/** The population-weighted mean of `all` over the reached points, to 0.1 (null: nobody reached). */
function meanOf(all: ArrayLike<number>, r: Reached): number | null {
  if (r.kept.length === 0) return null;
  let sum = 0;
  for (let j = 0; j < r.kept.length; j++) sum += all[r.kept[j]!]! * r.weights[j]!;
  return r1(sum / r.population);
}

/**
 * Population-weighted statistics of the trips the people of points `idx` make to their nearest
 * facility (road km and minutes along the same trip, weights w); points with no reachable facility
 * are counted in `unserved`.
 */
export function weightedStats(
  km: ArrayLike<number>,
  min: ArrayLike<number>,
  w: ArrayLike<number>,
  idx: number[],
): DistanceStats {
  // Statistics describe the people who have a facility to go to; the others are counted in `unserved`.
  const r = reached(km, w, idx);
  const { population, kept, weights } = r;
  const n = kept.length;
  if (n === 0)
    return {
      population: Math.round(r.total),
      unserved: Math.round(r.unserved),
      mean_km: null,
      median_km: null,
      p90_km: null,
      max_km: null,
      mean_min: null,
      median_min: null,
      p90_min: null,
      max_min: null,
    };
  const stats = (all: ArrayLike<number>) => {
    const v = new Float64Array(n);
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = (v[j] = all[kept[j]!]!);
      if (x > max) max = x;
    }
    const [median, p90] = weightedQuantiles(v, weights, [0.5, 0.9], population);
    return [meanOf(all, r), r1(median!), r1(p90!), r1(max)] as const;
  };
  const [mean_km, median_km, p90_km, max_km] = stats(km);
  const [mean_min, median_min, p90_min, max_min] = stats(min);
  return {
    population: Math.round(r.total),
    unserved: Math.round(r.unserved),
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

/**
 * Per group, the population-weighted mean road km and minutes to the nearest open center or branch
 * (null: none reachable): distancesNow's group means without its medians and percentiles, for maps.
 */
/** A group's mean trip over the people who reach a facility, and how many reach none. */
export interface UnitTrips {
  mean_km: number | null;
  mean_min: number | null;
  unreachable: number;
}

export function meanTrips(net: Network, demand: Demand, regions: RegionIndex, by: GroupBy): Map<string, UnitTrips> {
  const { weights } = yearWeights(demand, regions, net.year!);
  const km = net.km('any'),
    min = net.minutes('any');
  const { groups, members } = groupMembers(demand, by, regions);
  const out = new Map<string, UnitTrips>();
  groups.forEach((g, k) => {
    if (!members[k]!.length) return;
    const r = reached(km, weights, members[k]!);
    out.set(g.id, { mean_km: meanOf(km, r), mean_min: meanOf(min, r), unreachable: Math.round(r.unserved) });
  });
  return out;
}

/** Each group's points, and all points in some group (groupIndex: the group of every point, looked up once per unit). */
function groupMembers(demand: Demand, by: GroupBy, regions: RegionIndex) {
  const { groups, of } = groupIndex(demand, by, regions);
  const members = groups.map(() => [] as number[]);
  const all: number[] = [];
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!;
    if (g < 0) continue;
    all.push(i);
    members[g]!.push(i);
  }
  return { groups, members, all };
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
  // Place keys: the name within its unit and district; the unnamed points of a file that names
  // places (the embedded rural grid) are one place per unit and district. A file without names
  // (a user's points, a grid) has a place at every point.
  const best = new Map<number | string, number>();
  const districts = points.districts.length + 1;
  for (const i of pool) {
    const name = points.names?.[i];
    const key = name
      ? `${points.unit[i]}|${points.district[i]}|${name}`
      : points.names
        ? points.unit[i]! * districts + points.district[i]!
        : `#${i}`;
    const b = best.get(key);
    if (b === undefined || before(i, b)) best.set(key, i);
  }
  // The n first in that order, kept sorted as the places pass (a million-cell grid is not sorted whole).
  const top: number[] = [];
  for (const i of best.values()) {
    if (top.length === n && !before(i, top[n - 1]!)) continue;
    let at = top.length;
    while (at > 0 && before(i, top[at - 1]!)) at--;
    top.splice(at, 0, i);
    if (top.length > n) top.pop();
  }
  return top.map((i) => ({ p: pointAt(points, i), i, km: km[i]!, w: weights[i]! }));
}

export function distancesNow(
  net: Network,
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
  by: GroupBy,
  worstN: number,
  /** Settlements to name the worst-served places after when the points have no names (a user's file). */
  settlements?: PointColumns,
): DistancesResult {
  const year = net.year!;
  const { weights, populationYear } = yearWeights(demand, regions, year);
  const kmCenter = net.km('center'),
    minCenter = net.minutes('center');
  const kmAny = net.km('any'),
    minAny = net.minutes('any');
  const { groups, members, all } = groupMembers(demand, by, regions);
  const points = pointColumns(demand);
  const statsOf = (idx: number[], km: Float64Array, min: Float64Array) => weightedStats(km, min, weights, idx);
  // Without --worst nothing is listed, so nothing is sorted (a national grid has a million points).
  const names = worstN === 0 ? undefined : new SettlementNames(points, points.names ? points : (settlements ?? points));
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
          return {
            name: names!.placeName(i, regions),
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
