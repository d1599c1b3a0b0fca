/** `optimize --model capacity` results: text, Markdown, CSV, GeoJSON, and a plan fragment with capacities. */
import { capacitySiteId, type CapacitySitesResult } from '../analysis/optimize/capacity-sites.js';
import type { NewSiteUnits } from '../analysis/optimize/suggest.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { reassignYaml } from './optimize.js';
import { type DataTable, dataTable, int, markdownTable, textTable, type Column } from './table.js';
import { mdText } from './markdown-text.js';

const columns: Column[] = [
  { header: 'rank', align: 'right' },
  { header: 'site' },
  { header: 'region' },
  { header: 'lat', align: 'right' },
  { header: 'lon', align: 'right' },
  { header: 'capacity/day', align: 'right' },
  { header: 'people', align: 'right' },
  { header: 'relieves' },
  { header: 'unserved after', align: 'right' },
  { header: 'over 100% after', align: 'right' },
];

const rows = (r: CapacitySitesResult) =>
  r.sites.map((s) => [
    String(s.rank),
    s.name,
    s.region,
    s.lat.toFixed(4),
    s.lon.toFixed(4),
    int(s.capacity),
    int(s.people),
    s.relieves.slice(0, 4).join(' ') || '–',
    int(s.unserved_after),
    String(s.overloaded_after),
  ]);

function summary(r: CapacitySitesResult): string[] {
  const worst = r.before.overloaded
    .slice(0, 6)
    .map((f) => `${f.id} ${f.utilization_pct.toFixed(0)}%`)
    .join(', ');
  const list = worst ? ` (${worst}${r.before.overloaded.length > 6 ? ', …' : ''})` : '';
  const nearest = r.catchment === 'nearest' ? '' : `, ${r.before.overloaded_nearest} by nearest facility`;
  return [
    `Capacity relief: ${r.sites.length} new sites among ${int(r.candidates)} candidates, with the facilities open ` +
      `at the end of ${r.year} fixed at their capacities (catchments: ${r.catchment}).`,
    `Before: ${r.before.overloaded.length} facilities above 100%${list}${nearest}; ` +
      `${int(r.before.unserved)} people cannot be served within capacity; ${int(r.before.overflow)} ` +
      `overflow to a farther facility.`,
    `After: ${r.after.overloaded} above 100% by nearest facility; ${int(r.after.unserved)} unserved; ` +
      `${int(r.after.overflow)} overflow. A site's capacity is the visits a day it would serve.`,
  ];
}

export function capacitySitesText(r: CapacitySitesResult, yaml: string): string {
  return [...summary(r), '', textTable(columns, rows(r)), '', 'Plan fragment:', yaml].join('\n');
}

export function capacitySitesMarkdown(r: CapacitySitesResult, yaml: string): string {
  const [title, ...rest] = summary(r);
  return [
    `### ${mdText(title!)}`,
    '',
    ...rest.map((l) => `${mdText(l)}  `),
    '',
    markdownTable(columns, rows(r)),
    '',
    '```yaml',
    yaml.trimEnd(),
    '```',
  ].join('\n');
}

export function capacitySitesTable(r: CapacitySitesResult): DataTable {
  return dataTable(
    'New sites',
    [
      'rank',
      'name',
      'region',
      'lat',
      'lon',
      'capacity_per_day',
      'people',
      'relieves',
      'unserved_after',
      'overloaded_after',
    ],
    r.sites.map((s) => [
      s.rank,
      s.name,
      s.region,
      s.lat,
      s.lon,
      s.capacity,
      s.people,
      s.relieves.join(' '),
      s.unserved_after,
      s.overloaded_after,
    ]),
  );
}

export function capacitySitesGeoJson(r: CapacitySitesResult): FeatureCollectionOut {
  return featureCollection(
    r.sites.map((s) =>
      pointFeature(s.lat, s.lon, {
        rank: s.rank,
        name: s.name,
        region: s.region,
        capacity: s.capacity,
        people: s.people,
        relieves: s.relieves.join(' '),
      }),
    ),
    { year: r.year, model: r.model },
  );
}

/**
 * The sites as a scenario over the plan (`extends:` its path as seen from where it is saved): new
 * centers with their suggested capacity, serving the units `units` gives them (a unit taken over
 * from a center is a dated move). It passes `dostplan validate --strict`.
 */
export function capacitySitesYaml(o: { result: CapacitySitesResult; units: NewSiteUnits; base: string }): string {
  const { result: r, units, base } = o;
  const n = r.sites.length;
  const lines = [
    `# dostplan optimize --model capacity: ${n} suggested centers with capacities, fixed network of ${r.year}.`,
    '# A scenario over the plan: save it beside the plan and check it with `dostplan validate --strict`.',
    `extends: ${q(base)}`,
    `name: ${q(`${n} ${n === 1 ? 'center' : 'centers'} with capacities suggested by optimize capacity, opening ${r.year}`)}`,
    ...(n ? ['centers:'] : []),
  ];
  r.sites.forEach((s, t) => {
    const relieving = s.relieves.length ? `, relieving ${s.relieves.slice(0, 3).join(', ')}` : '';
    lines.push(
      `  - id: ${capacitySiteId(s)}`,
      `    name: ${q(`Suggested center near ${s.name}`)}`,
      `    region: ${s.unit}`,
      `    location: { lat: ${s.lat.toFixed(4)}, lon: ${s.lon.toFixed(4)} }`,
      '    status: planned',
      `    opens: ${r.year}`,
      `    serves: [${units.serves[t]!.join(', ')}]`,
      `    capacity: ${s.capacity}`,
      '    evidence: { place: assumption, date: assumption }',
      `    source: ${q(`dostplan optimize (capacity): serves ${s.people.toLocaleString('en-US')} people${relieving}`)}`,
    );
  });
  lines.push(...reassignYaml(units.moves));
  return `${lines.join('\n')}\n`;
}

/** YAML double-quoted scalar (JSON's string syntax is valid YAML). */
const q = (s: string) => JSON.stringify(s);
