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
import { describeThreshold, modelSummary } from '../travel/travel-cost.js';
import { ENGLISH, Locale } from '../model/locale.js';
import { type LocalNames, regionNames } from '../model/local-names.js';
import { facilitiesOf } from '../model/plan.js';
import { modelText } from '../render/words.js';
import { VERSION } from './version.js';

/** The country's sources: who publishes the population figures, and its credits (in `L`'s language where the profile has it). */
export function countrySources(country: CountryData, L: Locale = ENGLISH): string[] {
  const { profile } = country;
  const az = L.lang === 'az';
  const source = (az && profile.population_source_az) || profile.population_source;
  const credits = (az && profile.credits_az) || profile.credits || [];
  return [L.t('provenance.population_figures', { source }), ...credits];
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
  const { demand } = ctx;
  const names = planNames(ctx);
  const local = ctx.lang && ctx.lang !== 'en' ? new Locale(ctx.lang, names) : undefined;
  return {
    ...(demand.source ? { population: demand.source } : {}),
    provenance: planProvenance(ctx, years, standards, ENGLISH),
    ...(local ? { local: planProvenance(ctx, years, standards, local) } : {}),
    names,
  };
}

/** The Azerbaijani names of the country's places, the plan's facilities and the plan's own texts. */
export function planNames({ country, plan }: PlanContext): LocalNames {
  return regionNames(country.regions, facilitiesOf(plan), plan);
}

/** The provenance of a plan's figures, in `L`'s language. */
function planProvenance(
  ctx: PlanContext,
  years: number | readonly [number, number],
  standards: Partial<Record<'center' | 'branch', string>> | undefined,
  L: Locale,
): Provenance {
  const { country, plan, demand, settings } = ctx;
  const [from, to] = typeof years === 'number' ? [years, years] : years;
  const span = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);
  const ds = country.regions.dataset;
  const [p0, p1] = [populationYear(ds, from), populationYear(ds, to)];
  const file = demand.source?.file ?? '';
  const population = demand.source
    ? demand.source.scale
      ? L.t('provenance.user_file_scaled', { file, year: demand.source.scale.year })
      : L.t('provenance.user_file', { file })
    : L.t('provenance.official_population', {
        years: span(p0, p1),
        basis: L.t(`basis.${demand.basis ?? 'registered'}`),
      });
  const counted = standards ?? {
    center: describeThreshold(settings.standards.center),
    branch: describeThreshold(settings.standards.branch),
  };
  const standardsLine = (['center', 'branch'] as const)
    .filter((k) => counted[k] !== undefined)
    .map((k) => `${L.t(`common.${k}`)} ${L.threshold(counted[k]!)}`)
    .join('; ');
  return toolProvenance({
    plan: (L.lang === 'az' && plan.name_az) || plan.name,
    year: span(from, to),
    population,
    distance_model: modelText(modelSummary(settings.travel.info), L),
    standards: standardsLine,
    sources: countrySources(country, L),
  });
}
