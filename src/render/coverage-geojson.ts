/** Coverage as a map layer: the open facilities, and every population point with its covered flag. */
import type { CoverageMap } from '../analysis/coverage.js';
import { type FeatureCollectionOut, facilityFeature, featureCollection, pointFeature } from './geojson.js';

export function coverageGeoJson(m: CoverageMap): FeatureCollectionOut {
  const points = m.points.map((p) =>
    pointFeature(p.lat, p.lon, {
      layer: 'population',
      region: p.region,
      district: p.district || null,
      name: p.name || null,
      population: p.population,
      covered_by_distance: p.covered,
    }),
  );
  return featureCollection([...m.facilities.map(facilityFeature), ...points], {
    year: m.year,
    percent: m.percent,
    population_basis: m.population_basis,
  });
}
