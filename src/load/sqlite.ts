/**
 * SQLite files (GeoPackages: Kontur's population, road layers) through sql.js, SQLite compiled to
 * WebAssembly, so nothing native is built on install. The library and its WebAssembly load only
 * when a run opens such a file (initialising is asynchronous). SQLite's messages are said in our
 * words (library-reasons.ts) only when they are one of its fixed texts: others ("no such column:
 * …") carry names from the file, and are said as a generic reason.
 */
import { createRequire } from 'node:module';
import type { Database } from 'sql.js';
import { InputError, type UserError } from '../errors.js';
import { type Said, said } from '../model/said.js';
import { sqliteReason } from './library-reasons.js';

export type { Database } from 'sql.js';

/** The database in `bytes` (read by the caller within the input limits). */
export async function openSqlite(path: string, bytes: Uint8Array): Promise<Database> {
  // require, not import(): the CLI's CommonJS bundle (src/build/bundle.ts) cannot run import().
  const require = createRequire(import.meta.url);
  const initSqlJs = require('sql.js') as typeof import('sql.js').default;
  const SQL = await initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
  try {
    return new SQL.Database(bytes);
  } catch (e) {
    throw notReadable(path, e);
  }
}

/**
 * The message for a file SQLite cannot read, `where` in it; why, in our words when SQLite's text
 * is one of its fixed ones.
 */
export function notReadable(path: string, e: unknown, where: Said | '' = ''): UserError {
  return new InputError(path, said('read.gpkg.unreadable', { where, why: sqliteReason(e) }), 1);
}

/** Whether `name` is a table (not a view, whose query could run without end) in the database. */
export function isTable(db: Database, name: string): boolean {
  return db.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ${quoteText(name)}`).length > 0;
}

/** A column's names of a table, in order. */
export function columnsOf(db: Database, table: string): string[] {
  return (db.exec(`PRAGMA table_info(${quoteId(table)})`)[0]?.values ?? []).map((r) => String(r[1]));
}

export const quoteText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export const quoteId = (s: string): string => `"${s.replace(/"/g, '""')}"`;
