/**
 * The gap list (`dostplan gaps`): unserved clusters ranked by people, as a text table, CSV (one
 * row a cluster), GeoJSON (a point at each cluster's population-weighted centre) and JSON.
 */
import type { GapsResult, UnservedCluster } from '../analysis/gaps.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { type DataTable, dataTable, int, textTable, type Column } from './table.js';

const KIND_TEXT = { any: 'center or branch', center: 'center', branch: 'branch' } as const;
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

function header(r: GapsResult): string {
  const share = r.population > 0 ? ((r.unserved / r.population) * 100).toFixed(1) : '0.0';
  return (
    `Unserved ${r.year}: ${int(r.unserved)} of ${int(r.population)} people (${share} %) beyond every standard ` +
    `(${r.standards}) of the nearest open ${KIND_TEXT[r.kind]}, in ${int(r.clusters.length)} clusters ` +
    `(points in touching ${r.cluster_km} km cells); ${r.model.description}`
  );
}

const facilityCell = (c: UnservedCluster) => (c.facility ? `${c.facility.name} (${c.facility.id})` : '–');

export function gapsText(r: GapsResult, top = 20): string {
  const columns: Column[] = [
    { header: '#', align: 'right' },
    { header: 'people', align: 'right' },
    { header: 'near', align: 'left' },
    { header: 'lat, lon', align: 'left' },
    { header: 'nearest facility', align: 'left' },
    { header: 'mean min', align: 'right' },
    { header: 'max min', align: 'right' },
  ];
  const rows = r.clusters
    .slice(0, top)
    .map((c) => [
      String(c.rank),
      int(c.people),
      c.settlement,
      `${c.lat.toFixed(4)}, ${c.lon.toFixed(4)}`,
      facilityCell(c),
      c.mean_min === null ? 'unreachable' : c.mean_min.toFixed(1),
      c.max_min === null ? '–' : c.max_min.toFixed(1),
    ]);
  const more = r.clusters.length > top ? [`… ${r.clusters.length - top} more (--format csv lists all)`] : [];
  return [header(r), '', ...(rows.length ? [textTable(columns, rows)] : ['Nobody is unserved.']), ...more].join('\n');
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
    { year: r.year, kind: r.kind, method: header(r), unserved: Math.round(r.unserved) },
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
