/**
 * Everything an analysis command loads before it computes: the country's data, a plan without
 * errors, the population (embedded or the user's own file), and the settings (travel-cost model
 * and standards). Every file read is recorded, so --out can never overwrite an input.
 */
import { checkPlan } from '../analysis/check-plan.js';
import type { Demand } from '../analysis/demand.js';
import { resolveSettings, type SettingOverrides, type Settings } from '../analysis/network.js';
import { InvalidPlanError } from '../errors.js';
import { sortDiagnostics } from '../model/diagnostic.js';
import type { Plan } from '../model/plan.js';
import { loadCountry, type CountryData } from './dataset-loader.js';
import { findingsToDiagnostics, loadPlan } from './plan-loader.js';
import { loadPopulationFile } from './population-file.js';

export interface ModelFlags extends SettingOverrides {
  population?: string;
  /** A data folder with another country's profile and data (default: the embedded one). */
  data?: string;
}

export interface PlanContext {
  country: CountryData;
  plan: Plan;
  demand: Demand;
  settings: Settings;
  /** Files the command read (never to be overwritten by --out). */
  inputs: string[];
}

/** A plan file (default: the country's default plan), refused with its errors when it has any. */
export function loadValidPlan(path: string | undefined, country: CountryData): { plan: Plan; files: string[] } {
  const file = path ?? country.defaultPlan;
  const loaded = loadPlan(file);
  const ctx = { regions: country.regions, outline: country.outline };
  const diagnostics = loaded.plan ? findingsToDiagnostics(checkPlan(loaded.plan, ctx), loaded.locate) : loaded.diagnostics;
  const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
  if (!loaded.plan || errors.length > 0) {
    throw new InvalidPlanError(`${file} has errors; fix them first (dostplan validate ${path ?? ''})`.trim(), errors);
  }
  return { plan: loaded.plan, files: loaded.files };
}

/** The population to analyse: the user's file, else the country's embedded points. */
export function loadDemand(country: CountryData, population: string | undefined): Demand {
  return population
    ? { points: loadPopulationFile(population, country.regions), scaled: false }
    : { points: country.points, scaled: true };
}

export function loadPlanContext(path: string | undefined, flags: ModelFlags): PlanContext {
  const country = loadCountry(flags.data);
  const { plan, files } = loadValidPlan(path, country);
  return {
    country,
    plan,
    demand: loadDemand(country, flags.population),
    settings: resolveSettings(plan, flags),
    inputs: [...files, ...(flags.population ? [flags.population] : [])],
  };
}
