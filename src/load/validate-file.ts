/** Loads and checks one plan file: every problem found, not just the first. */
import { checkPlan } from '../analysis/check-plan.js';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { loadCountry, type CountryData } from './dataset-loader.js';
import { findingsToDiagnostics, loadPlan } from './plan-loader.js';

export function validateFile(
  path: string,
  country: CountryData = loadCountry(),
): { diagnostics: Diagnostic[]; files: string[] } {
  const loaded = loadPlan(path);
  const ctx = {
    regions: country.regions,
    outline: country.outline,
    ...(country.units ? { units: country.units } : {}),
  };
  if (loaded.plan) {
    return {
      diagnostics: sortDiagnostics(findingsToDiagnostics(checkPlan(loaded.plan, ctx), loaded.locate)),
      files: loaded.files,
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
  };
}
