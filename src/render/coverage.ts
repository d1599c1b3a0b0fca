/** Coverage results for people (text, Markdown), spreadsheets (CSV) and programs (JSON). */
import type { CoverageResult, CoverageRow } from '../analysis/coverage.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { type DataTable, markdownTable, textTable, type Column } from './table.js';
import { mdText } from './markdown-text.js';
import { basisText, kindWord, modelText, nearestYearNote, standardsLine } from './words.js';

export { standardsLine } from './words.js';

function columns(r: CoverageResult, L: Locale): Column[] {
  const cols: Column[] = [
    { header: L.t('common.id') },
    { header: L.t('common.name') },
    { header: L.t('common.population'), align: 'right' },
    { header: L.t('common.covered'), align: 'right' },
    { header: L.t('common.share'), align: 'right' },
  ];
  if (r.covered_by === 'both')
    cols.push(
      { header: L.t('common.by_distance'), align: 'right' },
      { header: L.t('common.by_assignment'), align: 'right' },
    );
  return cols;
}

function cells(
  row: Pick<CoverageRow, 'population' | 'covered' | 'percent' | 'distance' | 'assignment'>,
  both: boolean,
  L: Locale,
): string[] {
  const c = [L.int(row.population), L.int(row.covered), L.pct(row.percent)];
  if (both) c.push(L.pct(row.distance!.percent), L.pct(row.assignment!.percent));
  return c;
}

/**
 * A group's name in the run's language. The analysis writes a unit counted elsewhere as
 * "Name, counted in AZ-XX" (or "…, counted by its units"): the note is said again in the language.
 */
export function groupName(id: string, name: string, L: Locale = ENGLISH): string {
  if (L.lang === 'en') return name;
  const inUnit = /^(.*), counted in (\S+)$/.exec(name);
  if (inUnit) return L.t('common.counted_in', { name: L.place(id, inUnit[1]!), unit: inUnit[2]! });
  const byUnits = /^(.*), counted by its units$/.exec(name);
  if (byUnits) return L.t('common.counted_by_units', { name: L.place(id, byUnits[1]!) });
  return L.place(id, name);
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function coverageHeader(r: CoverageResult, L: Locale = ENGLISH): string[] {
  return [
    L.t('coverage.title', {
      year: L.yearOrd(r.year),
      note: nearestYearNote(r.year, r.population_year, L),
      by: L.t(`common.basis.${r.covered_by}`),
      kind: kindWord(r.kind, L),
    }),
    L.t('coverage.model', { model: modelText(r.model, L), standards: standardsLine(r.standards, L) }),
    `${capitalise(basisText(r.population_basis, L))}.`,
    L.t('coverage.total', { covered: L.int(r.covered), population: L.int(r.population), share: L.pct(r.percent) }),
  ];
}

const rowsOf = (r: CoverageResult, L: Locale) =>
  r.groups.map((g) => [g.id, groupName(g.id, g.name, L), ...cells(g, r.covered_by === 'both', L)]);

export function coverageText(r: CoverageResult, L: Locale = ENGLISH): string {
  return [...coverageHeader(r, L), '', textTable(columns(r, L), rowsOf(r, L))].join('\n');
}

export function coverageMarkdown(r: CoverageResult, L: Locale = ENGLISH): string {
  const [title, model, basis, total] = coverageHeader(r, L);
  return [
    `### ${mdText(title!)}`,
    '',
    mdText(`${model} ${basis}`),
    '',
    `**${mdText(total!)}**`,
    '',
    markdownTable(columns(r, L), rowsOf(r, L)),
  ].join('\n');
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
