/**
 * Points (lat, lon, population[, region, name]) from a Table: a workbook's sheet, whose cells are
 * numbers already or text written as in a CSV (decimal commas and grouped thousands read as the
 * CSV reader reads them). The same checks as points-csv.ts, at the sheet's own positions.
 */
import { InputError } from '../../errors.js';
import { said } from '../../model/said.js';
import { partsOf } from '../../model/note.js';
import { type ColumnMap, resolveColumns } from '../column-map.js';
import { type Mark, NumberConvention, readLocaleNumber } from '../number-format.js';
import { type Cell, cellText, type Table } from '../table/table.js';
import type { PointRows } from './point-rows.js';
import { checkText, emptyCellSaid, POINT_ROLES, pointProblem } from './points-csv.js';

export function pointsFromTable(table: Table, needPopulation: boolean, columns?: ColumnMap): PointRows {
  const required = needPopulation ? ['lat', 'lon', 'population'] : ['lat', 'lon'];
  const expected = `lat,lon${needPopulation ? ',population' : ''}[,region,name]`;
  const col = resolveColumns(table.header, POINT_ROLES, required, columns, table.headerAt, expected);
  const n = table.rows.length;
  if (n === 0) throw new InputError(table.headerAt, said('read.points.no_rows_table'), 1);
  const rows: PointRows = {
    count: n,
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    population: new Float64Array(n),
    region: new Int32Array(n).fill(-1),
    regionCodes: [],
    where: (i, role = 'lat') => table.where(i, Math.max(col[role]!, 0)),
  };
  const names: string[] = [];
  const codes = new Map<string, number>();
  const conv = new NumberConvention();
  const pending: { row: number; sep: Mark }[] = [];
  table.rows.forEach((cells, r) => {
    const number = (role: 'lat' | 'lon' | 'population'): number => {
      const k = col[role]!;
      if (role === 'population' && !needPopulation) return 0;
      const v = cellNumber(cells[k], role === 'population', conv, table, r, k, role, pending);
      if (v === undefined) throw new InputError(table.where(r, k), emptyCellSaid(role, needPopulation), 1);
      return v;
    };
    const lat = number('lat'),
      lon = number('lon'),
      population = number('population');
    const problem = pointProblem(lat, lon, population);
    if (problem) throw new InputError(table.where(r, col[problem.role]!), problem.said, 1);
    rows.lat[r] = lat;
    rows.lon[r] = lon;
    rows.population[r] = population;
    const region = col.region! >= 0 ? cellText(cells[col.region!]) : '';
    const name = col.name! >= 0 ? cellText(cells[col.name!]) : '';
    checkText(region, table.where(r, Math.max(col.region!, 0)));
    checkText(name, table.where(r, Math.max(col.name!, 0)));
    if (region !== '') {
      let k = codes.get(region);
      if (k === undefined) codes.set(region, (k = rows.regionCodes.push(region) - 1));
      rows.region[r] = k;
    }
    names.push(name);
  });
  for (const p of pending) {
    const settled = conv.settle(rows.population[p.row]!, p.sep);
    if ('problem' in settled)
      throw new InputError(
        table.where(p.row, col.population!),
        said('read.cell.problem', { role: 'population', problem: settled.problem }),
        1,
      );
    rows.population[p.row] = settled.value;
  }
  if (col.name! >= 0) rows.names = names;
  const assumed = partsOf([table.assumed, ...conv.describe()]);
  if (assumed) rows.assumed = assumed;
  return rows;
}

/** A cell as a number: a sheet's number as it is, text as the CSV reader would read it. */
function cellNumber(
  cell: Cell,
  counts: boolean,
  conv: NumberConvention,
  table: Table,
  r: number,
  k: number,
  role: string,
  pending: { row: number; sep: Mark }[],
): number | undefined {
  if (typeof cell === 'number') return cell;
  const t = cellText(cell);
  if (t === '') return undefined;
  const reading = readLocaleNumber(t, counts);
  if (!reading) return Number.NaN;
  const problem = conv.proof(reading, { row: table.rowName(r), role });
  if (problem) throw new InputError(table.where(r, k), said('read.cell.problem', { role, problem }), 1);
  if (reading.ambiguous) pending.push({ row: r, sep: reading.ambiguous });
  return reading.value;
}
