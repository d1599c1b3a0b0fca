/**
 * The run's language over a plan, with its place names (units, regions, districts, the plan's
 * facilities and texts): null in English, whose answers stay as they are.
 */
import type { PlanContext } from '../load/plan-context.js';
import { Locale } from '../model/locale.js';
import { regionNames } from '../model/local-names.js';
import { facilitiesOf } from '../model/plan.js';

/** The Locale of the plan as edited (a facility added in the page has no name_az), or null for English. */
export function localeOf(ctx: PlanContext): Locale | null {
  if (!ctx.lang || ctx.lang === 'en') return null;
  const { regions } = ctx.country;
  return new Locale(ctx.lang, regionNames(regions, facilitiesOf(ctx.plan), ctx.plan));
}
