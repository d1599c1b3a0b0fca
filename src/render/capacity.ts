/** Capacity results for people (text, Markdown), spreadsheets (CSV) and programs (JSON). */
import type { CapacityResult, FacilityLoad } from '../analysis/capacity.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { basisText, modelText } from './words.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { mdText } from './markdown-text.js';
import { type DataTable, dataTable, markdownTable, textTable, type Column } from './table.js';

const columns = (L: Locale): Column[] => [
  { header: L.t('common.id') },
  { header: L.t('common.name') },
  { header: L.t('capacity.kind') },
  { header: L.t('common.people'), align: 'right' },
  { header: L.t('report.visits_day'), align: 'right' },
  { header: L.t('report.capacity'), align: 'right' },
  { header: L.t('capacity.util'), align: 'right' },
  { header: L.t('capacity.wait'), align: 'right' },
  { header: L.t('capacity.after_overflow'), align: 'right' },
  { header: L.t('capacity.sent_on'), align: 'right' },
  { header: L.t('report.no_room'), align: 'right' },
];

const capitalise = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

const capText = (f: FacilityLoad, L: Locale) =>
  f.capacity === null
    ? '–'
    : `${L.int(f.capacity)}${f.capacity_from === 'default' ? '*' : f.capacity_from === 'desks' ? '†' : ''}`;
const waitText = (f: FacilityLoad, L: Locale) =>
  !f.queue
    ? ''
    : f.queue.mean_wait_min === null
      ? L.t('report.grows')
      : L.t('common.minutes', { n: L.num(f.queue.mean_wait_min, 1) });

function rows(r: CapacityResult, flag: (f: FacilityLoad) => string, L: Locale): string[][] {
  return r.facilities.map((f) => [
    f.id,
    L.place(f.id, f.name),
    L.t(`common.${f.kind}`),
    L.int(f.population),
    L.int(f.visits_per_day),
    capText(f, L),
    f.utilization_pct === null ? '–' : `${flag(f)}${L.pct(f.utilization_pct, 0)}`,
    waitText(f, L),
    f.capacitated ? L.int(f.capacitated.served) : '',
    f.capacitated ? L.int(f.capacitated.sent_elsewhere) : '',
    f.capacitated ? L.int(f.capacitated.unserved) : '',
  ]);
}

/** A figure with as many decimals as it has (up to 3), in `L`'s notation. */
const fig = (x: number | null, L: Locale) =>
  x === null ? '–' : L.num(x, Math.min(3, (String(x).split('.')[1] ?? '').length));

export function capacityHeader(r: CapacityResult, L: Locale = ENGLISH): string[] {
  const note =
    r.population_year === r.year ? '' : ` ${L.t('distances.population_of', { date: L.day(r.population_year, 1, 1) })}`;
  const d = r.demand;
  const defaults = d.defaults.length ? L.t('capacity.defaults', { list: d.defaults.join(', ') }) : '';
  const rule = L.t(r.catchment === 'nearest' ? 'capacity.rule_nearest' : 'capacity.rule_assignment');
  const outside = r.outside ? L.t('capacity.outside', { n: L.int(r.outside) }) : '';
  const lines = [
    L.t('capacity.title', { year: L.yearOrd(r.year), note, rule }),
    L.t('capacity.demand', {
      visits: fig(d.visits_per_resident_year, L),
      days: d.working_days,
      defaults,
      model: modelText(r.model, L),
      basis: capitalise(basisText(r.population_basis, L)),
    }),
    L.t('capacity.load', {
      visits: L.int(r.visits_per_day),
      capacity: L.int(r.capacity_per_day),
      overloaded: r.overloaded,
      facilities: r.facilities.length,
      outside,
    }),
  ];
  const c = r.capacitated;
  if (c) {
    const travel =
      c.overflow > 0
        ? L.t('capacity.travel', {
            km: fig(c.overflow_mean_extra_km, L),
            min: fig(c.overflow_mean_extra_min, L),
            max: fig(c.overflow_max_extra_km, L),
          })
        : '';
    const gap = c.flow_gap
      ? L.t('capacity.flow_gap', { n: L.int(c.flow_gap.unserved_people), pct: fig(c.flow_gap.travel_pct, L) })
      : '';
    const proof =
      c.travel_gap_at_most_pct !== undefined ? L.t('capacity.proof', { pct: fig(c.travel_gap_at_most_pct, L) }) : '';
    const method = c.method === 'exact' ? L.t('capacity.method_lp') : L.t('capacity.method_flow', { proof });
    const limit = d.overflow_max_min !== null ? L.t('capacity.limit', { min: fig(d.overflow_max_min, L) }) : '';
    lines.push(
      L.t('capacity.overflow', {
        limit,
        method,
        gap,
        unserved: L.int(c.unserved),
        overflow: L.int(c.overflow),
        travel,
      }),
    );
  }
  return lines;
}

