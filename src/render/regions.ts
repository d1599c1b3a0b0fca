/**
 * The units (and capital districts) of the country's dataset, so planners can write `region:` and
 * `serves:`, with their registered and resident populations and where each figure comes from
 * (exact official figure, derived from official figures, or estimate).
 */
import { ENGLISH, type Locale } from '../model/locale.js';
import type { Dataset } from '../model/dataset.js';
import { type DataTable, dataTable, textTable } from './table.js';

/** The last year with figures: resident figures move after the base year (resettlement). */
const lastYear = (ds: Dataset) => Math.max(ds.base_year, ...ds.years);

function headers(ds: Dataset): string[] {
  const y = ds.base_year;
  return [
    'code',
    'name',
    'name_az',
    'kind',
    'economic_region',
    'nakhchivan',
    'liberated',
    `registered_${y}`,
    `resident_${y}`,
    'provenance',
    'source',
    `resident_${lastYear(ds)}`,
    'resident_source',
  ];
}

/**
 * The table's rows; `sourceIn` chooses each figure's source note (the English one by default, the
 * Azerbaijani translation the data carries for a table made with --lang az).
 */
function rows(
  ds: Dataset,
  capital: string,
  sourceIn: (r: { population_source?: string | undefined; population_source_az?: string | undefined }) => string = (
    r,
  ) => r.population_source ?? '',
): string[][] {
  const y = String(ds.base_year),
    last = String(lastYear(ds));
  const units = ds.regions.map((r) => [
    r.code,
    r.name_en,
    r.name_az,
    r.kind,
    r.economic_region,
    r.nakhchivan ? 'yes' : '',
    r.liberated ? 'yes' : '',
    String(r.population[y] ?? 0),
    String((r.resident ?? r.population)[y] ?? 0),
    r.provenance ?? '',
    sourceIn(r),
    String((r.resident ?? r.population)[last] ?? 0),
    r.resident_source ?? '',
  ]);
  const districts = ds.baku_districts.map((d) => [
    `${capital}/${d.id}`,
    `${d.name_en} district`,
    d.name_az,
    'district',
    '',
    '',
    '',
    String(d.population[y] ?? 0),
    String((d.resident ?? d.population)[y] ?? 0),
    d.provenance ?? '',
    sourceIn(d),
    String((d.resident ?? d.population)[last] ?? 0),
    '',
  ]);
  return [...units, ...districts];
}

/** One line counting the provenance of the leaf units' figures. */
export function provenanceSummary(ds: Dataset, L: Locale = ENGLISH): string {
  const leaves = ds.regions.filter((r) => r.kind !== 'autonomous_republic');
  const count = (p: string) => leaves.filter((r) => r.provenance === p).length;
  if (leaves.every((r) => r.provenance === undefined)) return '';
  if (L.lang !== 'en')
    return L.t('regions.provenance', {
      date: L.day(ds.base_year, 1, 1),
      exact: count('exact'),
      derived: count('derived'),
      estimate: count('estimate'),
      none: count('none'),
    });
  return (
    `Units (1 January ${ds.base_year}): ${count('exact')} exact official figures, ` +
    `${count('derived')} derived from official figures, ${count('estimate')} estimates, ` +
    `${count('none')} without a figure of their own. Sources: --format csv; method: data/SOURCES.md.`
  );
}

/** One line on the resident figures of the units that have their own source for them. */
function residentSummary(ds: Dataset, L: Locale): string {
  const own = ds.regions.filter((r) => r.resident_source);
  if (!own.length) return '';
  if (L.lang !== 'en') return L.t('regions.resident', { n: own.length });
  return (
    `Resident figures of ${own.length} liberated units: the resettled on each 1 January (State Committee ` +
    "figures, dated) and the parts never occupied; each unit's in the resident_source column of --format csv."
  );
}

export function regionsText(ds: Dataset, capital = '', L: Locale = ENGLISH): string {
  const h = L.lang === 'en' ? headers(ds) : localHeaders(ds, L);
  const cols = [0, 1, 7, 8, 11, 9, 10];
  const numeric = (i: number) => i === 7 || i === 8 || i === 11;
  // The source is cut to fit a terminal; --format csv or json has it in full.
  const cell = (r: string[], i: number) =>
    numeric(i)
      ? L.int(Number(r[i]))
      : i === 10 && r[i]!.length > 44
        ? `${r[i]!.slice(0, 43)}…`
        : i === 1
          ? (L.unitName(r[0]!) ?? r[i]!)
          : i === 9 && L.lang !== 'en' && /^(exact|derived|estimate|none)$/.test(r[i]!)
            ? L.t(`regions.p_${r[i] as 'exact'}`)
            : r[i]!;
  const table = textTable(
    cols.map((i) => ({ header: h[i]!, align: numeric(i) ? ('right' as const) : ('left' as const) })),
    rows(ds, capital, L.lang === 'az' ? (r) => r.population_source_az ?? r.population_source ?? '' : undefined).map(
      (r) => cols.map((i) => cell(r, i)),
    ),
  );
  const summary = [provenanceSummary(ds, L), residentSummary(ds, L)].filter(Boolean).join('\n');
  return summary ? `${table}\n\n${summary}` : table;
}

/** The text table's headers in `L`'s language (CSV keeps headers()). */
function localHeaders(ds: Dataset, L: Locale): string[] {
  const h = headers(ds);
  const y = (k: string) =>
    k.replace(/^(registered|resident)_(\d{4})$/, (_, b: string, yr: string) =>
      L.t(b === 'registered' ? 'regions.registered' : 'regions.resident_col', { year: yr }),
    );
  return h.map((k, i) =>
    i === 0
      ? L.t('common.id')
      : i === 1
        ? L.t('common.name')
        : i === 9
          ? L.t('regions.figure')
          : i === 10
            ? L.t('provenance.source')
            : y(k),
  );
}

export function regionsTable(ds: Dataset, capital = ''): DataTable {
  return dataTable('Regions', headers(ds), rows(ds, capital));
}
