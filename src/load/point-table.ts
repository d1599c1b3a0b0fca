/**
 * A data folder's population points file (lat, lon, population[, resident], region[, district,
 * name]) as columns, before a weight is chosen. The build stores the embedded file in this form
 * (src/build/compile-inputs.ts): JSON arrays of numbers parse without building an object and eight
 * strings per row, which cost a default run a tenth of its time in allocation and collection.
 */
import { InputError } from '../errors.js';
import type { PopulationBasis } from '../model/dataset.js';
import { blankColumns, type PointColumns } from '../model/point-columns.js';
import { said } from '../model/said.js';
import { resolveColumns } from './column-map.js';
import { DATA_CSV, readCsv } from './csv-reader.js';
import { decimalNumber } from './number-format.js';
import { pointProblem } from './population/points-csv.js';

/**
 * The records of a user's data folder's points file, each number checked where it stands (the
 * embedded file is checked by the test suite): lat, lon, population (and resident) decimal and in
 * range, every row with a region code. A bad cell is refused at file:line:column.
 */
export function checkedPoints(text: string, file: string): Record<string, string>[] {
  const { records, place } = readCsv(text, file, DATA_CSV);
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw new InputError(`${file}:1:1`, said('read.points.no_rows'), 1);
  const roles = ['lat', 'lon', 'population', 'region', 'resident'];
  const col = resolveColumns(
    header,
    roles,
    ['lat', 'lon', 'population', 'region'],
    undefined,
    `${file}:1:1`,
    'lat,lon,population[,resident],region[,district,name]',
  );
  const at = (r: number, k: number) => {
    const p = place(r + 1, k);
    return `${file}:${p.line}:${p.column}`;
  };
  rows.forEach((cells, r) => {
    // An empty cell is no number (Number('') would read it as 0).
    const value = (role: string) => {
      const t = (cells[col[role]!] ?? '').trim();
      return t === '' ? Number.NaN : decimalNumber(t);
    };
    const problem = pointProblem(value('lat'), value('lon'), value('population'));
    if (problem) throw new InputError(at(r, col[problem.role]!), problem.said, 1);
    if (col.resident! >= 0) {
      const resident = pointProblem(0, 0, value('resident'));
      if (resident) throw new InputError(at(r, col.resident!), resident.said, 1);
    }
    if (!(cells[col.region!] ?? '').trim()) throw new InputError(at(r, col.region!), said('read.data.empty_region'), 1);
  });
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

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
