/**
 * Plan dates are periods: 2026 means "some time in 2026", 2026-05 "some time in May 2026".
 * For counting what is open by a date we take the end of the period (an opening "in 2026" is
 * certain only on 31 December 2026), which is what planners mean by "open by end of year".
 */
import { english, type Said } from './said.js';
import { dayKey, daysInMonth, isPlanDay, type PlanDay, readPlanDate } from './plan-day.js';

export { dayKey, daysInMonth, isPlanDay, type PlanDay };

export type DateProblem = { kind: 'format' } | { kind: 'calendar'; detail: string; said: Said };

/** Parses a plan date to the last day of the period it names (plan-day.ts); a problem with its English text. */
export function parsePlanDate(value: string | number): PlanDay | DateProblem {
  const d = readPlanDate(value);
  return 'kind' in d && d.kind === 'calendar' ? { ...d, detail: english(d.said) } : d;
}

export function formatDay(d: PlanDay): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return d.precision === 'year' ? `${d.year}` : d.precision === 'month' ? `${d.year}-${mm}` : `${d.year}-${mm}-${dd}`;
}

/** Adds months to a month- or day-precision date; the day is clamped to the target month's length. */
export function addMonths(d: PlanDay, months: number): PlanDay {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = d.precision === 'day' ? Math.min(d.day, daysInMonth(year, month)) : daysInMonth(year, month);
  return { year, month, day, precision: d.precision };
}
