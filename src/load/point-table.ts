/**
 * A data folder's population points file (lat, lon, population[, resident], region[, district,
 * name]) as columns, before a weight is chosen. The build stores the embedded file in this form
 * (src/build/compile-inputs.ts): JSON arrays of numbers parse without building an object and eight
 * strings per row, which cost a default run a tenth of its time in allocation and collection.
 */
import type { PopulationBasis } from '../model/dataset.js';
import { blankColumns, type PointColumns } from '../model/point-columns.js';

export interface PointTable {
  lat: number[];
  lon: number[];
  population: number[];
  /** Present when the file has a `resident` column. */
  resident?: number[];
  /** Index into `units` (region codes). */
  unit: number[];
  units: string[];
  /** Index + 1 into `districts`; 0 for none. */
  district: number[];
  districts: string[];
  names: string[];
}

/** The table of a points file's records (numbers as Number() reads them). */
export function pointTable(rows: Record<string, string>[]): PointTable {
  const t: PointTable = {
    lat: [],
    lon: [],
    population: [],
    unit: [],
    units: [],
    district: [],
    districts: [],
    names: [],
  };
  if (rows.length && 'resident' in rows[0]!) t.resident = [];
  const unitIndex = new Map<string, number>(),
    districtIndex = new Map<string, number>();
  for (const r of rows) {
    const region = r.region!;
    let u = unitIndex.get(region);
    if (u === undefined) unitIndex.set(region, (u = t.units.push(region) - 1));
    let d = 0;
    if (r.district) {
      d = districtIndex.get(r.district) ?? 0;
      if (!d) districtIndex.set(r.district, (d = t.districts.push(r.district)));
    }
    t.lat.push(Number(r.lat));
    t.lon.push(Number(r.lon));
    t.population.push(Number(r.population));
    t.resident?.push(Number(r.resident));
    t.unit.push(u);
    t.district.push(d);
    t.names.push(r.name ?? '');
  }
  return t;
}

/**
 * The points with people on a basis (registered: the `population` column; resident: the
 * `resident` column, or `population` in a file without one), as columns; units and districts
 * numbered in order of first appearance among them.
 */
export function weightedColumns(t: PointTable, basis: PopulationBasis): PointColumns {
  const weight = (basis === 'resident' && t.resident) || t.population;
  const keep: number[] = [];
  for (let i = 0; i < weight.length; i++) if (weight[i]! > 0) keep.push(i);
  const n = keep.length;
  const c = blankColumns(n);
  const unitOf = new Int32Array(t.units.length).fill(-1),
    districtOf = new Int32Array(t.districts.length + 1).fill(-1);
  districtOf[0] = 0;
  const names: string[] = new Array(n);
  let named = false;
  for (let k = 0; k < n; k++) {
    const i = keep[k]!;
    c.lat[k] = t.lat[i]!;
    c.lon[k] = t.lon[i]!;
    c.population[k] = weight[i]!;
    const u = t.unit[i]!;
    if (unitOf[u]! < 0) unitOf[u] = c.units.push(t.units[u]!) - 1;
    c.unit[k] = unitOf[u]!;
    const d = t.district[i]!;
    if (districtOf[d]! < 0) districtOf[d] = c.districts.push(t.districts[d - 1]!);
    c.district[k] = districtOf[d]!;
    names[k] = t.names[i]!;
    if (names[k]) named = true;
  }
  if (named) c.names = names;
  return c;
}
