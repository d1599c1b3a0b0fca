/**
 * Each kind of result's tables, as data (render/table.ts DataTable): rendered once here, then
 * serialised per format — CSV writes the first (one table per file, as spreadsheets expect), a
 * workbook (--format xlsx) puts each on a sheet of its own.
 */
import { capacityTable } from './capacity.js';
import { capacitySitesTable } from './capacity-sites.js';
import { comparisonTables, diffTables, orderTables } from './comparison-tables.js';
import { coverageTable } from './coverage.js';
import { distancesTable, worstTable } from './distances.js';
import { gapsTable } from './gaps.js';
import { suggestTable } from './optimize.js';
import type { OutputKind, Outputs } from './outputs.js';
import { regionsTable } from './regions.js';
import type { DataTable } from './table.js';
import { timelineTable } from './timeline.js';

type Tables = { [K in OutputKind]?: (output: Outputs[K]) => DataTable[] };

export const TABLES = {
  coverage: (o) => [coverageTable(o.result)],
  // With --worst N the worst-served places come first: they are what CSV writes.
  distances: (r) => (r.worst.length ? [worstTable(r), distancesTable(r)] : [distancesTable(r)]),
  timeline: (o) => [timelineTable(o.timeline)],
  suggestion: (o) => [suggestTable(o.result)],
  regions: (o) => [regionsTable(o.dataset, o.capital)],
  capacity: (r) => [capacityTable(r)],
  capacitySites: (o) => [capacitySitesTable(o.result)],
  gaps: (o) => [gapsTable(o.result)],
  diff: (p) => diffTables(p),
  comparison: (o) => comparisonTables(o.a, o.b),
  order: (o) => orderTables(o.result),
} satisfies Tables;

export type TableKind = keyof typeof TABLES;

/** The tables of a result of a kind that has them. */
export function tablesOf<K extends TableKind>(kind: K, output: Outputs[K]): DataTable[] {
  return (TABLES[kind] as unknown as (o: Outputs[K]) => DataTable[])(output);
}
