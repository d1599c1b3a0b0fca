/**
 * Candidate sites for the optimizer from the user's file (CSV lat,lon[,name,region], an .xlsx sheet
 * or GeoJSON), with their costs when the file has build_cost, yearly_cost, cost_source.
 */
import type { Candidate } from '../analysis/optimize/suggest.js';
import type { UnitLocator } from '../geo/unit-locator.js';
import type { RegionIndex } from '../model/region-index.js';
import type { RunContext } from '../run/run-context.js';
import { InputError, UserError } from '../errors.js';
import type { Said, SaidParam } from '../model/said.js';
import type { ColumnMap } from './column-map.js';
import { readCandidateCosts } from './candidate-costs.js';
import { loadPopulationFile } from './population-file.js';

/** With unit polygons, a site without a region column gets the unit it stands in (sites at sea are refused). */
export function loadCandidates(
  run: RunContext,
  path: string,
  regions: RegionIndex,
  units?: UnitLocator,
  columns?: ColumnMap,
): Candidate[] {
  const o = { population: false, ...(units ? { units } : {}), ...(columns ? { columns } : {}) };
  let points: ReturnType<typeof loadPopulationFile>;
  try {
    points = loadPopulationFile(run, path, regions, o);
  } catch (e) {
    // The readers name the population file's flag; a candidate file's mapping has its own.
    if (e instanceof InputError && e.problemSaid) throw new InputError(e.where, renamed(e.problemSaid), e.exitCode);
    if (e instanceof UserError)
      throw new UserError(
        e.said ? renamed(e.said) : e.message.replace(/--columns /g, '--candidates-columns '),
        e.exitCode,
      );
    throw e;
  }
  // Costs (build_cost, yearly_cost, cost_source) come from a second read of the same rows.
  const costs = readCandidateCosts(run, path);
  if (costs && costs.length !== points.length)
    throw new UserError(`${path}: ${costs.length} rows with costs for ${points.length} sites; remove blank rows`, 1);
  return points.map((p, i) => ({
    lat: p.lat,
    lon: p.lon,
    name: p.name || `site ${i + 1}`,
    region: p.region,
    side: regions.sideOf(p.region),
    ...(costs ? { costs: costs[i]! } : {}),
  }));
}

/** A reader's message with the population file's flag (a `--columns` value) renamed for candidate files. */
function renamed(s: Said): Said {
  if (!s.params) return s;
  const rename = (v: SaidParam): SaidParam =>
    v === '--columns' ? '--candidates-columns' : typeof v === 'object' && 'key' in v ? renamed(v) : v;
  return { key: s.key, params: Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, rename(v)])) };
}
