// Scale, through the whole CLI (reading the files included): a 1,000,000-point population CSV
// (with and without a region column), a 10,000-facility plan over 10 years, a 100,000-facility
// plan to validate, a 15 MB plan with a syntax error on line 7, and the HTML report of the big plan.
// SCALE_ONLY=timeline,inputs,plans,report,capacity runs only those parts (all by default).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { dir, planYaml, populationCsv } from './generate.js';
import { goal, ROOT, runCli } from './lib.js';

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x) => `${x.toFixed(0)} MB`;
const only = process.env.SCALE_ONLY?.split(',');
const part = (name) => !only || only.includes(name);

console.log('scale: whole CLI runs (node bench/cli-run.js), inputs generated in a temp folder');
const withRegion = populationCsv(1_000_000, true);
const plain = populationCsv(1_000_000, false);
const plan10k = planYaml(10_000, 'plan-10k.yaml');
/** The 10 k-facility plan with default capacities (visits a day of a center and of a branch). */
const withCapacities = (name, center, branch) => {
  const file = join(dir, name);
  writeFileSync(
    file,
    readFileSync(plan10k, 'utf8').replace(
      /^years:/m,
      `demand: { default_capacity: { center: ${center}, branch: ${branch} } }\nyears:`,
    ),
  );
  return file;
};

if (part('timeline')) {
  const tl = runCli(['timeline', plan10k, '--population', withRegion, '--format', 'json']);
  goal(
    'timeline, 1 M points × 10 k facilities × 10 years',
    `${s(tl.ms)} (CPU ${s(tl.cpuMs)}), peak ${mb(tl.maxRssMb)} (exit ${tl.code})`,
    '≤ 5 s and ≤ 1 GB',
    tl.code === 0 && tl.ms <= 5000 && tl.maxRssMb <= 1024,
  );
  const base = runCli(['coverage', plan10k, '--population', withRegion, '--format', 'json']);
  console.log(
    `  baseline in the same run, one year (coverage): ${s(base.ms)}, peak ${mb(base.maxRssMb)}: the ten-year timeline costs ${(tl.ms / base.ms).toFixed(1)}× one year`,
  );

  // The engine part of the same timeline (bench/engine-part.js, a process of its own): the
  // nearest-facility index over the CSV's million points and ten years of openings.
  {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'engine-part.js'), plan10k, withRegion], {
      encoding: 'utf8',
    });
    const e = JSON.parse(r.stdout);
    goal(
      'engine part of that timeline (index over 1 M points + 10 years of openings)',
      `${s(e.engineMs)} (CPU ${s(e.cpuMs)}; index ${s(e.buildMs)})`,
      '≤ 1 s',
      e.engineMs <= 1000,
    );
  }
}

if (part('inputs'))
  for (const [label, file] of [
    ['with a region column', withRegion],
    ['without (unit by location)', plain],
  ]) {
    const r = runCli(['coverage', '--population', file, '--by', 'nation', '--format', 'json']);
    goal(
      `1 M-row population CSV ${label}, coverage of the default plan`,
      `${s(r.ms)} (CPU ${s(r.cpuMs)}), peak ${mb(r.maxRssMb)} (exit ${r.code})`,
      '≤ 3 s',
      r.code === 0 && r.ms <= 3000,
    );
  }

if (part('plans')) {
  const plan100k = planYaml(100_000, 'plan-100k.yaml');
  const v = runCli(['validate', plan100k, '--format', 'json']);
  goal(
    'validate a 100 k-facility plan',
    `${s(v.ms)}, peak ${mb(v.maxRssMb)} (exit ${v.code})`,
    '≤ 5 s and ≤ 1 GB',
    v.ms <= 5000 && v.maxRssMb <= 1024,
  );

  // A 15 MB plan whose line 7 is broken: the error must come back at once, not after parsing it all.
  const big = planYaml(150_000, 'plan-15mb.yaml');
  const broken = join(dir, 'plan-15mb-broken.yaml');
  const text = readFileSync(big, 'utf8').split('\n');
  text[6] = text[6].replace('{ id:', '{ id: [');
  writeFileSync(broken, text.join('\n'));
  const e = runCli(['validate', broken]);
  const where = /:(\d+):\d+/.exec(e.stdout)?.[1];
  goal(
    `syntax error on line 7 of a ${(text.join('\n').length / 2 ** 20).toFixed(0)} MB plan`,
    `${s(e.ms)}, reported at line ${where} (exit ${e.code})`,
    '≤ 1 s, at line 7',
    e.ms <= 1000 && where === '7',
  );
}

// The HTML report of the same 10 k-facility plan over the 1 M-point CSV: the timeline, the year's
// tables and map, and the capacitated catchments (issue 17: it ran out of memory at 4.5 GB after
// 80 s, one option per point per open facility). Beside it, the timeline alone on the same inputs;
// then the plan with default capacities (500 / 80 visits a day), whose catchments are then solved.
if (part('report')) {
  const html = join(dir, 'report.html');
  const tl = runCli(['timeline', plan10k, '--population', withRegion, '--format', 'json']);
  const r = runCli(['report', plan10k, '--population', withRegion, '-o', html]);
  goal(
    'report (HTML), 1 M points × 10 k facilities',
    `${s(r.ms)} (CPU ${s(r.cpuMs)}), peak ${mb(r.maxRssMb)}, ${(statSync(html).size / 2 ** 20).toFixed(1)} MB of HTML (exit ${r.code})`,
    '≤ 10 s and ≤ 1 GB',
    r.code === 0 && r.ms <= 10_000 && r.maxRssMb <= 1024,
  );
  console.log(
    `  baseline in the same run, timeline on the same inputs: ${s(tl.ms)}, peak ${mb(tl.maxRssMb)}: the report costs ${(r.ms / tl.ms).toFixed(1)}× the timeline (stretch: ≤ 2×)`,
  );
  const capped = withCapacities('plan-10k-capacity.yaml', 500, 80);
  const u = runCli(['report', capped, '--population', withRegion, '--measure', 'utilization', '-o', html]);
  goal(
    'report --measure utilization, the same plan with default capacities',
    `${s(u.ms)} (CPU ${s(u.cpuMs)}), peak ${mb(u.maxRssMb)} (exit ${u.code})`,
    '≤ 10 s and ≤ 1 GB',
    u.code === 0 && u.ms <= 10_000 && u.maxRssMb <= 1024,
  );
}

// Capacitated catchments on 1 M points × 10 k facilities with capacities so short (30 visits a day
// a center, 4 a branch) that facilities everywhere are over: the min-cost flow over rows fetched a
// few options at a time (capacity-rows.ts). Beside it, coverage of the same plan and population.
if (part('capacity')) {
  const short = withCapacities('plan-10k-short.yaml', 30, 4);
  const c = runCli(['capacity', short, '--population', withRegion, '--format', 'json']);
  const base = runCli(['coverage', short, '--population', withRegion, '--format', 'json']);
  goal(
    'capacity, 1 M points × 10 k facilities, capacities 30/4 visits a day',
    `${s(c.ms)} (CPU ${s(c.cpuMs)}), peak ${mb(c.maxRssMb)} (exit ${c.code}); baseline in the same run, coverage: ${s(base.ms)}, peak ${mb(base.maxRssMb)}`,
    '≤ 1 GB',
    c.code === 0 && c.maxRssMb <= 1024,
  );
}
