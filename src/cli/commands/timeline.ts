import { addPlanTexts } from '../../model/local-names.js';
import { facilitiesOf } from '../../model/plan.js';
import type { Command } from 'commander';
import { announcedSchedule, applyDelays, delayConsequences, delaysFor } from '../../analysis/scenario.js';
import { printable } from '../../render/printable.js';
import { newMisses, timeline } from '../../analysis/timeline.js';
import { EXIT } from '../../errors.js';
import { loadPlanContext, loadValidPlan, planSettings } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import { emitAnswer, timelineAnswer } from '../../serve/answers.js';
import { formatsFor } from '../../render/registry.js';
import type { CommandSpec } from '../command.js';
import { addFormatOption, addModelOptions, modelFlags, tell, withProgress, type ModelOptions } from '../options.js';
import { said } from '../../model/said.js';
import type { Locale } from '../../model/locale.js';
import { planAbout } from '../provenance.js';

interface Opts extends ModelOptions {
  delay: string[];
  compare?: string;
  strict?: boolean;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('--delay <ID=+6m>', L.t('help.opt.timeline.delay'), (v: string, acc: string[]) => [...acc, v], [])
      .option('--compare <announced|plan>', L.t('help.opt.timeline.compare'))
      .option('--strict', L.t('help.opt.timeline.strict'));
    const comparison = formatsFor('comparison').join(', ');
    addFormatOption(cmd, L, 'timeline', 'text', L.t('help.opt.timeline.format', { formats: comparison }));
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    const flags = modelFlags(o);
    const ctx = await loadPlanContext(run, planArg, flags);
    const { regions } = ctx.country;
    const delays = delaysFor(ctx.plan, o.delay);
    const plan = delays.length ? applyDelays(ctx.plan, delays) : ctx.plan;
    // What the delays break (an opening past the plan's years, a branch before its center) is said, not hidden.
    for (const f of delays.length ? delayConsequences(ctx.plan, plan, { regions, outline: ctx.country.outline }) : []) {
      const [list, index] = f.path;
      const facility = list === 'centers' || list === 'branches' ? plan[list][index as number]?.id : undefined;
      const what = f.said ? run.locale().say(f.said) : f.message;
      const message = printable(what);
      tell(
        run,
        facility ? said('refuse.note_delay_of', { facility, message }) : said('refuse.note_delay', { message }),
      );
    }
    const answer = withProgress(run.locale().t('note.progress.timeline'), ctx.plan, (tick) =>
      timelineAnswer(ctx, planAbout, plan, tick),
    );
    const main = answer.output.timeline;
    if (o.compare) {
      const other = o.compare === 'announced' ? announcedSchedule(plan) : loadValidPlan(run, o.compare, ctx.country);
      // A compared plan file keeps its own distance model and standards unless flags set them for both.
      const settings = o.compare === 'announced' ? ctx.settings : await planSettings(run, other, flags);
      const b = withProgress(run.locale().t('note.progress.compare'), other, (tick) =>
        timeline(other, ctx.demand, regions, settings, tick),
      );
      const about = planAbout(ctx, [plan.years.from, plan.years.to]);
      // Both plans' names in the run's language.
      if (about.names) addPlanTexts(about.names, other, facilitiesOf(other));
      await emit(run, 'comparison', { a: main, b }, o, about);
    } else await emitAnswer(run, answer, o);
    // A miss the plan records (a target's missed:, with its reason) does not fail CI; any other does.
    const missed = newMisses(main.targets);
    if (o.strict && missed.length) {
      const acknowledged = main.targets.filter((t) => !t.met).length - missed.length;
      const also = acknowledged ? said('refuse.strict_acknowledged', { n: acknowledged }) : '';
      const n = missed.length;
      tell(run, n === 1 ? said('refuse.strict_missed_one', { also }) : said('refuse.strict_missed', { n, also }));
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};
