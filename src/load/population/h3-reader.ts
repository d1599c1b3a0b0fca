/**
 * Kontur Population (and any H3 population layer): hexagons with an H3 index and a population,
 * as Kontur's GeoPackage (one feature table with columns h3 and population) or a CSV export with
 * those columns. Each hexagon becomes one weighted point at its centre (h3-js cellToLatLng), so
 * no geometry is parsed: the index is the position.
 */
import { createRequire } from 'node:module';
import { cellToLatLng, isValidCell } from 'h3-js';
import { decodeText } from '../text-input.js';
import { InputError, UserError } from '../../errors.js';
import { h3Column } from './detect-format.js';
import { MAX_POINT_POPULATION } from './points-csv.js';
import { checkColumnMap, type ColumnMap, resolveColumns } from '../column-map.js';
import { readCsvTable } from '../table/csv-table.js';
import type { Table } from '../table/table.js';
import { PopulationTable, type ReadStats } from './population-table.js';

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
  if (!isValidCell(id))
    throw new InputError(where('h3'), `not an H3 cell index (15 hexadecimal digits, e.g. 882d1a8a67fffff)`, 1);
  // A blank cell or NULL is nodata; anything else must be a count a place can hold (as for points).
  if (population === null || population === undefined || (typeof population === 'string' && population.trim() === '')) {
    stats.nodata++;
    return;
  }
  const pop = typeof population === 'number' || typeof population === 'string' ? Number(population) : NaN;
  if (!Number.isFinite(pop) || pop < 0 || pop > MAX_POINT_POPULATION)
    throw new InputError(
      where('population'),
      `population must be a number from 0 to ${MAX_POINT_POPULATION.toExponential()} (one cell)`,
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
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError(`${path}:${decoded.line}:${decoded.column}`, `${decoded.message}`, 1);
  return readH3Table(readCsvTable(decoded.text, path), columns);
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
 * A GeoPackage is an SQLite file; sql.js runs SQLite compiled to WebAssembly, so nothing native is
 * built on install. The first feature table (gpkg_contents) with an h3 and a population column is read.
 */
export async function readGeoPackage(
  path: string,
  bytes: Buffer,
): Promise<{ table: PopulationTable; stats: ReadStats; layer: string }> {
  // require, not import(): the CLI's CommonJS bundle (src/build/bundle.ts) cannot run import().
  const require = createRequire(import.meta.url);
  const initSqlJs = require('sql.js') as typeof import('sql.js').default;
  const SQL = await initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
  let db: InstanceType<typeof SQL.Database>;
  try {
    db = new SQL.Database(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw notReadable(path, e);
  }
  try {
    const tables = tableNames(db, path);
    for (const [i, name] of tables.entries()) {
      const cols = (db.exec(`PRAGMA table_info(${quoteId(name)})`)[0]?.values ?? []).map((r) => String(r[1]));
      const lower = cols.map((c) => c.toLowerCase());
      const hcol = h3Column(lower);
      const pcol = lower.findIndex((c) => POPULATION_COLUMNS.includes(c));
      if (!hcol || pcol < 0) continue;
      const table = new PopulationTable(1 << 14);
      const stats: ReadStats = { cells: 0, nodata: 0, empty: 0, populated: 0 };
      // A layer may be a view, which has no rowid: it is read in its own order.
      const isView =
        db.exec(`SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ${quoteText(name)}`).length > 0;
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
        throw notReadable(path, e, ` (layer ${i + 1} of ${tables.length}, row ${n + 1})`);
      }
      return { table, stats, layer: name };
    }
    throw new InputError(
      path,
      `none of its ${tables.length} layers has an H3 column (h3) and a population column (population)`,
      1,
    );
  } finally {
    db.close();
  }
}

function tableNames(db: { exec(sql: string): { values: unknown[][] }[] }, path: string): string[] {
  try {
    // A GeoPackage lists its layers in gpkg_contents; a plain SQLite file is searched table by table.
    const hasContents =
      db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'").length > 0;
    const sql = hasContents
      ? "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes') ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
    return (db.exec(sql)[0]?.values ?? []).map((r) => String(r[0]));
  } catch (e) {
    throw notReadable(path, e);
  }
}

/**
 * SQLite's own messages are kept only when they are one of its fixed texts: others ("no such
 * column: …") carry names from the file.
 */
const SQLITE_MESSAGES = ['file is not a database', 'database disk image is malformed', 'out of memory'];

function notReadable(path: string, e: unknown, where = ''): UserError {
  const m = String((e as Error)?.message ?? '');
  const why = SQLITE_MESSAGES.find((s) => m.includes(s)) ?? 'SQLite could not read it';
  return new InputError(path, `not a readable GeoPackage${where}: ${why}`, 1);
}

const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

const quoteId = (s: string) => `"${s.replace(/"/g, '""')}"`;
