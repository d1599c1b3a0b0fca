import { regionNames } from '../../model/local-names.js';
import { Locale } from '../../model/locale.js';
import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { loadCountry } from '../../load/dataset-loader.js';
import { emit } from '../../render/emit.js';
import type { CommandSpec } from '../command.js';
import { addFormatOption, addOutOption, type OutputOptions } from '../options.js';
import { countrySources, toolProvenance } from '../provenance.js';

/** Lists the country's units with their codes, so planners can write `region:` and `serves:`. */
export const command: CommandSpec<OutputOptions & { data?: string }> = {
  declare(cmd: Command, L: Locale) {
    addOutOption(addFormatOption(cmd, L, 'regions', 'text'), L);
  },
  async run(_args, o, run) {
    const country = loadCountry(run, o.data);
    const { regions } = country;
    const year = `${regions.dataset.base_year}`;
    const provenance = toolProvenance({ year, sources: countrySources(country) });
    const names = regionNames(regions);
    // For people, the provenance in the run's language too (JSON and CSV keep the English one).
    const local =
      run.lang === 'en' ? undefined : toolProvenance({ year, sources: countrySources(country, new Locale(run.lang)) });
    await emit(run, 'regions', { dataset: regions.dataset, capital: regions.capital }, o, {
      provenance,
      names,
      ...(local ? { local } : {}),
    });
    return EXIT.ok;
  },
};
