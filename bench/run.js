// npm run bench: speed and memory figures, each against a simple baseline measured in the same run.
// Not a test: it prints numbers and exits 0. Goals (from the issues) are printed beside the figures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { validateFile } from '../dist/load/validate-file.js';
import { Network } from '../dist/analysis/network.js';
import { StraightLineModel } from '../dist/travel/straight-line.js';
import { embedded, unitLocator } from '../dist/load/dataset-loader.js';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { geodesicKm } from '../dist/geo/geodesic.js';
import { goal } from './lib.js';
import { RunContext } from '../dist/run/run-context.js';

const run = new RunContext();

let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
const time = (f) => {
  const t0 = performance.now();
  const r = f();
  sampleMemory();
  return [performance.now() - t0, r];
};

// Deterministic pseudo-random numbers, so every run measures the same workload.
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const BOX = { lat: [38.5, 41.8], lon: [45.2, 50.3] };
const randomPlace = () => ({
  lat: BOX.lat[0] + rnd() * (BOX.lat[1] - BOX.lat[0]),
  lon: BOX.lon[0] + rnd() * (BOX.lon[1] - BOX.lon[0]),
});

// 1. Validation of a plan with 5,000 branches.
{
  const { regions } = embedded();
  const leaves = regions.dataset.regions.filter(
    (r) => r.kind !== 'autonomous_republic' && !r.included_in && !r.nakhchivan,
  );
  const lines = [
    'name: bench',
    'years: { from: 2021, to: 2030 }',
    'standards: { center: { within_km: 30 }, branch: { within_km: 15 } }',
    'centers:',
  ];
  for (let c = 0; c < 50; c++) {
    const r = leaves[c % leaves.length];
    lines.push(
      `  - { id: C${c}, name: Center ${c}, region: ${r.code}, location: { lat: ${r.admin_center.lat}, lon: ${r.admin_center.lon} }, status: planned, opens: 2022, serves: [${r.code}] }`,
    );
  }
  lines.push('branches:');
  for (let b = 0; b < 5000; b++) {
    const r = leaves[b % leaves.length];
    const lat = (r.admin_center.lat + (rnd() - 0.5) * 0.05).toFixed(4),
      lon = (r.admin_center.lon + (rnd() - 0.5) * 0.05).toFixed(4);
    lines.push(
      `  - { id: B${b}, name: Branch ${b}, center: C${b % 50}, region: ${r.code}, location: { lat: ${lat}, lon: ${lon} }, status: planned, opens: ${2023 + (b % 8)}, serves: [${r.code}] }`,
    );
  }
  const file = join(mkdtempSync(join(tmpdir(), 'dostplan-bench-')), 'plan-5000.yaml');
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  validateFile(run, file); // warm-up: loads the embedded data once, as a CLI run would
  const [tValidate, res] = time(() => validateFile(run, file));
  const [tParse] = time(() => parse(text));
  console.log('validate: plan with 50 centers and 5,000 branches');
  goal(
    'full validation (schema, positions, semantic and geographic checks)',
    `${tValidate.toFixed(0)} ms, ${res.diagnostics.filter((d) => d.severity === 'error').length} errors`,
    'well under 1 s (≤ 500 ms)',
    tValidate <= 500,
  );
  console.log(
    `  baseline, YAML parse only: ${tParse.toFixed(0)} ms   ratio validate/parse: ${(tValidate / tParse).toFixed(1)}x`,
  );
}

