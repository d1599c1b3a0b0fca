/** What is open when: facilities, dates and the year-end snapshots every analysis uses. */
import { dayKey, isPlanDay, parsePlanDate } from '../model/dates.js';
import { facilitiesOf, type Facility, type FacilityKind, type Plan } from '../model/plan.js';

/**
 * The sortable end-of-period key of a plan date (the plan is validated, so dates parse). A plan has
 * a few dozen distinct dates, asked for on every facility every year (and a 10,000-facility plan's
 * dates thousands of times each): each is parsed once.
 */
const endKeys = new Map<string | number, number>();

export function endKey(value: string | number): number {
  let key = endKeys.get(value);
  if (key === undefined) {
    const d = parsePlanDate(value);
    if (!isPlanDay(d)) throw new Error(`unvalidated date ${value}`);
    key = dayKey(d);
    endKeys.set(value, key);
  }
  return key;
}

export const yearEnd = (year: number) => year * 10000 + 1231;

/** Open on that day: opened on or before it, not closed on or before it. */
export function isOpenOn(f: Facility, key: number): boolean {
  return endKey(f.opens) <= key && (f.closes === undefined || endKey(f.closes) > key);
}

export function openOn(plan: Plan, key: number, kind?: FacilityKind): Facility[] {
  return facilitiesOf(plan).filter((f) => (kind === undefined || f.kind === kind) && isOpenOn(f, key));
}

export function planYears(plan: Plan): number[] {
  return Array.from({ length: plan.years.to - plan.years.from + 1 }, (_, i) => plan.years.from + i);
}
