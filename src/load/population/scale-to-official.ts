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
  for (let i = 0; i < population.length; i++) population[i]! *= factor[unitOf[i]!]!;
  rows.sort((a, b) => compareText(a.code, b.code));
  // The totals of the units scaled, so that grid × factor = official holds for the figures shown:
  // the people of units without cells are not in the analysis, and cells of units without an
  // official figure keep the grid's count (both listed as not scaled).
  let grid_total = 0,
    official_total = 0;
  for (const r of rows)
    if (r.factor !== null) {
      grid_total += grid[units.indexOf(r.code)]!;
      official_total += r.official;
    }
  return {
    year,
    basis,
    grid_total: Math.round(grid_total),
    official_total: Math.round(official_total),
    factor: grid_total > 0 ? Math.round((official_total / grid_total) * 10000) / 10000 : 1,
    units: rows,
  };
}
