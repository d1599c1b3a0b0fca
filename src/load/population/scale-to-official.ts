/**
 * `--scale-to official`: each unit's grid total is rescaled to its official (State Statistical
 * Committee) population in the year the embedded points carry on the basis (dataset.ts weightsYear), as WorldPop's "UN-adjusted" products do for
 * national totals. Gridded products model where people live well but miss unit totals by
 * 10–30 % (old censuses, displaced people); the planner's coverage share should add up to the
 * official figure. Every report that uses it prints grid total, official total and factor per unit.
 */
import { weightsYear, type PopulationBasis } from '../../model/dataset.js';
import type { ScaleReport, UnitScale } from '../../model/population-source.js';
import type { RegionIndex } from '../../model/region-index.js';
import { compareText } from '../../model/compare-text.js';

/** Rescales `population` in place; `unitOf[i]` indexes `units`. */
export function scaleToOfficial(
  population: Float64Array,
  unitOf: ArrayLike<number>,
  units: string[],
  regions: RegionIndex,
  locatable: string[],
  basis: PopulationBasis,
): ScaleReport {
  // The year the embedded points carry on this basis, so later years scale the grid as they do those.
  const year = weightsYear(regions.dataset, basis);
  const grid = new Float64Array(units.length);
  for (let i = 0; i < population.length; i++) grid[unitOf[i]!]! += population[i]!;
  const factor = new Float64Array(units.length);
  const rows: UnitScale[] = [];
  const seen = new Set(units);
  // Every locatable unit is listed, even one without cells: its people are missing from the grid.
  const codes = [...units, ...locatable.filter((c) => !seen.has(c))];
  for (const code of codes) {
    const u = units.indexOf(code);
    const g = u >= 0 ? grid[u]! : 0;
    const r = regions.byCode.get(code);
    // Resident figures where the data have them (people where they live, as a grid counts them).
    const official =
      (basis === 'resident' ? r?.resident?.[String(year)] : undefined) ?? r?.population[String(year)] ?? 0;
    const f = g > 0 && official > 0 ? official / g : null;
    if (u >= 0) factor[u] = f ?? 1;
    rows.push({
      code,
      name: r?.name_en ?? code,
      grid: Math.round(g),
      official,
      factor: f === null ? null : Math.round(f * 10000) / 10000,
    });
  }
  let before = 0,
    after = 0;
  for (let i = 0; i < population.length; i++) {
    before += population[i]!;
    population[i]! *= factor[unitOf[i]!]!;
    after += population[i]!;
  }
  rows.sort((a, b) => compareText(a.code, b.code));
  const official_total = rows.reduce((t, r) => t + r.official, 0);
  return {
    year,
    basis,
    grid_total: Math.round(before),
    official_total,
    factor: before > 0 ? Math.round((after / before) * 10000) / 10000 : 1,
    units: rows,
  };
}
