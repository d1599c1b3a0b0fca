/**
 * The costs of candidate sites, when their file has them: columns (GeoJSON: properties)
 * build_cost and yearly_cost in manat, and cost_source, a note on where the figures come from.
 * A cost must be a finite number from 0 to a trillion manat; an empty cell means "not known".
 * Every problem is reported where it is (file:line:column of the cell or GeoJSON value, a sheet's cell).
 */
import { extname } from 'node:path';
import { MAX_AZN, type SiteCosts } from '../analysis/optimize/costs.js';
import { InputError, UserError } from '../errors.js';
import { said } from '../model/said.js';
import type { RunContext } from '../run/run-context.js';
import { jsonPlace, parseJsonText } from './json-text.js';
import { decimalNumber, readLocaleNumber } from './number-format.js';
import { checkText } from './population/points-csv.js';
import { readCsvTable } from './table/csv-table.js';
import { cellText, type Cell } from './table/table.js';
import { isWorkbook } from './table/workbook.js';
import { readXlsxTable } from './table/xlsx-table.js';
import { readBinaryFile, readUserText } from './text-input.js';

export const COST_COLUMNS = ['build_cost', 'yearly_cost', 'cost_source'] as const;

/** One entry per row of the file, in order; undefined when the file has no cost column at all. */
export function readCandidateCosts(run: RunContext, path: string): SiteCosts[] | undefined {
  if (isWorkbook(path)) return fromTable(readXlsxTable(readBinaryFile(run, path), path));
  const text = readUserText(run, path);
  if (/\.(geo)?json$/i.test(extname(path)) || /^\s*\{/.test(text)) return fromGeoJson(text, path);
  // Read as a table only when the header names a cost column: the points reader keeps its speed.
  const header = text.slice(0, text.search(/\r?\n|$/)).toLowerCase();
  if (!COST_COLUMNS.some((c) => header.includes(c))) return undefined;
  return fromTable(readCsvTable(text, path));
}

function fromTable(t: ReturnType<typeof readCsvTable>): SiteCosts[] | undefined {
  const col = (name: string) => t.header.findIndex((h) => h.trim().toLowerCase() === name);
  const [build, yearly, source] = COST_COLUMNS.map(col) as [number, number, number];
  if (build < 0 && yearly < 0 && source < 0) return undefined;
  return t.rows.map((cells, r) => {
    // A missing cost is named at its cell (the row's first cell when the file has no such column).
    const costs: SiteCosts = { where: t.where(r, Math.max(build, 0)), yearlyWhere: t.where(r, Math.max(yearly, 0)) };
    const money = (k: number, key: 'build_cost' | 'yearly_cost') => {
      if (k < 0) return;
      const v = costNumber(cells[k], () => t.where(r, k), key);
      if (v !== undefined) costs[key] = v;
    };
    money(build, 'build_cost');
    money(yearly, 'yearly_cost');
    if (source >= 0) {
      const note = cellText(cells[source]);
      checkText(note, t.where(r, source));
      if (note) costs.cost_source = note;
    }
    return costs;
  });
}

/** A cost cell: undefined when empty; refused when not a finite amount from 0 to MAX_AZN. */
export function costNumber(cell: Cell | unknown, where: () => string, key: string): number | undefined {
  let v: number;
  if (typeof cell === 'number') v = cell;
  else if (cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')) return undefined;
  else if (typeof cell === 'string') {
    const plain = decimalNumber(cell.trim());
    const reading = Number.isNaN(plain) ? readLocaleNumber(cell, true) : { value: plain };
    if (reading && 'ambiguous' in reading && reading.ambiguous)
      throw new UserError(said('read.costs.ambiguous', { where: where(), key }), 1);
    v = reading ? reading.value : Number.NaN;
  } else v = Number.NaN;
  if (!Number.isFinite(v) || v < 0 || v > MAX_AZN)
    throw new UserError(said('read.costs.range', { where: where(), key, max: MAX_AZN.toExponential() }), 1);
  return v;
}

function fromGeoJson(text: string, path: string): SiteCosts[] | undefined {
  const fc = parseJsonText(text, path) as { features?: { properties?: Record<string, unknown> | null }[] } | null;
  const features = fc && typeof fc === 'object' && Array.isArray(fc.features) ? fc.features : [];
  const props = features.map((f) => (f && typeof f === 'object' && f.properties) || {});
  if (!props.some((p) => COST_COLUMNS.some((c) => c in p))) return undefined;
  const at = (i: number, key: string) => jsonPlace(text, path, ['features', i, 'properties', key]);
  return props.map((p, i) => {
    const costs: SiteCosts = { where: at(i, 'build_cost'), yearlyWhere: at(i, 'yearly_cost') };
    for (const key of ['build_cost', 'yearly_cost'] as const) {
      // GeoJSON has numbers: an amount in quotes is refused, as the population is (population-file.ts).
      if (typeof p[key] === 'string') throw new InputError(at(i, key), said('read.number_as_text', { role: key }), 1);
      const v = costNumber(p[key], () => at(i, key), key);
      if (v !== undefined) costs[key] = v;
    }
    const note = p.cost_source;
    if (note !== undefined && note !== null && typeof note !== 'string')
      throw new UserError(said('read.costs.source_text', { where: at(i, 'cost_source') }), 1);
    if (typeof note === 'string' && note.trim()) {
      checkText(note, at(i, 'cost_source'));
      costs.cost_source = note.trim();
    }
    return costs;
  });
}
