/**
 * Loads a country's data folder: its profile (profile.json), regions dataset, population points
 * and outline. The embedded default is Azerbaijan's (data/); `--data DIR` or DOSTPLAN_DATA names
 * another folder. Each folder is read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { parse } from 'csv-parse/sync';
import type { CountryProfile } from '../country/profile.js';
import { UserError } from '../errors.js';
import { CountryOutline } from '../geo/country.js';
import type { Dataset, PopulationPoint } from '../model/dataset.js';
import { RegionIndex } from '../model/region-index.js';
import { PACKAGE_ROOT } from './package-root.js';

export { PACKAGE_ROOT };
export const EMBEDDED_DATA = join(PACKAGE_ROOT, 'data');

export interface CountryData {
  /** The data folder. */
  dir: string;
  profile: CountryProfile;
  regions: RegionIndex;
  outline: CountryOutline;
  /** The population points (base-year populations, scaled to each year's official figures). */
  points: PopulationPoint[];
  /** The plan analysed when none is named. */
  defaultPlan: string;
}

const cache = new Map<string, CountryData>();

/** The data folder in force: an explicit one, else DOSTPLAN_DATA, else the embedded one. */
export function dataDir(dir?: string): string {
  return resolve(dir ?? process.env.DOSTPLAN_DATA ?? EMBEDDED_DATA);
}

export function loadCountry(dir?: string): CountryData {
  const folder = dataDir(dir);
  const hit = cache.get(folder);
  if (hit) return hit;
  const read = (name: string) => {
    try {
      return readFileSync(join(folder, name), 'utf8');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UserError(`cannot read ${join(folder, name)} (${why}): is ${folder} a dostplan data folder?`);
    }
  };
  const json = (name: string) => {
    try {
      return JSON.parse(read(name)) as unknown;
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`${join(folder, name)}: not valid JSON (${(e as Error).message})`, 1);
    }
  };
  // The embedded data is checked against its schemas by the test suite (tests/data.test.ts); a
  // user's folder is checked here. Skipping zod for the embedded data keeps `regions` and
  // `schema` from loading it at all.
  const trusted = folder === EMBEDDED_DATA;
  const schemas = () => ({
    profile: (createRequire(import.meta.url)('../country/profile.js') as typeof import('../country/profile.js')).CountryProfile,
    dataset: (createRequire(import.meta.url)('../model/dataset.js') as typeof import('../model/dataset.js')).Dataset,
  });
  const profileJson = json('profile.json');
  const profile = trusted ? (profileJson as CountryProfile) : parseWith(schemas().profile, profileJson, join(folder, 'profile.json'));
  const datasetJson = json(profile.files.regions);
  const dataset = trusted ? (datasetJson as Dataset) : parseWith(schemas().dataset, datasetJson, join(folder, profile.files.regions));
  let outline: CountryOutline | undefined;
  let points: PopulationPoint[] | undefined;
  const data: CountryData = {
    dir: folder,
    profile,
    regions: new RegionIndex(dataset, profile),
    // The outline and the points are read when first used (`regions` needs neither).
    get outline() {
      return (outline ??= new CountryOutline((json(profile.files.outline) as { geometry: Polygon | MultiPolygon }).geometry));
    },
    get points() {
      return (points ??= readPoints(read(profile.files.points)));
    },
    defaultPlan: join(folder, profile.default_plan),
  };
  cache.set(folder, data);
  return data;
}

function readPoints(text: string): PopulationPoint[] {
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    region: r.region!,
    district: r.district ?? '',
    name: r.name ?? '',
    lat: Number(r.lat),
    lon: Number(r.lon),
    population: Number(r.population),
  }));
}

/** The embedded (or DOSTPLAN_DATA) country: what tests, the bench and the default commands use. */
export const embedded = (): CountryData => loadCountry();

function parseWith<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new UserError(`${file}: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`, 1);
}
