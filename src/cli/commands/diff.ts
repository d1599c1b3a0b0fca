import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import { changeImpacts, diffPlans, facilityChanges } from '../../analysis/diff.js';
import { timeline } from '../../analysis/timeline.js';
import { EXIT } from '../../errors.js';
import { addPlanTexts } from '../../model/local-names.js';
import { facilitiesOf } from '../../model/plan.js';
import { loadCountry } from '../../load/dataset-loader.js';
import { loadDemand, loadValidPlan, planSettings, populationInput } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import type { CommandSpec } from '../command.js';
import { addFormatOption, addModelOptions, modelFlags, withProgress, type ModelOptions } from '../options.js';
import { planAbout } from '../provenance.js';

export const command: CommandSpec<ModelOptions> = {
  declare(cmd: Command, L: Locale) {
    cmd.argument('<a>', L.t('help.arg.diff.a')).argument('<b>', L.t('help.arg.diff.b'));
    addFormatOption(cmd, L, 'diff', 'md', L.t('help.opt.diff.format'));
    addModelOptions(cmd, L);
  },
  async run([aPath, bPath], o, run) {
    const flags = modelFlags(o);
    const country = loadCountry(run, flags.data);
    const a = loadValidPlan(run, aPath, country),
      b = loadValidPlan(run, bPath, country);
    run.planLanguage(b.language);
    // Both plans are measured on one population: B's (the proposal's file and basis) unless flags set them.
    const population = populationInput(flags, b);
    const demand = await loadDemand(run, country, population, b, flags);
    // Each plan is measured with its own distance model and standards unless flags set them for both.
    const settingsA = await planSettings(run, a, flags),
      settingsB = await planSettings(run, b, flags);
    const measure = (p: typeof a, settings: typeof settingsA, title: string) =>
      withProgress(title, p, (tick) => timeline(p, demand, country.regions, settings, tick));
    const changes = changeImpacts(a, b, facilityChanges(a, b), demand, country.regions, settingsB);
    const d = diffPlans(
      a,
      b,
      measure(a, settingsA, run.locale().t('note.progress.diff_a')),
      measure(b, settingsB, run.locale().t('note.progress.diff_b')),
      changes,
    );
    const about = planAbout({ country, plan: b, demand, settings: settingsB, lang: run.lang }, [
      b.years.from,
      b.years.to,
    ]);
    // Plan A's names too, in the run's language.
    if (about.names) addPlanTexts(about.names, a, facilitiesOf(a));
    await emit(run, 'diff', d, o, about);
    return EXIT.ok;
  },
};
