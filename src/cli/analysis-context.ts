/** Loading shared by the analysis commands: a valid plan, the demand, the settings. */
import { checkPlan } from '../analysis/check-plan.js';
import type { Demand } from '../analysis/demand.js';
import { resolveSettings, type SettingOverrides, type Settings } from '../analysis/network.js';
import { embedded, embeddedPoints, unitLocator } from '../load/dataset-loader.js';
import { DEFAULT_POPULATION_BASIS, type PopulationBasis } from '../model/dataset.js';
import { findingsToDiagnostics, loadPlan } from '../load/plan-loader.js';
import { loadPopulationFile } from '../load/population-file.js';
import { UserError } from '../load/user-error.js';
import type { Plan } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { styleFor } from '../render/style.js';
import { planPath } from './options.js';

export interface AnalysisContext {
  plan: Plan;
  regions: RegionIndex;
  demand: Demand;
  settings: Settings;
  /** Files the command read (never to be overwritten by --out). */
  inputs: string[];
}

export interface ContextOptions extends Omit<SettingOverrides, 'speedKmh'> {
  speed?: number;
  population?: string;
  populationBasis?: PopulationBasis;
}

/** Loads the plan and refuses to analyse one with errors (exit 1), printing them to stderr. */
export function loadValidPlan(arg: string | undefined): { plan: Plan; files: string[] } {
  const path = planPath(arg);
  const loaded = loadPlan(path);
  const { regions, country } = embedded();
  const diagnostics = loaded.plan ? findingsToDiagnostics(checkPlan(loaded.plan, { regions, country, units: unitLocator() }), loaded.locate) : loaded.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.plan || errors.length > 0) {
    process.stderr.write(renderDiagnostics(errors, 1, 'text', styleFor(process.stderr)));
    throw new UserError(`${path} has errors; fix them first (dostplan validate ${arg ?? ''})`.trim(), 1);
  }
  return { plan: loaded.plan, files: loaded.files };
}

/**
 * The population to analyse: the user's file, else the embedded points on the basis chosen by
 * --population-basis, else the plan's `population_basis`, else resident (docs/plan-format.md).
 */
export function loadDemand(plan: Plan, o: { population?: string; populationBasis?: PopulationBasis }): Demand {
  if (o.population) return { points: loadPopulationFile(o.population, embedded().regions), scaled: false };
  const basis = o.populationBasis ?? plan.population_basis ?? DEFAULT_POPULATION_BASIS;
  return { points: embeddedPoints(basis), scaled: true, basis };
}

export function analysisContext(arg: string | undefined, o: ContextOptions): AnalysisContext {
  const { plan, files } = loadValidPlan(arg);
  const demand = loadDemand(plan, o);
  const { regions } = embedded();
  return { plan, regions, demand, settings: resolveSettings(plan, { ...o, speedKmh: o.speed }), inputs: [...files, ...(o.population ? [o.population] : [])] };
}
