/** Option parsing shared by the commands: value parsers, the model options, --format, the year. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { MAX_YEAR, MIN_YEAR, type Plan, POPULATION_ROLES } from '../model/plan.js';
import { type ColumnMap, parseColumnMap } from '../load/column-map.js';
import { UserError } from '../errors.js';
import type { OutputKind } from '../render/outputs.js';
import { progressBar } from '../render/progress.js';
import { formatsFor, type FormatName } from '../render/registry.js';
import type { PopulationBasis } from '../model/dataset.js';
import type { RunContext } from '../run/run-context.js';
import { figure, said, type Said } from '../model/said.js';
import { refuseValue } from './value-refusal.js';

export function choice<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value))
      throw refuseValue(said('refuse.value.one_of', { choices: allowed.join(', ') }));
    return value as T;
  };
}

/**
 * A former flag kept working: it sets the option its new name sets (last given wins, as for a
 * repeated flag), parsed by the same parser, and its help says whose alias it is.
 */
export function addAlias(cmd: Command, flags: string, of: string, parse: (value: string) => unknown): Command {
  const target = cmd.options.find((o) => o.long === of);
  if (!target) throw new Error(`addAlias: no option ${of}`);
  const alias = new Option(flags, `alias of ${of}`).argParser(parse);
  // Stored under the new option's name: the command never sees which spelling was used.
  alias.attributeName = () => target.attributeName();
  return cmd.addOption(alias);
}

/** Plain decimal notation only: Number() would also take '', '0x7E9', '1e-320' or ' 5 '. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number in a range; `above` makes the lower bound exclusive. The plan schema's bounds, so flag and file agree. */
export function numberIn(min: number, max: number, o: { above?: boolean } = {}) {
  return (value: string): number => {
    const n = DECIMAL.test(value) ? Number(value) : NaN;
    const low = o.above ? n > min : n >= min;
    if (!Number.isFinite(n) || !low || n > max) {
      const range = { min: figure(min), max: figure(max) };
      throw refuseValue(said(o.above ? 'refuse.value.number_above' : 'refuse.value.number_from', range));
    }
    return n;
  };
}

export const positiveNumber = numberIn(0, 1e6, { above: true });

/** --columns ROLE=NAME,…: which of a file's columns plays each role (roles: those of the reader). */
export function columnMap(roles: readonly string[]) {
  return (value: string): ColumnMap => {
    try {
      return parseColumnMap(value, roles);
    } catch (e) {
      const trim = (text: string) => text.replace(/^--columns: /, '');
      if (e instanceof UserError) throw e.said ? refuseValue(e.said, trim) : new InvalidArgumentError(trim(e.message));
      throw e;
    }
  };
}

/** A whole number, written in plain digits (commander passes the previous value as a second argument: ignored). */
export const wholeNumber = (value: string): number => wholeAtLeast(value, 0);

/** At least 1: zero sites or zero openings a year cannot be planned. */
export const countAtLeastOne = (value: string): number => wholeAtLeast(value, 1);

function wholeAtLeast(value: string, min: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw refuseValue(min > 0 ? said('refuse.value.whole_at_least', { min }) : said('refuse.value.whole'));
  }
  return n;
}

export function year(value: string): number {
  const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= MIN_YEAR && n <= MAX_YEAR)) {
    throw refuseValue(said('refuse.value.year', { min: MIN_YEAR, max: MAX_YEAR }));
  }
  return n;
}

/** Options of every command that writes a result. */
export interface OutputOptions {
  format: FormatName;
  out?: string;
}

/** Options every analysis command shares: the population, --out, and the distance-model overrides. */
export interface ModelOptions extends OutputOptions {
  circuity?: number;
  speed?: number;
  withinKm?: number;
  withinMin?: number;
  population?: string;
  /** --columns lat=Y,…: the population file's column names. */
  columns?: ColumnMap;
  /** --sheet NAME: the worksheet of an .xlsx population file. */
  sheet?: string;
  /** A road network (OSM PBF/XML, GeoJSON) and a car-profile override. */
  roads?: string;
  roadsProfile?: string;
  /** --mode car|walk: the road network's built-in profile. */
  mode?: 'car' | 'walk';
  roadsClassField?: string;
  /** --roads-layer NAME: a GeoPackage's layer of road lines. */
  roadsLayer?: string;
  /** --scale-to official: rescale a population file's unit totals to the official figures. */
  scaleTo?: 'official';
  /** --resolution KM: merge a population file's cells into blocks. */
  resolution?: number;
  populationBasis?: PopulationBasis;
  /** The country data folder (a global option). */
  data?: string;
}

/** --format with the choices the output registry has for this kind of result. */
export function addFormatOption(cmd: Command, kind: OutputKind, fallback: FormatName, note = ''): Command {
  const formats = formatsFor(kind);
  cmd.option('-f, --format <format>', `${formats.join(' | ')}${note}`, choice(formats), fallback);
  // Offered only where there is a CSV to mark (report and explore have none).
  if (formats.includes('csv'))
    cmd.option('--bom', 'with --format csv: start with a UTF-8 byte-order mark, so Excel reads the names right');
  return cmd;
}

