/** `optimize --model capacity` results: text, Markdown, CSV, GeoJSON, and a plan fragment with capacities. */
import { capacitySiteId, type CapacitySitesResult } from '../analysis/optimize/capacity-sites.js';
import type { NewSiteUnits } from '../analysis/optimize/suggest.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { nameLines, reassignYaml } from './optimize.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { type DataTable, dataTable, markdownTable, textTable, type Column } from './table.js';
import { mdText } from './markdown-text.js';

const columns = (L: Locale): Column[] => [
  { header: L.t('capsites.col_rank'), align: 'right' },
  { header: L.t('capsites.col_site') },
  { header: L.t('capsites.col_region') },
  { header: L.t('opt.col_lat'), align: 'right' },
  { header: L.t('opt.col_lon'), align: 'right' },
  { header: L.t('capsites.col_capacity'), align: 'right' },
  { header: L.t('common.people'), align: 'right' },
  { header: L.t('capsites.col_relieves') },
  { header: L.t('capsites.col_unserved'), align: 'right' },
  { header: L.t('capsites.col_over'), align: 'right' },
];

const rows = (r: CapacitySitesResult, L: Locale) =>
  r.sites.map((s) => [
    String(s.rank),
    L.placeText(s.name),
    L.unitName(s.region) ?? s.region,
    L.num(s.lat, 4),
    L.num(s.lon, 4),
    L.int(s.capacity),
    L.int(s.people),
    s.relieves.slice(0, 4).join(' ') || '–',
    L.int(s.unserved_after),
    String(s.overloaded_after),
  ]);

function summary(r: CapacitySitesResult, L: Locale): string[] {
  const worst = r.before.overloaded
    .slice(0, 6)
    .map((f) => `${f.id} ${L.pct(f.utilization_pct, 0)}`)
    .join(', ');
  const list = worst ? ` (${worst}${r.before.overloaded.length > 6 ? ', …' : ''})` : '';
  const nearest = r.catchment === 'nearest' ? '' : L.t('capsites.by_nearest', { n: r.before.overloaded_nearest });
  return [
    L.t('capsites.headline', {
      n: r.sites.length,
      candidates: L.int(r.candidates),
      year: L.yearOrd(r.year),
      catchment: L.t(`common.catchment.${r.catchment}`),
    }),
    L.t('capsites.before', {
      n: r.before.overloaded.length,
      list,
      nearest,
      unserved: L.int(r.before.unserved),
      overflow: L.int(r.before.overflow),
    }),
    L.t('capsites.after', {
      n: r.after.overloaded,
      unserved: L.int(r.after.unserved),
      overflow: L.int(r.after.overflow),
    }),
  ];
}

export function capacitySitesText(r: CapacitySitesResult, yaml: string, L: Locale = ENGLISH): string {
  return [...summary(r, L), '', textTable(columns(L), rows(r, L)), '', L.t('capsites.fragment'), yaml].join('\n');
}

export function capacitySitesMarkdown(r: CapacitySitesResult, yaml: string, L: Locale = ENGLISH): string {
  const [title, ...rest] = summary(r, L);
  return [
    `### ${mdText(title!)}`,
    '',
    ...rest.map((l) => `${mdText(l)}  `),
    '',
    markdownTable(columns(L), rows(r, L)),
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
 * from a center is a dated move). It passes `dostplan validate --strict`. Keys as plans write
 * them; comments, `name_az:` and the `source:` note in the run's language.
 */
export function capacitySitesYaml(
  o: { result: CapacitySitesResult; units: NewSiteUnits; base: string },
  L: Locale = ENGLISH,
): string {
  const { result: r, units, base } = o;
  const n = r.sites.length;
  const year = L.yearOrd(r.year);
  const lines = [
    `# ${L.t('capsites.yaml.head', { n, year })}`,
    `# ${L.t('capsites.yaml.save')}`,
    `extends: ${q(base)}`,
    ...nameLines(
      '',
      `${n} ${n === 1 ? 'center' : 'centers'} with capacities suggested by optimize capacity, opening ${r.year}`,
      () => L.t('capsites.yaml.name', { n, year }),
      L,
    ),
    ...(n ? ['centers:'] : []),
  ];
  r.sites.forEach((s, t) => {
    const relieving = s.relieves.length
      ? L.t('capsites.yaml.relieving', { list: s.relieves.slice(0, 3).join(', ') })
      : '';
    lines.push(
      `  - id: ${capacitySiteId(s)}`,
      ...nameLines(
        '    ',
        `Suggested center near ${s.name}`,
        () => L.t('opt.yaml.site_name', { kind: L.t('common.center'), place: L.placeText(s.name) }),
        L,
      ),
      `    region: ${s.unit}`,
      `    location: { lat: ${s.lat.toFixed(4)}, lon: ${s.lon.toFixed(4)} }`,
      '    status: planned',
      `    opens: ${r.year}`,
      `    serves: [${units.serves[t]!.join(', ')}]`,
      `    capacity: ${s.capacity}`,
      '    evidence: { place: assumption, date: assumption }',
      `    source: ${q(L.t('capsites.yaml.source', { people: L.int(s.people), relieving }))}`,
    );
  });
  lines.push(...reassignYaml(units.moves, L));
  return `${lines.join('\n')}\n`;
}

/** YAML double-quoted scalar (JSON's string syntax is valid YAML). */
const q = (s: string) => JSON.stringify(s);