const legend = (r: CapacityResult, L: Locale) => {
  const parts = [
    L.t('capacity.legend_util'),
    L.t('capacity.legend_flag'),
    L.t('capacity.legend_overflow'),
    L.t('capacity.legend_sent'),
  ];
  if (r.facilities.some((f) => f.capacity_from === 'default')) parts.push(L.t('capacity.legend_default'));
  if (r.facilities.some((f) => f.capacity_from === 'desks')) parts.push(L.t('capacity.legend_desks'));
  if (r.facilities.some((f) => f.queue)) parts.push(L.t('capacity.legend_wait'));
  return parts.join('; ');
};

/** A note the analysis wrote in English (analysis/capacity.ts), said again in `L`'s language. */
export function capacityNote(note: string, L: Locale = ENGLISH): string {
  if (L.lang === 'en') return note;
  const none = /^(\d+) open facilit(?:y has|ies have) no capacity, desks or plan default \((.*)\): no utilization/.exec(
    note,
  );
  return none ? L.t('capacity.note_no_capacity', { n: none[1]!, ids: none[2]! }) : note;
}

export function capacityText(r: CapacityResult, L: Locale = ENGLISH): string {
  return [
    ...capacityHeader(r, L),
    '',
    textTable(
      columns(L),
      rows(r, (f) => (f.overloaded ? '!' : ''), L),
    ),
    '',
    legend(r, L),
    ...r.notes.map((n) => `${L.t('capacity.note')}: ${capacityNote(n, L)}`),
  ].join('\n');
}

export function capacityMarkdown(r: CapacityResult, L: Locale = ENGLISH): string {
  const [title, ...rest] = capacityHeader(r, L);
  return [
    `### ${mdText(title!)}`,
    '',
    ...rest.map((l) => `${mdText(l)}  `),
    '',
    markdownTable(
      columns(L),
      rows(r, (f) => (f.overloaded ? '⚠️ ' : ''), L),
    ),
    '',
    `_${mdText(legend(r, L))}_`,
    ...r.notes.map((n) => `\n_${L.t('capacity.note')}: ${mdText(capacityNote(n, L))}_`),
  ].join('\n');
}

export function capacityTable(r: CapacityResult): DataTable {
  const headers = [
    'year',
    'catchment',
    'id',
    'name',
    'kind',
    'region',
    'population',
    'visits_per_day',
    'capacity',
    'capacity_from',
    'utilization_pct',
    'overloaded',
    'desks',
    'service_min',
    'p_wait_pct',
    'mean_wait_min',
    'served_after_overflow',
    'sent_elsewhere',
    'unserved',
  ];
  return dataTable(
    'Capacity',
    headers,
    r.facilities.map((f) => [
      r.year,
      r.catchment,
      f.id,
      f.name,
      f.kind,
      f.region,
      f.population,
      f.visits_per_day,
      f.capacity ?? '',
      f.capacity_from,
      f.utilization_pct ?? '',
      f.overloaded ? 1 : 0,
      f.desks ?? '',
      f.service_min ?? '',
      f.queue?.p_wait_pct ?? '',
      // Unbounded (the queue grows all day) is an empty cell, as JSON's null: 'inf' would be text in a sheet.
      f.queue?.mean_wait_min ?? '',
      f.capacitated?.served ?? '',
      f.capacitated?.sent_elsewhere ?? '',
      f.capacitated?.unserved ?? '',
    ]),
    [
      'mean_wait_min is empty where the wait is unbounded (p_wait_pct 100: visits reach what the desks can serve, the queue grows all day) or where no queue is modelled (desks and service_min empty)',
    ],
  );
}

/** Each open facility as a point with its load, for a map of utilization (QGIS: style by utilization_pct). */
export function capacityGeoJson(r: CapacityResult): FeatureCollectionOut {
  const features = r.facilities.map((f) =>
    pointFeature(f.lat, f.lon, {
      id: f.id,
      name: f.name,
      kind: f.kind,
      population: f.population,
      visits_per_day: f.visits_per_day,
      capacity: f.capacity,
      utilization_pct: f.utilization_pct,
      overloaded: f.overloaded,
      mean_wait_min: f.queue ? f.queue.mean_wait_min : null,
      unserved: f.capacitated?.unserved ?? null,
    }),
  );
  return featureCollection(features, { year: r.year, catchment: r.catchment, overloaded: r.overloaded });
}
