import type { Command } from 'commander';
import { changeImpacts, diffPlans, facilityChanges } from '../../analysis/diff.js';
import { timeline } from '../../analysis/timeline.js';
import { EXIT } from '../../errors.js';
import { loadCountry } from '../../load/dataset-loader.js';
import { loadDemand, loadValidPlan, planSettings, populationInput } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import type { CommandSpec } from '../command.js';
import { addFormatOption, addModelOptions, modelFlags, withProgress, type ModelOptions } from '../options.js';

export const command: CommandSpec<ModelOptions> = {
  declare(cmd: Command) {
    cmd.argument('<a>', 'the plan before (e.g. main)').argument('<b>', 'the plan after (e.g. the pull request)');
    addFormatOption(cmd, 'diff', 'md', ' (md: for a pull-request comment)');
    addModelOptions(cmd);
  },
  async run([aPath, bPath], o) {
    const flags = modelFlags(o);
    const country = loadCountry(flags.data);
    const a = loadValidPlan(aPath, country),
      b = loadValidPlan(bPath, country);
    // Both plans are measured on one population: B's (the proposal's file and basis) unless flags set them.
    const population = populationInput(flags, b.plan);
    const demand = await loadDemand(country, population, b.plan, flags);
    // Each plan is measured with its own distance model and standards unless flags set them for both.
    const roadFiles: string[] = [];
    const settingsOf = (p: typeof a) => {
      const { settings, files } = planSettings(p.plan, flags);
      roadFiles.push(...files);
      return settings;
    };
    const run = (p: typeof a, title: string) => {
      const settings = settingsOf(p);
      return withProgress(title, p.plan, (tick) => timeline(p.plan, demand, country.regions, settings, tick));
    };
    const changes = changeImpacts(
      a.plan,
      b.plan,
      facilityChanges(a.plan, b.plan),
      demand,
      country.regions,
      settingsOf(b),
    );
    const d = diffPlans(a.plan, b.plan, run(a, 'diff A'), run(b, 'diff B'), changes);
    emit(
      'diff',
      d,
      o,
      [...a.files, ...b.files, ...(population ? [population.file] : []), ...new Set(roadFiles)],
      demand.source,
    );
    return EXIT.ok;
  },
};
