/**
 * Kontur Population (and any H3 population layer): hexagons with an H3 index and a population,
 * as Kontur's GeoPackage (one feature table with columns h3 and population) or a CSV export with
 * those columns. Each hexagon becomes one weighted point at its centre (h3-js cellToLatLng), so
 * no geometry is parsed: the index is the position.
 */
import { cellToLatLng, isValidCell } from 'h3-js';
import { InputError, UserError } from '../../errors.js';
import { said } from '../../model/said.js';
import { h3Column } from './detect-format.js';
import { decimalNumber } from '../number-format.js';
import { MAX_POINT_POPULATION } from './points-csv.js';
import { checkColumnMap, type ColumnMap, resolveColumns } from '../column-map.js';
import { readCsvTable } from '../table/csv-table.js';
import { tableText } from '../table/file-kind.js';
import type { Table } from '../table/table.js';
import { PopulationTable, type ReadStats } from './population-table.js';
import { columnsOf, type Database, isTable, notReadable, openSqlite, quoteId } from '../sqlite.js';

const POPULATION_COLUMNS = ['population', 'pop', 'value', 'count'];

/**
 * One hexagon; `where(column)` locates a value in the file for messages. A bad value is named by
 * its place, never quoted: the file may be anything a plan points at.
 */
function addCell(
  table: PopulationTable,
  stats: ReadStats,
  h3: unknown,
  population: unknown,
  where: (column: 'h3' | 'population') => string,
): void {
  stats.cells++;
  const id = typeof h3 === 'string' ? h3.trim().toLowerCase() : typeof h3 === 'bigint' ? h3.toString(16) : '';
  if (!isValidCell(id)) throw new InputError(where('h3'), said('read.h3.not_cell'), 1);
  // A blank cell or NULL is nodata; anything else must be a count a place can hold (as for points).
  if (population === null || population === undefined || (typeof population === 'string' && population.trim() === '')) {
    stats.nodata++;
    return;
  }
  const pop =
    typeof population === 'number' ? population : typeof population === 'string' ? decimalNumber(population) : NaN;
  if (!Number.isFinite(pop) || pop < 0 || pop > MAX_POINT_POPULATION)
    throw new InputError(
      where('population'),
      said('read.h3.population', { max: MAX_POINT_POPULATION.toExponential() }),
      1,
    );
  if (pop === 0) {
    stats.empty++;
    return;
  }
  const [lat, lon] = cellToLatLng(id);
  stats.populated++;
  table.push(lat, lon, pop);
}

export function readH3Csv(
  path: string,
  bytes: Buffer,
  columns: ColumnMap = {},
): { table: PopulationTable; stats: ReadStats } {
  return readH3Table(readCsvTable(tableText(bytes, path), path), columns);
}

/** H3 cells from a table (a CSV, a workbook's sheet): the h3 and population columns, by name or mapping. */
export function readH3Table(t: Table, columns: ColumnMap = {}): { table: PopulationTable; stats: ReadStats } {
  const lower = t.header.map((h) => h.trim().toLowerCase());
  checkColumnMap(columns, ['h3', 'population'], t.file);
  // The usual names of each column, unless the user named them.
  const h3Name = columns.h3 ?? h3Column(lower),
    popName = columns.population ?? lower.find((h) => POPULATION_COLUMNS.includes(h));
  const known = { ...(h3Name ? { h3: h3Name } : {}), ...(popName ? { population: popName } : {}) };
  const at = resolveColumns(t.header, ['h3', 'population'], ['h3', 'population'], known, t.headerAt, 'h3,population');
  const hi = at.h3!,
    pcol = at.population!;
  const table = new PopulationTable();
  const stats: ReadStats = { cells: 0, nodata: 0, empty: 0, populated: 0 };
  t.rows.forEach((row, r) => addCell(table, stats, row[hi], row[pcol], (c) => t.where(r, c === 'h3' ? hi : pcol)));
  return { table, stats };
}

/**
 * A GeoPackage is an SQLite file (load/sqlite.ts). The first feature table (gpkg_contents) with an
 * h3 and a population column is read.
 */
export async function readGeoPackage(
  path: string,
  bytes: Buffer,
): Promise<{ table: PopulationTable; stats: ReadStats; layer: string }> {
  const db = await openSqlite(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  try {
    const tables = tableNames(db, path);
    for (const [i, name] of tables.entries()) {
      const cols = columnsOf(db, name);
      const lower = cols.map((c) => c.toLowerCase());
      const hcol = h3Column(lower);
      const pcol = lower.findIndex((c) => POPULATION_COLUMNS.includes(c));
      if (!hcol || pcol < 0) continue;
      const table = new PopulationTable(1 << 14);
      const stats: ReadStats = { cells: 0, nodata: 0, empty: 0, populated: 0 };
      // A layer may be a view, which has no rowid: it is read in its own order.
      const isView = !isTable(db, name);
      const where = (n: number) => (c: string) => `${path}: layer ${i + 1} of ${tables.length}, row ${n}, column ${c}`;
      let n = 0;
      try {
        const stmt = db.prepare(
          `SELECT ${quoteId(cols[lower.indexOf(hcol)]!)}, ${quoteId(cols[pcol]!)} FROM ${quoteId(name)}` +
            (isView ? '' : ' ORDER BY rowid'),
        );
        try {
          while (stmt.step()) {
            const [h3, pop] = stmt.get();
            addCell(table, stats, h3, pop, where(++n));
          }
        } finally {
          stmt.free();
        }
      } catch (e) {
        if (e instanceof UserError) throw e;
        throw notReadable(path, e, said('read.gpkg.at_row', { layer: i + 1, layers: tables.length, row: n + 1 }));
      }
      return { table, stats, layer: name };
    }
    throw new InputError(path, said('read.h3.no_layer', { n: tables.length }), 1);
  } finally {
    db.close();
  }
}

function tableNames(db: Database, path: string): string[] {
  try {
    // A GeoPackage lists its layers in gpkg_contents; a plain SQLite file is searched table by table.
    const sql = isTable(db, 'gpkg_contents')
      ? "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes') ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
    return (db.exec(sql)[0]?.values ?? []).map((r) => String(r[0]));
  } catch (e) {
    throw notReadable(path, e);
  }
}
