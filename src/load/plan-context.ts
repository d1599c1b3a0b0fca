/**
 * Everything an analysis command loads before it computes: the country's data, a plan without
 * errors, the population (embedded or the user's own file), and the settings (travel-cost model
 * and standards). Every file read is recorded, so --out can never overwrite an input.
 */
import type { Language } from '../model/language.js';
import { Locale } from '../model/locale.js';
import { checkPlan } from '../analysis/check-plan.js';
import type { Demand } from '../analysis/demand.js';
import { resolveSettings, type SettingOverrides, type Settings } from '../analysis/network.js';
import { InvalidPlanError, UserError } from '../errors.js';
import { said } from '../model/said.js';
import { sortDiagnostics } from '../model/diagnostic.js';
import { facilitiesOf, type Plan, type PopulationFile, populationFileOf } from '../model/plan.js';
import { regionNames } from '../model/local-names.js';
import { DEFAULT_POPULATION_BASIS, type PopulationBasis } from '../model/dataset.js';
import { WINDOW_MARGIN_DEG } from '../model/population-source.js';
import { loadCountry, pointsOn, type CountryData } from './dataset-loader.js';
import { findingsToDiagnostics, loadPlan } from './plan-loader.js';
import { populationSummary } from '../model/population-source.js';
import type { RunContext } from '../run/run-context.js';
import type { RoadFlags } from './roads/road-network.js';
import { travelModelFor } from './travel-models.js';

export interface ModelFlags extends SettingOverrides, RoadFlags {
  population?: string;
  /** --columns: which of the population file's columns is lat, lon, population, … */
  columns?: PopulationFile['columns'];
  /** --sheet: the worksheet of an .xlsx population file. */
  sheet?: string;
  /** Rescale a population file's unit totals to the official figures. */
  scaleTo?: 'official';
  /** Merge a population file's cells into blocks of this many km. */
  resolution?: number;
  /** resident | registered (default: the plan's population_basis, else resident). */
  populationBasis?: PopulationBasis;
  /** A data folder with another country's profile and data (default: the embedded one). */
  data?: string;
}

export interface PlanContext {
  country: CountryData;
  plan: Plan;
  demand: Demand;
  settings: Settings;
  /** The run's language once the plan is read (--lang, else the plan's language:, else en). */
  lang?: Language;
}

/**
 * A plan file (default: the country's default plan), refused with its errors when it has any.
 * `read` is told every file the plan was made of (a scenario's bases too): what a server watches.
 */
export function loadValidPlan(
  run: RunContext,
  path: string | undefined,
  country: CountryData,
  read?: (files: string[]) => void,
): Plan {
  const file = path ?? country.defaultPlan;
  const loaded = loadPlan(run, file);
  read?.(loaded.files);
  // Only errors refuse a plan here (`validate` reports the warnings), so warning-only checks are skipped.
  const ctx = { regions: country.regions, outline: country.outline, warnings: false };
  const diagnostics = loaded.plan
    ? findingsToDiagnostics(checkPlan(loaded.plan, ctx), loaded.locate)
    : loaded.diagnostics;
  const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
  if (!loaded.plan || errors.length > 0) {
    throw new InvalidPlanError(
      said('read.plan.has_errors', { file, command: `dostplan validate ${path ?? ''}`.trim() }),
      errors,
    );
  }
  // Errors from here on name the plan's facilities too, in the run's language.
  const plan = loaded.plan;
  run.knowPlaces(() => regionNames(country.regions, facilitiesOf(plan), plan));
  return plan;
}

/**
 * The population to analyse: the user's file (--population, else the plan's `population:`), else
 * the country's embedded points, on the basis chosen by --population-basis, else the plan's
 * `population_basis`, else resident (docs/plan-format.md explains the default). What a file gave
 * is told as the run's messages and kept in demand.source; --scale-to official scales it to the unit
 * figures of that basis.
 */
/** The population file to read: --population (with --columns, --sheet), else the plan's `population:`. */
export function populationInput(flags: ModelFlags, plan: Plan): PopulationFile | undefined {
  const base = flags.population === undefined ? populationFileOf(plan.population) : { file: flags.population };
  if (!base) {
    if (flags.columns || flags.sheet) throw new UserError(said('read.population.flags_without_file'));
    return undefined;
  }
  return {
    ...base,
    ...(flags.columns ? { columns: flags.columns } : {}),
    ...(flags.sheet ? { sheet: flags.sheet } : {}),
  };
}

export async function loadDemand(
  run: RunContext,
  country: CountryData,
  population: PopulationFile | undefined,
  plan?: Plan,
  flags: Pick<ModelFlags, 'populationBasis' | 'scaleTo' | 'resolution'> = {},
): Promise<Demand> {
  const b = flags.populationBasis ?? plan?.population_basis ?? DEFAULT_POPULATION_BASIS;
  if (!population) {
    if (flags.scaleTo || flags.resolution !== undefined) {
      throw new UserError(said('read.population.scale_without_file'));
    }
    // Columns straight from the stored table; the point objects only if a caller asks for them.
    return {
      columns: country.columns(b),
      get points() {
        return pointsOn(country, b);
      },
      scaled: true,
      basis: b,
    };
  }
  run.expectLong(); // a population file may hold millions of points
  const { loadPopulation } = await import('./population/load-population.js');
  const { defaultLookup } = await import('./population/default-lookup.js');
  const loaded = await loadPopulation(run, population.file, country.regions, defaultLookup(country), {
    ...(population.columns ? { columns: population.columns } : {}),
    ...(population.sheet ? { sheet: population.sheet } : {}),
    scaleTo: flags.scaleTo,
    resolutionKm: flags.resolution,
    basis: b,
    ...(country.units ? { units: country.units } : {}),
    clip: country.outline.box(WINDOW_MARGIN_DEG),
  });
  const L = new Locale(run.lang);
  for (const line of populationSummary(loaded.source, (m) => L.say(m), L.t('common.population'))) run.message(line);
  // Not a spread of `loaded`: that would build its million point objects (a getter) at once.
  return {
    columns: loaded.columns,
    get points() {
      return loaded.points;
    },
    scaled: loaded.scaled,
    source: loaded.source,
    ...(loaded.scaled ? { basis: b } : {}),
  };
}

/** Standards and travel model for a plan: the first model of the registry the flags or the plan choose. */
export async function planSettings(run: RunContext, plan: Plan, flags: ModelFlags): Promise<Settings> {
  return resolveSettings(plan, flags, await travelModelFor(run, plan, flags));
}

export async function loadPlanContext(
  run: RunContext,
  path: string | undefined,
  flags: ModelFlags,
): Promise<PlanContext> {
  const country = loadCountry(run, flags.data);
  const plan = loadValidPlan(run, path, country);
  run.planLanguage(plan.language);
  const population = populationInput(flags, plan);
  const settings = await planSettings(run, plan, flags);
  return {
    country,
    plan,
    demand: await loadDemand(run, country, population, plan, flags),
    settings,
    lang: run.lang,
  };
}
