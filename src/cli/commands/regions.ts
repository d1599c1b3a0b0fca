import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { loadCountry } from '../../load/dataset-loader.js';
import { emit } from '../../render/emit.js';
import type { CommandSpec } from '../command.js';
import { addFormatOption, type OutputOptions } from '../options.js';

/** Lists the country's units with their codes, so planners can write `region:` and `serves:`. */
export const command: CommandSpec<OutputOptions & { data?: string }> = {
  declare(cmd: Command) {
    addFormatOption(cmd, 'regions', 'text');
  },
  run(_args, o, run) {
    const { regions } = loadCountry(run, o.data);
    emit(run, 'regions', { dataset: regions.dataset, capital: regions.capital }, o);
    return EXIT.ok;
  },
};
