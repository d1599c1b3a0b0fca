import type { Command } from 'commander';
import { resolveSettings } from '../analysis/network.js';
import { announcedSchedule, applyDelays, delayConsequences, parseDelay, type Delay } from '../analysis/scenario.js';
import { embedded } from '../load/dataset-loader.js';
import { printable } from '../render/printable.js';
import { timeline } from '../analysis/timeline.js';
import { UserError } from '../load/user-error.js';
import { facilitiesOf } from '../model/plan.js';
import { closest } from '../model/suggest.js';
import { writeResult } from '../render/output.js';
import { timelineSvg } from '../render/svg-timeline.js';
import { comparisonText, timelineCsv, timelineMarkdown, timelineText } from '../render/timeline.js';
import { analysisContext, loadValidPlan } from './analysis-context.js';
import { EXIT, type Run } from './main.js';
import { addModelOptions, choice, withProgress, type ModelOptions } from './options.js';

const FORMATS = ['text', 'json', 'csv', 'md', 'svg'] as const;

interface Opts extends ModelOptions {
  delay: string[];
  compare?: string;
  strict?: boolean;
  format: (typeof FORMATS)[number];
}

export function registerTimeline(program: Command, run: Run): void {
  const cmd = program
    .command('timeline')
    .description('the rollout year by year: openings, counts, coverage, distance, targets met or missed')
    .argument('[plan]', 'plan file (default: the embedded DOST plan)')
    .option('--delay <ID=+6m>', 'what-if: open a facility later (repeatable; +Nm or +Ny)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--compare <announced|plan>', "show another schedule side by side: 'announced' (the plan's announced dates) or a plan file")
    .option('--strict', 'exit 1 when a target is missed (for CI)')
    .option('-f, --format <format>', FORMATS.join(' | '), choice(FORMATS), 'text');
  addModelOptions(cmd).action((planArg: string | undefined, o: Opts) => {
    const ctx = analysisContext(planArg, o);
    const delays: Delay[] = o.delay.map((spec) => {
      const d = parseDelay(spec);
      if (typeof d === 'string') throw new UserError(d);
      const ids = facilitiesOf(ctx.plan).map((f) => f.id);
      if (!ids.includes(d.id)) {
        const c = closest(d.id, ids);
        throw new UserError(`--delay ${spec}: no facility with id '${d.id}'${c ? `; did you mean '${c}'?` : ''}`);
      }
      return d;
    });
    const plan = delays.length ? applyDelays(ctx.plan, delays) : ctx.plan;
    // What the delays break (an opening past the plan's years, a branch before its center) is said, not hidden.
    const { regions, country } = embedded();
    for (const f of delays.length ? delayConsequences(ctx.plan, plan, { regions, country }) : []) {
      const facility = f.path[0] === 'centers' || f.path[0] === 'branches' ? plan[f.path[0]][f.path[1] as number]?.id : undefined;
      process.stderr.write(`dostplan: note: with --delay${facility ? `, ${facility}` : ''}: ${printable(f.message)}\n`);
    }
    const main = withProgress('timeline', ctx.plan, (tick) => timeline(plan, ctx.demand, ctx.regions, ctx.settings, tick));
    let text: string;
    if (o.compare) {
      const other = o.compare === 'announced' ? announcedSchedule(plan) : loadValidPlan(o.compare).plan;
      // A compared plan file keeps its own distance model and standards unless flags set them for both.
      const settings = o.compare === 'announced' ? ctx.settings : resolveSettings(other, { ...o, speedKmh: o.speed });
      const b = withProgress('compare', other, (tick) => timeline(other, ctx.demand, ctx.regions, settings, tick));
      text = o.format === 'json' ? JSON.stringify({ a: main, b }, null, 2) : comparisonText(main, b, o.format === 'md');
      if (o.format === 'csv' || o.format === 'svg') throw new UserError(`--compare supports text, md and json, not ${o.format}`);
    } else {
      const names = new Map(ctx.regions.dataset.economic_regions.map((e) => [e.id, e.name_en]));
      text = o.format === 'json' ? JSON.stringify(main, null, 2) : o.format === 'csv' ? timelineCsv(main) : o.format === 'md' ? timelineMarkdown(main, names) : o.format === 'svg' ? timelineSvg(main) : timelineText(main, names);
    }
    writeResult(text, o.out, ctx.inputs);
    const missed = main.targets.filter((t) => !t.met);
    if (o.strict && missed.length) {
      process.stderr.write(`dostplan: ${missed.length} target${missed.length === 1 ? '' : 's'} missed\n`);
      run(EXIT.failed);
    }
  });
}
