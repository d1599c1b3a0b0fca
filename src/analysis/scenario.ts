/**
 * Quick what-ifs on a loaded plan: delay facilities (`--delay GAN=+6m`), or replay the schedule
 * as announced (`opens` ← `announced` wherever an announced date is recorded).
 */
import { addMonths, formatDay, isPlanDay, parsePlanDate } from '../model/dates.js';
import type { Finding } from '../model/diagnostic.js';
import { UserError } from '../errors.js';
import { said, type Said } from '../model/said.js';
import { facilitiesOf, type Plan } from '../model/plan.js';
import { closest } from '../model/suggest.js';
import { checkPlan, type CheckContext } from './check-plan.js';

export interface Delay {
  id: string;
  months: number;
}

/** A delay longer than the whole span plan years may have (1900–2100) can only be a typo. */
export const MAX_DELAY_MONTHS = 200 * 12;

/** Parses `ID=+6m`, `ID=+1y`, `ID=-3m`. Returns the refusal (a catalogue message) for anything else. */
export function parseDelay(spec: string): Delay | Said {
  const m = /^([^=]+)=([+-]?\d{1,6})([my])$/.exec(spec.trim());
  if (!m) return said('refuse.delay_form', { spec });
  const months = Number(m[2]) * (m[3] === 'y' ? 12 : 1);
  if (Math.abs(months) > MAX_DELAY_MONTHS) return said('refuse.delay_too_long', { spec, years: MAX_DELAY_MONTHS / 12 });
  return { id: m[1]!, months };
}

/**
 * What a what-if delay breaks: the problems the validator finds in the delayed plan that the plan
 * itself did not have (an opening pushed past the plan's years, a branch now opening before its
 * center). Reported as notes: the timeline still runs, but the planner should know.
 */
export function delayConsequences(plan: Plan, delayed: Plan, ctx: CheckContext): Finding[] {
  const key = (f: Finding) => `${f.code} ${f.path.join('.')}`;
  const before = new Set(checkPlan(plan, ctx).map(key));
  return checkPlan(delayed, ctx).filter((f) => !before.has(key(f)));
}

/** The --delay specs of a command line, checked against the plan's facility ids. */
export function delaysFor(plan: Plan, specs: string[]): Delay[] {
  const ids = facilitiesOf(plan).map((f) => f.id);
  return specs.map((spec) => {
    const d = parseDelay(spec);
    if ('key' in d) throw new UserError(d);
    if (!ids.includes(d.id)) {
      const near = closest(d.id, ids);
      const id = d.id;
      throw new UserError(
        near ? said('refuse.delay_unknown_id_near', { spec, id, near }) : said('refuse.delay_unknown_id', { spec, id }),
      );
    }
    return d;
  });
}

/**
 * Shifts a plan date by whole months. A year-precision date ("2026": some time in 2026, certain
 * by December) moves by whole years when it can and otherwise becomes a month ("2027-06").
 */
export function shiftDate(value: string | number, months: number): string | number {
  const d = parsePlanDate(value);
  if (!isPlanDay(d)) return value;
  if (d.precision === 'year' && months % 12 === 0) return d.year + months / 12;
  const from = d.precision === 'year' ? { ...d, precision: 'month' as const } : d;
  return formatDay(addMonths(from, months));
}

export function applyDelays(plan: Plan, delays: Delay[]): Plan {
  const shift = <T extends { id: string; opens: string | number }>(f: T): T => {
    const months = delays.filter((d) => d.id === f.id).reduce((a, d) => a + d.months, 0);
    return months === 0 ? f : { ...f, opens: shiftDate(f.opens, months) };
  };
  return {
    ...plan,
    name: `${plan.name} (delayed: ${delays.map((d) => `${d.id} ${d.months >= 0 ? '+' : ''}${d.months}m`).join(', ')})`,
    centers: plan.centers.map(shift),
    branches: plan.branches.map(shift),
  };
}

/** What the name of a plan as announced ends with (Locale.planName says it in the run's language). */
export const AS_ANNOUNCED = ' (as announced)';

/** The plan as announced: every facility with an `announced` date opens then. */
export function announcedSchedule(plan: Plan): Plan {
  const asAnnounced = <T extends { opens: string | number; announced?: string | number }>(f: T): T =>
    f.announced === undefined ? f : { ...f, opens: f.announced };
  return {
    ...plan,
    name: `${plan.name}${AS_ANNOUNCED}`,
    // Its Azerbaijani name is the plan's with the same words (Locale.planName), not the plan's alone.
    name_az: undefined,
    centers: plan.centers.map(asAnnounced),
    branches: plan.branches.map(asAnnounced),
  };
}
