/** Candidate sites for the optimizer from the user's file (CSV lat,lon[,name,region] or GeoJSON). */
import type { Candidate } from '../analysis/optimize/suggest.js';
import type { UnitLocator } from '../geo/unit-locator.js';
import type { RegionIndex } from '../model/region-index.js';
import type { RunContext } from '../run/run-context.js';
import { loadPopulationFile } from './population-file.js';

/** With unit polygons, a site without a region column gets the unit it stands in (sites at sea are refused). */
export function loadCandidates(run: RunContext, path: string, regions: RegionIndex, units?: UnitLocator): Candidate[] {
  return loadPopulationFile(run, path, regions, { population: false, ...(units ? { units } : {}) }).map((p, i) => ({
    lat: p.lat,
    lon: p.lon,
    name: p.name || `site ${i + 1}`,
    region: p.region,
    side: regions.sideOf(p.region),
  }));
}
