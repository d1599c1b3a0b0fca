/** Distance statistics for people (text, Markdown), spreadsheets (CSV) and maps (GeoJSON). */
import type { DistanceStats, DistancesResult } from '../analysis/distances.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { mdText } from './markdown-text.js';
import { type DataTable, dataTable, markdownTable, textTable, type Column } from './table.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { basisText, modelText } from './words.js';

const statCells = (s: DistanceStats, L: Locale) => {
  const v = (x: number | null) => (x === null ? '–' : L.num(x, 1));
  return [L.int(s.unserved), v(s.mean_km), v(s.median_km), v(s.p90_km), v(s.max_km), v(s.mean_min), v(s.p90_min)];
};
const statCols = (L: Locale): Column[] =>
  (
    [
      'distances.no_facility',
      'common.mean_km',
      'distances.median_km',
      'common.p90_km',
      'common.max_km',
      'common.mean_min',
      'distances.p90_min',
    ] as const
  ).map((k) => ({ header: L.t(k), align: 'right' }));

function tables(r: DistancesResult, table: (c: Column[], rows: string[][]) => string, L: Locale): string[] {
  const groupCols: Column[] = [
    { header: L.t('common.id') },
    { header: L.t('common.name') },
    { header: L.t('common.population'), align: 'right' },
    ...statCols(L),
  ];
  const worstCols: Column[] = [
    { header: L.t('common.place') },
    { header: L.t('distances.region') },
    { header: L.t('common.population'), align: 'right' },
    { header: L.t('common.km'), align: 'right' },
    { header: L.t('common.min'), align: 'right' },
    { header: L.t('report.nearest_facility') },
  ];
  const total = L.t('distances.total');
  return [
    `${L.t('distances.nearest_center')}:`,
    table(groupCols, [
      ['ALL', total, L.int(r.center.population), ...statCells(r.center, L)],
      ...r.groups.map((g) => [g.id, L.place(g.id, g.name), L.int(g.center.population), ...statCells(g.center, L)]),
    ]),
    '',
    `${L.t('distances.nearest_any')}:`,
    table(groupCols, [
      ['ALL', total, L.int(r.any.population), ...statCells(r.any, L)],
      ...r.groups.map((g) => [g.id, L.place(g.id, g.name), L.int(g.any.population), ...statCells(g.any, L)]),
    ]),
    ...(r.worst.length
      ? [
          '',
          `${L.t('distances.worst', { n: r.worst.length })}:`,
          table(
            worstCols,
            r.worst.map((w) => [
              L.placeText(w.name),
              w.region,
              L.int(w.population),
              w.km < 0 ? '–' : L.num(w.km, 1),
              w.min < 0 ? '–' : L.num(w.min, 1),
              w.facility ? `${w.facility.id} ${L.place(w.facility.id, w.facility.name)}` : L.t('distances.none_open'),
            ]),
          ),
        ]
      : []),
  ];
}

function header(r: DistancesResult, L: Locale): string {
  const note =
    r.population_year === r.year ? '' : ` ${L.t('distances.population_of', { date: L.day(r.population_year, 1, 1) })}`;
  return L.t('distances.header', {
    year: L.yearOrd(r.year),
    note,
    model: modelText(r.model, L),
    basis: basisText(r.population_basis, L),
  });
}

export function distancesText(r: DistancesResult, L: Locale = ENGLISH): string {
  return [header(r, L), '', ...tables(r, textTable, L)].join('\n');
}

export function distancesMarkdown(r: DistancesResult, L: Locale = ENGLISH): string {
  return [`### ${mdText(header(r, L))}`, '', ...tables(r, markdownTable, L)].join('\n');
}

export function distancesTable(r: DistancesResult): DataTable {
  const keys = [
    'unserved',
    'mean_km',
    'median_km',
    'p90_km',
    'max_km',
    'mean_min',
    'median_min',
    'p90_min',
    'max_min',
  ] as const;
  const rows: (string | number)[][] = [];
  for (const kind of ['center', 'any'] as const) {
    rows.push([r.year, kind, 'ALL', 'Total', r[kind].population, ...keys.map((k) => r[kind][k] ?? '')]);
    for (const g of r.groups)
      rows.push([r.year, kind, g.id, g.name, g[kind].population, ...keys.map((k) => g[kind][k] ?? '')]);
  }
  return { name: 'Distances', headers: ['year', 'nearest', 'group', 'name', 'population', ...keys], rows };
}

/** With --worst N, CSV is the worst-served places (one table per file, as spreadsheets expect; like GeoJSON). */
export function worstTable(r: DistancesResult): DataTable {
  return dataTable(
    'Worst served',
    ['year', 'rank', 'place', 'region', 'lat', 'lon', 'population', 'km', 'min', 'nearest_id', 'nearest_name'],
    r.worst.map((w, i) => [
      r.year,
      i + 1,
      w.name,
      w.region,
      w.lat,
      w.lon,
      w.population,
      w.km < 0 ? '' : w.km,
      w.min < 0 ? '' : w.min,
      w.facility?.id ?? '',
      w.facility?.name ?? '',
    ]),
  );
}

export function distancesGeoJson(r: DistancesResult): FeatureCollectionOut {
  return featureCollection(
    r.worst.map((w) =>
      pointFeature(w.lat, w.lon, {
        name: w.name,
        region: w.region,
        population: w.population,
        km: w.km,
        min: w.min,
        nearest_id: w.facility?.id ?? null,
        nearest_name: w.facility?.name ?? null,
      }),
    ),
    { year: r.year, model: r.model.description },
  );
}
