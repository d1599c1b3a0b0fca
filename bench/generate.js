// Generated inputs for the scale benchmarks: population CSVs and plans of any size, deterministic.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embedded, unitLocator } from '../dist/load/dataset-loader.js';
import { RegionFootprints } from '../dist/geo/region-footprint.js';
import { random } from './lib.js';

const rnd = random(2024);
export const dir = mkdtempSync(join(tmpdir(), 'dostplan-scale-'));
const { regions } = embedded();
const units = regions.dataset.regions.filter(
  (r) => r.kind !== 'autonomous_republic' && !r.included_in && !r.nakhchivan,
);

/** Places scattered around the units' seats (within ~4 km, inland), so each carries a plausible unit. */
const near = (r, spread = 1) => ({
  lat: r.admin_center.lat + (rnd() - 0.5) * 0.054 * spread,
  lon: r.admin_center.lon + (rnd() - 0.5) * 0.072 * spread,
});
/** Facilities stay within ~1 km of the seat, so none lands in the sea off a coastal town. */
const site = (r) => near(r, 0.3);

export function populationCsv(n, withRegion) {
  const rows = [withRegion ? 'lat,lon,population,region' : 'lat,lon,population'];
  // A region column must be true (a point far outside its unit is refused): the few scattered off
  // their unit (a coast, a border near the seat) move to the seat, the same draws either way.
  const footprints = withRegion ? new RegionFootprints(unitLocator(), regions) : undefined;
  for (let i = 0; i < n; i++) {
    const r = units[i % units.length];
    let [lat, lon] = Object.values(near(r)).map((x) => x.toFixed(5));
    if (footprints?.isFar(r.code, Number(lat), Number(lon))) [lat, lon] = [r.admin_center.lat, r.admin_center.lon];
    rows.push(`${lat},${lon},${1 + Math.floor(rnd() * 20)}${withRegion ? `,${r.code}` : ''}`);
  }
  const file = join(dir, `population-${n}-${withRegion ? 'region' : 'plain'}.csv`);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

export function planYaml(facilities, name) {
  const lines = [
    `name: bench ${facilities}`,
    'years: { from: 2021, to: 2030 }',
    'standards: { center: { within_km: 30 }, branch: { within_km: 15 } }',
    'centers:',
  ];
  const centers = Math.max(1, Math.floor(facilities / 50));
  for (let c = 0; c < centers; c++) {
    const r = units[c % units.length];
    const p = site(r);
    lines.push(
      `  - { id: C${c}, name: Center ${c}, region: ${r.code}, location: { lat: ${p.lat.toFixed(4)}, lon: ${p.lon.toFixed(4)} }, status: planned, opens: ${2021 + (c % 10)}, serves: [${r.code}] }`,
    );
  }
  lines.push('branches:');
  for (let b = 0; b < facilities - centers; b++) {
    const c = b % centers;
    const r = units[c % units.length];
    const p = site(r);
    // A branch opens in its center's year or up to two years later (never before it).
    const opens = Math.min(2030, 2021 + (c % 10) + (b % 3));
    lines.push(
      `  - { id: B${b}, name: Branch ${b}, center: C${c}, region: ${r.code}, location: { lat: ${p.lat.toFixed(4)}, lon: ${p.lon.toFixed(4)} }, status: planned, opens: ${opens}, serves: [${r.code}] }`,
    );
  }
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
