import type { Command } from 'commander';
import { embedded } from '../load/dataset-loader.js';
import { writeResult } from '../render/output.js';
import { csvTable, int, textTable } from '../render/table.js';
import type { Run } from './main.js';
import { choice } from './options.js';

/** Lists the embedded units with their codes, so planners can write `region:` and `serves:`. */
export function registerRegions(program: Command, _run: Run): void {
  program
    .command('regions')
    .description('list the ISO 3166-2:AZ units, economic regions and Baku districts of the embedded dataset')
    .option('-f, --format <format>', 'text | json | csv', choice(['text', 'json', 'csv'] as const), 'text')
    .action((opts: { format: 'text' | 'json' | 'csv' }) => {
      const ds = embedded().regions.dataset;
      const y = String(ds.base_year);
      const rows = ds.regions.map((r) => [r.code, r.name_en, r.name_az, r.kind, r.economic_region, r.nakhchivan ? 'yes' : '', r.liberated ? 'yes' : '', String(r.population[y] ?? 0)]);
      const headers = ['code', 'name', 'name_az', 'kind', 'economic_region', 'nakhchivan', 'liberated', `population_${y}`];
      if (opts.format === 'json') writeResult(JSON.stringify(ds, null, 2));
      else if (opts.format === 'csv') writeResult(csvTable(headers, rows));
      else writeResult(textTable(headers.map((h, i) => ({ header: h, align: i === 7 ? 'right' : 'left' })), rows.map((r) => [...r.slice(0, 7), int(Number(r[7]))])));
    });
}
