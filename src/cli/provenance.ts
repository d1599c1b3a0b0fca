/**
 * How a command's figures were made (render/provenance.ts), from what the run loaded: the plan,
 * the population (year and basis, or the user's file), the distance model, the standards and the
 * country's data sources. Dates are the figures' own, never the time of the run: the same inputs
 * give the same bytes.
 */
import type { PlanContext } from '../load/plan-context.js';
import type { CountryData } from '../load/dataset-loader.js';
import { populationYear } from '../model/dataset.js';
import type { About } from '../render/outputs.js';
import type { Provenance } from '../render/provenance.js';
import { describeThreshold } from '../travel/travel-cost.js';
import { VERSION } from './version.js';

/** The country's sources: who publishes the population figures, and its credits. */
export function countrySources(country: CountryData): string[] {
  return [`Population figures: ${country.profile.population_source}`, ...(country.profile.credits ?? [])];
}

/** Provenance without a plan (the regions list, an OR-Library graph). */
export function toolProvenance(o: Partial<Provenance> = {}): Provenance {
  return { tool: `dostplan ${VERSION}`, sources: [], ...o };
}

/**
 * What a plan's figures for `years` (one year, or the first and last) rest on. `standards`: the
 * ones the result counts, when not both kinds' (coverage --kind center).
 */
export function planAbout(
  ctx: PlanContext,
  years: number | readonly [number, number],
  standards?: Partial<Record<'center' | 'branch', string>>,
): About {
  const { country, plan, demand, settings } = ctx;
  const [from, to] = typeof years === 'number' ? [years, years] : years;
  const span = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);
  const ds = country.regions.dataset;
  const population = demand.source
    ? `${demand.source.file} (the user's file${demand.source.scale ? `, scaled to official ${demand.source.scale.year} unit populations` : ''})`
    : `official figures of 1 January ${span(populationYear(ds, from), populationYear(ds, to))}, ${demand.basis ?? 'registered'} basis`;
  const counted = standards ?? {
    center: describeThreshold(settings.standards.center),
    branch: describeThreshold(settings.standards.branch),
  };
  const standardsLine = (['center', 'branch'] as const)
    .filter((k) => counted[k] !== undefined)
    .map((k) => `${k} ${counted[k]}`)
    .join('; ');
  return {
    ...(demand.source ? { population: demand.source } : {}),
    provenance: toolProvenance({
      plan: plan.name,
      year: span(from, to),
      population,
      distance_model: settings.travel.info.description,
      standards: standardsLine,
      sources: countrySources(country),
    }),
  };
}
