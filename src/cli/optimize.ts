import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { sideOf } from '../analysis/network.js';
import { EXACT_LIMITS, pmedianExact } from '../analysis/optimize/exact.js';
import { matrixInstance } from '../analysis/optimize/instance.js';
import { pmedian } from '../analysis/optimize/pmedian.js';
import { rolloutOrder } from '../analysis/optimize/rollout-order.js';
import { pointCandidates, suggestSites, type Candidate, type Model } from '../analysis/optimize/suggest.js';
import { parseOrLib, PMED_OPTIMA } from '../load/orlib.js';
import { loadPopulationFile } from '../load/population-file.js';
import { readUserText } from '../load/text-input.js';
import type { RegionIndex } from '../model/region-index.js';
import { orderText, suggestCsv, suggestGeoJson, suggestMarkdown, suggestText } from '../render/optimize.js';
import { suggestionScenario } from '../render/optimize-yaml.js';
import { writeResult } from '../render/output.js';
import { analysisContext } from './analysis-context.js';
import type { Run } from './main.js';
import { addModelOptions, choice, countAtLeastOne, numberIn, planPath, reportYear, year, type ModelOptions } from './options.js';

const FORMATS = ['text', 'json', 'csv', 'md', 'geojson', 'yaml'] as const;

interface Opts extends ModelOptions {
  model: Model | 'order';
  sites: number;
  kind: 'center' | 'branch';
  year?: number;
  target: number;
  candidates?: string;
  exact?: boolean;
  budget: number;
  from?: number;
  graph?: string;
  format: (typeof FORMATS)[number];
}

function loadCandidates(path: string | undefined, fallback: () => Candidate[], regions: RegionIndex): Candidate[] {
  if (!path) return fallback();
  return loadPopulationFile(path, regions, { population: false }).map((p, i) => ({ lat: p.lat, lon: p.lon, name: p.name || `site ${i + 1}`, region: p.region, side: sideOf(p.region, regions) === 'nakhchivan' ? 1 : 0 }));
}

export function registerOptimize(program: Command, _run: Run): void {
  const cmd = program
    .command('optimize')
    .description('suggest sites (maximal covering, p-median, set covering) or a rollout order, with the plan fixed')
    .argument('[plan]', 'plan file (default: the embedded DOST plan)')
    .option('--model <model>', 'mclp | pmedian | setcover | order', choice(['mclp', 'pmedian', 'setcover', 'order'] as const), 'mclp')
    .option('-k, --sites <k>', 'new sites to choose (mclp, pmedian)', countAtLeastOne, 5)
    .option('--kind <kind>', 'center | branch: the kind of the new sites and its standard', choice(['center', 'branch'] as const), 'center')
    .option('-y, --year <year>', "the plan's facilities open at the end of this year stay fixed (default: the plan's last year)", year)
    .option('--target <percent>', 'setcover: the covered share to reach', numberIn(0, 100, { above: true }), 90)
    .option('--candidates <file>', 'candidate sites: CSV lat,lon[,name,region] or GeoJSON (default: every population point)')
    .option('--exact', 'also solve exactly with the HiGHS MILP solver when the instance is small, and report the gap')
    .option('--budget <n>', 'order: openings per year', countAtLeastOne, 3)
    .option('--from <year>', "order: reorder what opens after this year (default: the plan's first year)", year)
    .option('--graph <file>', 'solve an OR-Library p-median graph instance (pmed format) instead of the plan')
    .option('-f, --format <format>', FORMATS.join(' | '), choice(FORMATS), 'text');
  addModelOptions(cmd).action(async (planArg: string | undefined, o: Opts) => {
    if (o.graph) {
      const g = parseOrLib(readUserText(o.graph), o.graph);
      const inst = matrixInstance(g.dist, g.n);
      const r = pmedian(inst, g.p);
      const exact = o.exact ? await pmedianExact(inst, g.p) : undefined;
      if (o.exact && !exact) process.stderr.write(`dostplan: note: --exact skipped: the MILP for n=${g.n} has more than ${EXACT_LIMITS.pmedianVariables.toLocaleString('en-US')} variables\n`);
      const known = Object.entries(PMED_OPTIMA).find(([n]) => new RegExp(`pmed${n}\\b`).test(o.graph!))?.[1];
      const result = { file: o.graph, n: g.n, p: g.p, objective: r.objective, greedy: r.greedyObjective, swaps: r.swaps, sites: r.sites.map((s) => s + 1), ...(exact ? { exact: exact.objective } : {}), ...(known ? { published_optimum: known, gap_percent: Math.round(((r.objective - known) / known) * 10000) / 100 } : {}) };
      writeResult(o.format === 'json' ? JSON.stringify(result, null, 2) : `${o.graph}: n=${g.n} p=${g.p} objective ${r.objective} (greedy ${r.greedyObjective}, ${r.swaps} swaps)${exact ? `; exact ${exact.objective}` : ''}${known ? `; published optimum ${known}, gap ${result.gap_percent}%` : ''}\nsites: ${result.sites.join(' ')}`, o.out);
      return;
    }
    const ctx = analysisContext(planArg, o);
    if (o.model === 'order') {
      const r = rolloutOrder(ctx.plan, ctx.demand, ctx.regions, ctx.settings, o.from ?? ctx.plan.years.from, o.budget);
      writeResult(o.format === 'json' ? JSON.stringify(r, null, 2) : orderText(r, o.format === 'md'), o.out, ctx.inputs);
      return;
    }
    const y = reportYear(ctx.plan, o.year);
    const candidates = loadCandidates(o.candidates, () => pointCandidates(ctx.demand, ctx.regions), ctx.regions);
    const r = await suggestSites(ctx.plan, ctx.demand, ctx.regions, ctx.settings, candidates, { model: o.model, kind: o.kind, year: y, k: o.sites, targetPercent: o.target, exact: !!o.exact });
    // Notes (an exact run skipped, a target out of reach) also reach users of csv, geojson and yaml.
    if (r.note) process.stderr.write(`dostplan: note: ${r.note}\n`);
    // The scenario names its base relative to where it will be saved: --out's folder, else the working directory.
    const base = relative(o.out ? dirname(resolve(o.out)) : process.cwd(), resolve(planPath(planArg))).split(sep).join('/');
    const yaml = suggestionScenario(r, ctx.plan, ctx.regions, base);
    const text =
      o.format === 'json' ? JSON.stringify({ ...r, yaml }, null, 2)
      : o.format === 'csv' ? suggestCsv(r)
      : o.format === 'md' ? suggestMarkdown(r, yaml)
      : o.format === 'geojson' ? suggestGeoJson(r)
      : o.format === 'yaml' ? yaml
      : suggestText(r, yaml);
    writeResult(text, o.out, [...ctx.inputs, ...(o.candidates ? [o.candidates] : [])]);
  });
}

