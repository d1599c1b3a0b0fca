import type { Command } from 'commander';
import { embedded } from '../load/dataset-loader.js';
import { writeResult } from '../render/output.js';
import { csvTable, int, textTable } from '../render/table.js';
import type { Run } from './main.js';
import { choice } from './options.js';

/**
 * Lists the embedded units with their codes, so planners can write `region:` and `serves:`, and
 * where each population figure comes from (exact SSC figure, derived from SSC figures, estimate).
 */
export function registerRegions(program: Command, _run: Run): void {
  program
    .command('regions')
    .description('list the ISO 3166-2:AZ units and Baku districts with their populations and the provenance of each figure')
    .option('-f, --format <format>', 'text | json | csv', choice(['text', 'json', 'csv'] as const), 'text')
    .action((opts: { format: 'text' | 'json' | 'csv' }) => {
      const ds = embedded().regions.dataset;
      const y = String(ds.base_year);
      const units = ds.regions.map((r) => [r.code, r.name_en, r.name_az, r.kind, r.economic_region, r.nakhchivan ? 'yes' : '', r.liberated ? 'yes' : '',
        String(r.population[y] ?? 0), String(r.resident[y] ?? 0), r.provenance, r.population_source]);
      const districts = ds.baku_districts.map((d) => [`AZ-BA/${d.id}`, `Baku, ${d.name_en}`, d.name_az, 'baku_district', 'baku', '', '',
        String(d.population[y] ?? 0), String(d.resident[y] ?? 0), d.provenance, d.population_source]);
      const rows = [...units, ...districts];
      const headers = ['code', 'name', 'name_az', 'kind', 'economic_region', 'nakhchivan', 'liberated', `registered_${y}`, `resident_${y}`, 'provenance', 'source'];
      if (opts.format === 'json') writeResult(JSON.stringify(ds, null, 2));
      else if (opts.format === 'csv') writeResult(csvTable(headers, rows));
      else {
        const count = (p: string) => ds.regions.filter((r) => r.kind !== 'autonomous_republic' && r.provenance === p).length;
        const summary = `Units (1 January ${y}): ${count('exact')} exact SSC figures, ${count('derived')} derived from SSC figures, ${count('estimate')} estimates, ${count('none')} without a figure of their own. Sources: dostplan regions --format csv; method: data/SOURCES.md.`;
        const cols = [0, 1, 3, 4, 7, 8, 9];
        const table = textTable(cols.map((i) => ({ header: headers[i]!, align: i === 7 || i === 8 ? 'right' as const : 'left' as const })),
          rows.map((r) => cols.map((i) => (i === 7 || i === 8 ? int(Number(r[i])) : r[i]!))));
        writeResult(`${table}\n\n${summary}`);
      }
    });
}
