/**
 * Loads a country's data folder: its profile (profile.json), regions dataset, population points
 * outline and, where the profile names them, unit polygons. The embedded default is Azerbaijan's (data/); `--data DIR` or DOSTPLAN_DATA names
 * another folder. Each folder is read once per process.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { parse } from 'csv-parse/sync';
import { CountryProfile } from '../country/profile.js';
import { UserError } from '../errors.js';
import { CountryOutline } from '../geo/country.js';
import { UnitLocator } from '../geo/unit-locator.js';
import { Dataset, type PopulationBasis, type PopulationPoint } from '../model/dataset.js';
import { RegionIndex } from '../model/region-index.js';

/** The package root: dist/load/ → ../.. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EMBEDDED_DATA = join(PACKAGE_ROOT, 'data');

export interface CountryData {
  /** The data folder. */
  dir: string;
  profile: CountryProfile;
  regions: RegionIndex;
  outline: CountryOutline;
  /** The population points (base-year registered populations, scaled to each year's official figures). */
  points: PopulationPoint[];
  /** The same places weighted by resident population (a `resident` column); the registered points where there is none. */
  residentPoints: PopulationPoint[];
  /** Unit polygons behind a point-in-polygon index, when the profile names a `units` file. */
  units?: UnitLocator;
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
  const profile = parseWith(CountryProfile, json('profile.json'), join(folder, 'profile.json'));
  const dataset = parseWith(Dataset, json(profile.files.regions), join(folder, profile.files.regions));
  const outline = json(profile.files.outline) as { geometry: Polygon | MultiPolygon };
  const rows = parse(read(profile.files.points), { columns: true }) as Record<string, string>[];
  const withWeight = (column: string): PopulationPoint[] => rows.filter((r) => Number(r[column]) > 0).map((r) => ({
    region: r.region!,
    district: r.district ?? '',
    name: r.name ?? '',
    lat: Number(r.lat),
    lon: Number(r.lon),
    population: Number(r[column]),
  }));
  const points = withWeight('population');
  // Resident points and unit polygons are built on first use: `regions`, `schema` and a plain
  // registered-basis run never pay for them.
  let residentPoints: PopulationPoint[] | undefined;
  let units: UnitLocator | null | undefined;
  const unitsFile = profile.files.units;
  const data: CountryData = {
    dir: folder,
    profile,
    regions: new RegionIndex(dataset, profile),
    outline: new CountryOutline(outline.geometry),
    points,
    get residentPoints() {
      residentPoints ??= rows.length && 'resident' in rows[0]! ? withWeight('resident') : points;
      return residentPoints;
    },
    get units() {
      if (units === undefined) units = unitsFile ? UnitLocator.fromTopology(json(unitsFile) as never) : null;
      return units ?? undefined;
    },
    defaultPlan: join(folder, profile.default_plan),
  };
  cache.set(folder, data);
  return data;
}

/** The embedded (or DOSTPLAN_DATA) country: what tests, the bench and the default commands use. */
export const embedded = (): CountryData => loadCountry();

/** A country's population points on a basis. */
export function pointsOn(country: CountryData, basis: PopulationBasis): PopulationPoint[] {
  return basis === 'resident' ? country.residentPoints : country.points;
}

/** The embedded population points on a basis. */
export function embeddedPoints(basis: PopulationBasis): PopulationPoint[] {
  return pointsOn(embedded(), basis);
}

/** The embedded unit polygons (Azerbaijan's 77 units: data/units.topojson). */
export function unitLocator(): UnitLocator {
  const u = embedded().units;
  if (!u) throw new Error(`${embedded().dir} has no unit polygons (profile.files.units)`);
  return u;
}

/** The embedded unit (ISO 3166-2 code) whose polygon holds the point; undefined at sea or abroad. */
export function locateUnit(lat: number, lon: number): string | undefined {
  return unitLocator().locateUnit(lat, lon);
}

/** Distance (km) from a point to an embedded unit's polygon, 0 inside. */
export function distanceToUnitKm(code: string, lat: number, lon: number): number {
  return unitLocator().distanceKm(code, lat, lon);
}

function parseWith<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new UserError(`${file}: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`, 1);
}
