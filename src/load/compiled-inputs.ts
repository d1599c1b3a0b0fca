/**
 * Pre-parsed copies of the committed inputs. Parsing YAML, CSV and TopoJSON in a fresh process runs
 * cold code: it cost the default `coverage` about a quarter of its time (issue 17). So `npm run
 * build` (src/build/compile-inputs.ts) stores what the parsers return for the files under data/
 * and plans/ in dist/compiled/, each under a hash of its text. A file is looked up by the hash of
 * the text just read: an edited file is parsed as usual, and a stale copy can never be used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export const COMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'compiled');

/** What was parsed: a YAML document, a CSV file's records, a TopoJSON file's unit polygons. */
export type CompiledKind = 'yaml' | 'csv' | 'units';

export function compiledFile(kind: CompiledKind, text: string): string {
  return join(COMPILED_DIR, `${kind}-${createHash('sha256').update(text).digest('hex').slice(0, 40)}.json`);
}

/** The build's parse of exactly this text, if it stored one. */
export function compiled<T>(kind: CompiledKind, text: string): T | undefined {
  const file = compiledFile(kind, text);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}
