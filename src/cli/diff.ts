import type { Command } from 'commander';
import { diffPlans } from '../analysis/diff.js';
import { resolveSettings } from '../analysis/network.js';
import { timeline } from '../analysis/timeline.js';
import { embedded } from '../load/dataset-loader.js';
import { diffMarkdown, diffText } from '../render/diff.js';
import { writeResult } from '../render/output.js';
import { loadDemand, loadValidPlan } from './analysis-context.js';
import type { Run } from './main.js';
import { addModelOptions, choice, withProgress, type ModelOptions } from './options.js';

interface Opts extends ModelOptions {
  format: 'md' | 'text' | 'json';
}

export function registerDiff(program: Command, _run: Run): void {
  const cmd = program
    .command('diff')
    .description('what changed between two plans: facilities added, removed, moved, re-dated; coverage, distance and target deltas per year')
    .argument('<a>', 'the plan before (e.g. main)')
    .argument('<b>', 'the plan after (e.g. the pull request)')
    .option('-f, --format <format>', 'md (for a pull-request comment) | text | json', choice(['md', 'text', 'json'] as const), 'md');
  addModelOptions(cmd).action(async (aPath: string, bPath: string, o: Opts) => {
    const a = loadValidPlan(aPath), b = loadValidPlan(bPath);
    const { regions } = embedded();
    const demand = await loadDemand(o.population, o);
    // Each plan is measured with its own distance model and standards unless flags set them for both.
    const overrides = { ...o, speedKmh: o.speed };
    const ta = withProgress('diff A', a.plan, (tick) => timeline(a.plan, demand, regions, resolveSettings(a.plan, overrides), tick));
    const tb = withProgress('diff B', b.plan, (tick) => timeline(b.plan, demand, regions, resolveSettings(b.plan, overrides), tick));
    const d = diffPlans(a.plan, b.plan, ta, tb);
    writeResult(o.format === 'json' ? JSON.stringify(d, null, 2) : o.format === 'text' ? diffText(d) : diffMarkdown(d), o.out, [...a.files, ...b.files, ...(o.population ? [o.population] : [])]);
  });
}
