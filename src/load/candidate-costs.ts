/**
 * The costs of candidate sites, when their file has them: columns (GeoJSON: properties)
 * build_cost and yearly_cost in manat, and cost_source, a note on where the figures come from.
 * A cost must be a finite number from 0 to a trillion manat; an empty cell means "not known".
 * Every problem is reported where it is (file:line:column, a sheet's cell, a feature).
 */
import { extname } from 'node:path';
import { MAX_AZN, type SiteCosts } from '../analysis/optimize/costs.js';
import { UserError } from '../errors.js';
import type { RunContext } from '../run/run-context.js';
import { parseJsonText } from './json-text.js';
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
    const costs: SiteCosts = { where: t.where(r, 0).replace(/:1$|, column A$/, '') };
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
      throw new UserError(
        `${where()}: ${key}: one separator before three digits could be a decimal mark or a thousands ` +
          'separator; write the amount in manat without separators (1500000 or 1500000.50)',
        1,
      );
    v = reading ? reading.value : Number.NaN;
  } else v = Number.NaN;
  if (!Number.isFinite(v) || v < 0 || v > MAX_AZN)
    throw new UserError(
      `${where()}: ${key} must be an amount in manat from 0 to ${MAX_AZN.toExponential()}; write it as a plain number`,
      1,
    );
  return v;
}

function fromGeoJson(text: string, path: string): SiteCosts[] | undefined {
  const fc = parseJsonText(text, path) as { features?: { properties?: Record<string, unknown> | null }[] } | null;
  const features = fc && typeof fc === 'object' && Array.isArray(fc.features) ? fc.features : [];
  const props = features.map((f) => (f && typeof f === 'object' && f.properties) || {});
  if (!props.some((p) => COST_COLUMNS.some((c) => c in p))) return undefined;
  return props.map((p, i) => {
    const where = `${path}: features[${i}]`;
    const costs: SiteCosts = { where };
    for (const key of ['build_cost', 'yearly_cost'] as const) {
      const v = costNumber(p[key], () => `${where}.properties`, key);
      if (v !== undefined) costs[key] = v;
    }
    const note = p.cost_source;
    if (note !== undefined && note !== null && typeof note !== 'string')
      throw new UserError(`${where}.properties: cost_source must be text`, 1);
    if (typeof note === 'string' && note.trim()) {
      checkText(note, where);
      costs.cost_source = note.trim();
    }
    return costs;
  });
}
