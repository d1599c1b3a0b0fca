/** Capacity results for people (text, Markdown), spreadsheets (CSV) and programs (JSON). */
import type { CapacityResult, FacilityLoad } from '../analysis/capacity.js';
import { describeBasis } from '../analysis/demand.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { type DataTable, dataTable, int, markdownTable, textTable, type Column } from './table.js';
import { mdText } from './markdown-text.js';

const columns: Column[] = [
  { header: 'id' },
  { header: 'name' },
  { header: 'kind' },
  { header: 'people', align: 'right' },
  { header: 'visits/day', align: 'right' },
  { header: 'capacity', align: 'right' },
  { header: 'util.', align: 'right' },
  { header: 'wait', align: 'right' },
  { header: 'after overflow', align: 'right' },
  { header: 'sent on', align: 'right' },
  { header: 'no room', align: 'right' },
];

const capitalise = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

const capText = (f: FacilityLoad) =>
  f.capacity === null
    ? '–'
    : `${int(f.capacity)}${f.capacity_from === 'default' ? '*' : f.capacity_from === 'desks' ? '†' : ''}`;
const waitText = (f: FacilityLoad) =>
  !f.queue ? '' : f.queue.mean_wait_min === null ? 'grows' : `${f.queue.mean_wait_min.toFixed(1)} min`;

function rows(r: CapacityResult, flag: (f: FacilityLoad) => string): string[][] {
  return r.facilities.map((f) => [
    f.id,
    f.name,
    f.kind,
    int(f.population),
    int(f.visits_per_day),
    capText(f),
    f.utilization_pct === null ? '–' : `${flag(f)}${f.utilization_pct.toFixed(0)}%`,
    waitText(f),
    f.capacitated ? int(f.capacitated.served) : '',
    f.capacitated ? int(f.capacitated.sent_elsewhere) : '',
    f.capacitated ? int(f.capacitated.unserved) : '',
  ]);
}

export function capacityHeader(r: CapacityResult): string[] {
  const popNote = r.population_year === r.year ? '' : ` (population of 1 January ${r.population_year})`;
  const d = r.demand;
  const defaults = d.defaults.length ? ` (built-in default: ${d.defaults.join(', ')}; see docs/capacity.md)` : '';
  const rule =
    r.catchment === 'nearest'
      ? 'nearest open facility (center or branch)'
      : 'the units each facility serves (shared units split equally)';
  const outside = r.outside ? ` ${int(r.outside)} people are in no catchment.` : '';
  const lines = [
    `Capacity in ${r.year}${popNote}; catchments: ${rule}`,
    `Demand: ${d.visits_per_resident_year} visits per resident a year over ${d.working_days} working ` +
      `days${defaults}. ` +
      `Travel: ${r.model.description}. ${capitalise(describeBasis(r.population_basis))}.`,
    `${int(r.visits_per_day)} visits/day expected against ${int(r.capacity_per_day)} capacity; ` +
      `${r.overloaded} of ${r.facilities.length} open facilities above 100%.${outside}`,
  ];
  const c = r.capacitated;
  if (c) {
    const mean = `${c.overflow_mean_extra_km} km (${c.overflow_mean_extra_min} min)`;
    const travel = c.overflow > 0 ? `, ${mean} further on average, at most ${c.overflow_max_extra_km} km` : '';
    const gap = c.flow_gap
      ? `; the min-cost flow leaves ${int(c.flow_gap.unserved_people)} more people unserved and ` +
        `${c.flow_gap.travel_pct}% more person-minutes than this optimum`
      : '';
    const proof =
      c.travel_gap_at_most_pct !== undefined
        ? `; its prices prove the person-minutes within ${c.travel_gap_at_most_pct}% of the optimum`
        : '';
    const method = c.method === 'exact' ? 'exact, HiGHS LP' : `exact, min-cost flow${proof}`;
    const limit = d.overflow_max_min !== null ? `, at most ${d.overflow_max_min} min further than the nearest` : '';
    lines.push(
      `With overflow to the next-nearest facility with room${limit} (${method}${gap}): ` +
        `${int(c.unserved)} people cannot be served within capacity; ${int(c.overflow)} overflow${travel}.`,
    );
  }
  return lines;
}

const legend = (r: CapacityResult) => {
  const parts = [
    'util. = expected visits / capacity',
    '! above 100%',
    'after overflow, sent on, no room: people routed by travel time to the nearest facility with room',
    "sent on and no room count the people whose nearest open facility this is (overflow starts there), not the catchment in 'people'",
  ];
  if (r.facilities.some((f) => f.capacity_from === 'default')) parts.push("* the plan's default capacity");
  if (r.facilities.some((f) => f.capacity_from === 'desks')) {
    parts.push('† desks × opening minutes / service minutes');
  }
  if (r.facilities.some((f) => f.queue))
    parts.push('wait = mean M/M/c (Erlang C) wait at steady random arrivals over the opening hours; peaks wait longer');
  return parts.join('; ');
};

export function capacityText(r: CapacityResult): string {
  return [
    ...capacityHeader(r),
    '',
    textTable(
      columns,
      rows(r, (f) => (f.overloaded ? '!' : '')),
    ),
    '',
    legend(r),
    ...r.notes.map((n) => `Note: ${n}`),
  ].join('\n');
}

export function capacityMarkdown(r: CapacityResult): string {
  const [title, ...rest] = capacityHeader(r);
  return [
    `### ${mdText(title!)}`,
    '',
    ...rest.map((l) => `${mdText(l)}  `),
    '',
    markdownTable(
      columns,
      rows(r, (f) => (f.overloaded ? '⚠️ ' : '')),
    ),
    '',
    `_${mdText(legend(r))}_`,
    ...r.notes.map((n) => `\n_Note: ${mdText(n)}_`),
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
      f.queue ? (f.queue.mean_wait_min ?? 'inf') : '',
      f.capacitated?.served ?? '',
      f.capacitated?.sent_elsewhere ?? '',
      f.capacitated?.unserved ?? '',
    ]),
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
