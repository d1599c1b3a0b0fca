/** Option parsing shared by the commands: formats, numbers, the plan argument. */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_PLAN } from '../load/dataset-loader.js';
import type { Plan } from '../model/plan.js';
import { progressBar } from '../render/progress.js';

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

export function planPath(arg: string | undefined): string {
  return arg ?? DEFAULT_PLAN;
}

export interface ModelOptions {
  circuity?: number;
  speed?: number;
  withinKm?: number;
  withinMin?: number;
  population?: string;
  scaleTo?: 'official';
  resolution?: number;
  out?: string;
}

/**
 * Options every analysis command shares: the user's own population, --out, and the distance-model
 * overrides (reports echo the values used).
 */
export function addModelOptions(cmd: Command, out = 'write the result to a file (atomically) instead of stdout'): Command {
  return cmd
    .option('--population <file>', 'your own population: GeoTIFF raster (WorldPop, GHS-POP, HRSL), H3 cells (Kontur GeoPackage or CSV h3,population), CSV lat,lon,population[,region] or GeoJSON points')
    .option('--scale-to <official>', "rescale each unit's population-file total to its official (SSC) population", choice(['official'] as const))
    .option('--resolution <km>', 'merge population-file cells into blocks of about KM × KM (a fast first look)', positiveNumber)
    .option('-o, --out <file>', out)
    .option('--circuity <factor>', "road km per geodesic km (default: the plan's, else 1)", positiveNumber)
    .option('--speed <kmh>', "average speed for travel times (default: the plan's, else 40)", positiveNumber)
    .option('--within-km <km>', 'coverage threshold in km for every kind (overrides the plan standards)', positiveNumber)
    .option('--within-min <min>', 'coverage threshold in minutes for every kind', positiveNumber);
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
  if (y < plan.years.from || y > plan.years.to) process.stderr.write(`dostplan: note: ${y} is outside the plan's years ${plan.years.from}–${plan.years.to}\n`);
  return y;
}
