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
import type { Locale } from '../model/locale.js';
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
export function addAlias(
  cmd: Command,
  L: Locale,
  flags: string,
  of: string,
  parse: (value: string) => unknown,
): Command {
  const target = cmd.options.find((o) => o.long === of);
  if (!target) throw new Error(`addAlias: no option ${of}`);
  const alias = new Option(flags, L.t('help.opt.alias', { option: of })).argParser(parse);
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

/**
 * --format with the choices the output registry has for this kind of result; `note` (already in
 * the run's language) says more of them.
 */
export function addFormatOption(
  cmd: Command,
  L: Locale,
  kind: OutputKind,
  fallback: FormatName,
  note?: string,
): Command {
  const formats = formatsFor(kind).join(' | ');
  const description = note ? L.t('help.opt.format_note', { formats, note }) : L.t('help.opt.format', { formats });
  cmd.option('-f, --format <format>', description, choice(formatsFor(kind)), fallback);
  // Offered only where there is a CSV to mark (report and explore have none).
  if (formatsFor(kind).includes('csv')) cmd.option('--bom', L.t('help.opt.bom'));
  return cmd;
}

/** --out FILE; `what` (in the run's language) when the command writes something else than "the result". */
export function addOutOption(cmd: Command, L: Locale, what = L.t('help.opt.out')): Command {
  return cmd.option('-o, --out <file>', what);
}

/** The population file's options: the file, its columns, sheet, scaling, blocks and basis. */
function addPopulationOptions(cmd: Command, L: Locale): Command {
  return cmd
    .option('--population <file>', L.t('help.opt.population'))
    .option(
      '--columns <map>',
      L.t('help.opt.columns', { roles: POPULATION_ROLES.join(', ') }),
      columnMap(POPULATION_ROLES),
    )
    .option('--sheet <name>', L.t('help.opt.sheet'))
    .option('--scale-to <official>', L.t('help.opt.scale_to'), choice(['official'] as const))
    .option('--resolution <km>', L.t('help.opt.resolution'), positiveNumber)
    .option(
      '--population-basis <basis>',
      L.t('help.opt.population_basis'),
      choice(['resident', 'registered'] as const),
    );
}

/** The distance model's options: circuity and speed, thresholds, a road network and its profile. */
function addDistanceOptions(cmd: Command, L: Locale): Command {
  return cmd
    .option('--circuity <factor>', L.t('help.opt.circuity'), numberIn(1, 3))
    .option('--speed <kmh>', L.t('help.opt.speed'), numberIn(1, 200))
    .option('--within-km <km>', L.t('help.opt.within_km'), numberIn(0, 2000, { above: true }))
    .option('--within-min <min>', L.t('help.opt.within_min'), numberIn(0, 1440, { above: true }))
    .option('--roads <file>', L.t('help.opt.roads'))
    .option('--roads-class-field <field>', L.t('help.opt.roads_class_field'))
    .option('--roads-layer <name>', L.t('help.opt.roads_layer'))
    .option('--roads-profile <file>', L.t('help.opt.roads_profile'))
    .option('--mode <mode>', L.t('help.opt.mode'), choice(['car', 'walk'] as const));
}

/**
 * The user's own population, --out, and the distance-model overrides (reports echo the values used).
 */
export function addModelOptions(cmd: Command, L: Locale, out?: string): Command {
  addPopulationOptions(cmd, L);
  addOutOption(cmd, L, out);
  return addDistanceOptions(cmd, L);
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
