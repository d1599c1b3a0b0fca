/**
 * Pre-parsed copies of the committed inputs. Parsing YAML, CSV and TopoJSON in a fresh process runs
 * cold code: it cost the default `coverage` about a quarter of its time (issue 17). So `npm run
 * build` (src/build/compile-inputs.ts) stores what the parsers return for the files under data/
 * and plans/ in dist/compiled/, each beside a copy of the text it was parsed from. A copy is used
 * only when that text equals the text just read: an edited file is parsed as usual, and a stale
 * copy can never be used.
 *
 * The files are named by the text's length and a sample of its characters, not by a cryptographic
 * hash: loading node:crypto alone costs about 15 ms of a 250 ms run, and the full comparison is what
 * guarantees the match (two texts sharing a name only means one of them is parsed as usual).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export const COMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'compiled');

/** What was parsed: a YAML document, a points CSV file's table, a TopoJSON file's unit polygons. */
export type CompiledKind = 'yaml' | 'points' | 'units';

/** The stored parse (`.json`) and its source text (`.txt`) for this text, without the extension. */
export function compiledBase(kind: CompiledKind, text: string): string {
  return join(COMPILED_DIR, `${kind}-${text.length}-${sampleKey(text)}`);
}

/** The build's parse of exactly this text, if it stored one. */
export function compiled<T>(kind: CompiledKind, text: string): T | undefined {
  const base = compiledBase(kind, text);
  let source: string;
  try {
    source = readFileSync(`${base}.txt`, 'utf8');
  } catch {
    return undefined; // none stored under this name
  }
  return source === text ? (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as T) : undefined;
}

/** FNV-1a over up to 256 characters spread evenly through the text, as 8 hex digits. */
function sampleKey(text: string): string {
  const step = Math.max(1, Math.floor(text.length / 256));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
