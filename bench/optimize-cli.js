// Optimize through the CLI, and the heuristic against the exact p-median on the real plan.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { yearWeights } from '../dist/analysis/demand.js';
import { facilityPlace, placesOf } from '../dist/analysis/network.js';
import { pmedianExact } from '../dist/analysis/optimize/exact.js';
import { geoInstance } from '../dist/analysis/optimize/instance.js';
import { pmedian } from '../dist/analysis/optimize/pmedian.js';
import { openOn, yearEnd } from '../dist/analysis/schedule.js';
import { loadPlanContext } from '../dist/load/plan-context.js';
import { dir } from './generate.js';
import { goal, median, random, runCli } from './lib.js';

console.log('optimize: whole CLI runs, and the heuristic against HiGHS on the real plan');
const def = runCli(['optimize']);
goal(
  'default optimize (MCLP, 5 centers, every population point a candidate)',
  `${def.ms.toFixed(0)} ms (exit ${def.code})`,
  '≤ 1 s',
  def.code === 0 && def.ms <= 1000,
);

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
const ctx = await loadPlanContext(undefined, {});
const { regions } = ctx.country;
const points = placesOf(ctx.demand.points, regions);
const { weights } = yearWeights(ctx.demand, regions, 2030);
const fixed = openOn(ctx.plan, yearEnd(2030)).map((f) => facilityPlace(f, regions));
const byPeople = [...points.keys()].sort((a, b) => weights[b] - weights[a] || a - b);
// Both solvers are timed the same way: the first run alone ("cold": V8 compiles the JavaScript,
// and HiGHS's WebAssembly, on first use), then 4 untimed runs and the median of 5 ("warm", the
// steady state the goal is about); the process's CPU time is shown beside the wall time because
// the machine is shared. After only 5 runs V8 still runs much of the heuristic unoptimised (HiGHS is
// WebAssembly, compiled at load), so its time after 100 runs is shown too; the goal is judged on
// the first figure.
const timed = async (f) => {
  const runs = [];
  let result;
  let cold = 0;
  for (let r = 0; r < 10; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = await f();
    const cpu = process.cpuUsage(c);
    if (r === 0) cold = performance.now() - t;
    if (r >= 5) runs.push({ ms: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000 });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return { result, cold, ...runs[2] };
};
/** The heuristic's steady state, once V8 has optimised it: median of 21 runs after 100. */
const steady = (f) => {
  for (let r = 0; r < 100; r++) f();
  const ms = [];
  for (let r = 0; r < 21; r++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return median(ms);
};
for (const [m, ks] of [
  [40, [3, 5]],
  [200, [5, 10]],
]) {
  const candidates = byPeople.slice(0, m).map((i) => points[i]);
  const inst = geoInstance(points, weights, candidates, fixed, ctx.settings.travel, m);
  for (const k of ks) {
    const h = await timed(() => pmedian(inst, k));
    const e = await timed(() => pmedianExact(inst, k));
    const hSteady = steady(() => pmedian(inst, k));
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
      `p-median on the plan, ${fixed.length} facilities fixed, ${m} candidates, k = ${k} (warm: median of 5 after 5)`,
      `heuristic ${h.ms.toFixed(1)} ms (CPU ${h.cpu.toFixed(1)}; cold ${h.cold.toFixed(0)}), ` +
        `exact ${e.ms.toFixed(0)} ms (CPU ${e.cpu.toFixed(0)}; cold ${e.cold.toFixed(0)}), ` +
        `ratio ${(e.ms / h.ms).toFixed(0)}× (cold ${(e.cold / h.cold).toFixed(0)}×; heuristic after 100 runs ` +
        `${hSteady.toFixed(2)} ms, ${(e.ms / hSteady).toFixed(0)}×), gap ${gap.toFixed(2)}%, ${bound}`,
      '≥ 50× faster at ≤ 1 % gap',
      e.ms / h.ms >= 50 && gap <= 1,
    );
  }
}
