/** Coverage results for people (text, Markdown), spreadsheets (CSV) and programs (JSON). */
import type { CoverageResult, CoverageRow } from '../analysis/coverage.js';
import { type DataTable, int, markdownTable, textTable, type Column } from './table.js';
import { describeBasis } from '../analysis/demand.js';

const p = (x: number) => `${x.toFixed(1)}%`;

function columns(r: CoverageResult): Column[] {
  const cols: Column[] = [
    { header: 'id' },
    { header: 'name' },
    { header: 'population', align: 'right' },
    { header: 'covered', align: 'right' },
    { header: 'share', align: 'right' },
  ];
  if (r.covered_by === 'both')
    cols.push({ header: 'by distance', align: 'right' }, { header: 'by assignment', align: 'right' });
  return cols;
}

function cells(
  row: Pick<CoverageRow, 'population' | 'covered' | 'percent' | 'distance' | 'assignment'>,
  both: boolean,
): string[] {
  const c = [int(row.population), int(row.covered), p(row.percent)];
  if (both) c.push(p(row.distance!.percent), p(row.assignment!.percent));
  return c;
}

/** "Standards: center ≤ 30 km; branch ≤ 15 km." with only the kinds the report counts. */
export function standardsLine(s: CoverageResult['standards']): string {
  const parts = (['center', 'branch'] as const).filter((k) => s[k] !== undefined).map((k) => `${k} ${s[k]}`);
  return `Standard${parts.length === 1 ? '' : 's'}: ${parts.join('; ')}.`;
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function coverageHeader(r: CoverageResult): string[] {
  const popNote =
    r.population_year === r.year ? '' : ` (population of 1 January ${r.population_year}, the nearest year with data)`;
  return [
    `Coverage in ${r.year}${popNote}; covered by: ${r.covered_by}; facilities: ${r.kind}`,
    `Distance model: ${r.model.description}. ${standardsLine(r.standards)}`,
    `${capitalise(describeBasis(r.population_basis))}.`,
    `Total: ${int(r.covered)} of ${int(r.population)} people covered (${p(r.percent)})`,
  ];
}

export function coverageText(r: CoverageResult): string {
  const rows = r.groups.map((g) => [g.id, g.name, ...cells(g, r.covered_by === 'both')]);
  return [...coverageHeader(r), '', textTable(columns(r), rows)].join('\n');
}

export function coverageMarkdown(r: CoverageResult): string {
  const rows = r.groups.map((g) => [g.id, g.name, ...cells(g, r.covered_by === 'both')]);
  const [title, model, total] = coverageHeader(r);
  return [`### ${title}`, '', `${model}`, '', `**${total}**`, '', markdownTable(columns(r), rows)].join('\n');
}

export function coverageTable(r: CoverageResult): DataTable {
  const both = r.covered_by === 'both';
  const headers = [
    'year',
    'covered_by',
    'kind',
    'group',
    'name',
    'population',
    'covered',
    'percent',
    ...(both ? ['distance_percent', 'assignment_percent'] : []),
  ];
  const rows = r.groups.map((g) => [
    r.year,
    r.covered_by,
    r.kind,
    g.id,
    g.name,
    g.population,
    g.covered,
    g.percent,
    ...(both ? [g.distance!.percent, g.assignment!.percent] : []),
  ]);
  return { name: 'Coverage', headers, rows };
}