export function addOutOption(
  cmd: Command,
  what = 'write the result to a file (atomically) instead of stdout',
): Command {
  return cmd.option('-o, --out <file>', what);
}

/**
 * The user's own population, --out, and the distance-model overrides (reports echo the values used).
 */
export function addModelOptions(cmd: Command, out?: string): Command {
  cmd
    .option(
      '--population <file>',
      'your own population: GeoTIFF raster (WorldPop, GHS-POP, HRSL), H3 cells (Kontur GeoPackage or ' +
        'CSV h3,population), CSV lat,lon,population[,region] or GeoJSON points',
    )
    .option(
      '--columns <map>',
      "the population file's column names when they differ: ROLE=COLUMN pairs, e.g. lat=Y,lon=X,population=pop " +
        `(roles: ${POPULATION_ROLES.join(', ')})`,
      columnMap(POPULATION_ROLES),
    )
    .option('--sheet <name>', 'the worksheet of an .xlsx population file (default: the first)')
    .option(
      '--scale-to <official>',
      "rescale each unit's population-file total to its official (SSC) population",
      choice(['official'] as const),
    )
    .option(
      '--resolution <km>',
      'merge population-file cells into blocks of about KM × KM (a fast first look)',
      positiveNumber,
    )
    .option(
      '--population-basis <basis>',
      'resident | registered: people where they live, or where the statistics office registers them ' +
        "(default: the plan's, else resident)",
      choice(['resident', 'registered'] as const),
    );
  addOutOption(cmd, out);
  return cmd
    .option('--circuity <factor>', "road km per geodesic km, 1 to 3 (default: the plan's, else 1)", numberIn(1, 3))
    .option(
      '--speed <kmh>',
      "average speed for travel times, 1 to 200 km/h (default: the plan's, else 40)",
      numberIn(1, 200),
    )
    .option(
      '--within-km <km>',
      'coverage threshold in km for every kind (overrides the standards)',
      numberIn(0, 2000, { above: true }),
    )
    .option('--within-min <min>', 'coverage threshold in minutes for every kind', numberIn(0, 1440, { above: true }))
    .option(
      '--roads <file>',
      'travel over this road network: OpenStreetMap .osm.pbf or .osm, GeoJSON LineStrings, or an ESRI ' +
        "Shapefile (.shp beside its .dbf, or zipped: Geofabrik's gis_osm_roads_free_1), or a GeoPackage " +
        '(.gpkg) line layer (replaces --circuity/--speed)',
    )
    .option(
      '--roads-class-field <field>',
      "a road shapefile's or GeoPackage's attribute holding the road class (default: highway, else Geofabrik's fclass)",
    )
    .option(
      '--roads-layer <name>',
      "a road GeoPackage's layer of road lines when it has several (default: the only one, or the one named *roads*)",
    )
    .option(
      '--roads-profile <file>',
      'YAML overriding parts of the car (or with --mode walk the walking) profile (speeds per road class, off-road access)',
    )
    .option(
      '--mode <mode>',
      "with --roads: car | walk (every way a pedestrian may use, at 5 km/h); default: the plan's, else car",
      choice(['car', 'walk'] as const),
    );
}

/** The model flags as the loaders and analyses name them. */
export function modelFlags(o: ModelOptions) {
  return {
    population: o.population,
    columns: o.columns,
    sheet: o.sheet,
    scaleTo: o.scaleTo,
    resolution: o.resolution,
    populationBasis: o.populationBasis,
    data: o.data,
    circuity: o.circuity,
    speedKmh: o.speed,
    withinKm: o.withinKm,
    withinMin: o.withinMin,
    roads: o.roads,
    roadsProfile: o.roadsProfile,
    mode: o.mode,
    roadsClassField: o.roadsClassField,
    roadsLayer: o.roadsLayer,
  };
}

/** Runs a year-by-year computation with a progress bar on stderr (only on a terminal). */
export function withProgress<T>(title: string, plan: Plan, run: (tick: (year: number) => void) => T): T {
  const bar = progressBar(title, plan.years.to - plan.years.from + 1);
  try {
    return run((year) => bar.tick(String(year)));
  } finally {
    bar.done();
  }
}

/** A message for the person running, in the run's language. */
export const tell = (run: RunContext, s: Said) => run.message(run.locale().say(s));

/** The year to report: --year, else the plan's last year; a year outside the plan gets a note. */
export function reportYear(run: RunContext, plan: Plan, requested: number | undefined): number {
  const y = requested ?? plan.years.to;
  if (y < plan.years.from || y > plan.years.to) {
    tell(run, said('refuse.note_year_outside', { year: y, from: plan.years.from, to: plan.years.to }));
  }
  return y;
}
