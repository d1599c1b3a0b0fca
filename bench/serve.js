// dostplan serve (issue 26): the time from an edit to the updated figures, through the HTTP API of a
// real `dostplan serve` process — POST /api/edit (a branch moved), then GET /api/summary (the
// panel's figures) — on the default data, a 1-million-cell population grid and a country road network; beside the
// baseline a planner had before: a full batch CLI run of `coverage` after editing the YAML.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { embedded } from '../dist/load/dataset-loader.js';
import { goal, median, ROOT, runCli } from './lib.js';
import { writeSyntheticGrid } from './synthetic-grid.js';

const YEAR = 2030;

/** Starts `dostplan serve` with these arguments; resolves with its URL, token and a stop function. */
function startServe(args) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'dostplan.cjs'), 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (!out.includes('\n')) return;
      const url = new URL(out.split('\n')[0]);
      resolve({
        base: url.origin,
        token: url.searchParams.get('token'),
        stop: () =>
          new Promise((done) => {
            child.on('exit', done);
            child.kill('SIGINT');
          }),
      });
    });
    child.on('exit', (code) => reject(new Error(`dostplan serve exited ${code}: ${err.slice(0, 400)}`)));
  });
}

async function call(s, method, path, body) {
  const r = await fetch(`${s.base}${path}`, {
    method,
    headers: { 'X-Dostplan-Token': s.token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** Edit → figures, `n` times: a branch moved ~5 km one way, then back; ms of each round trip pair. */
async function editLatency(s, n) {
  const state = await call(s, 'GET', '/api/state');
  const b = state.plan.facilities.find((f) => f.kind === 'branch' && f.opens.slice(0, 4) <= String(YEAR));
  await call(s, 'GET', `/api/summary?year=${YEAR}`); // the year's network, once
  const times = [];
  let covered;
  for (let i = 0; i < n; i++) {
    const dLat = i % 2 === 0 ? 0.045 : 0;
    const t0 = performance.now();
    await call(s, 'POST', '/api/edit', { op: 'move', id: b.id, lat: b.lat + dLat, lon: b.lon });
    const sum = await call(s, 'GET', `/api/summary?year=${YEAR}`);
    times.push(performance.now() - t0);
    covered = sum.national.covered_pct;
  }
  return { times, covered, id: b.id };
}

async function measure(label, args, goalMs, baselineArgs) {
  const t0 = performance.now();
  const s = await startServe(args);
  const startMs = performance.now() - t0;
  try {
    const { times, id } = await editLatency(s, 20);
    const base = runCli(['coverage', '--year', String(YEAR), '--format', 'json', ...baselineArgs]);
    const med = median(times);
    const max = Math.max(...times);
    console.log(`serve: ${label} (server started in ${(startMs / 1000).toFixed(1)} s)`);
    goal(
      `edit → updated figures through the HTTP API (move ${id}, then /api/summary), 20 edits`,
      `median ${med.toFixed(0)} ms, max ${max.toFixed(0)} ms; baseline, a full batch run of coverage: ${base.ms.toFixed(0)} ms (${(base.ms / med).toFixed(0)}x)`,
      `≤ ${goalMs} ms`,
      med <= goalMs,
    );
  } finally {
    await s.stop();
  }
}

await measure('default data (embedded points)', [], 100, []);

const dir = mkdtempSync(join(tmpdir(), 'dostplan-bench-serve-'));
try {
  const tif = join(dir, 'grid-1m.tif');
  const g = writeSyntheticGrid(tif, 1_000_000, embedded().regions, { everywhere: true });
  const label = `a ${(g.width * g.height).toLocaleString('en-US')}-cell population grid, ${g.populated.length.toLocaleString('en-US')} cells with people (--population grid.tif)`;
  await measure(label, ['--population', tif], 1000, ['--population', tif]);
  // A country road network: bench/roads.js's synthetic country-sized extract (≈1.4 M nodes).
  const pbf = join(dir, 'country.osm.pbf');
  execFileSync(process.execPath, [join(ROOT, 'bench', 'roads.js'), '--write', pbf]);
  process.env.DOSTPLAN_CACHE_DIR = join(dir, 'cache');
  await measure("a country road network (--roads, bench/roads.js's synthetic extract)", ['--roads', pbf], 1000, [
    '--roads',
    pbf,
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
