/** Option parsing shared by the commands: value parsers, the model options, --format, the year. */
import { InvalidArgumentError, type Command } from 'commander';
import type { Plan } from '../model/plan.js';
import type { OutputKind } from '../render/outputs.js';
import { progressBar } from '../render/progress.js';
import { formatsFor, type FormatName } from '../render/registry.js';
import type { PopulationBasis } from '../model/dataset.js';

export function choice<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

export function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2100) throw new InvalidArgumentError('expected a year such as 2025');
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
  /** A road network (OSM PBF/XML, GeoJSON) and a car-profile override. */
  roads?: string;
  roadsProfile?: string;
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
  return cmd.option('-f, --format <format>', `${formats.join(' | ')}${note}`, choice(formats), fallback);
}

export function addOutOption(cmd: Command, what = 'write the result to a file (atomically) instead of stdout'): Command {
  return cmd.option('-o, --out <file>', what);
}

/**
 * The user's own population, --out, and the distance-model overrides (reports echo the values used).
 */
export function addModelOptions(cmd: Command, out?: string): Command {
  cmd
    .option('--population <file>', 'your own population: GeoTIFF raster (WorldPop, GHS-POP, HRSL), H3 cells (Kontur GeoPackage or CSV h3,population), CSV lat,lon,population[,region] or GeoJSON points')
    .option('--scale-to <official>', "rescale each unit's population-file total to its official (SSC) population", choice(['official'] as const))
    .option('--resolution <km>', 'merge population-file cells into blocks of about KM × KM (a fast first look)', positiveNumber)
    .option('--population-basis <basis>', "resident | registered: people where they live, or where the statistics office registers them (default: the plan's, else resident)", choice(['resident', 'registered'] as const));
  addOutOption(cmd, out);
  return cmd
    .option('--circuity <factor>', "road km per geodesic km (default: the plan's, else 1)", positiveNumber)
    .option('--speed <kmh>', "average speed for travel times (default: the plan's, else 40)", positiveNumber)
    .option('--within-km <km>', 'coverage threshold in km for every kind (overrides the plan standards)', positiveNumber)
    .option('--within-min <min>', 'coverage threshold in minutes for every kind', positiveNumber)
    .option('--roads <file>', 'travel over this road network: OpenStreetMap .osm.pbf or .osm, or GeoJSON LineStrings (replaces --circuity/--speed)')
    .option('--roads-profile <file>', 'YAML overriding parts of the car profile (speeds per road class, off-road access)');
}

/** The model flags as the loaders and analyses name them. */
export function modelFlags(o: ModelOptions) {
  return {
    population: o.population,
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

/** The year to report: --year, else the plan's last year; a year outside the plan gets a note on stderr. */
export function reportYear(plan: Plan, requested: number | undefined): number {
  const y = requested ?? plan.years.to;
  if (y < plan.years.from || y > plan.years.to) {
    process.stderr.write(`dostplan: note: ${y} is outside the plan's years ${plan.years.from}–${plan.years.to}\n`);
  }
  return y;
}