// 2. Coverage and nearest distances, year by year: 1,000,000 points, 10,000 facilities over 10 years.
{
  const { regions } = embedded();
  const N = 1_000_000,
    F = 10_000,
    YEARS = 10;
  const towns = Array.from({ length: 60 }, randomPlace);
  const points = new Array(N);
  for (let i = 0; i < N; i++) {
    // 70% of people cluster around 60 towns, 30% spread out: a country-like pattern.
    const t = towns[i % towns.length];
    const p = rnd() < 0.7 ? { lat: t.lat + (rnd() - 0.5) * 0.3, lon: t.lon + (rnd() - 0.5) * 0.4 } : randomPlace();
    points[i] = {
      region: 'AZ-BA',
      district: '',
      name: '',
      lat: p.lat,
      lon: p.lon,
      population: 1 + Math.floor(rnd() * 20),
    };
  }
  const facility = (id, kind, year) => ({
    id,
    name: id,
    kind,
    region: 'AZ-BA',
    location: randomPlace(),
    status: 'planned',
    opens: year,
    serves: [],
  });
  const centers = [],
    branches = [];
  for (let f = 0; f < F; f++)
    (f % 5 === 0 ? centers : branches).push(facility(`F${f}`, f % 5 === 0 ? 'center' : 'branch', 2021 + (f % YEARS)));
  // A few closures, so the benchmark also exercises the re-search of orphaned points.
  for (let f = 0; f < 20; f++) branches[f].closes = 2021 + YEARS - 1;
  const plan = {
    name: 'bench',
    years: { from: 2021, to: 2030 },
    standards: {},
    targets: [],
    channels: [],
    centers,
    branches,
    remove: [],
  };
  sampleMemory();
  const [tBuild, net] = time(
    () => new Network(plan, points, regions, new StraightLineModel({ circuity: 1, speedKmh: 40 })),
  );
  const radius = 20;
  const pop = Float64Array.from(points, (p) => p.population);
  let covered = 0,
    tAdvance = 0;
  const [tYears] = time(() => {
    for (let y = 2021; y < 2021 + YEARS; y++) {
      const ta = performance.now();
      net.advanceTo(y);
      tAdvance += performance.now() - ta;
      covered = 0;
      const km = net.km('any');
      for (let i = 0; i < N; i++) {
        if (km[i] <= radius) covered += pop[i];
      }
    }
  });
  // Brute force: every point against every open facility, every year, on a sample; scaled to N.
  const S = 2000;
  const all = [...centers, ...branches];
  const [tBruteSample] = time(() => {
    for (let y = 2021; y < 2021 + YEARS; y++) {
      const open = all.filter((f) => f.opens <= y && !(f.closes !== undefined && f.closes <= y));
      for (let i = 0; i < S; i++) {
        let best = Infinity;
        for (const f of open) best = Math.min(best, geodesicKm(points[i], f.location));
      }
    }
  });
  const tBrute = (tBruteSample * N) / S;
  console.log(
    `coverage timeline: ${N.toLocaleString('en-US')} points, ${F.toLocaleString('en-US')} facilities opening over ${YEARS} years`,
  );
  console.log(`  index build (grid over points): ${tBuild.toFixed(0)} ms`);
  goal(
    '10 years, incremental nearest + coverage + mean distance',
    `${tYears.toFixed(0)} ms (of which nearest-facility updates ${tAdvance.toFixed(0)} ms)`,
    '< 1000 ms on one core',
    tYears < 1000,
  );
  goal(
    `baseline, brute force (measured on ${S.toLocaleString('en-US')} points, scaled)`,
    `${(tBrute / 1000).toFixed(1)} s, speed-up ${(tBrute / tYears).toFixed(0)}x`,
    '≥ 50x',
    tBrute / tYears >= 50,
  );
  console.log(
    `  last year: ${((covered / points.reduce((a, p) => a + p.population, 0)) * 100).toFixed(1)}% within ${radius} km`,
  );
}

