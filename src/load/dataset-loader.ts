/**
 * Loads a country's data folder: its profile (profile.json), regions dataset, population points
 * and outline. The embedded default is Azerbaijan's (data/); `--data DIR` or DOSTPLAN_DATA names
 * another folder. Each folder is read once per process.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { parse } from 'csv-parse/sync';
import { CountryProfile } from '../country/profile.js';
import { UserError } from '../errors.js';
import { CountryOutline } from '../geo/country.js';
import { Dataset, type PopulationPoint } from '../model/dataset.js';
import { RegionIndex } from '../model/region-index.js';
import { readUserText } from './text-input.js';

/** The package root: dist/load/ → ../.. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
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
    const file = join(folder, name);
    if (!existsSync(file)) throw new UserError(`cannot read ${file} (ENOENT): is ${folder} a dostplan data folder?`);
    // The user's own data folder is user input: the same byte limit and text checks as a plan; and
    // readUserText records it, so --out never replaces the data a run read.
    return readUserText(file);
  };
  const json = (name: string) => {
    try {
      return JSON.parse(read(name)) as unknown;
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`${join(folder, name)}: not valid JSON (${(e as Error).message})`, 1);
    }
  };
  const profile = parseWith(CountryProfile, json('profile.json'), join(folder, 'profile.json'));
  const dataset = parseWith(Dataset, json(profile.files.regions), join(folder, profile.files.regions));
  const outline = json(profile.files.outline) as { geometry: Polygon | MultiPolygon };
  const rows = parse(read(profile.files.points), { columns: true }) as Record<string, string>[];
  const points: PopulationPoint[] = rows.map((r) => ({
    region: r.region!,
    district: r.district ?? '',
    name: r.name ?? '',
    lat: Number(r.lat),
    lon: Number(r.lon),
    population: Number(r.population),
  }));
  const data: CountryData = {
    dir: folder,
    profile,
    regions: new RegionIndex(dataset, profile),
    outline: new CountryOutline(outline.geometry),
    points,
    defaultPlan: join(folder, profile.default_plan),
  };
  cache.set(folder, data);
  return data;
}

/** The embedded (or DOSTPLAN_DATA) country: what tests, the bench and the default commands use. */
export const embedded = (): CountryData => loadCountry();

function parseWith<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new UserError(`${file}: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`, 1);
}
