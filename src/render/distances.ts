/** Distance statistics for people (text, Markdown), spreadsheets (CSV) and maps (GeoJSON). */
import type { DistanceStats, DistancesResult } from '../analysis/distances.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { type DataTable, dataTable, int, markdownTable, textTable, type Column } from './table.js';
import { describeBasis } from '../analysis/demand.js';
import { mdText } from './markdown-text.js';

const v = (x: number | null) => (x === null ? '–' : x.toFixed(1));
const statCells = (s: DistanceStats) => [
  int(s.unserved),
  v(s.mean_km),
  v(s.median_km),
  v(s.p90_km),
  v(s.max_km),
  v(s.mean_min),
  v(s.p90_min),
];
const statCols: Column[] = ['no facility', 'mean km', 'median km', 'p90 km', 'max km', 'mean min', 'p90 min'].map(
  (h) => ({ header: h, align: 'right' }),
);

function tables(r: DistancesResult, table: (c: Column[], rows: string[][]) => string): string[] {
  const groupCols: Column[] = [
    { header: 'id' },
    { header: 'name' },
    { header: 'population', align: 'right' },
    ...statCols,
  ];
  const worstCols: Column[] = [
    { header: 'place' },
    { header: 'region' },
    { header: 'population', align: 'right' },
    { header: 'km', align: 'right' },
    { header: 'min', align: 'right' },
    { header: 'nearest facility' },
  ];
  return [
    'Nearest open center:',
    table(groupCols, [
      ['ALL', 'Total', int(r.center.population), ...statCells(r.center)],
      ...r.groups.map((g) => [g.id, g.name, int(g.center.population), ...statCells(g.center)]),
    ]),
    '',
    'Nearest open center or branch:',
    table(groupCols, [
      ['ALL', 'Total', int(r.any.population), ...statCells(r.any)],
      ...r.groups.map((g) => [g.id, g.name, int(g.any.population), ...statCells(g.any)]),
    ]),
    ...(r.worst.length
      ? [
          '',
          `Worst-served ${r.worst.length} places (nearest center or branch):`,
          table(
            worstCols,
            r.worst.map((w) => [
              w.name,
              w.region,
              int(w.population),
              w.km < 0 ? '–' : w.km.toFixed(1),
              w.min < 0 ? '–' : w.min.toFixed(1),
              w.facility ? `${w.facility.id} ${w.facility.name}` : 'none open',
            ]),
          ),
        ]
      : []),
  ];
}

function header(r: DistancesResult): string {
  const popNote = r.population_year === r.year ? '' : ` (population of 1 January ${r.population_year})`;
  return (
    `Travel distances in ${r.year}${popNote}. Distance model: ${r.model.description}. ` +
    `Population-weighted over the people with a facility they can reach; "no facility": none open on ` +
    `their side of the border. ${describeBasis(r.population_basis)}.`
  );
}

export function distancesText(r: DistancesResult): string {
  return [header(r), '', ...tables(r, textTable)].join('\n');
}

export function distancesMarkdown(r: DistancesResult): string {
  return [`### ${mdText(header(r))}`, '', ...tables(r, markdownTable)].join('\n');
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
