// npm run bench, travel-time surface section (issue 25), run by bench/run.js in its own process.
// Each goal is the whole CLI (`dostplan surface … --out FILE.tif`: start-up, grid, travel model,
// GeoTIFF), wall time and CPU time (the machine may be shared), beside a simple baseline from the
// same run: every land cell against every open facility (straight line), the same road network
// loaded from the cache by `coverage` (roads). The straight-line raster is read back and compared
// with the baseline cell by cell: the fast path must agree with the exact one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromArrayBuffer } from 'geotiff';
import { geodesicKm } from '../dist/geo/geodesic.js';
import { loadPlanContext } from '../dist/load/plan-context.js';
import { RunContext } from '../dist/run/run-context.js';
import { facilitiesOf } from '../dist/model/plan.js';
import { endKey, yearEnd } from '../dist/analysis/schedule.js';
import { goal, runCli } from './lib.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-surface-bench-'));
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const both = (r) => `${s(r.ms)} [CPU ${s(r.cpuMs)}], peak ${r.maxRssMb.toFixed(0)} MB`;
const within = (r, ms) => `wall ${r.ms <= ms ? 'met' : 'MISSED'}, CPU ${r.cpuMs <= ms ? 'met' : 'MISSED'}`;

/** The whole CLI writing the surface as a GeoTIFF; the raster read back. */
async function surfaceRun(args, name) {
  const out = join(dir, name);
  const r = runCli(['surface', ...args, '--out', out]);
  if (r.code !== 0) throw new Error(`surface ${args.join(' ')} failed: ${r.stderr}`);
  const bytes = readFileSync(out);
  const image = await (
    await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
  ).getImage();
  return { ...r, image, values: await image.readRasters({ interleave: true }) };
}

console.log('surface: minutes to the nearest open center or branch on a national grid (DOST plan, 2030)');
const km1 = await surfaceRun(['--cell-km', '1'], 'km1.tif');
const land = km1.values.filter((v) => v !== -9999).length;

// Baseline: each land cell's centre against every open facility of the plan, straight line at the
// plan's circuity and speed; the minutes must equal the raster's (Float32) cell by cell.
{
  const ctx = await loadPlanContext(new RunContext(), undefined, {});
  const end = yearEnd(2030);
  const open = facilitiesOf(ctx.plan).filter(
    (f) => endKey(f.opens) <= end && (f.closes === undefined || endKey(f.closes) > end),
  );
  const { circuity, speed_kmh } = ctx.settings.travel.info;
  const [west, north] = km1.image.getOrigin();
  const [dx, dy] = km1.image.getResolution();
  const width = km1.image.getWidth();
  const t0 = performance.now();
  let worst = 0,
    compared = 0;
  for (let k = 0; k < km1.values.length; k++) {
    const v = km1.values[k];
    if (v === -9999 || v === -1) continue;
    const p = { lon: west + ((k % width) + 0.5) * dx, lat: north + (Math.floor(k / width) + 0.5) * dy };
    let best = Infinity;
    for (const f of open) best = Math.min(best, geodesicKm(p, f.location));
    const minutes = ((best * circuity) / speed_kmh) * 60;
    worst = Math.max(worst, Math.abs(minutes - v));
    compared++;
  }
  const tBrute = performance.now() - t0;
  goal(`1 km, straight line (${land.toLocaleString('en-US')} land cells)`, both(km1), '≤ 1 s', km1.cpuMs <= 1000);
  console.log(`    ${within(km1, 1000)}`);
  console.log(
    `  baseline, every cell × every open facility (${open.length}, in-process, no start-up): ${s(tBrute)}; ` +
      `largest difference over ${compared.toLocaleString('en-US')} reachable cells: ${worst.toExponential(1)} min ` +
      "(Float32 rounding; the baseline ignores the exclave border, which no cell's nearest facility lies across on this plan)",
  );
}

const km025 = await surfaceRun(['--cell-km', '0.25'], 'km025.tif');
goal(
  `250 m, straight line (${km025.values.filter((v) => v !== -9999).length.toLocaleString('en-US')} land cells)`,
  both(km025),
  '≤ 10 s, ≤ 1 GB',
  km025.cpuMs <= 10_000 && km025.maxRssMb <= 1024,
);
console.log(`    ${within(km025, 10_000)}`);

// A country-sized road network (bench/roads.js's synthetic extract, ≈1.4 M nodes), from the cache.
{
  const pbf = join(dir, 'synthetic-country.osm.pbf');
  execFileSync(process.execPath, [new URL('./roads.js', import.meta.url).pathname, '--write', pbf]);
  const env = { DOSTPLAN_CACHE_DIR: join(dir, 'cache') };
  runCli(['coverage', '--roads', pbf], { env }); // builds the cache once
  const base = runCli(['coverage', '--roads', pbf], { env });
  const r = runCli(['surface', '--roads', pbf, '--out', join(dir, 'roads.tif')], { env });
  goal('1 km over a country-sized road network, from the cache', both(r), '≤ 3 s', r.cpuMs <= 3000);
  console.log(`    ${within(r, 3000)}`);
  console.log(`  baseline, coverage of the 4,340 embedded points over the same cached network: ${both(base)}`);
}
