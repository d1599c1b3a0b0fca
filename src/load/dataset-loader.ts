/**
 * Loads a country's data folder: its profile (profile.json), regions dataset, population points
 * outline and, where the profile names them, unit polygons. The embedded default is Azerbaijan's (data/); `--data DIR` or DOSTPLAN_DATA names
 * another folder. Each folder is read once per run.
 */
import { jsonPlace, parseJsonText } from './json-text.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import type { z } from 'zod';
import type { CountryProfile } from '../country/profile.js';
import { zodFindings } from './zod-findings.js';
import { InputError, UserError } from '../errors.js';
import { said } from '../model/said.js';
import { CountryOutline } from '../geo/country.js';
import { UnitLocator } from '../geo/unit-locator.js';
import type { Dataset, PopulationBasis, PopulationPoint } from '../model/dataset.js';
import { type PointColumns, pointObjects } from '../model/point-columns.js';
import { RegionIndex } from '../model/region-index.js';
import { regionNames } from '../model/local-names.js';
import { compiled } from './compiled-inputs.js';
import { csvObjects, DATA_CSV } from './csv-reader.js';
import { checkedPoints, type PointTable, pointTable, weightedColumns } from './point-table.js';
import { PACKAGE_ROOT } from './package-root.js';
import { RunContext } from '../run/run-context.js';
import { readUserText } from './text-input.js';

export { PACKAGE_ROOT };
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
  /** The points of a basis as columns (what the analyses read; the objects above are built from them). */
  columns(basis: PopulationBasis): PointColumns;
  /** Unit polygons behind a point-in-polygon index, when the profile names a `units` file. */
  units?: UnitLocator;
  /** The plan analysed when none is named. */
  defaultPlan: string;
}

/** The data folder in force: an explicit one, else DOSTPLAN_DATA, else the embedded one. */
export function dataDir(dir?: string): string {
  return resolve(dir ?? process.env.DOSTPLAN_DATA ?? EMBEDDED_DATA);
}

/** The country's data, read once per run (every file recorded as an input of the run). */
export function loadCountry(run: RunContext, dir?: string): CountryData {
  const folder = dataDir(dir);
  return run.remember(`country\0${folder}`, () => {
    const country = readCountry(run, folder);
    run.knowPlaces(() => regionNames(country.regions));
    return country;
  });
}

function readCountry(run: RunContext, folder: string): CountryData {
  const read = (name: string) => {
    const file = join(folder, name);
    if (!existsSync(file)) throw new UserError(said('read.data.missing', { file, folder }));
    // The user's own data folder is user input: the same byte limit and text checks as a plan; and
    // readUserText records it, so --out never replaces the data a run read.
    return readUserText(run, file);
  };
  const parseJson = (text: string, name: string) => parseJsonText(text, join(folder, name));
  const texts = new Map<string, string>();
  const json = (name: string) => {
    const text = read(name);
    texts.set(name, text);
    return parseJson(text, name);
  };
  // The embedded data is checked against its schemas by the test suite (tests/data.test.ts); a
  // user's folder is checked here. Skipping zod for the embedded data keeps `regions` and
  // `schema` from loading it at all.
  const trusted = folder === EMBEDDED_DATA;
  const schemas = () => ({
    profile: (createRequire(import.meta.url)('../country/profile.js') as typeof import('../country/profile.js'))
      .CountryProfile,
    dataset: (createRequire(import.meta.url)('../model/dataset.js') as typeof import('../model/dataset.js')).Dataset,
  });
  const profileJson = json('profile.json');
  const profile = trusted
    ? (profileJson as CountryProfile)
    : parseWith(schemas().profile, profileJson, join(folder, 'profile.json'), texts.get('profile.json')!);
  const datasetJson = json(profile.files.regions);
  const dataset = trusted
    ? (datasetJson as Dataset)
    : parseWith(schemas().dataset, datasetJson, join(folder, profile.files.regions), texts.get(profile.files.regions)!);
  // The outline, the points and the unit polygons are read when first used (`regions` needs none
  // of them; a registered-basis run never builds the resident points).
  let outline: CountryOutline | undefined;
  let table: PointTable | undefined;
  let units: UnitLocator | null | undefined;
  const columns = new Map<PopulationBasis, PointColumns>();
  const objects = new Map<PopulationBasis, PopulationPoint[]>();
  const pointsTable = () => {
    if (table) return table;
    const text = read(profile.files.points);
    const file = join(folder, profile.files.points);
    // A user's folder is checked cell by cell: its numbers feed every figure.
    return (table =
      compiled<PointTable>('points', text) ??
      pointTable(trusted ? csvObjects(text, file, DATA_CSV) : checkedPoints(text, file)));
  };
  const pointsOf = (basis: PopulationBasis) => {
    let p = objects.get(basis);
    if (!p) objects.set(basis, (p = pointObjects(data.columns(basis))));
    return p;
  };
  const unitsFile = profile.files.units;
  const data: CountryData = {
    dir: folder,
    profile,
    regions: new RegionIndex(dataset, profile),
    get outline() {
      return (outline ??= new CountryOutline(
        (json(profile.files.outline) as { geometry: Polygon | MultiPolygon }).geometry,
      ));
    },
    columns(basis) {
      let c = columns.get(basis);
      if (!c) columns.set(basis, (c = weightedColumns(pointsTable(), basis)));
      return c;
    },
    get points() {
      return pointsOf('registered');
    },
    get residentPoints() {
      return pointsOf('resident');
    },
    get units() {
      if (units === undefined && unitsFile) {
        const text = read(unitsFile);
        units = new UnitLocator(compiled('units', text) ?? UnitLocator.unitsOf(parseJson(text, unitsFile) as never));
      }
      units ??= null;
      return units ?? undefined;
    },
    defaultPlan: join(folder, profile.default_plan),
  };
  return data;
}

let embeddedData: CountryData | undefined;

/**
 * The embedded (or DOSTPLAN_DATA) country for tests, the bench and `npm run schema`: read once per
 * process in a run of its own (the CLI's runs read it through loadCountry).
 */
export const embedded = (): CountryData => (embeddedData ??= loadCountry(new RunContext()));

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

/**
 * A user's data file checked against its schema; the first problem said as a plan's are
 * (zod-findings.ts), in the run's language. zod's own English message is not used, nor any value
 * of the file (quote: false), which may be any file on the machine.
 */
function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string, text: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = zodFindings(r.error, schema, value, { quote: false })[0];
  const problem = first?.said ?? said('zod.not_valid');
  // At the value's line and column in the file (json-text.ts finds it again from the path).
  throw new InputError(jsonPlace(text, file, first?.path ?? []), problem, 1);
}