// 3. Site optimisation: 100,000 demand points × 5,000 candidates, k = 50; and OR-Library pmed quality.
{
  const { geoInstance } = await import('../dist/analysis/optimize/instance.js');
  const { pmedian } = await import('../dist/analysis/optimize/pmedian.js');
  const { coverGreedy, coverIteratedSearch, coveredBy } = await import('../dist/analysis/optimize/mclp.js');
  const { coverInstance } = await import('../dist/analysis/optimize/suggest.js');
  const { mclpExact } = await import('../dist/analysis/optimize/exact.js');
  const { parseOrLib } = await import('../dist/load/orlib.js');
  const { matrixInstance } = await import('../dist/analysis/optimize/instance.js');
  const N = 100_000,
    M = 5_000,
    K = 50;
  const towns = Array.from({ length: 60 }, randomPlace);
  const demand = Array.from({ length: N }, (_, i) => {
    const t = towns[i % towns.length];
    const p = rnd() < 0.7 ? { lat: t.lat + (rnd() - 0.5) * 0.3, lon: t.lon + (rnd() - 0.5) * 0.4 } : randomPlace();
    return { ...p, side: 0 };
  });
  const geodesic = new StraightLineModel({ circuity: 1, speedKmh: 40 });
  const w = Float64Array.from({ length: N }, () => 1 + Math.floor(rnd() * 50));
  const cands = Array.from({ length: M }, (_, j) => demand[(j * 7919) % N]);
  const [tCover, cover] = time(() => coverInstance(geodesic, demand, w, cands, [], { within_km: 15 }));
  const [tMclp, mclp] = time(() => {
    const g = coverGreedy(cover, K);
    return { g, ls: coverIteratedSearch(cover, g.sites) };
  });
  const total = w.reduce((a, b) => a + b, 0);
  console.log(
    `optimize: ${N.toLocaleString('en-US')} demand points × ${M.toLocaleString('en-US')} candidates, k = ${K}`,
  );
  goal(
    'maximal covering (15 km)',
    `coverage lists ${tCover.toFixed(0)} ms, greedy + iterated local search ${tMclp.toFixed(0)} ms; covered ${((100 * coveredBy(cover, mclp.g.sites)) / total).toFixed(2)}% → ${((100 * coveredBy(cover, mclp.ls.sites)) / total).toFixed(2)}% after ${mclp.ls.swaps} swaps`,
    '< 10 s in all',
    tCover + tMclp < 10_000,
  );
  const [tInst, inst] = time(() =>
    geoInstance(demand, w, cands, [], new StraightLineModel({ circuity: 1.3, speedKmh: 40 })),
  );
  const [tPm, pm] = time(() => pmedian(inst, K));
  goal(
    'p-median',
    `nearest-candidate lists ${tInst.toFixed(0)} ms, greedy + interchange + kicks ${tPm.toFixed(0)} ms; mean ${(pm.greedyObjective / total).toFixed(2)} → ${(pm.objective / total).toFixed(2)} road km after ${pm.swaps} swaps`,
    '< 10 s in all',
    tInst + tPm < 10_000,
  );
  // Heuristic vs exact (HiGHS) on an instance small enough to solve exactly.
  const small = coverInstance(geodesic, demand.slice(0, 3000), w.slice(0, 3000), cands.slice(0, 300), [], {
    within_km: 10,
  });
  const [tH, h] = time(() => coveredBy(small, coverIteratedSearch(small, coverGreedy(small, 10).sites).sites));
  const t0 = performance.now();
  const exact = await mclpExact(small, 10);
  const tExact = performance.now() - t0;
  console.log(
    `  gap check, 3,000 points × 300 candidates, k = 10: heuristic ${h.toFixed(0)} (${tH.toFixed(0)} ms) vs HiGHS optimum ${exact ? exact.covered.toFixed(0) : 'n/a'} (${tExact.toFixed(0)} ms): gap ${exact ? ((100 * (exact.covered - h)) / exact.covered).toFixed(3) : 'n/a'}%`,
  );
  // Random OR-Library-like graphs (100 vertices, 200 edges: a ring plus random chords, costs 1–100),
  // each solved by the heuristic and exactly by HiGHS in the same run.
  {
    const { pmedianExact } = await import('../dist/analysis/optimize/exact.js');
    let worst = 0;
    const gaps = [];
    for (const p of [5, 10, 20, 33, 5, 10, 20, 33]) {
      const n = 100;
      const edges = Array.from({ length: n }, (_, i) => `${i + 1} ${((i + 1) % n) + 1} ${1 + Math.floor(rnd() * 100)}`);
      while (edges.length < 200)
        edges.push(`${1 + Math.floor(rnd() * n)} ${1 + Math.floor(rnd() * n)} ${1 + Math.floor(rnd() * 100)}`);
      const g = parseOrLib(`${n} ${edges.length} ${p}\n${edges.join('\n')}`, 'random');
      const inst = matrixInstance(g.dist, g.n);
      const h = pmedian(inst, p).objective;
      const e = (await pmedianExact(inst, p)).objective;
      const gap = (100 * (h - e)) / e;
      gaps.push(gap.toFixed(2));
      worst = Math.max(worst, gap);
    }
    goal(
      'p-median on 8 random pmed-like graphs (n = 100, p = 5–33) vs HiGHS optimum',
      `gaps ${gaps.join(' ')} %, worst ${worst.toFixed(2)}%`,
      '≤ 1%',
      worst <= 1,
    );
  }
  // OR-Library pmed1–pmed40 through the whole CLI: bench/orlib.js.
}
// 6. Capacitated catchments (dostplan capacity): the min-cost flow against the HiGHS LP optimum,
// the unserved and the travel (people × minutes of the served) apart; beyond HiGHS's reach, against
// the LP lower bound its prices give (weak duality).
{
  const { problemFrom, assignExact, unservedPeople, solutionGap, lowerBound, objective } = await import(
    '../dist/analysis/capacitated-assignment.js'
  );
  const { assignFlow } = await import('../dist/analysis/assignment-flow.js');
  const instance = (n, m) => {
    const pts = Array.from({ length: n }, randomPlace);
    const fac = Array.from({ length: m }, randomPlace);
    const demand = Float64Array.from(pts, () => 100 + Math.floor(rnd() * 5000));
    const total = demand.reduce((a, b) => a + b, 0);
    // Capacities 60–120 % of an equal share: some facilities overflow, some people cannot be served.
    const capacity = Float64Array.from(fac, () => (total / m) * (0.6 + rnd() * 0.6));
    const options = pts.map((p) => fac.map((f, j) => ({ facility: j, cost: (geodesicKm(p, f) * 1.3 * 60) / 50 })));
    return problemFrom(demand, capacity, options);
  };
  const penalty = 1e6;
  console.log('capacity: capacitated catchments (people × minutes, the unserved apart)');
  for (const [n, m] of [
    [600, 40],
    [9000, 5],
  ]) {
    const p = instance(n, m);
    const [tF, f] = time(() => assignFlow(p, penalty));
    const t0 = performance.now();
    const e = await assignExact(p, penalty, Infinity);
    const tE = performance.now() - t0;
    const g = solutionGap(f, e);
    goal(
      `${n.toLocaleString('en-US')} points × ${m} facilities`,
      `min-cost flow ${tF.toFixed(0)} ms vs baseline HiGHS LP ${tE.toFixed(0)} ms (${(tE / tF).toFixed(0)}x); ` +
        `unserved ${Math.round(unservedPeople(f)).toLocaleString('en-US')} (${g.unserved_people} more than the LP), ` +
        `travel gap ${g.travel_pct.toFixed(3)}%`,
      'unserved gap 0, travel gap ≤ 1%',
      g.unserved_people === 0 && g.travel_pct <= 1,
    );
  }
  const big = instance(30_000, 60);
  const cpu0 = process.cpuUsage();
  const [tBig, fb] = time(() => assignFlow(big, penalty));
  const cpu = process.cpuUsage(cpu0);
  const cpuBig = (cpu.user + cpu.system) / 1000;
  const certified = (objective(fb, penalty) - lowerBound(big, fb.prices, penalty)) / fb.travelCost;
  goal(
    '30,000 points × 60 facilities (beyond HiGHS)',
    `min-cost flow ${tBig.toFixed(0)} ms (CPU ${cpuBig.toFixed(0)} ms), ${((100 * unservedPeople(fb)) / big.demand.reduce((a, b) => a + b, 0)).toFixed(1)}% unserved; ` +
      `objective − LP lower bound = ${(100 * certified).toFixed(4)}% of the travel (proved travel gap at most that)`,
    '< 5 s of CPU, ≤ 1%',
    cpuBig < 5000 && certified <= 0.01,
  );
}

