// Population grids at national scale (issue 13), measured through the whole CLI in a child
// process (read → assign → analyse → render): a synthetic 8.6 M-cell GeoTIFF and a 1 km one, each
// beside a baseline run in the same benchmark: the same populated cells as a points CSV (with a
// region column, the fastest path that existed before), through the same command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { embedded, unitLocator } from '../dist/load/dataset-loader.js';
import { goal } from './lib.js';
import { writeSyntheticGrid } from './synthetic-grid.js';

const MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

/**
 * Runs `dostplan ...args` in a fresh node: wall time (ms), the child's CPU time (ms: on a shared
 * machine the steadier figure) and its peak RSS (KB).
 */
function runCli(args) {
  const script = `const { main } = await import(${JSON.stringify(`file://${MAIN}`)});
const code = await main(['node', 'dostplan', ...${JSON.stringify(args)}]);
const u = process.resourceUsage();
process.stderr.write('\\nBENCH_MAXRSS ' + u.maxRSS + ' BENCH_CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n');
process.exitCode = code;`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  const rss = Number(/BENCH_MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = Number(/BENCH_CPU (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000;
  if (r.status !== 0) throw new Error(`dostplan ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { ms, cpu, rss, stderr: r.stderr };
}

/** The same cells as a points CSV with a region column (the unit found here, outside the timing). */
function writePointsCsv(file, cells) {
  const loc = unitLocator();
  const { regions } = embedded();
  const lines = ['lat,lon,population,region'];
  for (const c of cells) {
    const code = loc.locateUnit(c.lat, c.lon);
    if (code)
      lines.push(
        `${c.lat.toFixed(6)},${c.lon.toFixed(6)},${c.population},${regions.byCode.get(code)?.included_in ?? code}`,
      );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

const dir = mkdtempSync(join(tmpdir(), 'dostplan-bench-grid-'));
const { regions } = embedded();
const cases = [
  { name: 'national 100 m-class grid', cells: 8_600_000, everywhere: false, goal: { s: 20, mb: 2048 } },
  { name: '1 km grid', cells: 200_000, everywhere: true, goal: { s: 2, mb: null } },
];
try {
  for (const c of cases) {
    const tif = join(dir, `grid-${c.cells}.tif`),
      csv = join(dir, `points-${c.cells}.csv`);
    const t0 = performance.now();
    const g = writeSyntheticGrid(tif, c.cells, regions, { everywhere: c.everywhere });
    const rows = writePointsCsv(csv, g.populated);
    const tGen = performance.now() - t0;
    // A machine shared with other work slows every figure alike; the load average says how much.
    const grid = runCli(['timeline', '--population', tif, '--format', 'json']);
    const base = runCli(['timeline', '--population', csv, '--format', 'json']);
    const inside = /([\d,]+) people inside/.exec(grid.stderr)?.[1] ?? '?';
    console.log(
      `population grid: ${c.name}, ${g.width} × ${g.height} = ${(g.width * g.height).toLocaleString('en-US')} cells of ~${(g.cellKm * 1000).toFixed(0)} m (${(statSync(tif).size / 2 ** 20).toFixed(0)} MB GeoTIFF), ${g.populated.length.toLocaleString('en-US')} populated, ${inside} people inside; made in ${(tGen / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
    );
    const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
    const met = grid.ms <= c.goal.s * 1000 && (!c.goal.mb || grid.rss / 1024 <= c.goal.mb);
    goal(
      'timeline --population grid.tif (10 years, the DOST plan), whole process',
      `${sec(grid.ms)} wall (${sec(grid.cpu)} CPU), peak RSS ${mb(grid.rss)}`,
      `≤ ${c.goal.s} s${c.goal.mb ? `, ≤ ${c.goal.mb / 1024} GB` : ''} (wall; CPU is the steadier figure on a shared machine)`,
      met,
    );
    console.log(
      `  baseline, the same ${rows.toLocaleString('en-US')} inside cells as a points CSV with a region column: ${(base.ms / 1000).toFixed(2)} s wall (${(base.cpu / 1000).toFixed(2)} s CPU), peak RSS ${mb(base.rss)}   ratio grid/CSV: ${(grid.ms / base.ms).toFixed(2)}x wall, ${(grid.cpu / base.cpu).toFixed(2)}x CPU, ${(grid.rss / base.rss).toFixed(2)}x memory`,
    );
    rmSync(tif);
    rmSync(csv);
  }
  const dflt = runCli(['timeline', '--format', 'json']);
  console.log(
    `  for scale, the embedded 4,500 points through the same command: ${(dflt.ms / 1000).toFixed(2)} s wall (${(dflt.cpu / 1000).toFixed(2)} s CPU), peak RSS ${mb(dflt.rss)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
