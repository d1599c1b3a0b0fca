/** The units of the country's dataset, so planners can write `region:` and `serves:`. */
import type { Dataset } from '../model/dataset.js';
import { csvTable, int, textTable } from './table.js';

const HEADERS = ['code', 'name', 'name_az', 'kind', 'economic_region', 'nakhchivan', 'liberated'];

function rows(ds: Dataset): string[][] {
  const y = String(ds.base_year);
  return ds.regions.map((r) => [r.code, r.name_en, r.name_az, r.kind, r.economic_region, r.nakhchivan ? 'yes' : '', r.liberated ? 'yes' : '', String(r.population[y] ?? 0)]);
}

export function regionsText(ds: Dataset): string {
  const headers = [...HEADERS, `population_${ds.base_year}`];
  return textTable(
    headers.map((h, i) => ({ header: h, align: i === 7 ? 'right' : 'left' })),
    rows(ds).map((r) => [...r.slice(0, 7), int(Number(r[7]))]),
  );
}

export function regionsCsv(ds: Dataset): string {
  return csvTable([...HEADERS, `population_${ds.base_year}`], rows(ds));
}
