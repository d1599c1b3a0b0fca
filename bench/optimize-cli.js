// Optimize through the CLI, and the heuristic against the exact p-median on the real plan.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { yearWeights } from '../dist/analysis/demand.js';
import { facilityPlace, placesOf } from '../dist/analysis/network.js';
import { pmedianExact } from '../dist/analysis/optimize/exact.js';
import { geoInstance } from '../dist/analysis/optimize/instance.js';
import { pmedian } from '../dist/analysis/optimize/pmedian.js';
import { openOn, yearEnd } from '../dist/analysis/schedule.js';
import { loadPlanContext } from '../dist/load/plan-context.js';
import { dir, populationCsv } from './generate.js';
import { goal, random, runCli } from './lib.js';
import { RunContext } from '../dist/run/run-context.js';

const run = new RunContext();
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

console.log('optimize: whole CLI runs, and the heuristic against HiGHS on the real plan');
const def = runCli(['optimize']);
goal(
  'default optimize (MCLP, 5 centers, every population point a candidate)',
  `${def.ms.toFixed(0)} ms (exit ${def.code})`,
  '≤ 1 s',
  def.code === 0 && def.ms <= 1000,
);

// 100,000 places × 5,000 candidate sites (every 20th place), k = 50, through the whole CLI: the
// p-median (its 40-nearest lists, search, bound and sites best first) and the maximal covering
// (the coverage lists at the center standard and the search); beside them the same population
// read and placed by `coverage` (the part of the run that is not optimisation).
{
  const population = populationCsv(100_000, false);
  const rows = readFileSync(population, 'utf8').trim().split('\n').slice(1);
  const candidates = join(dir, 'candidates-5k.csv');
  writeFileSync(
    candidates,
    `lat,lon,name\n${Array.from({ length: 5000 }, (_, j) => `${rows[j * 20].split(',').slice(0, 2).join(',')},S${j}`).join('\n')}\n`,
  );
  const base = runCli(['coverage', '--population', population, '--format', 'json']);
  for (const model of ['pmedian', 'mclp']) {
    const args = ['optimize', '--model', model, '-k', '50', '--population', population, '--candidates', candidates];
    const r = runCli([...args, '--format', 'json']);
    const again = runCli([...args, '--format', 'json']);
    const same = r.code === 0 && r.stdout === again.stdout;
    goal(
      `optimize --model ${model}, 100,000 places × 5,000 candidates, k = 50`,
      `${s(r.ms)} (CPU ${s(r.cpuMs)}), peak ${r.maxRssMb.toFixed(0)} MB, the same answer twice: ${same}; ` +
        `baseline in the same run, coverage of the same population: ${s(base.ms)} (CPU ${s(base.cpuMs)})`,
      '≤ 5 s',
      same && r.ms <= 5000,
    );
  }
}

// OR-Library-sized graphs: random connected graphs in the pmed format, n = 100 … 900.
const rnd = random(77);
for (const n of [100, 400, 900]) {
  const edges = [];
  for (let v = 2; v <= n; v++) edges.push(`${1 + Math.floor(rnd() * (v - 1))} ${v} ${1 + Math.floor(rnd() * 100)}`);
  while (edges.length < 4 * n)
    edges.push(`${1 + Math.floor(rnd() * n)} ${1 + Math.floor(rnd() * n)} ${1 + Math.floor(rnd() * 100)}`);
  const file = join(dir, `graph-${n}.txt`);
  writeFileSync(file, `${n} ${edges.length} ${Math.ceil(n / 20)}\n${edges.join('\n')}\n`);
  const r = runCli(['optimize', '--graph', file, '--format', 'json']);
  goal(
    `pmed-format graph, n = ${n}, p = ${Math.ceil(n / 20)}, end to end`,
    `${r.ms.toFixed(0)} ms (exit ${r.code})`,
    '≤ 2 s',
    r.code === 0 && r.ms <= 2000,
  );
}

// p-median on the DOST plan with its 2030 network fixed, 40 candidate sites (the 40 most
// populous places): small enough that the MILP is exact, real enough to mean something; then 200
// (HiGHS still solves it in well under a second, where the old search stopped 0.07–0.27 % short).
const ctx = await loadPlanContext(run, undefined, {});
const { regions } = ctx.country;
const points = placesOf(ctx.demand.points, regions);
const { weights } = yearWeights(ctx.demand, regions, 2030);
const fixed = openOn(ctx.plan, yearEnd(2030)).map((f) => facilityPlace(f, regions));
const byPeople = [...points.keys()].sort((a, b) => weights[b] - weights[a] || a - b);
// Both solvers are timed the same way: the first call alone ("cold": V8 compiles the JavaScript,
// and HiGHS its WebAssembly, on first use), then the steady state each settles into: the median of
// 9 calls after warm-up calls, 100 for the heuristic (V8 optimises its JavaScript over its first
// ~20 calls, with ~750 ms of background compiling on this machine) and 4 for HiGHS (WebAssembly,
// compiled when it loads). The goal is judged on the steady state; the process's CPU time is shown
// beside the wall time because the machine is shared.
const timed = async (f, warmUps) => {
  const t0 = performance.now();
  let result = await f();
  const cold = performance.now() - t0;
  for (let r = 0; r < warmUps; r++) await f();
  const runs = [];
  for (let r = 0; r < 9; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = await f();
    const cpu = process.cpuUsage(c);
    runs.push({ ms: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000 });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return { result, cold, ...runs[4] };
};
for (const [m, ks] of [
  [40, [3, 5]],
  [200, [5, 10]],
]) {
  const candidates = byPeople.slice(0, m).map((i) => points[i]);
  const inst = geoInstance(points, weights, candidates, fixed, ctx.settings.travel, m);
  for (const k of ks) {
    const h = await timed(() => pmedian(inst, k), 100);
    const e = await timed(() => pmedianExact(inst, k), 4);
    const gap = e.result ? (100 * (h.result.objective - e.result.objective)) / e.result.objective : NaN;
    // The heuristic's own certificate: proven optimal, or how far its Lagrangian bound leaves it.
    const { objective, lowerBound } = h.result;
    const bound =
      lowerBound === objective
        ? 'proven optimal'
        : Number.isFinite(lowerBound)
          ? `bound: within ${((100 * (objective - lowerBound)) / objective).toFixed(3)}%`
          : 'no bound';
    goal(
      `p-median on the plan, ${fixed.length} facilities fixed, ${m} candidates, k = ${k} (steady state; cold = first call)`,
      `heuristic ${h.ms.toFixed(2)} ms (CPU ${h.cpu.toFixed(2)}; cold ${h.cold.toFixed(0)}), ` +
        `exact ${e.ms.toFixed(0)} ms (CPU ${e.cpu.toFixed(0)}; cold ${e.cold.toFixed(0)}), ` +
        `ratio ${(e.ms / h.ms).toFixed(0)}× (cold ${(e.cold / h.cold).toFixed(0)}×), gap ${(Math.abs(gap) < 0.005 ? 0 : gap).toFixed(2)}%, ${bound}`,
      '≥ 50× faster at ≤ 1 % gap',
      e.ms / h.ms >= 50 && gap <= 1,
    );
  }
}
