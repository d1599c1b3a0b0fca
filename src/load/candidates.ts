/** Candidate sites for the optimizer from the user's file (CSV lat,lon[,name,region] or GeoJSON). */
import type { Candidate } from '../analysis/optimize/suggest.js';
import type { RegionIndex } from '../model/region-index.js';
import { loadPopulationFile } from './population-file.js';

export function loadCandidates(path: string, regions: RegionIndex): Candidate[] {
  return loadPopulationFile(path, regions, { population: false }).map((p, i) => ({
    lat: p.lat,
    lon: p.lon,
    name: p.name || `site ${i + 1}`,
    region: p.region,
    side: regions.sideOf(p.region),
  }));
}
