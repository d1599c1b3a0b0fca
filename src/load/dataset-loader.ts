/** Loads the embedded dataset shipped in data/ (read once per process). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon } from 'geojson';
import { parse } from 'csv-parse/sync';
import { Dataset, type PopulationPoint } from '../model/dataset.js';
import { RegionIndex } from '../model/region-index.js';
import { CountryOutline } from '../geo/country.js';
import { noteInput } from './text-input.js';

/** The package root: dist/load/ → ../.. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_PLAN = join(PACKAGE_ROOT, 'plans', 'dost.yaml');

let cache: { regions: RegionIndex; country: CountryOutline; points: PopulationPoint[] } | undefined;

export function embedded(): { regions: RegionIndex; country: CountryOutline; points: PopulationPoint[] } {
  if (cache) return cache;
  const data = join(PACKAGE_ROOT, 'data');
  for (const f of ['regions.json', 'azerbaijan.geojson', 'population-points.csv']) noteInput(join(data, f));
  const dataset = Dataset.parse(JSON.parse(readFileSync(join(data, 'regions.json'), 'utf8')));
  const outline = JSON.parse(readFileSync(join(data, 'azerbaijan.geojson'), 'utf8')) as { geometry: MultiPolygon };
  const rows = parse(readFileSync(join(data, 'population-points.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const points: PopulationPoint[] = rows.map((r) => ({
    region: r.region!, district: r.district!, name: r.name!, lat: Number(r.lat), lon: Number(r.lon), population: Number(r.population),
  }));
  cache = { regions: new RegionIndex(dataset), country: new CountryOutline(outline.geometry), points };
  return cache;
}