// 5. Unit locator: which unit each of 200,000 random points lies in (a raster population grid's job).
{
  const units = unitLocator();
  const N = 200_000,
    S = 20_000;
  const pts = Array.from({ length: N }, randomPlace);
  const [tIndex, found] = time(() => pts.reduce((a, p) => a + (units.locateUnit(p.lat, p.lon) ? 1 : 0), 0));
  // Baseline: test the point against every unit polygon in turn, as a loop over units would.
  const polys = units.codes.map((c) => units.geometry(c));
  const [tLoop, foundLoop] = time(() =>
    pts.slice(0, S).reduce((a, p) => a + (polys.some((g) => booleanPointInPolygon([p.lon, p.lat], g)) ? 1 : 0), 0),
  );
  const tLoopAll = (tLoop * N) / S;
  console.log(`unit locator: ${N.toLocaleString('en-US')} random points in the country's box, 77 unit polygons`);
  console.log(
    `  Flatbush over polygon boxes + point-in-polygon: ${tIndex.toFixed(0)} ms (${((tIndex * 1000) / N).toFixed(1)} µs a point), ${((100 * found) / N).toFixed(1)}% inside a unit`,
  );
  console.log(
    `  baseline, loop over every unit (measured on ${S.toLocaleString('en-US')} points, scaled): ${tLoopAll.toFixed(0)} ms   speed-up: ${(tLoopAll / tIndex).toFixed(1)}x; same answers on the sample: ${foundLoop === pts.slice(0, S).filter((p) => units.locateUnit(p.lat, p.lon)).length}`,
  );
}

console.log(`peak RSS: ${mb(peakRss)}`);

// The issue goals measured through the whole CLI (start-up, scale, optimize), each with met/MISSED.
await import('./startup.js');
await import('./scale.js');
await import('./optimize-cli.js');
await import('./budget-cli.js');
await import('./orlib.js');
await import('./pmed-random.js');

// Population grids through the whole CLI (issue 13): bench/grid.js.
await import('./grid.js');

// 4. Travel over a road network (issue 12): its own process, so its peak memory is its own.
{
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [new URL('./roads.js', import.meta.url).pathname], { stdio: 'inherit' });
}

// Travel-time surfaces (issue 25): their own process, so their peak memory is their own.
{
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [new URL('./surface.js', import.meta.url).pathname], { stdio: 'inherit' });
}

// dostplan serve (issue 26): edit → updated figures through the HTTP API, its own process.
{
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [new URL('./serve.js', import.meta.url).pathname], { stdio: 'inherit' });
}
