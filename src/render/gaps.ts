/**
 * The gap list (`dostplan gaps`): unserved clusters ranked by people, as a text table, CSV (one
 * row a cluster), GeoJSON (a point at each cluster's population-weighted centre) and JSON.
 */
import type { GapsResult, UnservedCluster } from '../analysis/gaps.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { type DataTable, dataTable, textTable, type Column } from './table.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { modelText } from './words.js';

const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

function header(r: GapsResult, L: Locale): string {
  const share = r.population > 0 ? L.num((r.unserved / r.population) * 100, 1) : L.num(0, 1);
  return L.t('gaps.header', {
    year: r.year,
    unserved: L.int(r.unserved),
    population: L.int(r.population),
    share,
    standards: L.threshold(r.standards),
    kind: L.t(`gaps.kind_${r.kind}`),
    clusters: L.int(r.clusters.length),
    km: L.num(r.cluster_km, Number.isInteger(r.cluster_km) ? 0 : 1),
    model: modelText(r.model, L),
  });
}

const facilityCell = (c: UnservedCluster, L: Locale) =>
  c.facility ? `${L.place(c.facility.id, c.facility.name)} (${c.facility.id})` : '–';

export function gapsText(r: GapsResult, top = 20, L: Locale = ENGLISH): string {
  const columns: Column[] = [
    { header: '#', align: 'right' },
    { header: L.t('common.people'), align: 'right' },
    { header: L.t('gaps.near'), align: 'left' },
    { header: L.t('gaps.lat_lon'), align: 'left' },
    { header: L.t('report.nearest_facility'), align: 'left' },
    { header: L.t('common.mean_min'), align: 'right' },
    { header: L.t('gaps.max_min'), align: 'right' },
  ];
  const rows = r.clusters
    .slice(0, top)
    .map((c) => [
      String(c.rank),
      L.int(c.people),
      L.placeText(c.settlement),
      L.t('gaps.position', { lat: L.num(c.lat, 4), lon: L.num(c.lon, 4) }),
      facilityCell(c, L),
      c.mean_min === null ? L.t('gaps.unreachable') : L.num(c.mean_min, 1),
      c.max_min === null ? '–' : L.num(c.max_min, 1),
    ]);
  const more = r.clusters.length > top ? [L.t('gaps.more', { n: r.clusters.length - top })] : [];
  return [header(r, L), '', ...(rows.length ? [textTable(columns, rows)] : [L.t('gaps.nobody')]), ...more].join('\n');
}

export function gapsTable(r: GapsResult): DataTable {
  const headers = [
    'rank',
    'people',
    'points',
    'lat',
    'lon',
    'settlement',
    'facility_id',
    'facility_name',
    'mean_min',
    'max_min',
  ];
  return dataTable(
    'Unserved places',
    headers,
    r.clusters.map((c) => [
      c.rank,
      Math.round(c.people),
      c.points,
      r5(c.lat),
      r5(c.lon),
      c.settlement,
      c.facility?.id ?? '',
      c.facility?.name ?? '',
      r1(c.mean_min) ?? '',
      r1(c.max_min) ?? '',
    ]),
  );
}

export function gapsGeoJson(r: GapsResult): FeatureCollectionOut {
  return featureCollection(
    r.clusters.map((c) =>
      pointFeature(c.lat, c.lon, {
        rank: c.rank,
        people: Math.round(c.people),
        points: c.points,
        settlement: c.settlement,
        facility_id: c.facility?.id ?? null,
        facility_name: c.facility?.name ?? null,
        mean_min: r1(c.mean_min),
        max_min: r1(c.max_min),
      }),
    ),
    { year: r.year, kind: r.kind, method: header(r, ENGLISH), unserved: Math.round(r.unserved) },
  );
}

/** The result for JSON: people rounded, coordinates to 1 m, facilities by id and name. */
export function gapsData(r: GapsResult): object {
  const clusters = r.clusters.map(({ facility, ...c }) => ({
    ...c,
    people: Math.round(c.people),
    lat: r5(c.lat),
    lon: r5(c.lon),
    mean_min: r1(c.mean_min),
    max_min: r1(c.max_min),
    facility: facility ? { id: facility.id, name: facility.name, kind: facility.kind } : null,
  }));
  return { ...r, population: Math.round(r.population), unserved: Math.round(r.unserved), clusters };
}
