/** Loading shared by the analysis commands: a valid plan, the demand, the settings. */
import { checkPlan } from '../analysis/check-plan.js';
import type { Demand } from '../analysis/demand.js';
import { resolveSettings, type SettingOverrides, type Settings } from '../analysis/network.js';
import { embedded } from '../load/dataset-loader.js';
import { findingsToDiagnostics, loadPlan } from '../load/plan-loader.js';
import { defaultLookup } from '../load/population/default-lookup.js';
import { loadPopulation } from '../load/population/load-population.js';
import { UserError } from '../load/user-error.js';
import type { Plan } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { populationNote } from '../render/population-source.js';
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
  scaleTo?: 'official';
  resolution?: number;
}

/** Loads the plan and refuses to analyse one with errors (exit 1), printing them to stderr. */
export function loadValidPlan(arg: string | undefined): { plan: Plan; files: string[] } {
  const path = planPath(arg);
  const loaded = loadPlan(path);
  const { regions, country } = embedded();
  const diagnostics = loaded.plan ? findingsToDiagnostics(checkPlan(loaded.plan, { regions, country }), loaded.locate) : loaded.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.plan || errors.length > 0) {
    process.stderr.write(renderDiagnostics(errors, 1, 'text', styleFor(process.stderr)));
    throw new UserError(`${path} has errors; fix them first (dostplan validate ${arg ?? ''})`.trim(), 1);
  }
  return { plan: loaded.plan, files: loaded.files };
}

export async function analysisContext(arg: string | undefined, o: ContextOptions): Promise<AnalysisContext> {
  const { plan, files } = loadValidPlan(arg);
  const file = o.population ?? plan.population;
  const demand = await loadDemand(file, o);
  return { plan, regions: embedded().regions, demand, settings: resolveSettings(plan, { ...o, speedKmh: o.speed }), inputs: [...files, ...(file ? [file] : [])] };
}

/** The embedded points, or the user's population file (--population, else the plan's population:). */
export async function loadDemand(file: string | undefined, o: Pick<ContextOptions, 'scaleTo' | 'resolution'>): Promise<Demand> {
  const { regions, points } = embedded();
  if (!file) {
    if (o.scaleTo || o.resolution !== undefined) throw new UserError('--scale-to and --resolution apply to a population file (--population FILE); the embedded points already carry official figures');
    return { points, scaled: true };
  }
  const loaded = await loadPopulation(file, regions, defaultLookup(), { scaleTo: o.scaleTo, resolutionKm: o.resolution });
  process.stderr.write(populationNote(loaded.source));
  return loaded;
}
