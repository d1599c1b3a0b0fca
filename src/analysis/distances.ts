/**
 * How far people live from the nearest open center, and from the nearest center-or-branch:
 * population-weighted mean, median, 90th percentile and maximum, nationally and per group,
 * plus the worst-served places.
 */
import { describeModel, minutes, roadKm, type DistanceModel } from '../geo/distance-model.js';
import type { RegionIndex } from '../model/region-index.js';
import { basisLabel, groupOf, yearWeights, type Demand, type GroupBy, type PopulationBasisLabel } from './demand.js';
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
  population_basis: PopulationBasisLabel;
  by: GroupBy;
  model: { circuity: number; speed_kmh: number; description: string };
  center: DistanceStats;
  any: DistanceStats;
  groups: DistanceGroup[];
  worst: WorstPlace[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Population-weighted statistics of geodesic distances, reported in the model's road km and minutes. */
export function weightedStats(km: number[], w: number[], m: DistanceModel): DistanceStats {
  const total = w.reduce((a, b) => a + b, 0);
  const unserved = km.reduce((a, d, i) => (Number.isFinite(d) ? a : a + w[i]!), 0);
  // Statistics describe the people who have a facility to go to; the others are counted in `unserved`.
  const population = total - unserved;
  const idx = km.map((_, i) => i).filter((i) => w[i]! > 0 && Number.isFinite(km[i]!)).sort((a, b) => km[a]! - km[b]! || a - b);
  const empty = { population: Math.round(total), unserved: Math.round(unserved), mean_km: null, median_km: null, p90_km: null, max_km: null, mean_min: null, median_min: null, p90_min: null, max_min: null };
  if (idx.length === 0) return empty;
  const quantile = (q: number) => {
    let cum = 0;
    for (const i of idx) {
      cum += w[i]!;
      if (cum >= q * population - 1e-9) return km[i]!;
    }
    return km[idx[idx.length - 1]!]!;
  };
  const mean = idx.reduce((a, i) => a + km[i]! * w[i]!, 0) / population;
  const stat = (geo: number) => ({ km: r1(roadKm(geo, m)), min: r1(minutes(geo, m)) });
  const [a, b, c, d] = [stat(mean), stat(quantile(0.5)), stat(quantile(0.9)), stat(km[idx[idx.length - 1]!]!)];
  return { population: Math.round(total), unserved: Math.round(unserved), mean_km: a.km, median_km: b.km, p90_km: c.km, max_km: d.km, mean_min: a.min, median_min: b.min, p90_min: c.min, max_min: d.min };
}

export function distancesNow(net: Network, demand: Demand, regions: RegionIndex, settings: Settings, by: GroupBy, worstN: number): DistancesResult {
  const year = net.year!;
  const { weights, populationYear } = yearWeights(demand, regions, year);
  const m = settings.model;
  const all = { km: { center: [] as number[], any: [] as number[] }, w: [] as number[] };
  const groups = new Map<string, { name: string; center: number[]; any: number[]; w: number[] }>();
  const kmCenter = net.kmAll('center'), kmAny = net.kmAll('any');
  demand.points.forEach((p, i) => {
    const g = groupOf(p, by, regions);
    if (!g) return;
    const c = kmCenter[i]!, a = kmAny[i]!, w = weights[i]!;
    all.km.center.push(c);
    all.km.any.push(a);
    all.w.push(w);
    let row = groups.get(g.id);
    if (!row) groups.set(g.id, (row = { name: g.name, center: [], any: [], w: [] }));
    row.center.push(c);
    row.any.push(a);
    row.w.push(w);
  });
  // One row per place: the rural grid points of a unit share a name, so only the worst of them is listed.
  const seen = new Set<string>();
  const worst = demand.points
    .map((p, i) => ({ p, i, km: kmAny[i]!, w: weights[i]! }))
    .filter((x) => x.w > 0 && groupOf(x.p, by, regions) !== undefined)
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
    population_basis: basisLabel(demand),
    by,
    model: { circuity: m.circuity, speed_kmh: m.speedKmh, description: describeModel(m) },
    center: weightedStats(all.km.center, all.w, m),
    any: weightedStats(all.km.any, all.w, m),
    groups: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, g]) => ({ id, name: g.name, center: weightedStats(g.center, g.w, m), any: weightedStats(g.any, g.w, m) })),
    worst,
  };
}
