/**
 * Kontur Population (and any H3 population layer): hexagons with an H3 index and a population,
 * as Kontur's GeoPackage (one feature table with columns h3 and population) or a CSV export with
 * those columns. Each hexagon becomes one weighted point at its centre (h3-js cellToLatLng), so
 * no geometry is parsed: the index is the position.
 */
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { cellToLatLng, isValidCell } from 'h3-js';
import { decodeText } from '../text-input.js';
import { UserError } from '../../errors.js';
import { h3Column } from './detect-format.js';
import { checkColumnMap, type ColumnMap, resolveColumns } from '../column-map.js';
import { PopulationTable, type ReadStats } from './population-table.js';

const POPULATION_COLUMNS = ['population', 'pop', 'value', 'count'];

/** One hexagon; `where` locates it in the file for messages. */
function addCell(
  table: PopulationTable,
  stats: ReadStats,
  h3: unknown,
  population: unknown,
  where: () => string,
): void {
  stats.cells++;
  const id = typeof h3 === 'string' ? h3.trim().toLowerCase() : typeof h3 === 'bigint' ? h3.toString(16) : '';
  if (!isValidCell(id))
    throw new UserError(`${where()}: '${String(h3)}' is not an H3 cell index (e.g. 882d1a8a67fffff)`, 1);
  const pop = typeof population === 'string' && population.trim() === '' ? NaN : Number(population);
  if (population === null || !(pop >= 0)) {
    stats.nodata++;
    return;
  }
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
  if (!decoded.ok) throw new UserError(`${path}:${decoded.line}:${decoded.column}: ${decoded.message}`, 1);
  let rows: string[][];
  try {
    rows = parse(decoded.text, { skip_empty_lines: true, trim: true, delimiter: [',', ';', '\t'] });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new UserError(`${path}:${err.lines ?? 1}:1: CSV: ${err.message}`, 1);
  }
  const header = rows[0] ?? [];
  const lower = header.map((h) => h.toLowerCase());
  checkColumnMap(columns, ['h3', 'population'], path);
  // The usual names of each column, unless the user named them.
  const h3Name = columns.h3 ?? h3Column(lower),
    popName = columns.population ?? lower.find((h) => POPULATION_COLUMNS.includes(h));
  const known = { ...(h3Name ? { h3: h3Name } : {}), ...(popName ? { population: popName } : {}) };
  const at = resolveColumns(header, ['h3', 'population'], ['h3', 'population'], known, `${path}:1:1`, 'h3,population');
  const hi = at.h3!,
    pcol = at.population!;
  const table = new PopulationTable();
  const stats: ReadStats = { cells: 0, nodata: 0, empty: 0, populated: 0 };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    addCell(table, stats, row[hi], row[pcol], () => `${path}:${r + 1}:${hi + 1}`);
  }
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
    throw new UserError(`${path}: not a readable GeoPackage (${(e as Error).message})`, 1);
  }
  try {
    const tables = tableNames(db, path);
    for (const name of tables) {
      const cols = (db.exec(`PRAGMA table_info(${quoteId(name)})`)[0]?.values ?? []).map((r) => String(r[1]));
      const lower = cols.map((c) => c.toLowerCase());
      const hcol = h3Column(lower);
      const pcol = lower.findIndex((c) => POPULATION_COLUMNS.includes(c));
      if (!hcol || pcol < 0) continue;
      const table = new PopulationTable(1 << 14);
      const stats: ReadStats = { cells: 0, nodata: 0, empty: 0, populated: 0 };
      const stmt = db.prepare(
        `SELECT ${quoteId(cols[lower.indexOf(hcol)]!)}, ${quoteId(cols[pcol]!)} FROM ${quoteId(name)} ORDER BY rowid`,
      );
      let n = 0;
      while (stmt.step()) {
        const [h3, pop] = stmt.get();
        n++;
        addCell(table, stats, h3, pop, () => `${path}: table ${name}, row ${n}`);
      }
      stmt.free();
      return { table, stats, layer: name };
    }
    throw new UserError(
      `${path}: no table with an H3 column (h3) and a population column (population); ` +
        `tables: ${tables.join(', ') || 'none'}`,
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
    throw new UserError(`${path}: not a readable GeoPackage (${(e as Error).message})`, 1);
  }
}

const quoteId = (s: string) => `"${s.replace(/"/g, '""')}"`;
