/** Loads and checks one plan file: every problem found, not just the first. */
import { said, told } from '../model/said.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPlan } from '../analysis/check-plan.js';
import type { Finding } from '../model/diagnostic.js';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Language } from '../model/language.js';
import { type Plan, populationFileOf } from '../model/plan.js';
import { loadCountry, type CountryData } from './dataset-loader.js';
import type { RunContext } from '../run/run-context.js';
import { displayPath } from './display-path.js';
import { findingsToDiagnostics, loadPlan } from './plan-loader.js';

export function validateFile(
  run: RunContext,
  path: string,
  country: CountryData = loadCountry(run),
): { diagnostics: Diagnostic[]; files: string[]; language?: Language | undefined } {
  const loaded = loadPlan(run, path);
  // The plan's `language:` (the first plan read decides, --lang above it), as every other command takes it.
  const language = (loaded.plan ?? loaded.partial?.plan)?.language;
  const ctx = {
    regions: country.regions,
    outline: country.outline,
    ...(country.units ? { units: country.units } : {}),
  };
  if (loaded.plan) {
    const findings = [...checkPlan(loaded.plan, ctx), ...missingFiles(loaded.plan)];
    return {
      diagnostics: sortDiagnostics(findingsToDiagnostics(findings, loaded.locate)),
      files: loaded.files,
      language,
    };
  }
  if (!loaded.partial) return { diagnostics: loaded.diagnostics, files: loaded.files };
  // Some facility entries broke the schema: check the rest too, so one run reports every problem.
  const { plan, kept, droppedIds } = loaded.partial;
  const findings = checkPlan(plan, ctx)
    .filter((f) => !(f.code === 'unknown-parent' && droppedIds.has(String(plan.branches[f.path[1] as number]?.center))))
    .map((f) => {
      const [list, index, ...rest] = f.path;
      return (list === 'centers' || list === 'branches') && typeof index === 'number'
        ? { ...f, path: [list, kept[list][index]!, ...rest] }
        : f;
    });
  return {
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...findingsToDiagnostics(findings, loaded.locate)]),
    files: loaded.files,
    language,
  };
}

/**
 * Files the plan names (road network, its profile, a population file) that are not there: every
 * analysis of the plan would stop on them, so CI should fail here, at the line that names them.
 * The loader has made the paths relative to the working directory; they are written relative to the plan.
 */
function missingFiles(plan: Plan): Finding[] {
  const named: [Finding['path'], string | undefined][] = [
    [['distance_model', 'roads'], plan.distance_model?.roads],
    [['distance_model', 'roads_profile'], plan.distance_model?.roads_profile],
    [
      typeof plan.population === 'object' ? ['population', 'file'] : ['population'],
      populationFileOf(plan.population)?.file,
    ],
  ];
  return named
    .filter(([, file]) => file && !existsSync(file))
    .map(([path, file]) => ({
      path,
      severity: 'error',
      code: 'file-missing',
      ...told(said('plan.file_missing', { key: path.join('.'), file: displayPath(resolve(file!)) })),
    }));
}
